"""The organizer's meeting console: settings, run the scheduler, review the draft (grid, loads,
unplaced requests with reasons), lock or move single meetings, publish, cancel, and fill freed
slots; plus the check-in desk where badges and meeting codes are scanned."""

from itertools import groupby

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.audit.services import record
from fairmatch.auth.decorators import role_required
from fairmatch.auth.models import User
from fairmatch.errors import DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.forms import options
from fairmatch.meetings import day
from fairmatch.meetings.codes import read_code
from fairmatch.meetings.forms import MeetingSettingsForm, MoveForm, sessions_text
from fairmatch.meetings.labels import MEETING_STATE_LABELS, OUTCOME_LABELS, RUN_STATUS_LABELS
from fairmatch.meetings.models import ON_AGENDA, Arrival, Meeting, MeetingRequest
from fairmatch.meetings.schedule import live_meetings, publish_drafts, schedule_meetings, slots_of, table_labels
from fairmatch.organizer.models import require_current_fair

blueprint = Blueprint("meeting_console", __name__, url_prefix="/organizer")
TIME_LIMITS = (2, 10, 30)


@blueprint.before_request
@role_required("organizer")
def organizers_only():
    """Every page and action here is for organizers."""


@blueprint.route("/meetings", methods=["GET", "POST"])
def index():
    fair = require_current_fair()
    form = MeetingSettingsForm()
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            try:
                _save_settings(fair, form)
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
            else:
                flash(_("Meeting settings saved."), "success")
                return redirect(url_for("meeting_console.index"))
    else:
        form.process(data={"sessions": sessions_text(fair.meeting_sessions), "slot_minutes": fair.meeting_slot_minutes,
                           "tables": fair.meeting_tables, "at_booths": fair.meetings_at_booths,
                           "max_requests": fair.max_requests_per_enterprise,
                           "max_meetings": fair.max_meetings_per_enterprise})
    return render_template("meetings/console.html", fair=fair, form=form, **_review(fair)), status


def _save_settings(fair, form: MeetingSettingsForm) -> None:
    timing_changed = (form.sessions.sessions != fair.meeting_sessions
                      or form.slot_minutes.data != fair.meeting_slot_minutes)
    if timing_changed and db.session.scalar(
        select(Meeting.id).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA)).limit(1)
    ) is not None:
        raise RuleViolation(_("Meetings are already published: the sessions and slot length can no longer change."))
    fair.meeting_sessions, fair.meeting_slot_minutes = form.sessions.sessions, form.slot_minutes.data
    fair.meeting_tables, fair.meetings_at_booths = form.tables.data, form.at_booths.data
    fair.max_requests_per_enterprise, fair.max_meetings_per_enterprise = form.max_requests.data, form.max_meetings.data
    record("meeting_settings.changed", fair, {"sessions": fair.meeting_sessions, "tables": fair.meeting_tables},
           actor=current_user)
    db.session.commit()


def _review(fair) -> dict:
    """What the organizer reviews: the grid by day, loads, the last run's unplaced requests."""
    meetings = db.session.scalars(live_meetings(fair).order_by(Meeting.starts_at, Meeting.table, Meeting.booth)).all()
    slots = slots_of(fair)
    by_cell = {(m.slot_id, m.table or m.booth): m for m in meetings}
    busy = {m.slot_id for m in meetings}
    by_day = [(d, list(group)) for d, group in groupby(slots, key=lambda s: s.day)]
    used_tables = {m.table for m in meetings}
    places = [t for t in table_labels(fair) if t in used_tables]
    places += sorted({m.booth for m in meetings if m.booth})
    last_run = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action.in_(("schedule.drafted", "schedule.published")),
                                 AuditEntry.record_type == "Fair", AuditEntry.record_id == str(fair.id))
        .order_by(AuditEntry.id.desc()).limit(1)
    )
    unplaced = []
    if last_run is not None:
        placed = {m.request_id for m in meetings}
        for item in last_run.details.get("unscheduled", []):
            meeting_request = db.session.get(MeetingRequest, item["request"])
            if meeting_request is not None and meeting_request.state == "accepted" and meeting_request.id not in placed:
                unplaced.append((meeting_request, item["reason"]))
    counts = dict(db.session.execute(select(Meeting.state, func.count()).where(Meeting.fair_id == fair.id)
                                     .group_by(Meeting.state)).all())
    return {
        # Days without any meeting are left out of the grid.
        "days": [(d, day_slots) for d, day_slots in by_day if any(s.id in busy for s in day_slots)],
        "places": places, "by_cell": by_cell, "loads": day.loads(fair), "unplaced": unplaced, "last_run": last_run,
        "counts": counts, "offers": day.freed_slot_offers(fair), "state_labels": MEETING_STATE_LABELS,
        "status_labels": RUN_STATUS_LABELS,
        "time_limits": TIME_LIMITS,
    }


