"""The pages of side events: the public programme and event pages where members register their
enterprise's people, and the organizer's console (add, edit, check in, propose meetings)."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from fairmatch.auth.decorators import acting_enterprise, role_required
from fairmatch.database import utcnow
from fairmatch.errors import DomainError
from fairmatch.events import services
from fairmatch.events.forms import EventForm
from fairmatch.events.models import EVENT_KIND_LABELS, REGISTRATION_STATE_LABELS
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.people.services import people_of

blueprint = Blueprint("events", __name__)


@blueprint.get("/programme")
def programme():
    fair = require_current_fair()
    return render_template(
        "events/programme.html", fair=fair, days=services.programme(fair), kind_labels=EVENT_KIND_LABELS
    )


def _event_page(event, error: str | None = None, status: int = 200, chosen: int | None = None):
    fair = require_current_fair()
    enterprise = current_user.enterprise if current_user.is_authenticated else None
    mine = services.registrations_of(enterprise, fair, event) if enterprise else []
    named = people_of(enterprise, fair) if enterprise else []
    on_list = {r.person_id for r in mine}
    return render_template(
        "events/event.html",
        fair=fair,
        event=event,
        seats=services.seats(event),
        enterprise=enterprise,
        mine=mine,
        has_people=bool(named),
        people=[p for p in named if p.id not in on_list],
        self_registered=any(r.user_id == current_user.id for r in mine),
        open=utcnow() < event.ends_at,
        error=error,
        chosen=chosen,
        kind_labels=EVENT_KIND_LABELS,
        state_labels=REGISTRATION_STATE_LABELS,
    ), status


@blueprint.get("/events/<int:event_id>")
def event(event_id: int):
    return _event_page(services.event_of(require_current_fair(), event_id))


@blueprint.post("/events/<int:event_id>/register")
@login_required
def register(event_id: int):
    """A member registers one of the enterprise's people (or, with none named, themself)."""
    enterprise = acting_enterprise()
    event = services.event_of(require_current_fair(), event_id)
    person_id = request.form.get("person", type=int)
    try:
        registration = services.register(event, enterprise, current_user, person_id)
    except DomainError as refusal:
        db.session.rollback()
        return _event_page(event, refusal.message, refusal.status, person_id)
    if registration.state == "registered":
        flash(_("%(name)s is registered.", name=registration.name), "success")
    else:
        flash(
            _(
                "The event is full: %(name)s is on the waitlist and will be told if a seat frees.",
                name=registration.name,
            ),
            "info",
        )
    return redirect(url_for("events.event", event_id=event.id, _anchor="mine"))


@blueprint.post("/events/<int:event_id>/registrations/<int:registration_id>/leave")
@login_required
def leave(event_id: int, registration_id: int):
    event = services.event_of(require_current_fair(), event_id)
    registration = services.registration_for(event, registration_id, current_user)
    name = registration.name
    services.leave(registration, current_user)
    flash(_("%(name)s is off the event's list.", name=name), "info")
    if current_user.is_organizer:
        return redirect(url_for("events.edit", event_id=event.id, _anchor="registrations"))
    return redirect(url_for("events.event", event_id=event.id, _anchor="mine"))


@blueprint.route("/organizer/events", methods=["GET", "POST"])
@role_required("organizer")
def console():
    """The programme as the organizer keeps it, and the form to add an event."""
    fair = require_current_fair()
    form = EventForm(lang=language())
    status = 200
    if form.is_submitted():
        status = 422
        if form.validate():
            try:
                event = services.save_event(fair, current_user, **form.fields())
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
                status = refusal.status
            else:
                flash(_("“%(title)s” is on the programme.", title=event.title(language())), "success")
                return redirect(url_for("events.console"))
    elif not form.day.data:
        form.day.data = fair.starts_on
    days = services.programme(fair)
    counts = {event.id: services.seats(event) for _day, events in days for event in events}
    return render_template(
        "events/console.html", fair=fair, form=form, days=days, counts=counts, kind_labels=EVENT_KIND_LABELS
    ), status


@blueprint.route("/organizer/events/<int:event_id>", methods=["GET", "POST"])
@role_required("organizer")
def edit(event_id: int):
    fair = require_current_fair()
    event = services.event_of(fair, event_id)
    form = EventForm(obj=event, lang=language())
    status = 200
    if form.is_submitted():
        status = 422
        if form.validate():
            try:
                services.save_event(fair, current_user, event, **form.fields())
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
                status = refusal.status
            else:
                flash(_("Saved."), "success")
                return redirect(url_for("events.edit", event_id=event.id))
    else:
        form.day.data, form.start.data, form.end.data = services.local_span(fair, event)
    return render_template(
        "events/edit.html",
        fair=fair,
        event=event,
        form=form,
        seats=services.seats(event),
        registrations=services.registrations(event),
        state_labels=REGISTRATION_STATE_LABELS,
    ), status


@blueprint.route("/organizer/events/<int:event_id>/check-in", methods=["GET", "POST"])
@role_required("organizer")
def check_in(event_id: int):
    """The event's desk: scanning a registered person's badge marks them present, once."""
    event = services.event_of(require_current_fair(), event_id)
    outcome, code, status = None, "", 200
    if request.method == "POST":
        code = (request.form.get("code") or "")[:100]
        try:
            registration, first = services.check_in(event, code, current_user)
        except DomainError as refusal:
            db.session.rollback()
            outcome, status = {"error": refusal.message}, refusal.status
        else:
            outcome, code = {"registration": registration, "first": first}, ""
    registrations = services.registrations(event)
    return render_template(
        "events/check_in.html",
        event=event,
        outcome=outcome,
        code=code,
        attended=sum(1 for r in registrations if r.attended_at),
        registered=sum(1 for r in registrations if r.state == "registered"),
    ), status


@blueprint.post("/organizer/events/<int:event_id>/propose-meetings")
@role_required("organizer")
def propose(event_id: int):
    """Seed meeting requests between the presenting lead enterprise and the suppliers registered."""
    event = services.event_of(require_current_fair(), event_id)
    try:
        created, refused = services.propose_meetings(event, current_user)
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
    else:
        flash(ngettext("%(num)d meeting request proposed.", "%(num)d meeting requests proposed.", created), "success")
        for reason in refused:
            flash(reason, "error")
    return redirect(url_for("events.edit", event_id=event.id))
