"""Lists of people at the fair: an enterprise's booth staff or delegates (its members, or an organizer),
the organizer's guests, press and staff, the lists' limits and deadline, and one badge reprinted."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import acting_enterprise, require_member, role_required
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.people import services
from fairmatch.people.badges import badges_document
from fairmatch.people.forms import PeopleSettingsForm, PersonForm, VisitorForm
from fairmatch.people.models import PERSON_ROLE_LABELS
from fairmatch.web.responses import pdf_response

blueprint = Blueprint("people", __name__)


def _enterprise(key: str):
    enterprise = enterprise_by_key(key)
    if enterprise is None:
        abort(404)
    require_member(enterprise)
    return enterprise


def _fields(form) -> dict:
    return {name: form[name].data or "" for name in services.FIELDS if name in form}


@blueprint.get("/me/people")
@login_required
def mine():
    """The signed-in member's own enterprise list."""
    return redirect(url_for("people.enterprise_list", key=acting_enterprise().key))


@blueprint.route("/enterprises/<path:key>/people", methods=["GET", "POST"])
@login_required
def enterprise_list(key: str):
    enterprise = _enterprise(key)
    fair = require_current_fair()
    form = PersonForm()
    status = 200
    if form.is_submitted():
        status = 422
        if form.validate():
            try:
                person = services.add_person(enterprise, fair, current_user, **_fields(form))
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
                status = refusal.status
            else:
                flash(_("%(name)s is on the list.", name=person.full_name), "success")
                return redirect(url_for("people.enterprise_list", key=enterprise.key))
    return render_template(
        "people/list.html",
        fair=fair,
        enterprise=enterprise,
        form=form,
        people=services.people_of(enterprise, fair),
        rights=services.allowance(enterprise, fair),
        open=services.lists_open(fair),
        role_labels=PERSON_ROLE_LABELS,
    ), status


@blueprint.route("/enterprises/<path:key>/people/<int:person_id>", methods=["GET", "POST"])
@login_required
def edit(key: str, person_id: int):
    enterprise = _enterprise(key)
    fair = require_current_fair()
    person = services.person_of(enterprise, fair, person_id)
    return _person_page(
        PersonForm(obj=person),
        person,
        fair,
        enterprise=enterprise,
        lists_open=services.lists_open(fair),
        back=url_for("people.enterprise_list", key=enterprise.key),
        remove=url_for("people.remove", key=enterprise.key, person_id=person.id),
    )


def _person_page(form, person, fair, *, enterprise, lists_open: bool, back: str, remove: str):
    """One person's page: saved and back to `back` when the form is valid and the rules allow the
    change; otherwise the form again with what was typed and why (422, or the rule's status)."""
    status = 200
    if form.is_submitted():
        status = 422
        if form.validate():
            fields = _fields(form) | ({"role": form.role.data} if "role" in form else {})
            try:
                services.update_person(person, fair, current_user, **fields)
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
                status = refusal.status
            else:
                flash(_("Saved."), "success")
                return redirect(back)
    return render_template(
        "people/edit.html",
        fair=fair,
        enterprise=enterprise,
        person=person,
        form=form,
        open=lists_open,
        back=back,
        remove=remove,
    ), status


@blueprint.post("/enterprises/<path:key>/people/<int:person_id>/remove")
@login_required
def remove(key: str, person_id: int):
    enterprise = _enterprise(key)
    fair = require_current_fair()
    person = services.person_of(enterprise, fair, person_id)
    name = person.full_name
    try:
        services.remove_person(person, fair, current_user)
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
    else:
        flash(_("%(name)s is off the list.", name=name), "info")
    return redirect(url_for("people.enterprise_list", key=enterprise.key))


@blueprint.route("/organizer/people", methods=["GET", "POST"])
@role_required("organizer")
def console():
    """Everyone badged for the fair, and the organizer's own guests, press and staff."""
    fair = require_current_fair()
    form = VisitorForm()
    status = 200
    if form.is_submitted():
        status = 422
        if form.validate():
            person = services.add_visitor(fair, current_user, role=form.role.data, **_fields(form))
            flash(_("%(name)s is on the list.", name=person.full_name), "success")
            return redirect(url_for("people.console"))
    return render_template(
        "people/console.html", fair=fair, form=form, people=services.everyone(fair), role_labels=PERSON_ROLE_LABELS
    ), status


@blueprint.route("/organizer/people/settings", methods=["GET", "POST"])
@role_required("organizer")
def settings():
    fair = require_current_fair()
    form = PeopleSettingsForm(obj=fair)
    if form.validate_on_submit():
        services.update_settings(
            fair,
            current_user,
            staff_per_booth=form.staff_per_booth.data,
            delegates_per_buyer=form.delegates_per_buyer.data,
            due_on=form.people_due_on.data,
        )
        flash(_("Saved."), "success")
        return redirect(url_for("people.console"))
    return render_template("people/settings.html", fair=fair, form=form), 422 if form.is_submitted() else 200


@blueprint.route("/organizer/people/<int:person_id>", methods=["GET", "POST"])
@role_required("organizer")
def visitor(person_id: int):
    """The organizer changes one of its guests, press or staff."""
    fair = require_current_fair()
    person = services.person_of(None, fair, person_id)
    return _person_page(
        VisitorForm(obj=person),
        person,
        fair,
        enterprise=None,
        lists_open=True,
        back=url_for("people.console"),
        remove=url_for("people.remove_visitor", person_id=person.id),
    )


@blueprint.post("/organizer/people/<int:person_id>/remove")
@role_required("organizer")
def remove_visitor(person_id: int):
    fair = require_current_fair()
    person = services.person_of(None, fair, person_id)
    name = person.full_name
    services.remove_person(person, fair, current_user)
    flash(_("%(name)s is off the list.", name=name), "info")
    return redirect(url_for("people.console"))


@blueprint.get("/organizer/people/<int:person_id>/badge.pdf")
@role_required("organizer")
def badge(person_id: int):
    """One person's badge, to reprint at the check-in desk."""
    fair = require_current_fair()
    person = db.session.get(services.FairPerson, person_id)
    if person is None or person.fair_id != fair.id:
        abort(404)
    return pdf_response(badges_document(fair, language(), [person]), f"badge-{person.id}.pdf")
