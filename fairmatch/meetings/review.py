"""What the organizer reviews before publishing: the grid of meetings per session, one
participant's meetings, each participant's load, the accepted requests the last run could not place
(with the scheduler's reason), and the freed slots a waiting request could take."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.common.short_names import short_names
from fairmatch.common.text import fold
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language
from fairmatch.meetings import day
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.schedule import Slot, live_meetings, past_drafts, slots_of, table_labels


@dataclass(frozen=True)
class SessionGrid:
    """One session of one day (09:00–11:30 on the 15th): its slots as columns, its places as rows."""

    day: date
    session: str
    slots: list[Slot]
    places: list[str]


def draft_review(fair: Fair, who: int | None = None) -> dict:
    """One grid per session with a meeting (its places in use, short names that stay distinct),
    one participant's meetings when `who` names one, loads, unplaced requests, the last run,
    meetings by state, freed-slot offers and the drafts in slots already begun."""
    meetings = db.session.scalars(live_meetings(fair).order_by(Meeting.starts_at, Meeting.table, Meeting.booth)).all()
    last_run = db.session.scalar(
        select(AuditEntry)
        .where(
            AuditEntry.action.in_(("schedule.drafted", "schedule.published")),
            AuditEntry.record_type == "Fair",
            AuditEntry.record_id == str(fair.id),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    counts = dict(
        db.session.execute(
            select(Meeting.state, func.count()).where(Meeting.fair_id == fair.id).group_by(Meeting.state)
        ).all()
    )
    lang = language()
    participants = {e.id: e for m in meetings for e in (m.request.sender, m.request.receiver)}
    chosen = participants.get(who) if who else None
    return {
        "sessions": _sessions(fair, meetings),
        "by_cell": {(m.slot_id, m.table or m.booth): m for m in meetings},
        "short": short_names((e.key, e.name(lang)) for e in participants.values()),
        "participants": sorted(participants.values(), key=lambda e: fold(e.name(lang))),
        "chosen": chosen,
        "agenda": [
            m for m in meetings if chosen and chosen.id in (m.request.from_enterprise_id, m.request.to_enterprise_id)
        ],
        "loads": day.loads(fair),
        "unplaced": _unplaced(last_run, meetings),
        "last_run": last_run,
        "counts": counts,
        "offers": day.freed_slot_offers(fair),
        "past_drafts": past_drafts(fair),
    }


def _sessions(fair: Fair, meetings: list[Meeting]) -> list[SessionGrid]:
    """The sessions with at least one meeting, in time order; places as the tables are numbered,
    then the hosts' booths."""
    used: dict[tuple[date, str], set[str]] = {}
    slot_of = {s.id: s for s in slots_of(fair)}
    for m in meetings:
        slot = slot_of.get(m.slot_id)
        if slot is not None:
            used.setdefault((slot.day, slot.session), set()).add(m.table or m.booth)
    order = {label: n for n, label in enumerate(table_labels(fair))}
    grids = []
    for (on, session), session_slots in groupby(slot_of.values(), key=lambda s: (s.day, s.session)):
        if (on, session) in used:
            places = sorted(used[(on, session)], key=lambda p: (p not in order, order.get(p, 0), p))
            grids.append(SessionGrid(on, session, list(session_slots), places))
    return grids


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
