"""The slot-level model for OR-Tools CP-SAT: one true/false variable per meeting and slot it may use,
and, when breaks matter, each participant's occupancy, block starts and span per day.

When every meeting must be placed and breaks are minimised (the B2B-forum problem), two things
decide the speed, measured on forum-like instances (docs/meetings.md):
- the linear relaxation only slows the search down there (a 0-break schedule of 78 participants
  was not found in 15 deterministic seconds with it, and in 0.6 without), so those models are
  solved without it;
- a participant whose meetings all fall on one day and who has no break meets in exactly the n
  slots from its first one: saying so with an order encoding of that first slot ("unbroken
  blocks") lets the solver reason on whole blocks, and core-based search over "has no break"
  proves the fewest breaks in seconds where the plain count took minutes."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ortools.sat.python import cp_model

from fairmatch.scheduling.budget import Budget
from fairmatch.scheduling.problem import Problem, Schedule

SEED = 20261015
# Past this many meeting-slot variables, building a model with break counts alone takes longer than
# the time limits organizers use; local searches do the work there instead.
LARGEST_MODEL = 12_000


@dataclass(frozen=True)
class Outcome:
    """What a CP-SAT run found: the best schedule (None when none), whether its objective is proven
    optimal, whether the model was proven to have no solution at all, and the deterministic effort
    it spent."""

    schedule: Schedule | None
    proven: bool
    infeasible: bool
    spent: float = 0.0


@dataclass
class Options:
    """Which model to build: `place_all` forces every meeting in; `min_priority` keeps the total
    priority at least that high; `objective` is what to optimise; `domains` and `meetings` narrow
    where each meeting may go and which meetings take part; `with_breaks` adds the break counts
    (and the fairness bound) when the instance asks for them."""

    place_all: bool = False
    min_priority: int | None = None
    objective: Literal["priority", "breaks"] | None = None
    domains: Sequence[Sequence[int]] | None = None
    meetings: Sequence[int] | None = None
    with_breaks: bool = True
    # With `place_all` and breaks: "prefer" adds the unbroken blocks; "only" allows no break at all.
    blocks: Literal["prefer", "only"] | None = None


def run(problem: Problem, options: Options, budget: Budget, hint: Schedule | None = None, portfolio=True) -> Outcome:
    """Solve the model described by `options` within `budget`, starting from
    `hint` when given (a schedule that satisfies the model). `portfolio` interleaves CP-SAT's
    search strategies on two threads (still deterministic), which pays off on optimisation; a
    single thread finds a first solution of an easy model much sooner."""
    if budget.seconds_left() <= 0.01 or budget.effort <= 0:
        return Outcome(None, False, False)
    model = Model(problem, options)
    if hint:
        model.add_hint(hint)
    solver = configured_solver(budget, portfolio)
    if options.place_all and model.breaks is not None:
        solver.parameters.linearization_level = 0
        solver.parameters.optimize_with_core = options.objective == "breaks"
    status = solver.solve(model.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Outcome(model.read(solver), status == cp_model.OPTIMAL, False, solver.deterministic_time)
    return Outcome(None, False, status == cp_model.INFEASIBLE, solver.deterministic_time)


def configured_solver(budget: Budget, portfolio: bool) -> cp_model.CpSolver:
    """A CP-SAT solver bounded by `budget`, deterministic for the same model and budget."""
    solver = cp_model.CpSolver()
    parameters = solver.parameters
    parameters.num_workers = 2 if portfolio else 1
    parameters.interleave_search = portfolio
    parameters.random_seed = SEED
    parameters.max_deterministic_time = budget.effort
    parameters.max_time_in_seconds = budget.seconds_left()
    return solver


class Model:
    """The CP-SAT model of `options`: `x[m, s]` is meeting m in slot s, `busy[p][s]` the literals
    of participant p's meetings in slot s, `breaks` each participant's break count."""

    def __init__(self, problem: Problem, options: Options):
        self.problem = problem
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self._hint_rules: list = []
        meetings = range(len(problem.meetings)) if options.meetings is None else options.meetings
        domains = options.domains if options.domains is not None else problem.domains
        for m in meetings:
            literals = [self._new_x(m, s) for s in domains[m]]
            if options.place_all:
                self.model.add_exactly_one(literals)
            elif len(literals) > 1:
                self.model.add_at_most_one(literals)
        self._add_hard_rules()
        if options.min_priority is not None:
            self.model.add(self._priority() >= options.min_priority)
        # One break count per participant (None when the model leaves breaks out).
        self.breaks = self._add_breaks() if options.with_breaks and problem.needs_breaks_model else None
        if options.objective == "priority":
            self.model.maximize(self._priority())
        elif options.objective == "breaks" and self.breaks is not None:
            self.model.minimize(sum(self.breaks))
        if options.blocks is not None and options.place_all and self.breaks is not None:
            self._add_blocks(meetings, only=options.blocks == "only")

    def _new_x(self, m: int, s: int) -> cp_model.IntVar:
        literal = self.model.new_bool_var(f"x{m}_{s}")
        self.x[m, s] = literal
        return literal

    def _priority(self) -> cp_model.LinearExpr:
        meetings = self.problem.meetings
        return cp_model.LinearExpr.weighted_sum(list(self.x.values()), [meetings[m].priority for m, _ in self.x])

    def _add_hard_rules(self) -> None:
        problem = self.problem
        self.busy: list[dict[int, list]] = [{} for _ in problem.participant_ids]
        tables: dict[int, list] = {}
        for (m, s), literal in self.x.items():
            for p in problem.pairs[m]:
                self.busy[p].setdefault(s, []).append(literal)
            if problem.meetings[m].needs_table:
                tables.setdefault(s, []).append(literal)
        for by_slot in self.busy:
            for literals in by_slot.values():
                if len(literals) > 1:
                    self.model.add_at_most_one(literals)
        for literals in tables.values():
            if len(literals) > problem.tables:
                self.model.add(sum(literals) <= problem.tables)
        for p, cap in enumerate(problem.caps):
            literals = [literal for by_slot in self.busy[p].values() for literal in by_slot]
            if cap is not None and len(literals) > cap:
                self.model.add(sum(literals) <= cap)

    def _add_breaks(self) -> list:
        """One break count per participant, tied to the x variables; with a fairness bound, all
        counts lie within one window of that width."""
        counts = [self._participant_breaks(p) for p in range(len(self.problem.participant_ids))]
        bound = self.problem.instance.objective.fairness
        if bound is not None and counts:
            top = max(len(day) for day in self.problem.days) * len(self.problem.days)
            low, high = self.model.new_int_var(0, top, "low"), self.model.new_int_var(0, top, "high")
            for count in counts:
                self.model.add(count >= low)
                self.model.add(count <= high)
            self.model.add(high - low <= bound)
        return counts

    def _participant_breaks(self, p: int):
        total = []
        for day in self.problem.days:
            occupancy = {s: self._occupancy(p, s) for s in day if s in self.busy[p]}
            if len(occupancy) >= 2:
                total.append(self._day_breaks(p, day, occupancy))
        return sum(total) if total else 0

    def _occupancy(self, p: int, s: int):
        literals = self.busy[p][s]
        if len(literals) == 1:
            return literals[0]
        used = self.model.new_bool_var(f"y{p}_{s}")
        self.model.add(sum(literals) == used)
        self._hint_rules.append((used, lambda schedule, p=p, s=s: self._is_busy(schedule, p, s)))
        return used

    def _day_breaks(self, p: int, day: Sequence[int], occupancy: dict):
        """Breaks of participant p on one day = blocks of consecutive busy slots - 1 (when busy at
        all). The span (first to last busy slot) is redundant but lets the solver see early that a
        day without breaks is one solid block of meetings."""
        model = self.model
        starts = []
        for s, used in occupancy.items():
            previous = occupancy.get(s - 1) if s - 1 in day else None
            if previous is None:
                starts.append(used)
                continue
            start = model.new_bool_var(f"start{p}_{s}")
            model.add_bool_or([used.Not(), previous, start])
            model.add_implication(start, used)
            model.add_implication(start, previous.Not())
            self._hint_rules.append(
                (start, lambda sch, p=p, s=s: self._is_busy(sch, p, s) and not self._is_busy(sch, p, s - 1))
            )
            starts.append(start)
        busy = model.new_bool_var(f"busy{p}_{day[0]}")
        for used in occupancy.values():
            model.add_implication(used, busy)
        model.add_bool_or(list(occupancy.values())).only_enforce_if(busy)
        self._hint_rules.append((busy, lambda sch, p=p, day=day: any(self._is_busy(sch, p, s) for s in day)))
        breaks = model.new_int_var(0, len(occupancy) - 1, f"breaks{p}_{day[0]}")
        model.add(breaks == sum(starts) - busy)

        first = model.new_int_var(day[0], day[-1], f"first{p}_{day[0]}")
        last = model.new_int_var(day[0], day[-1], f"last{p}_{day[0]}")
        for s, used in occupancy.items():
            model.add(first <= s).only_enforce_if(used)
            model.add(last >= s).only_enforce_if(used)
        meetings = sum(occupancy.values())
        model.add(last - first + 1 - meetings >= breaks)
        solid = model.new_bool_var(f"solid{p}_{day[0]}")
        model.add(breaks == 0).only_enforce_if(solid)
        model.add(breaks >= 1).only_enforce_if(solid.Not())
        model.add(last - first + 1 == meetings).only_enforce_if([solid, busy])
        self._hint_rules.append((solid, lambda sch, p=p, day=day: self._day_breaks_in(sch, p, day) == 0))
        return breaks

    def _add_blocks(self, meetings: Sequence[int], only: bool) -> None:
        """For each participant with n >= 2 meetings, all on one day: `first[k]` says that its
        first meeting is in slot k or earlier; without a break (always, with `only`) it is busy in
        exactly the slots k with first[k] and not first[k - n]."""
        problem, model = self.problem, self.model
        if only:
            model.add(sum(self.breaks) == 0)
        placed = set(meetings)
        for p, breaks in enumerate(self.breaks):
            mine = [m for m in problem.meetings_of[p] if m in placed]
            days = {problem.day_of_slot[s] for s in self.busy[p]}
            n = len(mine)
            if n < 2 or len(days) != 1 or isinstance(breaks, int):
                continue
            day = problem.days[days.pop()]
            if n > len(day):
                continue
            first = {k: model.new_bool_var(f"first{p}_{k}") for k in day}
            for k in day[:-1]:
                model.add_implication(first[k], first[k + 1])
            model.add_bool_and([first[k] for k in day[len(day) - n :]])
            if only:
                unbroken = []
            else:
                solid = model.new_bool_var(f"unbroken{p}")
                model.add(breaks == 0).only_enforce_if(solid)
                model.add(breaks >= 1).only_enforce_if(solid.Not())
                unbroken = [solid]
                self._hint_rules.append((solid, lambda sch, p=p, day=day: self._day_breaks_in(sch, p, day) == 0))
            for k in day:
                self._hint_rules.append((first[k], lambda sch, p=p, k=k: self._first_busy(sch, p) <= k))
                started = [first[k], first[k - n].Not()] if k - n in first else [first[k]]
                literals = self.busy[p].get(k, [])
                if not literals:
                    model.add_bool_or([literal.Not() for literal in started + unbroken])
                    continue
                model.add(sum(literals) == 1).only_enforce_if(started + unbroken)
                for literal in started:
                    model.add(sum(literals) == 0).only_enforce_if([literal.Not(), *unbroken])

    def _first_busy(self, schedule: Schedule, p: int) -> int:
        return min((schedule[m] for m in self.problem.meetings_of[p] if m in schedule), default=self.problem.num_slots)

    def _is_busy(self, schedule: Schedule, p: int, s: int) -> bool:
        return any(schedule.get(m) == s for m in self.problem.meetings_of[p])

    def _day_breaks_in(self, schedule: Schedule, p: int, day: Sequence[int]) -> int:
        return self.problem.count_breaks([s for s in day if self._is_busy(schedule, p, s)])

    def add_hint(self, schedule: Schedule) -> None:
        for (m, s), literal in self.x.items():
            self.model.add_hint(literal, schedule.get(m) == s)
        for literal, rule in self._hint_rules:
            self.model.add_hint(literal, rule(schedule))

    def read(self, solver: cp_model.CpSolver) -> Schedule:
        return {m: s for (m, s), literal in self.x.items() if solver.boolean_value(literal)}
