"""Follow-up of the deals made at the fair: three and six months after it, each pair with a
positive outcome is asked, through a signed link, what became of it.

The link names one FollowUp row (a meeting, a side, a round) and is signed with the app's secret:
it cannot be altered, runs out `LINK_DAYS` after it was sent, and works once (a row answered
already refuses a second answer).
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.errors import Conflict, DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import fair_zone
from fairmatch.meetings import deals
from fairmatch.meetings.models import (
    FOLLOW_UP_ANSWERS,
    FOLLOW_UP_ROUNDS,
    POSITIVE_OUTCOMES,
    FollowUp,
    Meeting,
    MeetingOutcome,
)
from fairmatch.notifications.services import link_to, notify

SALT = "fairmatch.follow-up"
LINK_DAYS = 60
"""A link works for two months: long enough for a busy firm, short enough not to linger."""
ROUND_MONTHS = {"m3": 3, "m6": 6}


class LinkRefused(DomainError):
    """A forged or altered link."""

    status = 400


class LinkExpired(DomainError):
    status = 410


class LinkUsed(Conflict):
    """The link was good, but its question is answered already."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def follow_up_token(follow_up: FollowUp) -> str:
    return _serializer().dumps({"f": follow_up.id})


def follow_up_for(token: str) -> FollowUp:
    """The question a link asks; LinkRefused, LinkExpired or LinkUsed otherwise."""
    try:
        claims = _serializer().loads(token, max_age=LINK_DAYS * 86400)
    except SignatureExpired:
        raise LinkExpired(
            _(
                "This link has run out (it works for %(days)d days). "
                "Write to the organizer to tell what became of the deal.",
                days=LINK_DAYS,
            )
        ) from None
    except BadSignature:
        raise LinkRefused(_("This link is not valid. Check that it was copied whole.")) from None
    follow_up = db.session.get(FollowUp, claims.get("f")) if isinstance(claims, dict) else None
    if follow_up is None:
        raise LinkRefused(_("This link is not valid. Check that it was copied whole."))
    if follow_up.answered_at is not None:
        raise LinkUsed(_("This question has been answered already. Thank you."))
    return follow_up


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def round_due_on(fair: Fair, round_: str) -> date:
    """The day a round is asked: three or six months after the fair's last day."""
    return add_months(fair.ends_on, ROUND_MONTHS[round_])


def due_round(fair: Fair, today: date) -> str | None:
    """The round to ask now: the latest one due (a late run does not ask a stale three-month question
    once the six-month one is due)."""
    due = [r for r in FOLLOW_UP_ROUNDS if round_due_on(fair, r) <= today]
    return due[-1] if due else None


@dataclass
class Sent:
    follow_ups: int = 0
    messages: int = 0


def send_follow_ups(today: date | None = None) -> Sent:
    """Queue in the outbox, for every fair whose round is due, one question per side of each held
    meeting with a positive outcome that was not asked that round yet. Running it again sends nothing
    more; a side with no one acting for it cannot be asked and is skipped."""
    today = today or utcnow().astimezone(fair_zone()).date()
    sent = Sent()
    for fair in db.session.scalars(select(Fair).order_by(Fair.id)):
        round_ = due_round(fair, today)
        if round_ is None:
            continue
        positive = select(MeetingOutcome.meeting_id).where(MeetingOutcome.outcome.in_(POSITIVE_OUTCOMES))
        meetings = db.session.scalars(
            select(Meeting)
            .where(Meeting.fair_id == fair.id, Meeting.state == "held", Meeting.id.in_(positive))
            .order_by(Meeting.id)
        )
        for meeting in meetings:
            for side in (meeting.request.sender, meeting.request.receiver):
                sent_now = _ask(meeting, side, round_)
                if sent_now:
                    sent.follow_ups, sent.messages = sent.follow_ups + 1, sent.messages + sent_now
    return sent


def _ask(meeting: Meeting, side, round_: str) -> int:
    """Ask one side one round (committed on its own, so that two runs at once ask once); the number
    of messages queued."""
    asked = select(FollowUp.id).where(
        FollowUp.meeting_id == meeting.id, FollowUp.enterprise_id == side.id, FollowUp.round == round_
    )
    if not side.members or db.session.scalar(asked) is not None:
        return 0
    follow_up = FollowUp(meeting=meeting, enterprise_id=side.id, round=round_)
    db.session.add(follow_up)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return 0
    token = follow_up_token(follow_up)
    partner = meeting.request.receiver if side == meeting.request.sender else meeting.request.sender
    fair = db.session.get(Fair, meeting.fair_id)
    for member in side.members:
        link = link_to("followup.answer", token=token, lang=member.locale)
        notify(
            member, "deal_follow_up", link=link, partner=partner, fair=fair, months=ROUND_MONTHS[round_], days=LINK_DAYS
        )
    record("meeting.follow_up_sent", meeting, {"enterprise": side.key, "round": round_}, actor=None)
    db.session.commit()
    return len(side.members)


def answer_follow_up(follow_up: FollowUp, answer: str, value: int | None, currency: str, note: str) -> FollowUp:
    """Record what a side says became of the deal; the fair-time outcome stays as it was."""
    if answer not in FOLLOW_UP_ANSWERS:
        raise RuleViolation(_("Say what became of the deal."))
    if len(note) > 2000:
        raise RuleViolation(_("Use at most %(max)d characters.", max=2000))
    converted = (
        deals.money(db.session.get(Fair, follow_up.meeting.fair_id), value, currency) if value is not None else None
    )
    follow_up.answer, follow_up.note, follow_up.answered_at = answer, note or None, utcnow()
    follow_up.value, follow_up.currency, follow_up.rate_vnd, follow_up.value_vnd = (
        (converted.value, converted.currency, converted.rate_vnd, converted.value_vnd) if converted else (None,) * 4
    )
    record("meeting.follow_up_answered", follow_up.meeting, {"round": follow_up.round, "answer": answer}, actor=None)
    db.session.commit()
    return follow_up


def follow_up_figures(fair: Fair) -> dict:
    """The fair report's `follow_up` figures: for "m3" and "m6", sent, answered and contracts
    (counts of meeting sides asked, of those that answered, of those that said a contract was signed)."""
    rows = db.session.execute(
        select(
            FollowUp.round,
            func.count(FollowUp.id),
            func.count(FollowUp.answered_at),
            func.count(FollowUp.id).filter(FollowUp.answer == "contract"),
        )
        .join(Meeting, Meeting.id == FollowUp.meeting_id)
        .where(Meeting.fair_id == fair.id)
        .group_by(FollowUp.round)
    )
    found = {
        round_: {"sent": sent, "answered": answered, "contracts": contracts}
        for round_, sent, answered, contracts in rows
    }
    return {round_: found.get(round_, {"sent": 0, "answered": 0, "contracts": 0}) for round_ in FOLLOW_UP_ROUNDS}
