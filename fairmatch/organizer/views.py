"""The organizer's start page: what waits for a decision, and where each task lives."""

from flask import Blueprint, render_template

from fairmatch.auth.decorators import role_required
from fairmatch.booths.plan import PlanFilters, plan_page
from fairmatch.i18n import language
from fairmatch.organizer.models import current_fair, require_current_fair
from fairmatch.organizer.report import fair_report

blueprint = Blueprint("organizer", __name__, url_prefix="/organizer")


@blueprint.get("/")
@role_required("organizer")
def index():
    fair = current_fair()
    page = plan_page(fair, PlanFilters()) if fair else None
    return render_template("organizer/index.html", fair=fair, page=page)


@blueprint.get("/report")
@role_required("organizer")
def report():
    fair = require_current_fair()
    return render_template("organizer/report.html", fair=fair, report=fair_report(fair, language()))
