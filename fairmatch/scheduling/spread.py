"""Spreading a schedule over the fair, as the lowest objectives: same meetings, no participant with
more breaks, fair when it was fair; then, in this order,
1. the busiest slot holds as few meetings as possible,
2. participants use as few sessions (a morning or an afternoon of one day) as possible,
3. the loads of the slots are as even as possible (the smallest sum of squared loads).

The load of a slot is the number of meetings in it, at a table or at a booth: what the hall, the
check-in desk and the exhibitors' staff must absorb at once. It is a plain count, not a count
relative to who can come: the meetings that only fit in a few slots (a buyer who comes on one day)
raise the peak that every schedule must have, and the evenness rule then sends the meetings that can
go anywhere to the emptier slots, so that no meeting sits in a slot far busier than the other slots
its two sides could both attend, and each day's load follows who attends that day.

A local search does the work on any size. Its moves swap a Kempe chain (see breaks.py) or two
between two slots, or shift a meeting's whole group (the meetings of its session linked to it by
shared participants) to another session; first they flatten the loads, which never raises the
peak, then they regroup each participant's meetings into fewer sessions under that peak. When the
model is small enough, CP-SAT then takes the three objectives one after the other from there."""

import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from ortools.sat.python import cp_model

from fairmatch.scheduling import cpsat
from fairmatch.scheduling.breaks import ChainSearch
from fairmatch.scheduling.budget import DETERMINISTIC_PER_SECOND, Budget
from fairmatch.scheduling.problem import Problem, Schedule

# The local search's share of the wall clock when CP-SAT follows; what it leaves unused goes to
# CP-SAT. It settles within two seconds on models that small (fair-300-b in shared/bench, on a busy
# 2-core machine), and CP-SAT rarely improves on it there, so it comes first and gets half.
SEARCH_SHARE = 0.5
# The CP-SAT stages' shares of the effort (peak, sessions, evenness); what one stage leaves unused
# goes to the next ones.
STAGE_SHARES = (0.4, 0.3, 0.3)
# Groups of meetings moved to another session together are kept this small: a larger group seldom
# finds every slot it needs free, and finding it costs more than the move is worth.
LARGEST_GROUP = 8

# Whether a move is better, given how it changes each slot's load and the (participant, session)
# pairs in use.
Judge = Callable[[Mapping[int, int], int], bool]
# The moves (meeting → new slot) worth trying to bring a meeting to a slot, best first.
Candidates = Callable[[int, int], Iterator[dict[int, int]]]


def spread_out(problem: Problem, schedule: Schedule, budget: Budget) -> Schedule:
    """`schedule` with its meetings moved to the best spread found within `budget`; `schedule`
    itself when nothing better is found or the instance sets `objective.spread` to false."""
    if not problem.instance.objective.spread or not schedule:
        return schedule
    small = sum(len(problem.domains[m]) for m in schedule) <= cpsat.LARGEST_MODEL
    # The local search stops by the clock: at its share of the seconds that `budget.effort` stands for.
    seconds = budget.effort / DETERMINISTIC_PER_SECOND * (SEARCH_SHARE if small else 1.0)
    best = _search(problem, schedule, min(budget.deadline, time.monotonic() + seconds))
    # An unfair start would make the model, which holds the fairness bound, infeasible.
    if small and problem.is_fair(schedule):
        best = _solve_in_stages(problem, best, problem.breaks(schedule), budget)
    return best if spread_key(problem, best) < spread_key(problem, schedule) else schedule


def spread_key(problem: Problem, schedule: Mapping[int, int]) -> tuple[int, int, int]:
    """What spreading minimises, in order: the meetings of the busiest slot, the (participant,
    session) pairs in use, the sum of the squared slot loads."""
    loads = Counter(schedule.values())
    sessions = len(_sessions_in_use(problem, schedule))
    return max(loads.values(), default=0), sessions, sum(load * load for load in loads.values())


def _sessions_in_use(problem: Problem, schedule: Mapping[int, int]) -> set[tuple[int, int]]:
    """The (participant, session number) pairs of the schedule's meetings."""
    session = _session_of_slot(problem)
    return {(p, session[s]) for m, s in schedule.items() for p in problem.pairs[m]}


