"""Turn accepted requests into a schedule with the pure scheduler, keep published meetings fixed,
and publish: the bridge between the database and `fairmatch.scheduling`."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.enterprises.booths import booth_codes
from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.notifications.services import link_to, notify
from fairmatch.organizer.models import Fair
from fairmatch.scheduling import load_instance, solve

MUST_MEET_PRIORITY = 3


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


def build_instance(fair: Fair) -> tuple[dict, dict[str, MeetingRequest], dict[int, str]]:
    """The `fairmatch-schedule/1` instance of the fair's accepted requests (published ones fixed)."""
    accepted = list(db.session.scalars(
        select(MeetingRequest).where(MeetingRequest.fair_id == fair.id, MeetingRequest.state == "accepted")
        .order_by(MeetingRequest.id)
    ))
    published = {m.request_id: m for m in db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "published"))}
    booths = booth_codes(fair_id=fair.id) if fair.meetings_at_booths else {}
    by_id = {f"R{r.id}": r for r in accepted}
    participants = sorted({r.sender.key for r in accepted} | {r.receiver.key for r in accepted})
    instance = {
        "format": "fairmatch-schedule/1",
        "name": f"fair-{fair.id}",
        "slots": [{"id": s.id, "day": s.day.isoformat(), "session": s.session} for s in slots_of(fair)],
        "tables": fair.meeting_tables,
        "participants": [{"id": key} for key in participants],
        "meetings": [
            {
                "id": meeting_id,
                "participants": [r.sender.key, r.receiver.key],
                "needs_table": r.to_enterprise_id not in booths,
                "priority": MUST_MEET_PRIORITY if (r.must_meet_from or r.must_meet_to) else 1,
                "fixed_slot": published[r.id].slot_id if r.id in published else None,
            }
            for meeting_id, r in by_id.items()
        ],
        "objective": {"schedule": "max", "minimize_breaks": True, "fairness": None},
    }
    return instance, by_id, booths


def schedule_meetings(fair: Fair, time_limit: float = 10.0, publish: bool = False, actor=None) -> dict:
    """Place the accepted requests (published meetings stay where they are), replacing the draft;
    with `publish`, the whole schedule becomes final and both sides of each new meeting are told.
    Returns the scheduler's result document."""
    instance, by_id, booths = build_instance(fair)
    result = solve(load_instance(instance), time_limit).to_dict()
    slots = {s.id: s for s in slots_of(fair)}
    # One transaction: a crash half-way (a failed message, a lost connection) keeps the previous
    # schedule, drafts included, and tells nobody.
    try:
        db.session.execute(delete(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "draft"))
        kept = set(db.session.scalars(select(Meeting.request_id).where(Meeting.fair_id == fair.id)))
        for assignment in result["assignments"]:
            meeting_request = by_id[assignment["meeting"]]
            if meeting_request.id in kept:
                continue
            slot = slots[assignment["slot"]]
            table = assignment.get("table")
            db.session.add(Meeting(fair_id=fair.id, request_id=meeting_request.id, slot_id=slot.id,
                                   starts_at=slot.starts_at, ends_at=slot.ends_at, table=table,
                                   booth=None if table else booths.get(meeting_request.to_enterprise_id)))
        db.session.flush()
        if publish:
            now = utcnow()
            drafts = select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "draft")
            for meeting in db.session.scalars(drafts):
                meeting.state, meeting.published_at = "published", now
                for member in (*meeting.request.sender.members, *meeting.request.receiver.members):
                    notify(member, "meeting_scheduled", meeting=meeting, link=link_to("meetings.agenda"))
        record("schedule.published" if publish else "schedule.drafted", fair,
               {"status": result["status"], **result["stats"]}, actor=actor)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def agenda_of(enterprise_id: int, fair: Fair) -> list[Meeting]:
    """The enterprise's published meetings at the fair, in time order."""
    return list(db.session.scalars(
        select(Meeting).join(MeetingRequest)
        .where(
            Meeting.fair_id == fair.id,
            Meeting.state == "published",
            (MeetingRequest.from_enterprise_id == enterprise_id) | (MeetingRequest.to_enterprise_id == enterprise_id),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ))
