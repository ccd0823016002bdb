"""The JSON API under /api/v1 (see INTERFACES.md); errors are problem documents."""

from functools import wraps
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.api import booths
from fairmatch.api.openapi import openapi_document
from fairmatch.auth.decorators import acting_enterprise
from fairmatch.enterprises.services import PAGE_SIZE, search_enterprises
from fairmatch.enterprises.views import directory_query
from fairmatch.errors import RuleViolation, error_response
from fairmatch.extensions import csrf
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.jobs.views import job_document, job_response, visible_job
from fairmatch.matching.services import MAX_LIMIT, count_match_view, matches_for
from fairmatch.meetings import services as meetings
from fairmatch.meetings.schedule import agenda_of
from fairmatch.meetings.tasks import LONGEST, SHORTEST, start_schedule_run

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(blueprint)


@blueprint.before_request
def protect_session_writes():
    """Bearer-token calls carry no cookie to forge; browser-session writes need the CSRF token."""
    bearer = request.headers.get("Authorization", "").startswith("Bearer ")
    if request.method not in ("GET", "HEAD", "OPTIONS") and not bearer and current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()


def signed_in(view):
    """401 as a problem document for anonymous callers (the API never redirects to a login page)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return error_response(401)
        return view(*args, **kwargs)

    return wrapped


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@blueprint.get("/enterprises")
def enterprises():
    """The directory search with the directory's filters, one page at a time."""
    result = search_enterprises(directory_query())
    return jsonify(
        items=[
            {
                "key": e.key,
                "tax_code": e.tax_code,
                "name_vi": e.name_vi,
                "name_en": e.name_en,
                "kind": e.kind,
                "sectors": e.sector_codes,
                "verified": e.verified,
                "booth": result.booths.get(e.id),
                "locality": e.locality,
                "recognized_key_products": e.id in result.recognized,
            }
            for e in result.items
        ],
        total=result.total,
        page=result.page,
        pages=result.pages,
        page_size=PAGE_SIZE,
        approximate=result.approximate,
    )


@blueprint.get("/booths")
def booth_list():
    return jsonify(booths.booths_document())


@blueprint.post("/booths/<code>/reservations")
@signed_in
def reserve_booth(code: str):
    return booths.create_reservation(code)


@blueprint.post("/reservations/<int:reservation_id>/submit")
@signed_in
def submit_reservation(reservation_id: int):
    return booths.submit_reservation(reservation_id)


@blueprint.delete("/reservations/<int:reservation_id>")
@signed_in
def cancel_reservation(reservation_id: int):
    return booths.delete_reservation(reservation_id)


@blueprint.get("/enterprises/<path:key>/matches")
@signed_in
def enterprise_matches(key: str):
    limit = request.args.get("limit", "20")
    if not limit.isdigit():
        raise RuleViolation(_("The limit must be between 1 and %(n)d.", n=MAX_LIMIT))
    matches = matches_for(key, request.args.get("direction", "suppliers"), int(limit), language())
    own = current_user.enterprise
    if own is not None and own.key == key:  # an enterprise looking at its own matches, not a survey
        count_match_view(own.id, len(matches))
    return jsonify(matches)


@blueprint.post("/meeting-requests")
@signed_in
def create_meeting_request():
    enterprise = acting_enterprise()  # who may ask comes before what was asked
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("to"), str):
        raise RuleViolation(_("Send a JSON object with the key of the enterprise to meet in \"to\"."))
    message = body.get("message") or ""
    if not isinstance(message, str) or not isinstance(body.get("must_meet", False), bool):
        raise RuleViolation(_("\"message\" must be text and \"must_meet\" true or false."))
    meeting = meetings.request_meeting(enterprise, body["to"], current_user, message, body.get("must_meet", False))
    response = jsonify(meetings.as_json(meeting))
    response.status_code = 201
    return response


@blueprint.post("/meeting-requests/<int:request_id>/accept", defaults={"action": "accept"})
@blueprint.post("/meeting-requests/<int:request_id>/decline", defaults={"action": "decline"})
@signed_in
def answer_meeting_request(request_id: int, action: str):
    body = request.get_json(silent=True) or {}
    reason = body.get("reason") if isinstance(body, dict) else None
    if reason is not None and not isinstance(reason, str):
        raise RuleViolation(_("\"reason\" must be text."))
    meeting = meetings.request_for(request_id, current_user)
    return jsonify(meetings.as_json(meetings.answer(meeting, current_user, action == "accept", (reason or "")[:2000])))


@blueprint.get("/me/agenda")
@signed_in
def my_agenda():
    enterprise = acting_enterprise()
    fair = require_current_fair()
    zone = ZoneInfo(fair.time_zone)
    return jsonify(meetings=[
        {
            "id": m.id,
            "start": m.starts_at.astimezone(zone).isoformat(),
            "end": m.ends_at.astimezone(zone).isoformat(),
            "place": f"Table {m.table}" if m.table else f"Booth {m.booth}",
            "with": meetings.counterpart(m.request, enterprise),
            "status": m.state,
        }
        for m in agenda_of(enterprise.id, fair)
    ])


@blueprint.get("/jobs/<job_id>")
@signed_in
def job(job_id: str):
    found = visible_job(job_id)
    if found is None:
        return error_response(404)
    return jsonify(job_document(found))


@blueprint.post("/organizer/schedule-runs")
@signed_in
def schedule_run():
    if not current_user.is_organizer:
        return error_response(403)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        body = {}
    time_limit, publish = body.get("time_limit", 10), body.get("publish", False)
    problems = []
    if isinstance(time_limit, bool) or not isinstance(time_limit, int | float) or not SHORTEST <= time_limit <= LONGEST:
        problems.append(_("time_limit: a number of seconds from %(low)d to %(high)d", low=SHORTEST, high=LONGEST))
    if not isinstance(publish, bool):
        problems.append(_("publish: true or false"))
    if problems:
        return error_response(422, " ".join(problems))
    started = start_schedule_run(require_current_fair(), time_limit, publish, current_user, language())
    return job_response(started)
