"""The organizer's start page: what waits for a decision, and where each task lives."""

from flask import Blueprint, render_template

from fairmatch.auth.decorators import role_required
from fairmatch.booths.plan import PlanFilters, plan_page
from fairmatch.organizer.models import current_fair

blueprint = Blueprint("organizer", __name__, url_prefix="/organizer")


@blueprint.get("/")
@role_required("organizer")
def index():
    fair = current_fair()
    page = plan_page(fair, PlanFilters()) if fair else None
    return render_template("organizer/index.html", fair=fair, page=page)
