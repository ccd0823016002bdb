"""A scheduled meeting's life after the scheduler: moved or locked by hand, cancelled (freeing its
slot for a waiting request of the same participants), marked held or no-show, and its outcome.
Every rule the scheduler keeps is checked again here; each step is audited and both sides told."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, func, not_, or_, select
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.booths.queries import booth_codes
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, NotAllowed, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings import deals
from fairmatch.meetings.models import OUTCOMES, Meeting, MeetingOutcome, MeetingRequest
from fairmatch.meetings.schedule import (
    Slot,
    live_meetings,
    lock_schedule,
    placed_requests,
    slots_of,
    table_labels,
    unavailable_slots,
)
from fairmatch.notifications.services import link_to, notify

# Staff at the check-in desk may mark a meeting held from a quarter of an hour before it starts.
EARLY_CHECK_IN = timedelta(minutes=15)


def meeting_for(meeting_id: int, fair: Fair) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or meeting.fair_id != fair.id:
        raise NotFound(_("This meeting does not exist."))
    return meeting


def _sides(meeting: Meeting) -> tuple[Enterprise, Enterprise]:
    return meeting.request.sender, meeting.request.receiver


def _tell_both(meeting: Meeting, kind: str, **params) -> None:
    for enterprise in _sides(meeting):
        for member in enterprise.members:
            notify(member, kind, meeting=meeting, link=link_to("meetings.agenda"), **params)


def _busy(fair: Fair, enterprise_ids: tuple[int, int], slot_id: str, other_than: int | None) -> bool:
    query = (
        live_meetings(fair)
        .join(MeetingRequest)
        .where(
            Meeting.slot_id == slot_id,
            or_(
                MeetingRequest.from_enterprise_id.in_(enterprise_ids),
                MeetingRequest.to_enterprise_id.in_(enterprise_ids),
            ),
        )
    )
    if other_than is not None:
        query = query.where(Meeting.id != other_than)
    return db.session.scalar(query.limit(1)) is not None


def check_place(
    fair: Fair, meeting_request: MeetingRequest, slot_id: str, place: str, other_than: int | None = None
) -> tuple[Slot, str | None, str | None]:
    """The slot, table and booth of a placement by hand, if it keeps every rule the scheduler keeps;
    otherwise a RuleViolation or Conflict that says which rule."""
    slot = _check_sides(fair, meeting_request, slot_id, other_than)
    if place == "booth":
        booth = _host_booth(fair, meeting_request)
        if booth is None:
            raise RuleViolation(
                _("%(name)s has no booth where meetings may be held.", name=meeting_request.receiver.name_vi)
            )
        return slot, None, booth
    if place not in table_labels(fair):
        raise RuleViolation(_("Choose one of the B2B tables or the host's booth."))
    if place in _tables_taken(fair, slot_id, other_than):
        raise Conflict(_("Table %(table)s is taken in this slot.", table=place))
    return slot, place, None


def _check_sides(fair: Fair, meeting_request: MeetingRequest, slot_id: str, other_than: int | None) -> Slot:
    """The slot, if it is the fair's and both enterprises are free and available in it."""
    slot = next((s for s in slots_of(fair) if s.id == slot_id), None)
    if slot is None:
        raise RuleViolation(_("Choose one of the fair's meeting slots."))
    sides = (meeting_request.from_enterprise_id, meeting_request.to_enterprise_id)
    if _busy(fair, sides, slot_id, other_than):
        raise Conflict(_("One of the two enterprises already has a meeting in this slot."))
    blocked = unavailable_slots(fair)
    for enterprise in (meeting_request.sender, meeting_request.receiver):
        if slot_id in blocked[enterprise.id]:
            raise RuleViolation(_("%(name)s is not available in this slot.", name=enterprise.name_vi))
    return slot


def _host_booth(fair: Fair, meeting_request: MeetingRequest) -> str | None:
    return booth_codes(fair_id=fair.id).get(meeting_request.to_enterprise_id) if fair.meetings_at_booths else None


def _tables_taken(fair: Fair, slot_id: str, other_than: int | None = None) -> set[str]:
    query = (
        live_meetings(fair)
        .with_only_columns(Meeting.table)
        .where(Meeting.slot_id == slot_id, Meeting.table.is_not(None))
    )
    if other_than is not None:
        query = query.where(Meeting.id != other_than)
    return set(db.session.scalars(query))


