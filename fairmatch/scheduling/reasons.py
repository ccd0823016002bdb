"""Why a meeting was left out, in words an organizer can act on."""

from fairmatch.scheduling.greedy import Calendar
from fairmatch.scheduling.problem import Problem, Schedule


def explain_unscheduled(problem: Problem, schedule: Schedule) -> dict[int, str]:
    """A reason for every meeting that `schedule` leaves out, judged against that schedule."""
    calendar = Calendar(problem, schedule)
    occupant: dict[tuple[int, int], int] = {}
    for m, s in schedule.items():
        for p in problem.pairs[m]:
            occupant[p, s] = m
    return {m: _reason(problem, calendar, occupant, m) for m in range(len(problem.meetings)) if m not in schedule}


def _reason(problem: Problem, calendar: Calendar, occupant: dict[tuple[int, int], int], m: int) -> str:
    meeting = problem.meetings[m]
    a, b = problem.pairs[m]
    name_a, name_b = meeting.participants
    names = {a: name_a, b: name_b}
    if not problem.domains[m]:
        return _no_slot_at_all(problem, m, names)
    capped = [p for p in (a, b) if problem.caps[p] is not None and len(calendar.used[p]) >= problem.caps[p]]
    if capped:
        return " and ".join(f"{names[p]} reached its cap of {problem.caps[p]} meetings" for p in capped)
    busy = {p: [s for s in problem.domains[m] if (p, s) in occupant] for p in (a, b)}
    full = [s for s in problem.domains[m] if meeting.needs_table and calendar.tables_used[s] >= problem.tables]
    blocked = set(busy[a]) | set(busy[b]) | set(full)
    if len(blocked) < len(problem.domains[m]):
        bound = problem.instance.objective.fairness
        if bound is None:
            return "time ran out before it was placed; a longer time limit may place it"
        return (
            f"placing it in a slot both {name_a} and {name_b} have free would break the fairness rule "
            f"(breaks of any two participants may differ by at most {bound})"
        )
    blockers = {occupant[p, s] for p in (a, b) for s in busy[p]}
    outranked = all(problem.meetings[other].priority >= meeting.priority for other in blockers)
    if not blockers:
        return f"no table is free in any slot both {name_a} and {name_b} can attend"
    for p, q in ((a, b), (b, a)):
        if len(busy[p]) == len(problem.domains[m]):
            text = f"{names[p]} is busy in every slot {names[q]} can also attend"
            overload = _overload(problem, p, names[p])
            if overload:
                text += f" ({overload})"
            if outranked:
                text += ", with meetings of equal or higher priority"
            return text
    if full:
        return (
            f"in every slot both {name_a} and {name_b} can attend, one of them already has a meeting "
            "or no table is free"
        )
    if outranked:
        return f"lower priority than the meetings placed in the slots both {name_a} and {name_b} can attend"
    return f"the slots both {name_a} and {name_b} can attend are taken by their other meetings"


def _no_slot_at_all(problem: Problem, m: int, names: dict[int, str]) -> str:
    meeting = problem.meetings[m]
    a, b = problem.pairs[m]
    slots = problem.instance.slots
    if meeting.needs_table and problem.tables == 0:
        return "it needs a table and there are no tables"
    if meeting.fixed_slot is not None:
        s = next(i for i, slot in enumerate(slots) if slot.id == meeting.fixed_slot)
        for p in (a, b):
            if s in problem.forbidden[p]:
                return f"its fixed slot {meeting.fixed_slot} is forbidden for {names[p]}"
        return f"its fixed slot {meeting.fixed_slot} is not in the {meeting.session} session"
    if meeting.session is not None:
        in_session = [s for s, slot in enumerate(slots) if slot.session == meeting.session]
        if not in_session:
            return f"no slot is in the {meeting.session} session"
        return f"{names[a]} and {names[b]} have no common free slot in the {meeting.session} session"
    return f"{names[a]} and {names[b]} have no common free slot"


def _overload(problem: Problem, p: int, name: str) -> str:
    """A note when a participant has more meetings than slots it can attend."""
    requested = [m for m in problem.meetings_of[p] if problem.domains[m]]
    reachable = {s for m in requested for s in problem.domains[m]}
    if len(requested) > len(reachable):
        return f"{name} has {len(requested)} meetings requested but only {len(reachable)} slots to hold them"
    return ""