def _session_of_slot(problem: Problem) -> tuple[int, ...]:
    """A number for each slot's (day, session); a day without sessions is one session."""
    numbers: dict[tuple[int, str | None], int] = {}
    return tuple(
        numbers.setdefault((problem.day_of_slot[s], slot.session), len(numbers))
        for s, slot in enumerate(problem.instance.slots)
    )


def _search(problem: Problem, schedule: Schedule, deadline: float) -> Schedule:
    """Moves that first lower the sum of squared loads with no slot above the busiest, then lower
    the sessions in use (or, at equal sessions, the squares) under the peak reached."""
    search = _SpreadSearch(problem, schedule)
    load, session, slot_of = search.load, search.session, search.slot_of

    def flatter(change: Mapping[int, int], sessions: int) -> bool:
        # A move between two slots that lowers the squares also lowers the higher of the two; a
        # group moving over several slots could still raise one above the peak.
        top = max(load)
        return all(load[s] + shift <= top for s, shift in change.items()) and _square_change(load, change) < 0

    lowest_peak = _plain_bounds(problem, schedule)[0]

    def uneven(m: int, target: int) -> Iterator[dict[int, int]]:
        """m's whole group first, which keeps its participants' sessions together, then m's chain;
        loads one apart or closer cannot get more even by swapping meetings between them, but from
        a busiest slot above the plain bound, m may take the place of a meeting of `target` that
        leaves for a slot two or more below m's."""
        source = slot_of[m]
        if abs(load[target] - load[source]) > 1:
            if session[target] != session[source]:
                yield from search.block_moves(m, target)
            yield from search.chain_moves((m,), target)
        elif load[target] == load[source] - 1 and lowest_peak < load[source] == max(load):
            for k in sorted(search.in_slot[target]):
                for other in problem.domains[k]:
                    if load[other] < load[source] - 1:
                        yield {m: target, k: other}

    search.sweep(flatter, uneven, deadline)
    peak = max(load)

    def fewer_sessions(change: Mapping[int, int], sessions: int) -> bool:
        if any(load[s] + shift > peak for s, shift in change.items()):
            return False
        return (sessions, _square_change(load, change)) < (0, 0)

    def regrouping(m: int, target: int) -> Iterator[dict[int, int]]:
        """The chain of m; then, towards another session, m's whole group in its session shifted
        there; and in a full slot, when m alone would save sessions there, m's chain together with
        the chain of each meeting there that would cost fewer sessions going the other way."""
        source = slot_of[m]
        if session[target] == session[source]:
            if abs(load[target] - load[source]) > 1:
                yield from search.chain_moves((m,), target)
            return
        yield from search.chain_moves((m,), target)
        yield from search.block_moves(m, target)
        gain = -search.session_cost(m, target)
        if load[target] >= peak and gain > 0:
            for k in sorted(search.in_slot[target]):
                if search.session_cost(k, source) < gain:
                    yield from search.chain_moves((m, k), target)

    search.sweep(fewer_sessions, regrouping, deadline)
    return dict(search.slot_of)


def _square_change(load: list[int], change: Mapping[int, int]) -> int:
    """How the sum of squared loads changes when each slot s gains change[s] meetings."""
    return sum(2 * load[s] * shift + shift * shift for s, shift in change.items())


