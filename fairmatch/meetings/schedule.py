"""Turn accepted requests into a schedule with the pure scheduler, keep published meetings fixed,
and publish: the bridge between the database and `fairmatch.scheduling`."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.booths.queries import booth_codes
from fairmatch.database import utcnow
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_datetime
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest, Unavailability
from fairmatch.notifications.services import link_to, notify
from fairmatch.scheduling import load_instance, solve

MUST_MEET_PRIORITY = 3
# The scheduler's result statuses (`fairmatch.scheduling`), as the organizer reads them.
RUN_STATUS_LABELS = {
    "optimal": _l("optimal"),
    "feasible": _l("valid, not proven best"),
    "infeasible": _l("infeasible"),
    "unknown": _l("no schedule found in time"),
}


@dataclass(frozen=True)
class Slot:
    id: str
    day: date
    session: str
    starts_at: datetime  # UTC
    ends_at: datetime


def slots_of(fair: Fair) -> list[Slot]:
    """Every meeting slot of the fair, in time order: each day, each session, slot after slot."""
    zone = ZoneInfo(fair.time_zone)
    step = timedelta(minutes=fair.meeting_slot_minutes)
    slots = []
    day = fair.starts_on
    while day <= fair.ends_on:
        for session in fair.meeting_sessions:
            start = datetime.combine(day, time.fromisoformat(session["start"]), zone)
            end = datetime.combine(day, time.fromisoformat(session["end"]), zone)
            while start + step <= end:
                slots.append(Slot(f"{day.isoformat()}-{start:%H%M}", day, session["session"],
                                  start.astimezone(ZoneInfo("UTC")), (start + step).astimezone(ZoneInfo("UTC"))))
                start += step
        day += timedelta(days=1)
    return slots


def table_labels(fair: Fair) -> list[str]:
    """The B2B tables' labels, T01 … (as the scheduler numbers them)."""
    width = max(2, len(str(fair.meeting_tables)))
    return [f"T{n:0{width}d}" for n in range(1, fair.meeting_tables + 1)]


def live_meetings(fair: Fair):
    """A query for the fair's meetings that hold a slot (drafts included, cancelled ones not)."""
    return select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state != "cancelled")


def placed_requests(fair: Fair):
    """A query for the ids of requests that have a meeting holding a slot."""
    return select(Meeting.request_id).where(Meeting.fair_id == fair.id, Meeting.state != "cancelled")


def lock_schedule(fair: Fair) -> None:
    """Serialise the changes that place meetings (runs, moves, freed slots) until the transaction
    ends, so that two of them never put one enterprise in two places at once. A no-op write to the
    fair's row does it on both databases: PostgreSQL locks the row, SQLite takes its write lock."""
    db.session.execute(update(Fair).where(Fair.id == fair.id).values(id=Fair.id))


def unavailable_slots(fair: Fair) -> dict[int, set[str]]:
    """Per enterprise id, the slots it said it cannot meet in."""
    blocked: dict[int, set[str]] = defaultdict(set)
    for enterprise_id, slot_id in db.session.execute(
        select(Unavailability.enterprise_id, Unavailability.slot_id).where(Unavailability.fair_id == fair.id)
    ):
        blocked[enterprise_id].add(slot_id)
    return blocked


def host_booths(fair: Fair) -> dict[int, str]:
    """The booth at which each exhibitor may host meetings: none when the fair holds none at booths."""
    return booth_codes(fair_id=fair.id) if fair.meetings_at_booths else {}


