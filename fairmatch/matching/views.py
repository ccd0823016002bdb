"""Matching pages: my matches, sourcing requests, and the organizer's supply-chain reports."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from fairmatch.auth.decorators import acting_enterprise, role_required
from fairmatch.enterprises.models import Category
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.forms import options
from fairmatch.i18n import language
from fairmatch.matching import services, sourcing
from fairmatch.matching.chains import ROW_HEIGHT, chain_of
from fairmatch.matching.forms import SourcingRequestForm
from fairmatch.matching.reports import supply_chain_reports
from fairmatch.web.responses import spreadsheet

blueprint = Blueprint("matching", __name__)


@blueprint.get("/me/matches")
@login_required
def my_matches():
    enterprise = current_user.enterprise
    direction = request.args.get("direction", "suppliers")
    if direction not in services.DIRECTIONS:
        direction = "suppliers"
    filters = services.MatchFilters(sector=request.args.get("sector", "")[:40],
                                    at_fair=request.args.get("at_fair") == "1",
                                    verified=request.args.get("verified") == "1")
    further = request.args.get("further") == "1"
    matches = services.matches_for(enterprise.key, direction, 20, language(), filters, further) if enterprise else []
    if enterprise is not None:
        services.count_match_view(enterprise.id, len(matches))
    unmet = services.unmet_needs_of(enterprise.key, language()) if enterprise and direction == "suppliers" else []
    return render_template("matching/mine.html", enterprise=enterprise, matches=matches, direction=direction,
                           filters=filters, unmet=unmet, further=further)


@blueprint.post("/me/matches/not-relevant")
@login_required
def not_relevant():
    enterprise = acting_enterprise()
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
    return spreadsheet(report.header, report.rows, format, f"supply-chain-{slug}", report.title)


@blueprint.route("/me/requests", methods=["GET", "POST"])
@login_required
def my_requests():
    enterprise = acting_enterprise()
    form = SourcingRequestForm()
    form.category.choices = category_options()
    status = 200
    if form.validate_on_submit():
        data = {k: v for k, v in form.data.items() if k != "csrf_token"}
        try:
            posted = sourcing.post_request(enterprise, current_user, **data)
        except DomainError as refusal:
            form.form_errors.append(refusal.message)
            status = refusal.status
        else:
            flash(_("Request posted: here are the suppliers that fit it best."), "success")
            return redirect(url_for("matching.request_detail", request_id=posted.id))
    elif form.errors:
        status = 422
    return render_template("matching/requests.html", form=form, requests=sourcing.requests_of(enterprise)), status


@blueprint.get("/me/requests/<int:request_id>")
@login_required
def request_detail(request_id: int):
    wanted = sourcing.request_for(request_id, current_user)
    return render_template("matching/request.html", wanted=wanted,
                           matches=sourcing.suppliers_for(wanted, language()))


def category_options():
    english = language() == "en"
    rows = db.session.scalars(select(Category).order_by(Category.code))
    return options([("", _("Choose a category")),
                    *sorted(((c.code, c.name_en if english else c.name_vi) for c in rows), key=lambda o: o[1])])


@blueprint.get("/enterprises/<path:key>/chain")
def chain(key: str):
    enterprise = enterprise_by_key(key)
    if enterprise is None:
        abort(404)
    return render_template("matching/chain.html", enterprise=enterprise, products=chain_of(key, language()),
                           row_height=ROW_HEIGHT)
