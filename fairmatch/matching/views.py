"""My matches: ranked suppliers or customers with their explanations."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import role_required
from fairmatch.enterprises.tabular import as_csv, as_xlsx
from fairmatch.errors import NotAllowed
from fairmatch.i18n import language
from fairmatch.matching import services
from fairmatch.matching.reports import supply_chain_reports

blueprint = Blueprint("matching", __name__)


@blueprint.get("/me/matches")
@login_required
def my_matches():
    enterprise = current_user.enterprise
    direction = request.args.get("direction", "suppliers")
    if direction not in services.DIRECTIONS:
        direction = "suppliers"
    matches = services.matches_for(enterprise.key, direction, 20, language()) if enterprise else []
    return render_template("matching/mine.html", enterprise=enterprise, matches=matches, direction=direction)


@blueprint.post("/me/matches/not-relevant")
@login_required
def not_relevant():
    enterprise = current_user.enterprise
    if enterprise is None:
        raise NotAllowed(_("Your account does not act for an approved enterprise yet."))
    direction = request.form.get("direction", "")
    services.mark_not_relevant(enterprise, request.form.get("partner", "")[:60], direction, current_user)
    flash(_("Noted: this enterprise will not be proposed again."), "info")
    return redirect(url_for("matching.my_matches", direction=direction))


@blueprint.get("/organizer/supply-chain")
@role_required("organizer")
def supply_chain():
    return render_template("matching/reports.html", reports=supply_chain_reports(language()))


@blueprint.get("/organizer/supply-chain/<any(gaps, nuclei, hubs):slug>.<any(csv, xlsx):format>")
@role_required("organizer")
def supply_chain_export(slug: str, format: str):
    report = next(r for r in supply_chain_reports(language()) if r.slug == slug)
    if format == "csv":
        content, mimetype = as_csv(report.header, report.rows), "text/csv; charset=utf-8"
    else:
        content = as_xlsx(report.header, report.rows, report.title)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="supply-chain-{slug}.{format}"'
    return response