def build_instance(fair: Fair) -> tuple[dict, dict[str, MeetingRequest], dict[int, str], dict[int, Meeting]]:
    """The `fairmatch-schedule/1` instance of the fair's accepted requests. Meetings already on
    agendas, and drafts the organizer locked or moved, are fixed to their slots."""
    accepted = list(db.session.scalars(
        select(MeetingRequest).where(MeetingRequest.fair_id == fair.id, MeetingRequest.state == "accepted")
        .order_by(MeetingRequest.id).options(selectinload(MeetingRequest.sender), selectinload(MeetingRequest.receiver))
    ))
    fixed = {m.request_id: m for m in db.session.scalars(
        live_meetings(fair).where(or_(Meeting.state.in_(ON_AGENDA), Meeting.locked))
        .options(selectinload(Meeting.request)))}
    booths = host_booths(fair)
    blocked = unavailable_slots(fair)
    by_id = {f"R{r.id}": r for r in accepted}
    enterprises = {e.id: e for r in accepted for e in (r.sender, r.receiver)}
    # A slot an enterprise blocked after a meeting was fixed in it stays the meeting's.
    fixed_slots = defaultdict(set)
    for meeting in fixed.values():
        for enterprise_id in (meeting.request.from_enterprise_id, meeting.request.to_enterprise_id):
            fixed_slots[enterprise_id].add(meeting.slot_id)
    wanted = {r.id: MUST_MEET_PRIORITY if (r.must_meet_from or r.must_meet_to) else 1 for r in accepted}
    # A meeting on agendas (or locked) outweighs every new one together: the scheduler may leave
    # out a fixed meeting for more priority, but people were told of it, and it stays.
    keep = 1 + sum(priority for request_id, priority in wanted.items() if request_id not in fixed)
    instance = {
        "format": "fairmatch-schedule/1",
        "name": f"fair-{fair.id}",
        "slots": [{"id": s.id, "day": s.day.isoformat(), "session": s.session} for s in slots_of(fair)],
        "tables": fair.meeting_tables,
        "participants": [
            {"id": e.key, "forbidden_slots": sorted(blocked[e.id] - fixed_slots[e.id]),
             "max_meetings": fair.max_meetings_per_enterprise}
            for e in sorted(enterprises.values(), key=lambda e: e.key)
        ],
        "meetings": [
            {
                "id": meeting_id,
                "participants": [r.sender.key, r.receiver.key],
                "needs_table": _needs_table(fixed.get(r.id), r, booths),
                "priority": keep if r.id in fixed else wanted[r.id],
                "fixed_slot": fixed[r.id].slot_id if r.id in fixed else None,
            }
            for meeting_id, r in by_id.items()
        ],
        "objective": {"schedule": "max", "minimize_breaks": True, "fairness": None},
    }
    return instance, by_id, booths, fixed


def _needs_table(fixed: Meeting | None, meeting_request: MeetingRequest, booths: dict[int, str]) -> bool:
    if fixed is not None:
        return fixed.table is not None
    return meeting_request.meeting_booth(booths.get(meeting_request.to_enterprise_id)) is None


def schedule_meetings(fair: Fair, time_limit: float = 10.0, publish: bool = False, actor=None,
                      solving=None) -> dict:
    """Place the accepted requests (fixed meetings stay where they are), replacing the draft; with
    `publish`, the whole schedule becomes final and both sides of each new meeting are told.
    `solving(count)` is told how many meetings the solver is placing. Returns the scheduler's result
    document.

    The solver works on a snapshot, holding no lock: a 30-second run makes no one wait. Then the
    schedule is locked and read again; if requests or slots changed meanwhile, it solves once more,
    under the lock, what is there now."""
    instance = build_instance(fair)[0]
    db.session.rollback()
    if solving:
        solving(len(instance["meetings"]))
    result = solve(load_instance(instance), time_limit).to_dict()
    lock_schedule(fair)
    now, by_id, booths, fixed = build_instance(fair)
    if now != instance:
        result = solve(load_instance(now), time_limit).to_dict()
    slots = {s.id: s for s in slots_of(fair)}
    # One transaction: a crash half-way (a failed message, a lost connection) keeps the previous
    # schedule, drafts included, and tells nobody.
    try:
        db.session.execute(delete(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "draft",
                                                 Meeting.locked.is_(False)))
        taken = defaultdict(set)
        for meeting in fixed.values():
            taken[meeting.slot_id].add(meeting.table)
        free_tables = {slot_id: [t for t in table_labels(fair) if t not in taken[slot_id]] for slot_id in slots}
        for assignment in result["assignments"]:
            meeting_request = by_id[assignment["meeting"]]
            if meeting_request.id in fixed:
                continue
            slot = slots[assignment["slot"]]
            table = free_tables[slot.id].pop(0) if assignment.get("table") else None
            db.session.add(Meeting(fair_id=fair.id, request_id=meeting_request.id, slot_id=slot.id,
                                   starts_at=slot.starts_at, ends_at=slot.ends_at, table=table,
                                   booth=None if table else booths.get(meeting_request.to_enterprise_id)))
        db.session.flush()
        if publish:
            publish_drafts(fair)
        details = {"status": result["status"], **result["stats"],
                   "unscheduled": [{"request": by_id[u["meeting"]].id, "reason": u["reason"]}
                                   for u in result["unscheduled"]]}
        record("schedule.published" if publish else "schedule.drafted", fair, details, actor=actor)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def publish_drafts(fair: Fair) -> int:
    """Make every draft meeting final and tell both sides; the caller commits."""
    lock_schedule(fair)
    now = utcnow()
    drafts = list(db.session.scalars(select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "draft")))
    for meeting in drafts:
        meeting.state, meeting.published_at, meeting.locked = "published", now, False
        for member in (*meeting.request.sender.members, *meeting.request.receiver.members):
            notify(member, "meeting_scheduled", meeting=meeting, link=link_to("meetings.agenda"))
    return len(drafts)


