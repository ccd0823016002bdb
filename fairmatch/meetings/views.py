"""My meetings: requests received and sent, with accept, decline and cancel."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import acting_enterprise
from fairmatch.i18n import language
from fairmatch.meetings import documents, services
from fairmatch.meetings.schedule import agenda_of
from fairmatch.organizer.models import require_current_fair
from fairmatch.organizer.prints import pdf_response

blueprint = Blueprint("meetings", __name__)


@blueprint.get("/me/meetings")
@login_required
def mine():
    enterprise = acting_enterprise()
    return render_template("meetings/mine.html", enterprise=enterprise, requests=services.requests_of(enterprise))


@blueprint.post("/me/meetings/request")
@login_required
def ask():
    meeting = services.request_meeting(acting_enterprise(), request.form.get("to", "")[:60], current_user,
                                       request.form.get("message", "").strip(), request.form.get("must_meet") == "1")
    flash(_("Meeting request sent to %(name)s.", name=meeting.receiver.name_vi or meeting.receiver.name_en), "success")
    return redirect(url_for("meetings.mine"))


@blueprint.post("/me/meetings/<int:request_id>/<any(accept, decline, cancel):action>")
@login_required
def act(request_id: int, action: str):
    meeting = services.request_for(request_id, current_user)
    if action == "cancel":
        services.cancel(meeting, current_user)
        flash(_("The meeting request is cancelled."), "info")
    else:
        services.answer(meeting, current_user, action == "accept", request.form.get("reason", "").strip()[:2000])
        flash(_("Accepted: the organizer's scheduler will give the meeting a time and a table.")
              if action == "accept" else _("Declined; the other side has been told."), "info")
    return redirect(url_for("meetings.mine"))


@blueprint.get("/me/agenda")
@login_required
def agenda():
    enterprise = acting_enterprise()
    fair = require_current_fair()
    meetings = agenda_of(enterprise.id, fair)
    return render_template("meetings/agenda.html", enterprise=enterprise, fair=fair, meetings=meetings,
                           codes=documents.meeting_qr_codes(meetings),
                           has_feed=services.has_calendar_feed(current_user))


@blueprint.post("/me/agenda/feed")
@login_required
def calendar_feed():
    acting_enterprise()
    if request.form.get("action") == "revoke":
        services.revoke_calendar_feeds(current_user)
        flash(_("The calendar link no longer works."), "info")
        return redirect(url_for("meetings.agenda"))
    secret = services.new_calendar_feed(current_user)
    flash(_("Your private calendar link (copy it now; it is shown once): %(url)s",
            url=url_for("meetings.feed", secret=secret, _external=True)), "success")
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
    return _ics(documents.agenda_ics(acting_enterprise(), require_current_fair(), language()))


def _ics(content: bytes) -> Response:
    response = Response(content, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'attachment; filename="agenda.ics"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
