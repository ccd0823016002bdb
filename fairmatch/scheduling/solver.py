"""`solve`: from an instance to the best schedule found within the time limit.

Order of work, so that something valid is always at hand:
1. a greedy schedule (milliseconds);
2. `"max"`: the largest total priority from the class-level HiGHS model (see priority.py), whose
   bound usually proves it optimal; `"all"`: CP-SAT with every meeting placed;
3. when breaks matter: Kempe-chain swaps (see breaks.py), then CP-SAT minimising breaks with the
   total priority held, started from the best schedule so far, for the time that is left; an
   `"all"` instance first looks for a schedule with no break at all (see cpsat.py);
4. unless the instance turns `spread` off: the same meetings spread over the fair's slots and
   sessions, never at the cost of a break (see spread.py).

A `"max"` fixed meeting may still be left out (only its slot is fixed). For an `"all"` instance
proven infeasible (or not solved in time, status `unknown`), the assignments show the schedule with
the largest total priority that fits, so that the reasons of the left-out meetings tell the
organizer what to change."""

import time

from fairmatch.scheduling import cpsat
from fairmatch.scheduling.breaks import reduce_breaks
from fairmatch.scheduling.budget import Budget
from fairmatch.scheduling.greedy import Calendar, enforce_fairness, greedy_schedule
from fairmatch.scheduling.model import Instance
from fairmatch.scheduling.priority import best_priority
from fairmatch.scheduling.problem import Problem, Schedule
from fairmatch.scheduling.reasons import explain_unscheduled
from fairmatch.scheduling.result import Result, Status, build_result
from fairmatch.scheduling.spread import spread_out

DEFAULT_TIME_LIMIT = 30.0
# Of an "all" instance's effort, what the search for a schedule without breaks may use before the
# fewest breaks are sought. On every forum-like instance (bench/forum_like.py) it finds one within
# 2 deterministic seconds, or proves in 0.1 that there is none, which leaves the rest to the next
# stage; the large share is for a busy machine, where a deterministic second takes several.
UNBROKEN_SHARE = 0.5
# What spreading the meetings over the fair gets of the time limit (on both measures), taken from the
# search for fewer breaks, never from placing meetings: for `"max"` the largest total priority is
# found first with the whole budget.
SPREAD_SHARE = 0.15


def solve(instance: Instance, time_limit: float = DEFAULT_TIME_LIMIT, *, spent: float = 0.0) -> Result:
    """The best schedule for `instance` found within `time_limit` seconds of wall clock, of which
    the caller has already used `spent` (the command line counts its start-up). The same instance
    and time limit give the same result, unless the machine is so slow or busy that the wall-clock
    guard stops a search before its deterministic effort is used up (see budget.py)."""
    started = time.monotonic()
    budget = Budget.for_time_limit(time_limit, spent)
    problem = Problem(instance)
    reserve = SPREAD_SHARE if instance.objective.spread else 0.0
    if instance.objective.schedule == "all":
        schedule, status = _place_every_meeting(problem, budget.share(1 - reserve))
    else:
        schedule, status = _place_most_priority(problem, budget, reserve)
    schedule = spread_out(problem, schedule, Budget(budget.deadline, budget.effort * SPREAD_SHARE))
    reasons = explain_unscheduled(problem, schedule)
    return build_result(problem, schedule, status, reasons, time.monotonic() - started)


def _place_most_priority(problem: Problem, budget: Budget, reserve: float) -> tuple[Schedule, Status]:
    """The largest total priority with the whole `budget`; then fewer breaks, leaving the
    `reserve` share of what is left to spreading."""
    best = greedy_schedule(problem)
    found = best_priority(problem, budget)
    budget = budget.share(1 - reserve)
    proven = False
    if found is not None:
        candidate = _fill(problem, found.schedule)
        if problem.needs_breaks_model:
            # Chain swaps get all the time when the exact breaks model is too large to run after them.
            share = 0.3 if _small_enough(problem, budget) else 1.0
            candidate = reduce_breaks(problem, candidate, budget.share(share).deadline)
            calendar = Calendar(problem, candidate)
            enforce_fairness(calendar)
            candidate = calendar.schedule
        if _better(problem, candidate, best):
            best = candidate
        proven = problem.priority(best) == found.bound
    if not problem.needs_breaks_model:
        return best, "optimal" if proven else "feasible"

    objective = problem.instance.objective
    if objective.fairness is not None and not proven and _small_enough(problem, budget):
        share = budget.share(0.5 if objective.minimize_breaks else 1.0)
        outcome = cpsat.run(problem, cpsat.Options(objective="priority"), share, best)
        if outcome.schedule is not None and _better(problem, outcome.schedule, best):
            best = outcome.schedule
        proven = outcome.proven or (found is not None and problem.priority(best) == found.bound)
        budget = Budget(budget.deadline, budget.effort - share.effort)
    if not objective.minimize_breaks:
        return _fill(problem, best), "optimal" if proven else "feasible"
    best, breaks_proven = _fewer_breaks(problem, best, budget)
    filled = _fill(problem, best)
    if len(filled) > len(best):
        return filled, "feasible"
    return best, "optimal" if proven and breaks_proven else "feasible"


