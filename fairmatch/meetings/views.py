"""My meetings: requests received and sent, with accept, decline and cancel; my availability; my
agenda with its calendar feeds, and what I do on the day (cancel, mark, record the outcome)."""

from itertools import groupby

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from fairmatch.auth.decorators import acting_enterprise
from fairmatch.auth.views import safe_next
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.meetings import briefs, day, documents, services
from fairmatch.meetings.forms import MeetingRequestForm, OutcomeForm
from fairmatch.meetings.models import MEETING_STATE_LABELS, OUTCOME_LABELS
from fairmatch.meetings.schedule import agenda_of, slots_of, unavailable_slots
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
    enterprise = acting_enterprise()
    fair = require_current_fair()
    requests = services.requests_of(enterprise)
    return render_template(
        "meetings/mine.html",
        enterprise=enterprise,
        requests=requests,
        requesters=briefs.requesters(requests, enterprise, fair.id, language()),
        scheduled=briefs.scheduled(requests),
        agenda_states=MEETING_STATE_LABELS,
        now=utcnow(),
    )


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
    meeting = services.request_for(request_id, current_user)
    if action == "cancel":
        services.cancel(meeting, current_user)
        flash(_("The meeting request is cancelled."), "info")
    else:
        services.answer(
            meeting,
            current_user,
            action == "accept",
            request.form.get("reason", "").strip()[:2000],
            must_meet=request.form.get("must_meet") == "1",
        )
        flash(
            _("Accepted: the organizer's scheduler will give the meeting a time and a table.")
            if action == "accept"
            else _("Declined; the other side has been told."),
            "info",
        )
    return redirect(url_for("meetings.mine", _anchor=f"request-{meeting.id}"))


@blueprint.get("/me/agenda")
@login_required
def agenda():
    enterprise = acting_enterprise()
    fair = require_current_fair()
    meetings = agenda_of(enterprise.id, fair)
    return render_template(
        "meetings/agenda.html",
        enterprise=enterprise,
        fair=fair,
        meetings=meetings,
        codes=documents.meeting_qr_codes(meetings),
        has_feed=services.has_calendar_feed(current_user),
        now=utcnow(),
        early=day.EARLY_CHECK_IN,
        outcome_labels=OUTCOME_LABELS,
        state_labels=MEETING_STATE_LABELS,
        day_label=briefs.day_label,
    )


@blueprint.post("/me/agenda/<int:meeting_id>/<any(cancel, held, no_show, outcome):action>")
@login_required
def agenda_action(meeting_id: int, action: str):
    """From the agenda: either side cancels, the host marks held or no-show, either side records the
    outcome of a held meeting."""
    enterprise = acting_enterprise()
    meeting = day.meeting_for(meeting_id, require_current_fair())
    if enterprise not in (meeting.request.sender, meeting.request.receiver):
        abort(404)
    if action == "cancel":
        day.cancel(meeting, current_user, request.form.get("reason", "").strip()[:500])
        flash(_("Meeting cancelled; its slot is free and both sides have been told."), "info")
    elif action == "outcome":
        form = OutcomeForm()
        if not form.validate_on_submit():
            raise RuleViolation(" ".join(error for errors in form.errors.values() for error in errors))
        day.record_outcome(meeting, enterprise, form.outcome.data, form.note.data or "", current_user)
        flash(_("Thank you: the outcome is recorded."), "success")
    else:
        day.mark(meeting, action, current_user)
        flash(_("Marked held.") if action == "held" else _("Marked not attended."), "success")
    return redirect(url_for("meetings.agenda", _anchor=f"meeting-{meeting.id}"))


@blueprint.route("/me/availability", methods=["GET", "POST"])
@login_required
def availability():
    """Whole days, sessions or single slots in which the enterprise cannot meet."""
    enterprise = acting_enterprise()
    fair = require_current_fair()
    slots = slots_of(fair)
    if request.method == "POST":
        wanted = set(request.form.getlist("available"))
        off_days = set(request.form.getlist("day_off"))
        off_sessions = set(request.form.getlist("session_off"))
        unavailable = {
            s.id
            for s in slots
            if s.id not in wanted or s.day.isoformat() in off_days or f"{s.day.isoformat()}/{s.session}" in off_sessions
        }
        day.set_availability(enterprise, fair, unavailable, current_user)
        flash(_("Your availability is saved; the next scheduler run respects it."), "success")
        return redirect(url_for("meetings.availability"))
    blocked = unavailable_slots(fair)[enterprise.id]
    sessions = [((d, session), list(group)) for (d, session), group in groupby(slots, key=lambda s: (s.day, s.session))]
    return render_template(
        "meetings/availability.html", enterprise=enterprise, fair=fair, sessions=sessions, blocked=blocked
    )


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