class _SpreadSearch(ChainSearch):
    """Moves of meetings that keep each participant's breaks at most what they were (and the
    fairness bound), tracking the slot loads and the meetings of each slot."""

    def __init__(self, problem: Problem, schedule: Schedule):
        super().__init__(problem, schedule)
        self.session = _session_of_slot(problem)
        self.load = [0] * problem.num_slots
        self.in_slot: list[set[int]] = [set() for _ in range(problem.num_slots)]
        for m, s in self.slot_of.items():
            self.load[s] += 1
            self.in_slot[s].add(m)
        self.in_session = [Counter(self.session[s] for s in busy) for busy in self.at]

    def sweep(self, better: Judge, candidates: Candidates, deadline: float) -> None:
        """Make the first move of `candidates(m, slot)` that `better` approves, for every meeting m
        and slot it may use, until none is left or `deadline` passes."""
        improved = True
        while improved and time.monotonic() < deadline:
            improved = False
            for m in sorted(self.slot_of):
                for target in self.problem.domains[m]:
                    if target != self.slot_of[m] and any(
                        self.try_move(moves, better) for moves in candidates(m, target)
                    ):
                        improved = True
                if time.monotonic() >= deadline:
                    break

    def chain_moves(self, starts: tuple[int, ...], target: int) -> Iterator[dict[int, int]]:
        """Swapping the chains of `starts` between the first one's slot and `target`. Each chain is
        a whole component of the two slots' meetings, so two chains are the same or disjoint."""
        source = self.slot_of[starts[0]]
        chain: set[int] = set()
        for start in starts:
            found = self._chain(start, source, target)
            if found is None:
                return
            chain |= found
        yield {k: target if self.slot_of[k] == source else source for k in chain}

    def block_moves(self, m: int, target: int) -> Iterator[dict[int, int]]:
        """Moving m's group (the meetings of m's session linked to m by shared participants) by as
        many slots as takes m to `target`, when the whole group lands in `target`'s session."""
        session, source = self.session, self.slot_of[m]
        group, queue = {m}, [m]
        while queue:
            for p in self.problem.pairs[queue.pop()]:
                for s, k in self.at[p].items():
                    if session[s] == session[source] and k not in group:
                        if len(group) >= LARGEST_GROUP:
                            return
                        group.add(k)
                        queue.append(k)
        shift = target - source
        moves = {k: self.slot_of[k] + shift for k in group}
        if all(0 <= new < len(session) and session[new] == session[target] for new in moves.values()):
            yield moves

    def try_move(self, moves: dict[int, int], better: Judge) -> bool:
        """Make `moves` if every meeting may use its new slot, no participant is in two places,
        tables suffice, no participant gains a break, and `better` approves."""
        problem = self.problem
        if any(new not in self.allowed[k] for k, new in moves.items()):
            return False
        touched = {p for k in moves for p in problem.pairs[k]}
        slots_after = {p: [moves.get(k, s) for s, k in self.at[p].items()] for p in touched}
        if any(len(set(slots)) < len(slots) for slots in slots_after.values()):
            return False
        change: Counter = Counter()
        for k, new in moves.items():
            change[self.slot_of[k]] -= 1
            change[new] += 1
        sessions = sum(
            len({self.session[s] for s in slots}) - sum(1 for count in self.in_session[p].values() if count)
            for p, slots in slots_after.items()
        )
        if not better(change, sessions) or not self.tables_fit(moves):
            return False
        new_breaks = {}
        if problem.needs_breaks_model:
            new_breaks = {p: problem.count_breaks(sorted(slots)) for p, slots in slots_after.items()}
            if any(count > self.breaks[p] for p, count in new_breaks.items()) or not self._fair_after(new_breaks):
                return False
        for k, new in moves.items():
            self.in_slot[self.slot_of[k]].remove(k)
            self.in_slot[new].add(k)
            for p in problem.pairs[k]:
                self.in_session[p][self.session[self.slot_of[k]]] -= 1
                self.in_session[p][self.session[new]] += 1
        for s, shift in change.items():
            self.load[s] += shift
        self._apply(moves, new_breaks)
        return True

    def session_cost(self, m: int, target: int) -> int:
        """How many (participant, session) pairs moving meeting m alone to `target` would add."""
        before, after = self.session[self.slot_of[m]], self.session[target]
        if before == after:
            return 0
        return sum((self.in_session[p][after] == 0) - (self.in_session[p][before] == 1) for p in self.problem.pairs[m])


