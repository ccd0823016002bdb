"""Fair editions for organizers: the list, a new edition copied from an earlier one, a past
edition's plan (read-only), and which edition is current."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.booths.letterhead import DOCUMENT_SETTINGS, update_document_settings
from fairmatch.booths.models import BOOTH_TYPE_LABELS
from fairmatch.booths.plan import PlanFilters, plan_page
from fairmatch.booths.queries import booth_counts
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs import services as editions
from fairmatch.fairs.models import Fair
from fairmatch.forms import options
from fairmatch.i18n import language
from fairmatch.organizer.editions import copy_edition
from fairmatch.organizer.forms import DocumentSettingsForm, EditionForm

blueprint = Blueprint("editions", __name__, url_prefix="/organizer/editions")


@blueprint.before_request
@role_required("organizer")
def organizers_only():
    """Every page here is for organizers only."""


def _next_year(text: str, year: int) -> str:
    return text.replace(str(year), str(year + 1))


def _edition_form(fairs: list[Fair]) -> EditionForm:
    latest = fairs[0] if fairs else None
    data = None
    # The proposed names and dates fill the empty form; a sent form is taken as sent (an empty one
    # is refused, never completed with the proposal).
    if latest is not None and request.method == "GET":
        year = latest.starts_on.year
        data = {"source": latest.id, "name_vi": _next_year(latest.name_vi, year),
                "name_en": _next_year(latest.name_en, year),
                "starts_on": _same_day_next_year(latest.starts_on), "ends_on": _same_day_next_year(latest.ends_on)}
    form = EditionForm(data=data)
    form.source.choices = options((f.id, f.name(language())) for f in fairs)
    return form


def _same_day_next_year(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@blueprint.route("/", methods=["GET", "POST"])
def index():
    fairs = editions.editions()
    form = _edition_form(fairs)
    status = 200
    if form.validate_on_submit():
        try:
            fair = copy_edition(editions.edition_by_id(form.source.data), current_user,
                                name_vi=form.name_vi.data, name_en=form.name_en.data,
                                starts_on=form.starts_on.data, ends_on=form.ends_on.data)
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
            status = refusal.status
        else:
            flash(_("%(name)s is created from a copy of the earlier layout. Mark it current when its sales open.",
                    name=fair.name(language())), "success")
            return redirect(url_for("editions.edition", fair_id=fair.id))
    elif form.errors:
        status = 422
    return render_template("organizer/editions.html", fairs=fairs, form=form, counts=booth_counts()), status


@blueprint.get("/<int:fair_id>")
def edition(fair_id: int):
    fair = editions.edition_by_id(fair_id)
    form = DocumentSettingsForm(data={name: getattr(fair, name) for name in DOCUMENT_SETTINGS})
    return _edition_page(fair, form)


@blueprint.post("/<int:fair_id>/documents")
def document_settings(fair_id: int):
    fair = editions.edition_by_id(fair_id)
    form = DocumentSettingsForm()
    if not form.validate_on_submit():
        return _edition_page(fair, form), 422
    update_document_settings(fair, {name: getattr(form, name).data for name in DOCUMENT_SETTINGS}, actor=current_user)
    flash(_("Document and bank settings saved: the next payment request and report print them."), "success")
    return redirect(url_for("editions.edition", fair_id=fair.id, _anchor="documents"))


def _edition_page(fair: Fair, form: DocumentSettingsForm):
    page = plan_page(fair, PlanFilters())
    return render_template("organizer/edition.html", fair=fair, page=page, type_labels=BOOTH_TYPE_LABELS,
                           read_only=True, form=form)


@blueprint.post("/<int:fair_id>/current")
def mark_current(fair_id: int):
    fair = editions.mark_current(editions.edition_by_id(fair_id), current_user)
    flash(_("%(name)s is now the current edition: the plan, booth sales and meetings act on it.",
            name=fair.name(language())), "success")
    return redirect(url_for("editions.index"))
