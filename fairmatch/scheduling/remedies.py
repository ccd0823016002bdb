"""What it would take to place a meeting the schedule leaves out: the smallest single change to the
fair or to the schedule as it stands, as plain data (a kind and the ids it is about) that a user
interface phrases in its own language.

The kinds, from the change that costs the fair least to the one that costs most; each names the
`slot` the meeting would then take:
- `fits`: no change; it fits as the schedule stands (the search stopped before placing it);
- `fairness`: it fits only if the breaks of two participants may differ by more than the bound;
- `cap`: `participants` reached their cap of meetings; a cap of `cap` lets it fit;
- `move`: `participant` frees the slot by moving its meeting `meeting` (with `partner`) to `move_to`;
- `table`: one more table in the slot;
- `available`: `participant` makes itself available in the slot, which it had blocked;
- `drop`: `participant` frees the slot by giving up its meeting `meeting` (with `partner`) there,
  which has no other slot to go to;
- `none`: no single change of these kinds is enough.
Only `fits` is judged against the fairness bound; the other changes are what the hard rules need."""

from dataclasses import asdict, dataclass

from fairmatch.scheduling.greedy import Calendar
from fairmatch.scheduling.problem import Problem, Schedule
from fairmatch.scheduling.reasons import at_cap, occupants, table_full


@dataclass(frozen=True)
class Remedy:
    kind: str
    slot: str | None = None
    participant: str | None = None
    participants: tuple[str, ...] = ()
    meeting: str | None = None
    partner: str | None = None
    move_to: str | None = None
    cap: int | None = None

    def to_dict(self) -> dict:
        """The remedy as JSON-ready data, without the fields its kind does not use."""
        return {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in asdict(self).items()
            if value is not None and value != ()
        }


NO_REMEDY = Remedy("none")
# The order in which remedies are preferred: the first costs the fair least.
KINDS = ("fits", "fairness", "cap", "move", "table", "available", "drop")


def find_remedies(problem: Problem, schedule: Schedule) -> dict[int, Remedy]:
    """A remedy for every meeting that `schedule` leaves out, judged against that schedule."""
    calendar = Calendar(problem, schedule)
    occupant = occupants(problem, schedule)
    return {m: _remedy(problem, calendar, occupant, m) for m in range(len(problem.meetings)) if m not in schedule}


def _remedy(problem: Problem, calendar: Calendar, occupant: dict[tuple[int, int], int], m: int) -> Remedy:
    capped = {p for p in problem.pairs[m] if at_cap(problem, calendar, p)}
    options = [
        option
        for s in _own_slots(problem, m)
        if (option := _in_slot(problem, calendar, occupant, m, s, capped)) is not None
    ]
    return min(options, key=lambda option: option[0])[1] if options else NO_REMEDY


def _in_slot(
    problem: Problem, calendar: Calendar, occupant: dict[tuple[int, int], int], m: int, s: int, capped: set[int]
) -> tuple[tuple, Remedy] | None:
    """The one change that lets meeting m take slot s, with the key that ranks it among the
    changes for the other slots (cheapest kind, then fewest added breaks, then earliest); None if
    slot s needs more than one change."""
    a, b = problem.pairs[m]
    ids = problem.participant_ids
    slot = problem.instance.slots[s].id
    forbidden = [p for p in (a, b) if s in problem.forbidden[p]]
    blockers: dict[int, list[int]] = {}
    for p in (a, b):
        if (p, s) in occupant:
            blockers.setdefault(occupant[p, s], []).append(p)
    full = table_full(problem, calendar, m, s)
    breaks = calendar.added_breaks(a, s) + calendar.added_breaks(b, s)
    if not (forbidden or blockers or full):
        if not capped:
            kind = "fits" if _stays_fair(problem, calendar, m, s) else "fairness"
            return (KINDS.index(kind), breaks, s), Remedy(kind, slot)
        caps = {problem.caps[p] for p in capped}
        if len(caps) > 1:  # two different caps to raise
            return None
        remedy = Remedy("cap", slot, participants=tuple(ids[p] for p in sorted(capped)), cap=caps.pop() + 1)
        return (KINDS.index("cap"), breaks, s), remedy
    if len(blockers) == 1 and not forbidden:
        [(other, holders)] = blockers.items()
        # Freeing the slot frees a table only if the meeting that leaves it had one.
        if full and not problem.meetings[other].needs_table:
            return None
        p = holders[0]
        partner = next(q for q in problem.pairs[other] if q != p)
        making_room = {"participant": ids[p], "meeting": problem.meetings[other].id, "partner": ids[partner]}
        move_to = None if capped else _new_slot(problem, calendar, occupant, other, s)
        if move_to is not None:
            remedy = Remedy("move", slot, move_to=problem.instance.slots[move_to].id, **making_room)
            return (KINDS.index("move"), breaks, s), remedy
        if capped <= set(holders):  # giving a meeting up also makes room under the cap
            return (KINDS.index("drop"), problem.meetings[other].priority, breaks, s), Remedy(
                "drop", slot, **making_room
            )
        return None
    if capped or blockers:
        return None
    if full and not forbidden:
        return (KINDS.index("table"), breaks, s), Remedy("table", slot)
    if len(forbidden) == 1 and not full:
        return (KINDS.index("available"), breaks, s), Remedy("available", slot, ids[forbidden[0]])
    return None


def _own_slots(problem: Problem, m: int) -> list[int]:
    """The slots the meeting itself allows (its fixed slot, its session), whatever its participants
    blocked and however many tables there are."""
    meeting = problem.meetings[m]
    return [
        s
        for s, slot in enumerate(problem.instance.slots)
        if meeting.fixed_slot in (None, slot.id) and meeting.session in (None, slot.session)
    ]


def _new_slot(
    problem: Problem, calendar: Calendar, occupant: dict[tuple[int, int], int], m: int, leaving: int
) -> int | None:
    """Another slot where placed meeting m could go, both its participants free and a table free if it
    needs one, the one adding the fewest breaks; None if there is none."""
    pair = problem.pairs[m]
    options = [
        s
        for s in problem.domains[m]
        if s != leaving and all((p, s) not in occupant for p in pair) and not table_full(problem, calendar, m, s)
    ]
    return min(options, key=lambda s: (sum(calendar.added_breaks(p, s) for p in pair), s), default=None)


def _stays_fair(problem: Problem, calendar: Calendar, m: int, s: int) -> bool:
    calendar.place(m, s)
    fair = problem.is_fair(calendar.schedule)
    calendar.remove(m)
    return fair