def _solve_in_stages(problem: Problem, start: Schedule, break_limits: list[int], budget: Budget) -> Schedule:
    """CP-SAT on the three objectives one after the other, each stage started from the best
    schedule so far and holding the objectives before it at their best values; a stage whose
    objective is already at its plain lower bound is skipped."""
    model = _SpreadModel(problem, start, break_limits)
    bounds = _plain_bounds(problem, start)
    best, effort = start, budget.effort
    for stage, share in enumerate(STAGE_SHARES):
        if spread_key(problem, best)[stage] > bounds[stage]:
            part = share / sum(STAGE_SHARES[stage:])
            stage_budget = Budget(time.monotonic() + budget.seconds_left() * part, effort * part)
            found, used = model.minimize(stage, best, stage_budget)
            effort -= used
            if found is not None and spread_key(problem, found) < spread_key(problem, best):
                best = found
        model.hold(stage, spread_key(problem, best)[stage])
    return best


def _plain_bounds(problem: Problem, schedule: Schedule) -> tuple[int, int, int]:
    """Lower bounds of the three objectives, whatever the rules: the meetings evenly over the slots
    they may use, and each participant in one session."""
    usable = len(set().union(*(problem.domains[m] for m in schedule)))
    each, more = divmod(len(schedule), usable)
    participants = len({p for m in schedule for p in problem.pairs[m]})
    return each + (more > 0), participants, more * (each + 1) ** 2 + (usable - more) * each**2


class _SpreadModel:
    """The CP-SAT model placing the meetings of a schedule, with each participant's breaks at most
    its limit, and the three spread objectives as expressions."""

    def __init__(self, problem: Problem, schedule: Schedule, break_limits: list[int]):
        self.problem = problem
        self.base = cpsat.Model(problem, cpsat.Options(place_all=True, meetings=sorted(schedule)))
        model = self.base.model
        if self.base.breaks is not None:
            for count, limit in zip(self.base.breaks, break_limits, strict=True):
                model.add(count <= limit)
        in_slot: dict[int, list] = {}
        for (_, s), literal in self.base.x.items():
            in_slot.setdefault(s, []).append(literal)
        self.peak = model.new_int_var(0, len(schedule), "peak")
        self.loads: dict[int, tuple[cp_model.IntVar, cp_model.IntVar]] = {}
        for s, literals in in_slot.items():
            load = model.new_int_var(0, len(literals), f"load{s}")
            model.add(load == sum(literals))
            model.add(load <= self.peak)
            square = model.new_int_var(0, len(literals) ** 2, f"square{s}")
            model.add_multiplication_equality(square, [load, load])
            self.loads[s] = load, square
        session = _session_of_slot(problem)
        self.in_use: dict[tuple[int, int], cp_model.IntVar] = {}
        for p, by_slot in enumerate(self.base.busy):
            for s, literals in by_slot.items():
                key = (p, session[s])
                if key not in self.in_use:
                    self.in_use[key] = model.new_bool_var(f"session{p}_{session[s]}")
                for literal in literals:
                    model.add_implication(literal, self.in_use[key])
        squares = [square for _, square in self.loads.values()]
        self.objectives = (self.peak, sum(self.in_use.values()), sum(squares))

    def minimize(self, stage: int, hint: Schedule, budget: Budget) -> tuple[Schedule | None, float]:
        """The best schedule found for objective `stage` within `budget` (None when none), and the
        deterministic effort spent."""
        if budget.seconds_left() <= 0.01 or budget.effort <= 0:
            return None, 0.0
        self._hint(hint)
        model = self.base.model
        model.minimize(self.objectives[stage])
        solver = cpsat.configured_solver(budget, portfolio=True)
        status = solver.solve(model)
        found = self.base.read(solver) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
        return found, solver.deterministic_time

    def _hint(self, schedule: Schedule) -> None:
        """Hint every variable, so that CP-SAT starts from `schedule` at once."""
        model = self.base.model
        model.clear_hints()
        self.base.add_hint(schedule)
        loads = Counter(schedule.values())
        model.add_hint(self.peak, max(loads.values()))
        for s, (load, square) in self.loads.items():
            model.add_hint(load, loads[s])
            model.add_hint(square, loads[s] ** 2)
        in_use = _sessions_in_use(self.problem, schedule)
        for key, variable in self.in_use.items():
            model.add_hint(variable, key in in_use)

    def hold(self, stage: int, value: int) -> None:
        """Keep objective `stage` at most `value` in the stages after it."""
        self.base.model.add(self.objectives[stage] <= value)
