"""The largest total priority, found on a smaller model and then spread over real slots.

Slots that every meeting may use alike (same participants free, same session, no fixed meeting
apart) are interchangeable for the total priority, so the slots are grouped into such classes and
HiGHS decides only which class each meeting goes to: at most |class| meetings per participant and
|class| x tables table meetings per class. That model is about four times smaller than the
slot-level one and its linear relaxation is usually integral already. Its optimum bounds the real
one from above; CP-SAT then gives each chosen meeting a slot of its class, which succeeds whenever
the meetings of a class can be edge-coloured with |class| colours within the table count (König's
theorem makes that the rule for exhibitor-buyer meetings), and the bound then proves the result
optimal. Otherwise the exact slot-level model takes over from the schedule found."""

import contextlib
import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

import highspy
import numpy as np

from fairmatch.scheduling import cpsat
from fairmatch.scheduling.budget import Budget
from fairmatch.scheduling.problem import Problem, Schedule

_STDOUT_LOCK = threading.Lock()


@dataclass(frozen=True)
class PriorityOutcome:
    """The best schedule found for total priority, and an upper bound on that total: the schedule
    is proven optimal when its total reaches the bound."""

    schedule: Schedule
    bound: int


def slot_classes(problem: Problem) -> list[tuple[int, ...]]:
    """Slots grouped by the exact set of meetings that may use them, in time order."""
    users: dict[int, list[int]] = defaultdict(list)
    for m, domain in enumerate(problem.domains):
        for s in domain:
            users[s].append(m)
    classes: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for s in sorted(users):
        classes[tuple(users[s])].append(s)
    return [tuple(slots) for slots in classes.values()]


def best_priority(problem: Problem, budget: Budget) -> PriorityOutcome | None:
    """The schedule with the largest total priority that can be found within `budget`, ignoring
    breaks and fairness; None when time ran out first. When the
    class-level bound is not reached (meetings among three or more participants that all meet each
    other can defeat the spreading), the slot-level model takes over from the schedule found."""
    classes = slot_classes(problem)
    choice, bound = _choose_classes(problem, classes, budget.deadline)
    if choice is None:
        return None
    schedule = _spread_over_slots(problem, classes, choice, budget)
    if problem.priority(schedule) < bound:
        singletons = [(s,) for s in range(problem.num_slots)]
        exact, exact_bound = _choose_classes(problem, singletons, budget.deadline, start=schedule)
        if exact is not None and problem.priority(exact) > problem.priority(schedule):
            schedule = dict(exact)
        bound = min(bound, exact_bound)
    return PriorityOutcome(schedule, bound)


def _spread_over_slots(problem: Problem, classes: list[tuple[int, ...]], choice: dict[int, int], budget: Budget):
    """Give each chosen meeting a slot of its class (an edge colouring, found by CP-SAT); when not
    all of them fit, as much priority as fits. Classes share no slot, so each is coloured on its
    own: many small models instead of one large one (a national fair's 7,800 meetings in 10
    classes)."""
    by_class: dict[int, list[int]] = defaultdict(list)
    for m in sorted(choice):
        by_class[choice[m]].append(m)
    schedule: Schedule = {}
    left = len(choice)
    for c, chosen in sorted(by_class.items()):
        share = budget.share(len(chosen) / left)
        left -= len(chosen)
        domains: list[tuple[int, ...]] = [()] * len(problem.meetings)
        for m in chosen:
            domains[m] = tuple(s for s in problem.domains[m] if s in classes[c])
        options = cpsat.Options(place_all=True, domains=domains, meetings=chosen, with_breaks=False)
        spread = cpsat.run(problem, options, share, portfolio=False)
        if spread.schedule is None:
            options = cpsat.Options(objective="priority", domains=domains, meetings=chosen, with_breaks=False)
            spread = cpsat.run(problem, options, share, portfolio=False)
        schedule.update(spread.schedule or {})
    return schedule


def _choose_classes(problem: Problem, classes: list[tuple[int, ...]], deadline: float, start: Schedule | None = None):
    """Solve the class-level model: the LP first, and the MIP only when the LP is fractional.
    Returns ({meeting: class}, upper bound on total priority), with None for the choice on a
    time-out. With one slot per class (class c = slot c) this is the exact slot-level model;
    `start` is then a known schedule for the MIP to start from."""
    columns = [
        (m, c)
        for m, domain in enumerate(problem.domains)
        for c, slots in enumerate(classes)
        if set(slots) & set(domain)
    ]
    rows: dict[tuple, list[int]] = defaultdict(list)
    limits: dict[tuple, int] = {}
    for j, (m, c) in enumerate(columns):
        rows["meeting", m].append(j)
        limits["meeting", m] = 1
        for p in problem.pairs[m]:
            rows["busy", p, c].append(j)
            limits["busy", p, c] = len(classes[c])
            if problem.caps[p] is not None:
                rows["cap", p].append(j)
                limits["cap", p] = problem.caps[p]
        if problem.meetings[m].needs_table:
            rows["tables", c].append(j)
            limits["tables", c] = problem.tables * len(classes[c])
    total = sum(problem.meetings[m].priority for m in range(len(problem.meetings)) if problem.domains[m])
    if not columns:
        return {}, 0

    highs = _quiet_highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("random_seed", 0)
    count = len(columns)
    highs.addVars(count, np.zeros(count), np.ones(count))
    priorities = np.array([-float(problem.meetings[m].priority) for m, _ in columns])
    highs.changeColsCost(count, np.arange(count, dtype=np.int32), priorities)
    for key, members in rows.items():
        if len(members) > limits[key]:
            highs.addRow(
                -highspy.kHighsInf, limits[key], len(members), np.array(members, dtype=np.int32), np.ones(len(members))
            )

    values = _solve(highs, deadline)
    if values is None:
        return None, total
    bound = int(np.floor(-highs.getInfo().objective_function_value + 1e-6))
    if np.any((values > 1e-6) & (values < 1 - 1e-6)):
        highs.changeColsIntegrality(
            count, np.arange(count, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * count)
        )
        if start:
            known = highspy.HighsSolution()
            known.col_value = [float(start.get(m) in classes[c]) for m, c in columns]
            highs.setSolution(known)
        values = _solve(highs, deadline)
        if values is None:
            return None, bound
        info = highs.getInfo()
        bound = min(bound, int(np.floor(-info.mip_dual_bound + 1e-6)))
    return {columns[j][0]: columns[j][1] for j in np.flatnonzero(values > 0.5)}, bound


def _solve(highs: highspy.Highs, deadline: float):
    remaining = deadline - time.monotonic()
    if remaining <= 0.01:
        return None
    highs.setOptionValue("time_limit", remaining)
    highs.run()
    status = highs.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal and highs.getInfo().primal_solution_status != 2:
        return None
    return np.array(highs.getSolution().col_value)


def _quiet_highs() -> highspy.Highs:
    """A HiGHS instance whose start-up banner does not reach the process's stdout, which carries
    the JSON result of the command line. The banner is written by the C++ library, so only
    pointing file descriptor 1 elsewhere for a moment keeps it out."""
    with _STDOUT_LOCK, contextlib.ExitStack() as stack:
        try:
            saved = os.dup(1)
        except OSError:
            return highspy.Highs()
        stack.callback(os.close, saved)
        sink = os.open(os.devnull, os.O_WRONLY)
        stack.callback(os.close, sink)
        os.dup2(sink, 1)
        stack.callback(os.dup2, saved, 1)
        return highspy.Highs()
