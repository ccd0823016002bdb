"""My meetings: requests received and sent, with accept, decline and cancel; the days I attend and
my availability; my agenda with its calendar feeds, and what I do on the day (cancel, mark, record the outcome)."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from fairmatch.auth.decorators import acting_enterprise
from fairmatch.auth.views import safe_next
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, DomainError, RuleViolation
from fairmatch.events.models import REGISTRATION_STATE_LABELS
from fairmatch.events.services import agenda_events
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.meetings import attendance, briefs, day, deals, documents, services
from fairmatch.meetings.codes import badge_code
from fairmatch.meetings.forms import MeetingRequestForm, OutcomeForm
from fairmatch.meetings.models import MEETING_STATE_LABELS, OUTCOME_LABELS
from fairmatch.meetings.schedule import agenda_of, host_booths, slots_of
from fairmatch.web.responses import pdf_response

blueprint = Blueprint("meetings", __name__)


@blueprint.app_template_global()
def meeting_ask(key: str) -> briefs.AskState | None:
    """For templates/meetings/_request.html, on whatever page offers the action: can the reader ask
    `key` for a meeting, and is a request between them already open?"""
    return briefs.ask_state(current_user.enterprise if current_user.is_authenticated else None, key)


@blueprint.get("/me/meetings")
@login_required
def mine():
    return _mine_page(acting_enterprise(), require_current_fair())


@dataclass(frozen=True)
class Answering:
    """An acceptance that was refused, shown again on its request's card as it was sent."""

    request_id: int
    days: set[date] | None
    place: str | None
    must_meet: bool
    error: str


def _mine_page(enterprise: Enterprise, fair: Fair, answering: Answering | None = None, status: int = 200):
    requests = services.requests_of(enterprise)
    booths = host_booths(fair)
    return render_template(
        "meetings/mine.html",
        enterprise=enterprise,
        requests=requests,
        requesters=briefs.requesters(requests, enterprise, fair.id, language()),
        scheduled=briefs.scheduled(requests),
        agenda_states=MEETING_STATE_LABELS,
        now=utcnow(),
        choices=services.accept_choices(enterprise, fair, booths),
        places=services.planned_booths(requests, booths),
        answering=answering,
    ), status


def _posted_days(fair: Fair) -> set[date]:
    """The fair's days ticked in the "which days will you be at the fair?" question."""
    ticked = set(request.form.getlist("attend"))
    return {d for d in attendance.slots_by_day(fair) if d.isoformat() in ticked}


