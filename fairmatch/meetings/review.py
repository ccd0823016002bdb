"""What the organizer reviews before publishing: the grid of meetings per session, one
participant's meetings, the shape of the schedule (meetings per slot against the tables, each
participant's meetings, breaks and sessions), the accepted requests the last run could not place
(with the scheduler's reason and what it would take to place them), and the freed slots a waiting
request could take."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from flask_babel import gettext as _
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.common.short_names import short_names
from fairmatch.common.text import fold
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair, session_label
from fairmatch.i18n import clock, day_text, language, moment_text
from fairmatch.meetings import day
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.schedule import Slot, build_instance, live_meetings, past_drafts, slots_of, table_labels
from fairmatch.scheduling import load_instance
from fairmatch.scheduling.problem import Problem, Schedule
from fairmatch.scheduling.reasons import Reason, find_reasons
from fairmatch.scheduling.remedies import Remedy, find_remedies

# The participants listed before "show all"; the orders their table can take.
TOP_PARTICIPANTS = 20
PARTICIPANT_ORDERS = ("meetings", "breaks", "sessions", "name")


@dataclass(frozen=True)
class SessionGrid:
    """One session of one day (09:00–11:30 on the 15th): its slots as columns, its places as rows."""

    day: date
    session: str
    slots: list[Slot]
    places: list[str]


@dataclass(frozen=True)
class SlotLoad:
    """One slot's meetings: at the B2B tables and at the hosts' booths; `height` is the bar's share
    of the chart, in steps of 5 %."""

    slot: Slot
    at_tables: int
    at_booths: int
    height: int


@dataclass(frozen=True)
class SessionLoad:
    day: date
    session: str
    slots: list[SlotLoad]


@dataclass(frozen=True)
class ParticipantLoad:
    enterprise: Enterprise
    placed: int
    waiting: int
    breaks: int
    sessions: int


@dataclass(frozen=True)
class Unplaced:
    """An accepted request the last run left out: why it cannot be placed in the schedule as it
    stands now, what it would take, and the meeting that would have to make room."""

    request: MeetingRequest
    reason: str
    remedy: str
    making_room: Meeting | None


@dataclass(frozen=True)
class Shape:
    """The schedule as it stands, as the scheduler sees it: its instance, the placed meetings,
    and the request behind each of the instance's meetings."""

    problem: Problem
    schedule: Schedule
    requests: dict[str, MeetingRequest]


