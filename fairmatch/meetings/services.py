"""Meeting requests: ask, accept, decline, cancel — each side told through the outbox."""

import secrets
from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.auth.models import hash_secret
from fairmatch.auth.verification import require_verified_email
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, NotAllowed, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.meetings import attendance, day
from fairmatch.meetings.models import PLACES, CalendarFeed, MeetingRequest
from fairmatch.notifications.services import notify

MAX_MESSAGE = 2000


def request_meeting(
    sender: Enterprise, to_key: str, actor, message: str = "", must_meet: bool = False
) -> MeetingRequest:
    """Ask `to_key` for a meeting at the current fair; refused when a request between the two is open."""
    require_verified_email(actor)
    fair = require_current_fair()
    receiver = db.session.scalar(select(Enterprise).where(Enterprise.key == to_key))
    if receiver is None:
        raise NotFound(_("No enterprise with the key %(key)s.", key=to_key))
    if receiver.id == sender.id:
        raise RuleViolation(_("An enterprise cannot meet itself."))
    if len(message or "") > MAX_MESSAGE:
        raise RuleViolation(_("Use at most %(max)d characters.", max=MAX_MESSAGE))
    limit = fair.max_requests_per_enterprise
    if limit is not None and day.open_requests_sent(fair.id, sender.id) >= limit:
        raise RuleViolation(
            _(
                "Your enterprise already has %(count)d open meeting requests, the most this fair "
                "allows. Wait for answers or cancel one first.",
                count=limit,
            )
        )
    if _open_between(fair.id, sender.id, receiver.id) is not None:
        raise Conflict(
            _(
                "There is already an open meeting request between you and %(name)s.",
                name=receiver.name_vi or receiver.name_en,
            )
        )
    meeting = MeetingRequest(
        fair_id=fair.id,
        from_enterprise_id=sender.id,
        to_enterprise_id=receiver.id,
        message=message or None,
        must_meet_from=bool(must_meet),
        created_by_id=actor.id,
    )
    db.session.add(meeting)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(
            _(
                "There is already an open meeting request between you and %(name)s.",
                name=receiver.name_vi or receiver.name_en,
            )
        ) from error
    for member in receiver.members:
        notify(member, "meeting_requested", meeting=meeting, link=url_for("meetings.mine", _external=True))
    record("meeting_request.sent", meeting, {"to": receiver.key}, actor=actor)
    db.session.commit()
    return meeting


def _open_between(fair_id: int, a: int, b: int) -> MeetingRequest | None:
    return db.session.scalar(
        select(MeetingRequest).where(
            MeetingRequest.fair_id == fair_id,
            MeetingRequest.state.in_(("pending", "accepted")),
            or_(
                and_(MeetingRequest.from_enterprise_id == a, MeetingRequest.to_enterprise_id == b),
                and_(MeetingRequest.from_enterprise_id == b, MeetingRequest.to_enterprise_id == a),
            ),
        )
    )


def request_for(request_id: int, user) -> MeetingRequest:
    meeting = db.session.get(MeetingRequest, request_id)
    if meeting is None:
        raise NotFound(_("This request does not exist."))
    if not (user.is_organizer or meeting.sender.has_member(user) or meeting.receiver.has_member(user)):
        raise NotAllowed(_("Only the two enterprises of a meeting request can see it."))
    return meeting


def answer(
    meeting: MeetingRequest,
    actor,
    accept: bool,
    reason: str = "",
    must_meet: bool = False,
    days: set[date] | None = None,
    place: str | None = None,
) -> MeetingRequest:
    """The receiver accepts (marking it "must meet" on its side too, if it wishes), or declines with
    an optional reason; the sender is told. Accepting may also say which days the receiver will be
    at the fair (saved with the answer) and, for a host with a booth, where to meet (`place`)."""
    if not meeting.receiver.has_member(actor):
        raise NotAllowed(_("Only the enterprise that was asked can answer."))
    if meeting.state != "pending":
        raise Conflict(_("This request has already been decided."))
    if accept and place not in (None, *PLACES):
        raise RuleViolation(_("Choose where to meet: at your booth or at a B2B table."))
    if accept and days is not None:
        attendance.attend_days(meeting.receiver, db.session.get(Fair, meeting.fair_id), days, actor)
    meeting.state = "accepted" if accept else "declined"
    meeting.must_meet_to = accept and must_meet
    meeting.place = place if accept else None
    meeting.decline_reason = None if accept else (reason or None)
    meeting.decided_at = utcnow()
    for member in meeting.sender.members:
        notify(member, "meeting_answered", meeting=meeting, link=url_for("meetings.mine", _external=True))
    record(
        "meeting_request.accepted" if accept else "meeting_request.declined",
        meeting,
        {"reason": reason or None, "place": meeting.place},
        actor=actor,
    )
    db.session.commit()
    return meeting


