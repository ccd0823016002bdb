"""The organizer's printed documents under /print/ (PDF; the bearer token works too): each answers
200 with the PDF when a fresh one is stored, else 202 with the job that builds it
(`fairmatch.organizer.tasks`)."""

from flask import Blueprint

from fairmatch.auth.decorators import role_required
from fairmatch.fairs.services import require_current_fair
from fairmatch.organizer.tasks import print_document

blueprint = Blueprint("prints", __name__, url_prefix="/print")


@blueprint.get("/floorplan.pdf")
@role_required("organizer")
def floor_plan():
    return print_document("floorplan", require_current_fair())


@blueprint.get("/catalogue.pdf")
@role_required("organizer")
def catalogue():
    return print_document("catalogue", require_current_fair())


@blueprint.get("/badges.pdf")
@role_required("organizer")
def badges():
    return print_document("badges", require_current_fair())


@blueprint.get("/agendas.pdf")
@role_required("organizer")
def agendas():
    return print_document("agendas", require_current_fair())


@blueprint.get("/tables.pdf")
@role_required("organizer")
def tables():
    return print_document("tables", require_current_fair())


@blueprint.get("/grid.pdf")
@role_required("organizer")
def grid():
    return print_document("grid", require_current_fair())


@blueprint.get("/booth-signs.pdf")
@role_required("organizer")
def booth_signs():
    return print_document("booth-signs", require_current_fair())


@blueprint.get("/report.pdf")
@role_required("organizer")
def report():
    return print_document("report", require_current_fair())