def _place_every_meeting(problem: Problem, budget: Budget) -> tuple[Schedule, Status]:
    minimize = problem.instance.objective.minimize_breaks
    greedy = greedy_schedule(problem)
    complete = len(greedy) == len(problem.meetings)
    if complete and problem.needs_breaks_model:
        greedy = reduce_breaks(problem, greedy, budget.share(0.1).deadline)
    if minimize:
        # A schedule without any break is proven best at once; looking for one first is cheap.
        share = budget.share(UNBROKEN_SHARE)
        unbroken = cpsat.run(problem, cpsat.Options(place_all=True, blocks="only"), share, portfolio=False)
        if unbroken.schedule is not None:
            return unbroken.schedule, "optimal"
        budget = Budget(budget.deadline, budget.effort - unbroken.spent)
    options = cpsat.Options(place_all=True, objective="breaks" if minimize else None, blocks="prefer")
    # Only a complete schedule is given as a hint: CP-SAT 9.14-9.15 can abort the whole process
    # ("Check failed: heuristics.fixed_search != nullptr") when it proves a hinted model infeasible
    # in interleaved search, and a complete hint proves the model feasible.
    outcome = cpsat.run(problem, options, budget, greedy if complete else None, portfolio=not minimize)
    if outcome.infeasible:
        return _most_meetings(problem, greedy, budget), "infeasible"
    if outcome.schedule is None:
        if complete:
            return greedy, "feasible" if minimize else "optimal"
        return _most_meetings(problem, greedy, budget), "unknown"
    if minimize and complete and sum(problem.breaks(greedy)) < sum(problem.breaks(outcome.schedule)):
        return greedy, "feasible"
    return outcome.schedule, "optimal" if outcome.proven or not minimize else "feasible"


def _fewer_breaks(problem: Problem, best: Schedule, budget: Budget) -> tuple[Schedule, bool]:
    """CP-SAT minimising breaks while keeping the total priority of `best`, when the model is small
    enough to help in time; also says whether the result is proven to have the fewest breaks."""
    if not _small_enough(problem, budget):
        return best, False
    options = cpsat.Options(min_priority=problem.priority(best), objective="breaks")
    outcome = cpsat.run(problem, options, budget, best)
    if outcome.schedule is None or sum(problem.breaks(outcome.schedule)) > sum(problem.breaks(best)):
        return best, False
    return outcome.schedule, outcome.proven


def _most_meetings(problem: Problem, greedy: Schedule, budget: Budget) -> Schedule:
    """For an `"all"` instance that cannot be (or was not) placed whole: the largest total priority
    that is also fair, to show what does fit."""
    found = best_priority(problem, budget)
    if found is None:
        return greedy
    calendar = Calendar(problem, _fill(problem, found.schedule))
    enforce_fairness(calendar)
    return calendar.schedule if _better(problem, calendar.schedule, greedy) else greedy


def _fill(problem: Problem, schedule: Schedule) -> Schedule:
    """`schedule` plus every left-out meeting that still fits somewhere without breaking the
    fairness bound, most important first, each where it adds the fewest breaks."""
    calendar = Calendar(problem, schedule)
    left_out = sorted(
        (m for m in range(len(problem.meetings)) if m not in schedule),
        key=lambda m: (-problem.meetings[m].priority, len(problem.domains[m]), m),
    )
    for m in left_out:
        a, b = problem.pairs[m]
        options = [s for s in problem.domains[m] if calendar.can_place(m, s)]
        for s in sorted(options, key=lambda s: (calendar.added_breaks(a, s) + calendar.added_breaks(b, s), s)):
            calendar.place(m, s)
            if problem.is_fair(calendar.schedule):
                break
            calendar.remove(m)
    return calendar.schedule


def _better(problem: Problem, candidate: Schedule, incumbent: Schedule) -> bool:
    """Higher total priority wins, then fewer breaks; an unfair schedule never wins."""
    if not problem.is_fair(candidate):
        return False
    return (problem.priority(candidate), -sum(problem.breaks(candidate))) > (
        problem.priority(incumbent),
        -sum(problem.breaks(incumbent)),
    )


def _small_enough(problem: Problem, budget: Budget) -> bool:
    variables = sum(len(domain) for domain in problem.domains)
    return variables <= cpsat.LARGEST_MODEL and budget.seconds_left() > 0.2
