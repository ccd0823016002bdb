"""Why a meeting was left out, in words an organizer can act on: a `Reason` (a kind and the ids it
is about) that a user interface phrases in its own language, and its English sentence for the
result document.

The kinds, with the fields each uses (`participants` in the order the sentence names them):
- `no_tables`: it needs a table and there are none;
- `fixed_forbidden`: its fixed `slot` is forbidden for `participants[0]`;
- `fixed_session`: its fixed `slot` is not in its `session`;
- `no_session`: no slot is in its `session`;
- `no_common_slot`: the two `participants` have no common free slot (in `session`, if it has one);
- `cap`: `participants` reached their `caps`;
- `time`: a slot both can attend was free: the search stopped before placing it;
- `fairness`: placing it would make the breaks of two participants differ by more than `bound`;
- `no_table_free`: no table is free in any slot both `participants` can attend;
- `busy`: `participants[0]` is busy in every slot `participants[1]` can also attend; `requested`
  and `reachable` when it has more meetings than slots to hold them; `outranked` when its meetings
  there matter as much or more;
- `busy_or_full`: in every slot both can attend, one of them has a meeting or no table is free;
- `outranked`: the meetings in the slots both can attend matter as much or more;
- `taken`: the slots both can attend are taken by their other meetings."""

from dataclasses import dataclass

from fairmatch.scheduling.greedy import Calendar
from fairmatch.scheduling.problem import Problem, Schedule


@dataclass(frozen=True)
class Reason:
    kind: str
    participants: tuple[str, ...] = ()
    slot: str | None = None
    session: str | None = None
    caps: tuple[int, ...] = ()
    requested: int | None = None
    reachable: int | None = None
    outranked: bool = False
    bound: int | None = None


def explain_unscheduled(problem: Problem, schedule: Schedule) -> dict[int, str]:
    """A reason for every meeting that `schedule` leaves out, judged against that schedule."""
    return {m: sentence(reason) for m, reason in find_reasons(problem, schedule).items()}


def find_reasons(problem: Problem, schedule: Schedule) -> dict[int, Reason]:
    """The reason, as data, of every meeting that `schedule` leaves out."""
    calendar = Calendar(problem, schedule)
    occupant = occupants(problem, schedule)
    return {m: _reason(problem, calendar, occupant, m) for m in range(len(problem.meetings)) if m not in schedule}


def occupants(problem: Problem, schedule: Schedule) -> dict[tuple[int, int], int]:
    """(participant, slot) → the meeting that participant holds in that slot."""
    return {(p, s): m for m, s in schedule.items() for p in problem.pairs[m]}


def at_cap(problem: Problem, calendar: Calendar, p: int) -> bool:
    """Whether participant p already has as many meetings as its cap allows."""
    return problem.caps[p] is not None and len(calendar.used[p]) >= problem.caps[p]


def table_full(problem: Problem, calendar: Calendar, m: int, s: int) -> bool:
    """Whether meeting m needs a table and none is free in slot s."""
    return problem.meetings[m].needs_table and calendar.tables_used[s] >= problem.tables