def past_drafts(fair: Fair) -> list[Meeting]:
    """The draft meetings whose slot has already begun, the earliest first: publishing them tells
    people of a meeting they can no longer attend."""
    return list(db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "draft", Meeting.starts_at < utcnow())
        .order_by(Meeting.starts_at, Meeting.id)
    ))


def publish(fair: Fair, actor, *, past_confirmed: bool = False) -> int:
    """The organizer publishes the draft: every draft meeting becomes final and both sides are told.
    Drafts in slots that have already begun are refused unless the organizer confirmed them."""
    past = past_drafts(fair)
    if past and not past_confirmed:
        raise RuleViolation(ngettext(
            "%(num)d draft meeting is in a slot that has already begun (the first at %(when)s). Nothing was "
            "published: tick “Publish anyway” to publish it with the others.",
            "%(num)d draft meetings are in slots that have already begun (the first at %(when)s). Nothing was "
            "published: tick “Publish anyway” to publish them with the others.",
            len(past), when=local_datetime(past[0].starts_at)))
    published = publish_drafts(fair)
    record("meetings.published", fair, {"published": published, "in_past_slots": len(past)}, actor=actor)
    db.session.commit()
    return published


def update_settings(fair: Fair, actor, *, sessions: list[dict], slot_minutes: int, tables: int, at_booths: bool,
                    max_requests: int | None, max_meetings: int | None) -> None:
    """The fair's meeting settings. Sessions and slot length freeze once a meeting is published:
    the published times would no longer fall on a slot."""
    timing_changed = sessions != fair.meeting_sessions or slot_minutes != fair.meeting_slot_minutes
    published = select(Meeting.id).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA)).limit(1)
    if timing_changed and db.session.scalar(published) is not None:
        raise RuleViolation(_("Meetings are already published: the sessions and slot length can no longer change."))
    fair.meeting_sessions, fair.meeting_slot_minutes = sessions, slot_minutes
    fair.meeting_tables, fair.meetings_at_booths = tables, at_booths
    fair.max_requests_per_enterprise, fair.max_meetings_per_enterprise = max_requests, max_meetings
    record("meeting_settings.changed", fair, {"sessions": sessions, "tables": tables}, actor=actor)
    db.session.commit()


def agenda_of(enterprise_id: int, fair: Fair) -> list[Meeting]:
    """The enterprise's meetings on agendas at the fair (published, held or missed), in time order."""
    return list(db.session.scalars(
        select(Meeting).join(MeetingRequest)
        .where(
            Meeting.fair_id == fair.id,
            Meeting.state.in_(ON_AGENDA),
            (MeetingRequest.from_enterprise_id == enterprise_id) | (MeetingRequest.to_enterprise_id == enterprise_id),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ))