def draft_review(fair: Fair, who: int | None = None, order: str = "meetings") -> dict:
    """One grid per session with a meeting (its places in use, short names that stay distinct),
    one participant's meetings when `who` names one, the load per slot and per participant (in
    `order`), breaks, unplaced requests with reason and remedy, the last run, meetings by state,
    freed-slot offers and the drafts in slots already begun."""
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
    shape = _shape(fair, meetings)
    breaks = shape.problem.breaks(shape.schedule) if shape else []
    slot_loads = _slot_loads(fair, meetings)
    every_slot = [load for session in slot_loads for load in session.slots]
    return {
        "sessions": _sessions(fair, meetings),
        "by_cell": {(m.slot_id, m.table or m.booth): m for m in meetings},
        "short": short_names((e.key, e.name(lang)) for e in participants.values()),
        "participants": sorted(participants.values(), key=lambda e: fold(e.name(lang))),
        "chosen": chosen,
        "agenda": [
            m for m in meetings if chosen and chosen.id in (m.request.from_enterprise_id, m.request.to_enterprise_id)
        ],
        "slot_loads": slot_loads,
        "busiest": max(every_slot, key=lambda load: load.at_tables + load.at_booths, default=None),
        "mean_load": len(meetings) / len(every_slot) if every_slot else 0,
        "participant_loads": _participant_loads(fair, shape, breaks, order),
        "order": order,
        "top_participants": TOP_PARTICIPANTS,
        "total_breaks": sum(breaks),
        "unplaced": _unplaced(fair, last_run, meetings, shape),
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


def _shape(fair: Fair, meetings: list[Meeting]) -> Shape | None:
    """The fair's accepted requests as a scheduling instance, with the meetings placed now as its
    schedule; None when no request is accepted."""
    instance, requests, _booths, _fixed = build_instance(fair)
    if not requests:
        return None
    problem = Problem(load_instance(instance))
    index = {meeting.id: m for m, meeting in enumerate(problem.meetings)}
    slot_index = {slot.id: s for s, slot in enumerate(problem.instance.slots)}
    by_request = {r.id: meeting_id for meeting_id, r in requests.items()}
    schedule = {
        index[by_request[m.request_id]]: slot_index[m.slot_id]
        for m in meetings
        if m.request_id in by_request and m.slot_id in slot_index
    }
    return Shape(problem, schedule, requests)


def _slot_loads(fair: Fair, meetings: list[Meeting]) -> list[SessionLoad]:
    """Every session of every day, each slot with its meetings; a bar's full height is every table
    taken (or, with no tables, the busiest slot)."""
    at_tables = Counter(m.slot_id for m in meetings if m.table)
    at_booths = Counter(m.slot_id for m in meetings if not m.table)
    full = fair.meeting_tables or max((at_booths[s] for s in at_booths), default=0) or 1
    loads = []
    for (on, session), session_slots in groupby(slots_of(fair), key=lambda s: (s.day, s.session)):
        bars = []
        for slot in session_slots:
            shown = at_tables[slot.id] if fair.meeting_tables else at_booths[slot.id]
            bars.append(SlotLoad(slot, at_tables[slot.id], at_booths[slot.id], round(20 * min(shown, full) / full) * 5))
        loads.append(SessionLoad(on, session, bars))
    return loads


def _participant_loads(fair: Fair, shape: Shape | None, breaks: list[int], order: str) -> list[ParticipantLoad]:
    """Per participant with accepted requests: meetings placed and waiting, breaks, and the
    sessions its meetings use; the busiest first, or in `order`."""
    if shape is None:
        return []
    problem, schedule = shape.problem, shape.schedule
    sessions: dict[int, set[tuple[str | None, str | None]]] = {p: set() for p in range(len(problem.participant_ids))}
    for m, s in schedule.items():
        slot = problem.instance.slots[s]
        for p in problem.pairs[m]:
            sessions[p].add((slot.day, slot.session))
    index = {key: p for p, key in enumerate(problem.participant_ids)}
    lang = language()
    rows = []
    for enterprise, placed, waiting in day.loads(fair):
        p = index[enterprise.key]
        rows.append(ParticipantLoad(enterprise, placed, waiting, breaks[p], len(sessions[p])))
    by_name = sorted(rows, key=lambda row: fold(row.enterprise.name(lang)))
    if order == "name":
        return by_name
    figure = {
        "meetings": lambda row: (row.placed, row.waiting),
        "breaks": lambda row: (row.breaks, row.placed),
        "sessions": lambda row: (row.sessions, row.placed),
    }[order]
    return sorted(by_name, key=figure, reverse=True)


def _unplaced(fair: Fair, last_run: AuditEntry | None, meetings: list[Meeting], shape: Shape | None) -> list[Unplaced]:
    """The accepted requests the last run left out and that still have no meeting, each with why it
    cannot be placed in the schedule as it stands now and what it would take, in the page's language
    (the run's own reasons are English sentences for the audit log and the JSON)."""
    if last_run is None or shape is None:
        return []
    placed = {m.request_id for m in meetings}
    meeting_of = {m.request_id: m for m in meetings}
    problem = shape.problem
    remedies = {problem.meetings[m].id: remedy for m, remedy in find_remedies(problem, shape.schedule).items()}
    reasons = {problem.meetings[m].id: reason for m, reason in find_reasons(problem, shape.schedule).items()}
    instance_id = {r.id: meeting_id for meeting_id, r in shape.requests.items()}
    names = {e.key: e.name(language()) for r in shape.requests.values() for e in (r.sender, r.receiver)}
    slots = {s.id: s for s in slots_of(fair)}
    unplaced = []
    for item in last_run.details.get("unscheduled", []):
        meeting_request = db.session.get(MeetingRequest, item["request"])
        if meeting_request is None or meeting_request.state != "accepted" or meeting_request.id in placed:
            continue
        remedy, reason = remedies[instance_id[meeting_request.id]], reasons[instance_id[meeting_request.id]]
        making_room = meeting_of.get(shape.requests[remedy.meeting].id) if remedy.meeting else None
        unplaced.append(
            Unplaced(meeting_request, reason_text(reason, names, slots), remedy_text(remedy, names, slots), making_room)
        )
    return unplaced


def reason_text(reason: Reason, names: dict[str, str], slots: dict[str, Slot]) -> str:
    """Why a request cannot be placed, in the page's language, with the firms' names and the slots'
    local times."""
    named = [names[key] for key in reason.participants]
    pair = {"a": named[0], "b": named[1]} if len(named) == 2 else {}
    session = session_label(reason.session) if reason.session else None
    match reason.kind:
        case "no_tables":
            return _("It needs a B2B table and the fair has none.")
        case "fixed_forbidden":
            when = moment_text(slots[reason.slot].starts_at, language())
            return _(
                "Its slot %(when)s is fixed, and %(name)s marked itself unavailable then.", when=when, name=named[0]
            )
        case "fixed_session":
            when = moment_text(slots[reason.slot].starts_at, language())
            return _("Its fixed slot %(when)s is not in the session “%(session)s”.", when=when, session=session)
        case "no_session":
            return _("No slot is in the session “%(session)s”.", session=session)
        case "no_common_slot" if session:
            return _(
                "%(a)s and %(b)s have no free slot in common in the session “%(session)s”.", session=session, **pair
            )
        case "no_common_slot":
            return _("%(a)s and %(b)s have no free slot in common.", **pair)
        case "cap":
            return " ".join(
                _("%(name)s already has %(cap)d meetings, the most one enterprise may have.", name=name, cap=cap)
                for name, cap in zip(named, reason.caps, strict=True)
            )
        case "time":
            return _("A slot both sides can attend is free: the run stopped before placing it, or it was freed since.")
        case "fairness":
            return _(
                "Placing it in a slot both %(a)s and %(b)s have free would make participants' breaks differ by more "
                "than %(bound)d.",
                bound=reason.bound,
                **pair,
            )
        case "no_table_free":
            return _("No table is free in any slot both %(a)s and %(b)s can attend.", **pair)
        case "busy":
            parts = [_("%(name)s is busy in every slot %(other)s can also attend.", name=named[0], other=named[1])]
            if reason.requested is not None:
                parts.append(
                    _(
                        "%(name)s has %(requested)d meetings requested but only %(reachable)d slots to hold them.",
                        name=named[0],
                        requested=reason.requested,
                        reachable=reason.reachable,
                    )
                )
            if reason.outranked:
                parts.append(_("Its meetings there have equal or higher priority."))
            return " ".join(parts)
        case "busy_or_full":
            return _(
                "In every slot both %(a)s and %(b)s can attend, one of them already has a meeting or no table is free.",
                **pair,
            )
        case "outranked":
            return _("The meetings in the slots both %(a)s and %(b)s can attend have equal or higher priority.", **pair)
    return _("The slots both %(a)s and %(b)s can attend are taken by their other meetings.", **pair)


def remedy_text(remedy: Remedy, names: dict[str, str], slots: dict[str, Slot]) -> str:
    """What a remedy asks of the organizer, in the page's language, with the firms' names and the
    slots' local times."""
    lang = language()
    if remedy.kind == "none":
        return _(
            "No single change places it: it needs more than one (a table, a freed slot, someone's availability "
            "or a higher limit)."
        )
    slot = slots[remedy.slot]
    when = moment_text(slot.starts_at, lang)
    name, partner = names.get(remedy.participant or ""), names.get(remedy.partner or "")
    if remedy.kind == "fits":
        return _("Nothing to change: it fits at %(when)s in the current schedule. Run the scheduler again.", when=when)
    if remedy.kind == "fairness":
        return _("Let participants' breaks differ more: it then fits at %(when)s.", when=when)
    if remedy.kind == "cap":
        return _(
            "Raise the meetings one enterprise may have to %(cap)d (%(names)s reached the limit): it then fits at "
            "%(when)s.",
            cap=remedy.cap,
            names=", ".join(names[key] for key in remedy.participants),
            when=when,
        )
    if remedy.kind == "move":
        return _(
            "Move the meeting of %(name)s with %(partner)s from %(when)s to %(to)s: this request then takes %(when)s.",
            name=name,
            partner=partner,
            when=when,
            to=moment_text(slots[remedy.move_to].starts_at, lang),
        )
    if remedy.kind == "table":
        return _(
            "Add one B2B table on %(day)s (%(session)s): this request then fits at %(time)s.",
            day=day_text(slot.day, lang),
            session=session_label(slot.session),
            time=clock(slot.starts_at),
        )
    if remedy.kind == "available":
        return _("Ask %(name)s to be available at %(when)s (it marked itself unavailable then).", name=name, when=when)
    # drop: the meeting that holds the slot has nowhere else to go
    return _(
        "Cancel the meeting of %(name)s with %(partner)s at %(when)s (it has no other slot): this request then "
        "takes its place.",
        name=name,
        partner=partner,
        when=when,
    )