def move(meeting: Meeting, slot_id: str, place: str, actor) -> Meeting:
    """The organizer moves one meeting by hand; it is then locked so that a rerun keeps it there.
    Both sides are told when the meeting was already on their agendas."""
    if meeting.state not in ("draft", "published"):
        raise Conflict(_("Only planned meetings can be moved."))
    fair = db.session.get(Fair, meeting.fair_id)
    lock_schedule(fair)
    slot, table, booth = check_place(fair, meeting.request, slot_id, place, other_than=meeting.id)
    before = {"slot": meeting.slot_id, "table": meeting.table, "booth": meeting.booth}
    meeting.slot_id, meeting.starts_at, meeting.ends_at = slot.id, slot.starts_at, slot.ends_at
    meeting.table, meeting.booth, meeting.locked = table, booth, True
    _flush_or_conflict()
    if meeting.state == "published":
        _tell_both(meeting, "meeting_moved")
    record(
        "meeting.moved", meeting, {"from": before, "to": {"slot": slot.id, "table": table, "booth": booth}}, actor=actor
    )
    db.session.commit()
    return meeting


def set_locked(meeting: Meeting, locked: bool, actor) -> Meeting:
    if meeting.state != "draft":
        raise Conflict(_("Only draft meetings can be locked; published ones are fixed already."))
    meeting.locked = locked
    record("meeting.locked" if locked else "meeting.unlocked", meeting, actor=actor)
    db.session.commit()
    return meeting


