"""The organizer's meeting console: settings, run the scheduler, review the draft (grid, load per
slot and per participant, breaks, unplaced requests with reasons and remedies), lock or move single
meetings, publish, cancel, and fill freed slots; plus the check-in desk where badges and meeting
codes are scanned."""

from flask import Blueprint, flash, make_response, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.errors import DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.forms import options
from fairmatch.i18n import language
from fairmatch.jobs.runner import latest_active
from fairmatch.meetings import day, desk, schedule
from fairmatch.meetings.forms import MeetingSettingsForm, MoveForm, sessions_text
from fairmatch.meetings.models import MEETING_STATE_LABELS, OUTCOME_LABELS, Meeting
from fairmatch.meetings.review import PARTICIPANT_ORDERS, draft_review
from fairmatch.meetings.schedule import RUN_STATUS_LABELS, slots_of, table_labels
from fairmatch.meetings.tasks import start_schedule_run
from fairmatch.people.models import SCAN_RESULT_LABELS

blueprint = Blueprint("meeting_console", __name__, url_prefix="/organizer")
TIME_LIMITS = (2, 10, 30, 60)


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
                schedule.update_settings(
                    fair,
                    current_user,
                    sessions=form.sessions.sessions,
                    slot_minutes=form.slot_minutes.data,
                    tables=form.tables.data,
                    at_booths=form.at_booths.data,
                    max_requests=form.max_requests.data,
                    max_meetings=form.max_meetings.data,
                )
            except DomainError as refusal:
                db.session.rollback()
                form.form_errors.append(refusal.message)
            else:
                flash(_("Meeting settings saved."), "success")
                return redirect(url_for("meeting_console.index"))
    else:
        form = _settings_form(fair)
    return render_template("meetings/console.html", fair=fair, form=form, **_review(fair)), status


def _settings_form(fair) -> MeetingSettingsForm:
    form = MeetingSettingsForm()
    form.process(
        formdata=None,
        data={
            "sessions": sessions_text(fair.meeting_sessions),
            "slot_minutes": fair.meeting_slot_minutes,
            "tables": fair.meeting_tables,
            "at_booths": fair.meetings_at_booths,
            "max_requests": fair.max_requests_per_enterprise,
            "max_meetings": fair.max_meetings_per_enterprise,
        },
    )
    return form


def _review(fair) -> dict:
    """The review of the draft, for the participant (`?who=`) and the order of the loads (`?by=`)
    the page asks for."""
    order = request.args.get("by")
    if order not in PARTICIPANT_ORDERS:
        order = PARTICIPANT_ORDERS[0]
    return draft_review(fair, request.args.get("who", type=int), order) | {
        "state_labels": MEETING_STATE_LABELS,
        "status_labels": RUN_STATUS_LABELS,
        "time_limits": TIME_LIMITS,
        "running_run": latest_active("schedule"),
    }


@blueprint.post("/meetings/run")
def run():
    fair = require_current_fair()
    time_limit = request.form.get("time_limit", type=int)
    if time_limit not in TIME_LIMITS:
        time_limit = TIME_LIMITS[0]
    job = start_schedule_run(fair, time_limit, False, current_user, language())
    return redirect(url_for("jobs.page", job_id=job.id), 303)


@blueprint.post("/meetings/publish")
def publish():
    fair = require_current_fair()
    try:
        published = schedule.publish(fair, current_user, past_confirmed=request.form.get("publish_past") == "y")
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        return render_template(
            "meetings/console.html",
            fair=fair,
            form=_settings_form(fair),
            **_review(fair),
        ), refusal.status
    flash(_("%(n)d meetings published; both sides of each have been told.", n=published), "success")
    return redirect(url_for("meeting_console.index"))


@blueprint.route("/meetings/<int:meeting_id>", methods=["GET", "POST"])
def meeting(meeting_id: int):
    fair = require_current_fair()
    chosen = day.meeting_for(meeting_id, fair)
    form = MoveForm()
    form.slot.choices = options((s.id, format_datetime(s.starts_at, "short")) for s in slots_of(fair))
    form.place.choices = options(
        [(t, t) for t in table_labels(fair)] + ([("booth", _("Host's booth"))] if fair.meetings_at_booths else [])
    )
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
    return render_template(
        "meetings/console_meeting.html",
        fair=fair,
        meeting=chosen,
        form=form,
        state_labels=MEETING_STATE_LABELS,
        outcome_labels=OUTCOME_LABELS,
    ), status


def _act(chosen: Meeting, fair, form: MoveForm) -> None:
    action = request.form.get("action")
    if action == "move":
        if not form.validate_on_submit():
            raise RuleViolation(_("The form expired or was sent from elsewhere. Reload the page and try again."))
        day.move(chosen, form.slot.data, form.place.data, current_user)
        flash(_("Meeting moved and locked in its new place."), "success")
    elif action in ("lock", "unlock"):
        day.set_locked(chosen, action == "lock", current_user)
        flash(
            _("Locked: a rerun keeps this meeting where it is.")
            if action == "lock"
            else _("Unlocked: a rerun may place this meeting elsewhere."),
            "info",
        )
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
    placed = day.place_waiting(
        fair,
        request.form.get("request", type=int) or 0,
        request.form.get("slot", ""),
        request.form.get("place", ""),
        current_user,
    )
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
            outcome = desk.check_in(fair, code, current_user)
            code = ""
        except DomainError as refusal:
            db.session.rollback()
            outcome, status = {"error": refusal.message}, refusal.status
    page = make_response(
        render_template(
            "meetings/check_in.html",
            fair=fair,
            outcome=outcome,
            code=code,
            arrivals=desk.arrival_count(fair),
            scans=desk.recent_scans(fair, current_user),
            result_labels=SCAN_RESULT_LABELS,
        ),
        status,
    )
    page.headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()"  # the scanner
    return page