@blueprint.post("/meetings/run")
def run():
    fair = require_current_fair()
    time_limit = request.form.get("time_limit", type=int)
    if time_limit not in TIME_LIMITS:
        time_limit = TIME_LIMITS[0]
    result = schedule_meetings(fair, time_limit=time_limit, actor=current_user)
    flash(_("Draft ready: %(placed)d meetings placed, %(unplaced)d not placed. Review it, then publish.",
            placed=result["stats"]["scheduled"], unplaced=len(result["unscheduled"])), "success")
    return redirect(url_for("meeting_console.index"))


@blueprint.post("/meetings/publish")
def publish():
    fair = require_current_fair()
    published = publish_drafts(fair)
    record("meetings.published", fair, {"published": published}, actor=current_user)
    db.session.commit()
    flash(_("%(n)d meetings published; both sides of each have been told.", n=published), "success")
    return redirect(url_for("meeting_console.index"))


@blueprint.route("/meetings/<int:meeting_id>", methods=["GET", "POST"])
def meeting(meeting_id: int):
    fair = require_current_fair()
    chosen = day.meeting_for(meeting_id, fair)
    form = MoveForm()
    form.slot.choices = options((s.id, format_datetime(s.starts_at, "short")) for s in slots_of(fair))
    form.place.choices = options([(t, t) for t in table_labels(fair)]
                                 + ([("booth", _("Host's booth"))] if fair.meetings_at_booths else []))
    status = 200
    if request.method == "POST":
        try:
            _act(chosen, fair, form)
            return redirect(url_for("meeting_console.meeting", meeting_id=chosen.id))
        except DomainError as refusal:
            db.session.rollback()
            flash(refusal.message, "error")
            status = refusal.status
    else:
        form.process(data={"slot": chosen.slot_id, "place": chosen.table or "booth"})
    return render_template("meetings/console_meeting.html", fair=fair, meeting=chosen, form=form,
                           state_labels=MEETING_STATE_LABELS, outcome_labels=OUTCOME_LABELS), status


def _act(chosen: Meeting, fair, form: MoveForm) -> None:
    action = request.form.get("action")
    if action == "move":
        if not form.validate_on_submit():
            raise RuleViolation(_("The form expired or was sent from elsewhere. Reload the page and try again."))
        day.move(chosen, form.slot.data, form.place.data, current_user)
        flash(_("Meeting moved and locked in its new place."), "success")
    elif action in ("lock", "unlock"):
        day.set_locked(chosen, action == "lock", current_user)
        flash(_("Locked: a rerun keeps this meeting where it is.") if action == "lock"
              else _("Unlocked: a rerun may place this meeting elsewhere."), "info")
    elif action == "cancel":
        day.cancel(chosen, current_user, request.form.get("reason", "").strip()[:500])
        flash(_("Meeting cancelled; its slot is free and both sides have been told."), "info")
    elif action in ("held", "no_show"):
        day.mark(chosen, action, current_user)
        flash(_("Marked held.") if action == "held" else _("Marked not attended."), "success")
    else:
        raise RuleViolation(_("Choose an action."))


@blueprint.post("/meetings/offers")
def fill_freed_slot():
    fair = require_current_fair()
    waiting = db.session.get(MeetingRequest, request.form.get("request", type=int) or 0)
    if waiting is None:
        raise RuleViolation(_("Choose an action."))
    placed = day.place_waiting(fair, waiting, request.form.get("slot", ""), request.form.get("place", ""), current_user)
    flash(_("Meeting placed in the freed slot and published; both sides have been told."), "success")
    return redirect(url_for("meeting_console.meeting", meeting_id=placed.id))


@blueprint.route("/check-in", methods=["GET", "POST"])
def check_in():
    """Staff scan a badge (the person has arrived) or a meeting code (the meeting is held)."""
    fair = require_current_fair()
    outcome, status = None, 200
    code = request.form.get("code", "")
    if request.method == "POST":
        try:
            outcome = _check_in(fair, code)
            code = ""
        except DomainError as refusal:
            db.session.rollback()
            outcome, status = {"error": refusal.message}, refusal.status
    arrivals = db.session.scalar(select(func.count(Arrival.id)).where(Arrival.fair_id == fair.id))
    return render_template("meetings/check_in.html", fair=fair, outcome=outcome, code=code, arrivals=arrivals), status


def _check_in(fair, code: str) -> dict:
    found = read_code(code)
    if found is None:
        raise RuleViolation(_("This code is not a fairmatch badge or meeting code. Scan it again or type it."))
    kind, number = found
    if kind == "meeting":
        meeting = day.meeting_for(number, fair)
        day.mark(meeting, "held", current_user)
        return {"meeting": meeting}
    person = db.session.get(User, number)
    if person is None or not person.active:
        raise RuleViolation(_("This badge belongs to no active account."))
    arrival = db.session.scalar(select(Arrival).where(Arrival.fair_id == fair.id, Arrival.user_id == person.id))
    first = arrival is None
    if first:
        arrival = Arrival(fair_id=fair.id, user_id=person.id, recorded_by_id=current_user.id)
        db.session.add(arrival)
        record("arrival.recorded", person, actor=current_user)
        db.session.commit()
    return {"person": person, "arrival": arrival, "first": first}