@blueprint.route("/me/meetings/request", methods=["GET", "POST"])
@login_required
def ask():
    """Ask an enterprise for a meeting with the one request form (a message and a "must meet"
    mark), sent from a match card, a profile or the directory; back where it was sent from, where
    the action now shows the request's state."""
    sender = acting_enterprise()
    to = (request.values.get("to") or "")[:60]
    receiver = db.session.scalar(select(Enterprise).where(Enterprise.key == to))
    if receiver is None:
        abort(404)
    form = MeetingRequestForm(to=to, next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        try:
            services.request_meeting(sender, to, current_user, form.message.data, form.must_meet.data)
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
            status = refusal.status
        else:
            flash(_("Meeting request sent to %(name)s.", name=receiver.name(language())), "success")
            if form.next.data:
                return redirect(f"{safe_next(form.next.data).split('#')[0]}#{briefs.anchor_of(to)}")
            return redirect(url_for("meetings.mine"))
    elif form.errors:
        status = 422
    return render_template("meetings/ask.html", receiver=receiver, form=form), status


@blueprint.post("/me/meetings/<int:request_id>/<any(accept, decline, cancel):action>")
@login_required
def act(request_id: int, action: str):
    """Answer or cancel a request. Accepting may carry the days the receiver will be at the fair (while
    it has not said so yet) and where to meet; a refused acceptance shows the page again as it was sent."""
    meeting = services.request_for(request_id, current_user)
    if action == "cancel":
        services.cancel(meeting, current_user)
        flash(_("The meeting request is cancelled."), "info")
    elif action == "decline":
        services.answer(meeting, current_user, False, request.form.get("reason", "").strip()[:2000])
        flash(_("Declined; the other side has been told."), "info")
    else:
        fair = require_current_fair()
        must_meet = request.form.get("must_meet") == "1"
        days = _posted_days(fair) if "attendance" in request.form else None
        place = request.form.get("place") or None
        try:
            services.answer(meeting, current_user, True, must_meet=must_meet, days=days, place=place)
        except (RuleViolation, Conflict) as refusal:
            db.session.rollback()
            typed = Answering(request_id, days, place, must_meet, refusal.message)
            return _mine_page(acting_enterprise(), fair, typed, refusal.status)
        flash(_("Accepted: the organizer's scheduler will give the meeting a time and a table."), "info")
    return redirect(url_for("meetings.mine", _anchor=f"request-{meeting.id}"))


@blueprint.get("/me/agenda")
@login_required
def agenda():
    return _agenda_page(acting_enterprise(), require_current_fair())


@dataclass(frozen=True)
class Recording:
    """An outcome that was refused, shown again on its meeting's card as it was typed."""

    meeting_id: int
    form: OutcomeForm
    error: str


def _agenda_page(enterprise: Enterprise, fair: Fair, recording: Recording | None = None, status: int = 200):
    meetings = agenda_of(enterprise.id, fair)
    return render_template(
        "meetings/agenda.html",
        recording=recording,
        currencies=deals.currencies_of(fair),
        currency_label=deals.currency_label,
        deal_categories=deals.deal_categories,
        enterprise=enterprise,
        fair=fair,
        meetings=meetings,
        events=agenda_events(enterprise, fair),
        registration_states=REGISTRATION_STATE_LABELS,
        account_code=badge_code(current_user.id),  # what the event desk scans for a registered account
        codes=documents.meeting_qr_codes(meetings),
        has_feed=services.has_calendar_feed(current_user),
        now=utcnow(),
        early=day.EARLY_CHECK_IN,
        outcome_labels=OUTCOME_LABELS,
        state_labels=MEETING_STATE_LABELS,
        day_label=briefs.day_label,
    ), status


@blueprint.post("/me/agenda/<int:meeting_id>/<any(cancel, held, no_show, outcome):action>")
@login_required
def agenda_action(meeting_id: int, action: str):
    """From the agenda: either side cancels, the host marks held or no-show, either side records the
    outcome of a held meeting."""
    enterprise = acting_enterprise()
    meeting_fair = require_current_fair()
    meeting = day.meeting_for(meeting_id, meeting_fair)
    if enterprise not in (meeting.request.sender, meeting.request.receiver):
        abort(404)
    if action == "cancel":
        day.cancel(meeting, current_user, request.form.get("reason", "").strip()[:500])
        flash(_("Meeting cancelled; its slot is free and both sides have been told."), "info")
    elif action == "outcome":
        form = OutcomeForm()
        try:
            if not form.validate_on_submit():
                raise RuleViolation(" ".join(str(error) for errors in form.errors.values() for error in errors))
            day.record_outcome(meeting, enterprise, form.outcome.data, form.note.data or "", current_user, form.deal())
        except (RuleViolation, Conflict) as refusal:
            db.session.rollback()
            return _agenda_page(enterprise, meeting_fair, Recording(meeting.id, form, refusal.message), refusal.status)
        flash(_("Thank you: the outcome is recorded."), "success")
    else:
        day.mark(meeting, action, current_user)
        flash(_("Marked held.") if action == "held" else _("Marked not attended."), "success")
    return redirect(url_for("meetings.agenda", _anchor=f"meeting-{meeting.id}"))


@blueprint.route("/me/availability", methods=["GET", "POST"])
@login_required
def availability():
    """Which days the enterprise will be at the fair, and the sessions or single slots of those days
    in which it cannot meet. A refused answer shows the page again as it was sent."""
    enterprise = acting_enterprise()
    fair = require_current_fair()
    slots = slots_of(fair)
    error, status = None, 200
    if request.method == "POST":
        wanted = set(request.form.getlist("available"))
        off_sessions = set(request.form.getlist("session_off"))
        blocked = {s.id for s in slots if s.id not in wanted or f"{s.day.isoformat()}/{s.session}" in off_sessions}
        # A form without the days question (a script of the former page) changes the slots alone.
        days = _posted_days(fair) if "attendance" in request.form else None
        try:
            attendance.set_availability(enterprise, fair, blocked, current_user, days)
        except (RuleViolation, Conflict) as refusal:
            db.session.rollback()
            error, status = refusal.message, refusal.status
        else:
            flash(_("Your availability is saved; the next scheduler run respects it."), "success")
            return redirect(url_for("meetings.availability"))
        attending = days if days is not None else set(attendance.attended_days(fair, enterprise.id))
    else:
        attending = set(attendance.attended_days(fair, enterprise.id))
        stored = attendance.blocked_slots(fair, enterprise.id)
        # A day not attended shows its slots free, so that ticking the day again frees it whole.
        blocked = {s.id for s in slots if s.id in stored and s.day in attending}
    days_and_sessions = [
        (d, [(session, list(group)) for session, group in groupby(day_slots, key=lambda s: s.session)])
        for d, day_slots in groupby(slots, key=lambda s: s.day)
    ]
    return render_template(
        "meetings/availability.html",
        enterprise=enterprise,
        fair=fair,
        days=days_and_sessions,
        blocked=blocked,
        attending=attending,
        error=error,
    ), status


@blueprint.post("/me/agenda/feed")
@login_required
def calendar_feed():
    acting_enterprise()
    if request.form.get("action") == "revoke":
        services.revoke_calendar_feeds(current_user)
        flash(_("The calendar link no longer works."), "info")
        return redirect(url_for("meetings.agenda"))
    secret = services.new_calendar_feed(current_user)
    flash(
        _(
            "Your private calendar link (copy it now; it is shown once): %(url)s",
            url=url_for("meetings.feed", secret=secret, _external=True),
        ),
        "success",
    )
    return redirect(url_for("meetings.agenda"))


@blueprint.get("/ical/<secret>.ics")
def feed(secret: str):
    """The agenda for calendar apps, read without signing in through a private, revocable address."""
    user = services.user_of_feed(secret)
    if user is None or user.enterprise is None:
        abort(404)
    fair = require_current_fair()
    return _ics(documents.agenda_ics(user.enterprise, fair, user.locale or "vi"))


@blueprint.get("/me/agenda.pdf")
@login_required
def agenda_pdf():
    enterprise = acting_enterprise()
    return pdf_response(documents.agenda_pdf(enterprise, require_current_fair(), language()), "agenda.pdf")


@blueprint.get("/me/agenda.ics")
@login_required
def agenda_ics():
    # In the account's language, like the private feed: a calendar keeps the file, not the page's language.
    return _ics(documents.agenda_ics(acting_enterprise(), require_current_fair(), current_user.locale or "vi"))


def _ics(content: bytes) -> Response:
    response = Response(content, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'attachment; filename="agenda.ics"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