def sentence(reason: Reason) -> str:
    """The reason in English, as the result document gives it."""
    names = reason.participants
    both = f"{names[0]} and {names[1]}" if len(names) == 2 else ""
    match reason.kind:
        case "no_tables":
            return "it needs a table and there are no tables"
        case "fixed_forbidden":
            return f"its fixed slot {reason.slot} is forbidden for {names[0]}"
        case "fixed_session":
            return f"its fixed slot {reason.slot} is not in the {reason.session} session"
        case "no_session":
            return f"no slot is in the {reason.session} session"
        case "no_common_slot":
            return f"{both} have no common free slot" + (f" in the {reason.session} session" if reason.session else "")
        case "cap":
            return " and ".join(
                f"{name} reached its cap of {cap} meetings" for name, cap in zip(names, reason.caps, strict=True)
            )
        case "time":
            return "time ran out before it was placed; a longer time limit may place it"
        case "fairness":
            return (
                f"placing it in a slot both {both} have free would break the fairness rule "
                f"(breaks of any two participants may differ by at most {reason.bound})"
            )
        case "no_table_free":
            return f"no table is free in any slot both {both} can attend"
        case "busy":
            text = f"{names[0]} is busy in every slot {names[1]} can also attend"
            if reason.requested is not None:
                text += (
                    f" ({names[0]} has {reason.requested} meetings requested but only {reason.reachable} slots to "
                    "hold them)"
                )
            return text + (", with meetings of equal or higher priority" if reason.outranked else "")
        case "busy_or_full":
            return f"in every slot both {both} can attend, one of them already has a meeting or no table is free"
        case "outranked":
            return f"lower priority than the meetings placed in the slots both {both} can attend"
    return f"the slots both {both} can attend are taken by their other meetings"


def _reason(problem: Problem, calendar: Calendar, occupant: dict[tuple[int, int], int], m: int) -> Reason:
    meeting = problem.meetings[m]
    a, b = problem.pairs[m]
    ids = problem.participant_ids
    pair = (ids[a], ids[b])
    if not problem.domains[m]:
        return _no_slot_at_all(problem, m)
    capped = [p for p in (a, b) if at_cap(problem, calendar, p)]
    if capped:
        return Reason("cap", tuple(ids[p] for p in capped), caps=tuple(problem.caps[p] for p in capped))
    busy = {p: [s for s in problem.domains[m] if (p, s) in occupant] for p in (a, b)}
    full = [s for s in problem.domains[m] if table_full(problem, calendar, m, s)]
    blocked = set(busy[a]) | set(busy[b]) | set(full)
    if len(blocked) < len(problem.domains[m]):
        bound = problem.instance.objective.fairness
        return Reason("time") if bound is None else Reason("fairness", pair, bound=bound)
    blockers = {occupant[p, s] for p in (a, b) for s in busy[p]}
    outranked = all(problem.meetings[other].priority >= meeting.priority for other in blockers)
    if not blockers:
        return Reason("no_table_free", pair)
    for p, q in ((a, b), (b, a)):
        if len(busy[p]) == len(problem.domains[m]):
            requested, reachable = _overload(problem, p)
            return Reason("busy", (ids[p], ids[q]), requested=requested, reachable=reachable, outranked=outranked)
    if full:
        return Reason("busy_or_full", pair)
    return Reason("outranked" if outranked else "taken", pair)


def _no_slot_at_all(problem: Problem, m: int) -> Reason:
    meeting = problem.meetings[m]
    a, b = problem.pairs[m]
    ids = problem.participant_ids
    slots = problem.instance.slots
    if meeting.needs_table and problem.tables == 0:
        return Reason("no_tables")
    if meeting.fixed_slot is not None:
        s = next(i for i, slot in enumerate(slots) if slot.id == meeting.fixed_slot)
        for p in (a, b):
            if s in problem.forbidden[p]:
                return Reason("fixed_forbidden", (ids[p],), slot=meeting.fixed_slot)
        return Reason("fixed_session", slot=meeting.fixed_slot, session=meeting.session)
    if meeting.session is not None and not any(slot.session == meeting.session for slot in slots):
        return Reason("no_session", session=meeting.session)
    return Reason("no_common_slot", (ids[a], ids[b]), session=meeting.session)


def _overload(problem: Problem, p: int) -> tuple[int | None, int | None]:
    """A participant's meetings with somewhere to go and the slots they can use, when it has more
    of the first than of the second; otherwise (None, None)."""
    requested = [m for m in problem.meetings_of[p] if problem.domains[m]]
    reachable = {s for m in requested for s in problem.domains[m]}
    if len(requested) > len(reachable):
        return len(requested), len(reachable)
    return None, None