@dataclass(frozen=True)
class AcceptChoices:
    """What accepting a request asks of the receiver besides "must meet": the days it will be at the
    fair, until it has said so for this fair (ticked as stored), and where to meet when it can host
    meetings at its booth."""

    days: list[date]
    attending: set[date]
    ask_days: bool
    own_booth: str | None


def accept_choices(enterprise: Enterprise, fair: Fair, booths: dict[int, str]) -> AcceptChoices:
    return AcceptChoices(
        days=list(attendance.slots_by_day(fair)),
        attending=set(attendance.attended_days(fair, enterprise.id)),
        ask_days=not attendance.answered_days(fair, enterprise.id),
        own_booth=booths.get(enterprise.id),
    )


def planned_booths(requests: list[MeetingRequest], booths: dict[int, str]) -> dict[int, str | None]:
    """For each accepted request: the host's booth its meeting is to be held at, or None for a B2B table."""
    return {r.id: r.meeting_booth(booths.get(r.to_enterprise_id)) for r in requests if r.state == "accepted"}


def cancel(meeting: MeetingRequest, actor) -> MeetingRequest:
    """The sender withdraws an open request, or either side calls off an accepted one; the other
    side is told. A request still waiting for an answer is the receiver's to decline, not to cancel."""
    on_sender_side = meeting.sender.has_member(actor)
    if not (on_sender_side or meeting.receiver.has_member(actor)):
        raise NotAllowed(_("Only the two enterprises of a meeting request can see it."))
    if not meeting.is_open:
        raise Conflict(_("This request is no longer open."))
    if meeting.state == "pending" and not on_sender_side:
        raise NotAllowed(_("Only the enterprise that asked can withdraw a request; decline it instead."))
    planned = day.planned_meeting(meeting)
    if planned is not None:
        day.cancel(planned, actor)
        return meeting
    meeting.state = "cancelled"
    by, other = (meeting.sender, meeting.receiver) if on_sender_side else (meeting.receiver, meeting.sender)
    for member in other.members:
        notify(member, "meeting_cancelled", meeting=meeting, by=by, link=url_for("meetings.mine", _external=True))
    record("meeting_request.cancelled", meeting, actor=actor)
    db.session.commit()
    return meeting


def requests_of(enterprise: Enterprise) -> list[MeetingRequest]:
    fair = require_current_fair()
    return list(
        db.session.scalars(
            select(MeetingRequest)
            .where(
                MeetingRequest.fair_id == fair.id,
                or_(
                    MeetingRequest.from_enterprise_id == enterprise.id, MeetingRequest.to_enterprise_id == enterprise.id
                ),
            )
            .order_by(MeetingRequest.created_at.desc(), MeetingRequest.id.desc())
        )
    )


def as_json(meeting: MeetingRequest) -> dict:
    return {
        "id": meeting.id,
        "state": meeting.state,
        "from": {"key": meeting.sender.key, "name": meeting.sender.name_vi or meeting.sender.name_en},
        "to": {"key": meeting.receiver.key, "name": meeting.receiver.name_vi or meeting.receiver.name_en},
        "message": meeting.message,
        "must_meet": meeting.must_meet_from or meeting.must_meet_to,
    }


def counterpart(meeting: MeetingRequest, enterprise: Enterprise) -> dict:
    """The other side of a meeting, as the agenda names it."""
    other = meeting.receiver if meeting.from_enterprise_id == enterprise.id else meeting.sender
    return {"key": other.key, "name": other.name_vi or other.name_en}


def new_calendar_feed(user) -> str:
    """A new private feed secret for `user` (returned once); earlier feeds stop working."""
    now = utcnow()
    for feed in db.session.scalars(
        select(CalendarFeed).where(CalendarFeed.user_id == user.id, CalendarFeed.revoked_at.is_(None))
    ):
        feed.revoked_at = now
    secret = secrets.token_urlsafe(24)
    db.session.add(CalendarFeed(user_id=user.id, secret_hash=hash_secret(secret)))
    db.session.flush()
    record("calendar_feed.created", user, actor=user)
    db.session.commit()
    return secret


def revoke_calendar_feeds(user) -> None:
    for feed in db.session.scalars(
        select(CalendarFeed).where(CalendarFeed.user_id == user.id, CalendarFeed.revoked_at.is_(None))
    ):
        feed.revoked_at = utcnow()
    record("calendar_feed.revoked", user, actor=user)
    db.session.commit()


def has_calendar_feed(user) -> bool:
    return (
        db.session.scalar(
            select(CalendarFeed.id).where(CalendarFeed.user_id == user.id, CalendarFeed.revoked_at.is_(None))
        )
        is not None
    )


def user_of_feed(secret: str):
    """The active user a live feed secret belongs to, or None."""
    feed = db.session.scalar(
        select(CalendarFeed).where(CalendarFeed.secret_hash == hash_secret(secret), CalendarFeed.revoked_at.is_(None))
    )
    return feed.user if feed is not None and feed.user.active else None
