"""The organizer's start page (the fair at a glance, what waits for a decision, where each task
lives), the fair's spreadsheets and the audit log."""

from flask import Blueprint, render_template, request

from fairmatch.auth.decorators import role_required
from fairmatch.fairs.services import current_fair, require_current_fair
from fairmatch.i18n import language
from fairmatch.meetings.models import MEETING_STATE_LABELS, OUTCOME_LABELS
from fairmatch.organizer import charts
from fairmatch.organizer.audit_log import AuditFilters, audit_page, readable
from fairmatch.organizer.dashboard import BOOTH_STATUSES, dashboard
from fairmatch.organizer.exports import EXPORTS, export_title
from fairmatch.organizer.report import fair_report
from fairmatch.organizer.tasks import export_file

blueprint = Blueprint("organizer", __name__, url_prefix="/organizer")


@blueprint.get("/")
@role_required("organizer")
def index():
    fair = current_fair()
    figures = dashboard(fair, language()) if fair else None
    return render_template("organizer/index.html", fair=fair, figures=figures,
                           charts=charts.of(figures) if figures else None, exports=EXPORTS,
                           export_title=export_title, meeting_labels=MEETING_STATE_LABELS,
                           outcome_labels=OUTCOME_LABELS, booth_statuses=BOOTH_STATUSES)


@blueprint.get("/exports/<any(exhibitors, booths, meetings, einvoices):slug>.<any(csv, xlsx):format>")
@role_required("organizer")
def export(slug: str, format: str):
    return export_file(slug, format, require_current_fair())


@blueprint.get("/audit")
@role_required("organizer")
def audit():
    filters, errors = AuditFilters.from_args(request.args)
    return render_template("organizer/audit.html", page=audit_page(filters), filters=filters, errors=errors,
                           typed=request.args, readable=readable)


@blueprint.get("/report")
@role_required("organizer")
def report():
    fair = require_current_fair()
    return render_template("organizer/report.html", fair=fair, report=fair_report(fair, language()))