def cancel(meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Either side or an organizer cancels a planned meeting: its request ends with it, the slot is
    freed, and both sides are told."""
    if not (actor.is_organizer or any(e.has_member(actor) for e in _sides(meeting))):
        raise NotAllowed(_("Only the two enterprises of a meeting, or an organizer, can cancel it."))
    if meeting.state not in ("draft", "published"):
        raise Conflict(_("This meeting can no longer be cancelled."))
    was_published = meeting.state == "published"
    meeting.state, meeting.locked = "cancelled", False
    meeting.request.state = "cancelled"
    if was_published:
        _tell_both(meeting, "meeting_slot_cancelled", reason=reason or None)
    record("meeting.cancelled", meeting, {"reason": reason or None}, actor=actor)
    db.session.commit()
    return meeting


def planned_meeting(meeting_request: MeetingRequest) -> Meeting | None:
    """The request's meeting while it is a draft or published (a withdrawn request takes it along)."""
    return db.session.scalar(
        select(Meeting).where(Meeting.request_id == meeting_request.id, Meeting.state.in_(("draft", "published")))
    )


def mark(meeting: Meeting, state: str, actor) -> Meeting:
    """The host (the enterprise that was asked) or an organizer marks a meeting held or no-show,
    once it has begun."""
    if state not in ("held", "no_show"):
        raise RuleViolation(_("Mark a meeting held or not attended."))
    if not (actor.is_organizer or meeting.request.receiver.has_member(actor)):
        raise NotAllowed(_("Only the host of a meeting, or an organizer, can mark it."))
    if meeting.state not in ("published", "held", "no_show"):
        raise Conflict(_("Only meetings on the agendas can be marked."))
    if utcnow() < meeting.starts_at - EARLY_CHECK_IN:
        raise Conflict(_("This meeting has not begun yet."))
    meeting.state, meeting.marked_at, meeting.marked_by_id = state, utcnow(), actor.id
    if state == "no_show":
        db.session.execute(delete(MeetingOutcome).where(MeetingOutcome.meeting_id == meeting.id))
    record(f"meeting.{state}", meeting, actor=actor)
    db.session.commit()
    return meeting


def record_outcome(
    meeting: Meeting, enterprise: Enterprise, outcome: str, note: str, actor, deal: deals.Deal | None = None
) -> MeetingOutcome:
    """One side says what came of a held meeting, and what it knows of the deal (value, currency,
    category, partner's origin); saying it again replaces the earlier answer."""
    if outcome not in OUTCOMES:
        raise RuleViolation(_("Choose one of the outcomes."))
    if enterprise not in _sides(meeting) or not enterprise.has_member(actor):
        raise NotAllowed(_("Only the two enterprises of a meeting can record its outcome."))
    if meeting.state != "held":
        raise Conflict(_("An outcome can be recorded once the meeting is marked held."))
    if len(note) > 2000:
        raise RuleViolation(_("Use at most %(max)d characters.", max=2000))
    answer = db.session.scalar(
        select(MeetingOutcome).where(
            MeetingOutcome.meeting_id == meeting.id, MeetingOutcome.enterprise_id == enterprise.id
        )
    )
    if answer is None:
        answer = MeetingOutcome(meeting=meeting, enterprise_id=enterprise.id)
        db.session.add(answer)
    answer.outcome, answer.note, answer.recorded_by_id, answer.recorded_at = outcome, note or None, actor.id, utcnow()
    partner = meeting.request.receiver if enterprise == meeting.request.sender else meeting.request.sender
    deals.describe(answer, db.session.get(Fair, meeting.fair_id), deal or deals.Deal(), partner)
    record("meeting.outcome", meeting, {"enterprise": enterprise.key, "outcome": outcome}, actor=actor)
    db.session.commit()
    return answer


@dataclass(frozen=True)
class Offer:
    """A waiting request that fits a freed slot."""

    freed: Meeting
    request: MeetingRequest
    place: str  # a table label, or "booth"


def freed_slot_offers(fair: Fair) -> list[Offer]:
    """For each cancelled or missed meeting whose slot is still ahead, the accepted requests of the
    same participants that have no meeting yet and could take that slot."""
    now = utcnow()
    freed = db.session.scalars(
        select(Meeting)
        .where(Meeting.fair_id == fair.id, Meeting.state.in_(("cancelled", "no_show")), Meeting.ends_at > now)
        .order_by(Meeting.starts_at)
    ).all()
    if not freed:
        return []
    placed = placed_requests(fair)
    offers = []
    for meeting in freed:
        sides = (meeting.request.from_enterprise_id, meeting.request.to_enterprise_id)
        waiting = db.session.scalars(
            select(MeetingRequest)
            .where(
                MeetingRequest.fair_id == fair.id,
                MeetingRequest.state == "accepted",
                not_(MeetingRequest.id.in_(placed)),
                or_(MeetingRequest.from_enterprise_id.in_(sides), MeetingRequest.to_enterprise_id.in_(sides)),
            )
            .order_by((MeetingRequest.must_meet_from | MeetingRequest.must_meet_to).desc(), MeetingRequest.id)
        )
        for waiting_request in waiting:
            place = _free_place(fair, waiting_request, meeting.slot_id)
            if place is not None:
                offers.append(Offer(meeting, waiting_request, place))
                break
    return offers


def _free_place(fair: Fair, meeting_request: MeetingRequest, slot_id: str) -> str | None:
    """Where the request could meet in the slot (the host's booth first, unless it chose a table, then the first free
    table), or None: the same rules as check_place, each read once."""
    try:
        _check_sides(fair, meeting_request, slot_id, None)
    except (Conflict, RuleViolation):
        return None
    if meeting_request.meeting_booth(_host_booth(fair, meeting_request)) is not None:
        return "booth"
    taken = _tables_taken(fair, slot_id)
    return next((table for table in table_labels(fair) if table not in taken), None)


def place_waiting(fair: Fair, request_id: int, slot_id: str, place: str, actor) -> Meeting:
    """Give a waiting accepted request a freed slot; the meeting is published and both sides told."""
    meeting_request = db.session.get(MeetingRequest, request_id)
    if meeting_request is None:  # none was chosen, or it was deleted meanwhile: the form is to be sent again
        raise RuleViolation(_("This request does not exist."))
    if meeting_request.fair_id != fair.id or meeting_request.state != "accepted":
        raise Conflict(_("Only accepted requests can be given a slot."))
    lock_schedule(fair)
    if db.session.scalar(select(Meeting.id).where(Meeting.request_id == meeting_request.id)) is not None:
        raise Conflict(_("This request already has a meeting."))
    slot, table, booth = check_place(fair, meeting_request, slot_id, place)
    meeting = Meeting(
        fair_id=fair.id,
        request=meeting_request,
        slot_id=slot.id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        table=table,
        booth=booth,
        state="published",
        published_at=utcnow(),
    )
    db.session.add(meeting)
    _flush_or_conflict()
    _tell_both(meeting, "meeting_scheduled")
    record("meeting.placed", meeting, {"slot": slot.id, "table": table, "booth": booth}, actor=actor)
    db.session.commit()
    return meeting


def _flush_or_conflict() -> None:
    """The database's unique indexes have the last word when two organizers place at once."""
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(_("Someone else has just taken this place in this slot. Reload and choose again.")) from error


def loads(fair: Fair) -> list[tuple[Enterprise, int, int]]:
    """Per participant with accepted requests: (enterprise, meetings placed, requests waiting)."""
    live = placed_requests(fair)
    placed: Counter[int] = Counter()
    waiting: Counter[int] = Counter()
    for sender, receiver, has_meeting in db.session.execute(
        select(MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id, MeetingRequest.id.in_(live)).where(
            MeetingRequest.fair_id == fair.id, MeetingRequest.state == "accepted"
        )
    ):
        (placed if has_meeting else waiting).update((sender, receiver))
    ids = set(placed) | set(waiting)
    enterprises = db.session.scalars(select(Enterprise).where(Enterprise.id.in_(ids))).all() if ids else []
    rows = [(e, placed[e.id], waiting[e.id]) for e in enterprises]
    return sorted(rows, key=lambda row: (-row[1] - row[2], row[0].key))


def open_requests_sent(fair_id: int, enterprise_id: int) -> int:
    return db.session.scalar(
        select(func.count(MeetingRequest.id)).where(
            MeetingRequest.fair_id == fair_id,
            MeetingRequest.from_enterprise_id == enterprise_id,
            MeetingRequest.state.in_(("pending", "accepted")),
        )
    )
