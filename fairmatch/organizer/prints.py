"""The organizer's printed documents under /print/ (PDF; the bearer token works too)."""

from flask import Blueprint

from fairmatch.auth.decorators import role_required
from fairmatch.booths.documents import booth_signs_document, floor_plan_document
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.meetings.documents import all_agendas_pdf, meeting_grid_document, table_sheets_pdf
from fairmatch.organizer.documents import catalogue_document
from fairmatch.organizer.report_pdf import report_document
from fairmatch.people.badges import badges_document
from fairmatch.web.responses import pdf_response

blueprint = Blueprint("prints", __name__, url_prefix="/print")


@blueprint.get("/floorplan.pdf")
@role_required("organizer")
def floor_plan():
    return pdf_response(floor_plan_document(require_current_fair(), language()), "floorplan.pdf")


@blueprint.get("/catalogue.pdf")
@role_required("organizer")
def catalogue():
    return pdf_response(catalogue_document(require_current_fair(), language()), "catalogue.pdf")


@blueprint.get("/badges.pdf")
@role_required("organizer")
def badges():
    return pdf_response(badges_document(require_current_fair(), language()), "badges.pdf")


@blueprint.get("/agendas.pdf")
@role_required("organizer")
def agendas():
    return pdf_response(all_agendas_pdf(require_current_fair(), language()), "agendas.pdf")


@blueprint.get("/tables.pdf")
@role_required("organizer")
def tables():
    return pdf_response(table_sheets_pdf(require_current_fair(), language()), "tables.pdf")


@blueprint.get("/grid.pdf")
@role_required("organizer")
def grid():
    return pdf_response(meeting_grid_document(require_current_fair(), language()), "grid.pdf")


@blueprint.get("/booth-signs.pdf")
@role_required("organizer")
def booth_signs():
    return pdf_response(booth_signs_document(require_current_fair(), language()), "booth-signs.pdf")


@blueprint.get("/report.pdf")
@role_required("organizer")
def report():
    return pdf_response(report_document(require_current_fair(), language()), "report.pdf")
