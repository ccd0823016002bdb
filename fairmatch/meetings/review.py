"""What the organizer reviews before publishing: the grid of meetings by day, each participant's
load, the accepted requests the last run could not place (with the scheduler's reason), and the
freed slots a waiting request could take."""

from itertools import groupby

from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings import day
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.schedule import live_meetings, slots_of, table_labels


def draft_review(fair: Fair) -> dict:
    """The grid (days without a meeting left out), places in use, loads, unplaced requests, the
    last run, meetings by state and freed-slot offers."""
    meetings = db.session.scalars(live_meetings(fair).order_by(Meeting.starts_at, Meeting.table, Meeting.booth)).all()
    busy = {m.slot_id for m in meetings}
    by_day = [(d, list(group)) for d, group in groupby(slots_of(fair), key=lambda s: s.day)]
    used_tables = {m.table for m in meetings}
    places = [t for t in table_labels(fair) if t in used_tables]
    places += sorted({m.booth for m in meetings if m.booth})
    last_run = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action.in_(("schedule.drafted", "schedule.published")),
                                 AuditEntry.record_type == "Fair", AuditEntry.record_id == str(fair.id))
        .order_by(AuditEntry.id.desc()).limit(1)
    )
    counts = dict(db.session.execute(select(Meeting.state, func.count()).where(Meeting.fair_id == fair.id)
                                     .group_by(Meeting.state)).all())
    return {
        "days": [(d, day_slots) for d, day_slots in by_day if any(s.id in busy for s in day_slots)],
        "places": places, "by_cell": {(m.slot_id, m.table or m.booth): m for m in meetings},
        "loads": day.loads(fair), "unplaced": _unplaced(last_run, meetings), "last_run": last_run,
        "counts": counts, "offers": day.freed_slot_offers(fair),
    }


def _unplaced(last_run: AuditEntry | None, meetings: list[Meeting]) -> list[tuple[MeetingRequest, str]]:
    """The accepted requests the last run left out and that still have no meeting, with its reason."""
    if last_run is None:
        return []
    placed = {m.request_id for m in meetings}
    unplaced = []
    for item in last_run.details.get("unscheduled", []):
        meeting_request = db.session.get(MeetingRequest, item["request"])
        if meeting_request is not None and meeting_request.state == "accepted" and meeting_request.id not in placed:
            unplaced.append((meeting_request, item["reason"]))
    return unplaced
