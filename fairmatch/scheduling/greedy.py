"""A fast schedule that breaks no hard rule, so that the solver always has something to return."""

import bisect

from fairmatch.scheduling.problem import Problem, Schedule


class Calendar:
    """The busy slots, table use and meeting counts of a partial schedule, kept up to date as
    meetings are placed and removed."""

    def __init__(self, problem: Problem, schedule: Schedule | None = None):
        self.problem = problem
        self.schedule: Schedule = {}
        self.used: list[list[int]] = [[] for _ in problem.participant_ids]
        self.tables_used = [0] * problem.num_slots
        for m, s in sorted((schedule or {}).items()):
            self.place(m, s)

    def can_place(self, m: int, s: int) -> bool:
        problem = self.problem
        if m in self.schedule or s not in problem.domains[m]:
            return False
        if problem.meetings[m].needs_table and self.tables_used[s] >= problem.tables:
            return False
        for p in problem.pairs[m]:
            cap = problem.caps[p]
            if (cap is not None and len(self.used[p]) >= cap) or _contains(self.used[p], s):
                return False
        return True

    def place(self, m: int, s: int) -> None:
        self.schedule[m] = s
        for p in self.problem.pairs[m]:
            bisect.insort(self.used[p], s)
        if self.problem.meetings[m].needs_table:
            self.tables_used[s] += 1

    def remove(self, m: int) -> None:
        s = self.schedule.pop(m)
        for p in self.problem.pairs[m]:
            self.used[p].remove(s)
        if self.problem.meetings[m].needs_table:
            self.tables_used[s] -= 1

    def breaks_of(self, p: int) -> int:
        return self.problem.count_breaks(self.used[p])

    def added_breaks(self, p: int, s: int) -> int:
        """How many breaks participant p would gain with a meeting in slot s."""
        day = self.problem.day_of_slot
        slots = self.used[p]
        i = bisect.bisect_left(slots, s)
        before = slots[i - 1] if i > 0 else None
        after = slots[i] if i < len(slots) else None

        def gap(a: int | None, b: int | None) -> int:
            return int(a is not None and b is not None and day[a] == day[b] and b != a + 1)

        return gap(before, s) + gap(s, after) - gap(before, after)


def greedy_schedule(problem: Problem) -> Schedule:
    """Place meetings one by one, most important and most constrained first, each in the slot that
    adds the fewest breaks; then drop meetings until the fairness bound holds."""
    calendar = Calendar(problem)
    load = [len(ms) for ms in problem.meetings_of]
    place_all = problem.instance.objective.schedule == "all"

    def urgency(m: int) -> tuple:
        a, b = problem.pairs[m]
        priority = 0 if place_all else -problem.meetings[m].priority
        return (priority, len(problem.domains[m]), -(load[a] + load[b]), m)

    for m in sorted(range(len(problem.meetings)), key=urgency):
        a, b = problem.pairs[m]
        options = [s for s in problem.domains[m] if calendar.can_place(m, s)]
        if options:
            calendar.place(
                m, min(options, key=lambda s: (calendar.added_breaks(a, s) + calendar.added_breaks(b, s), s))
            )
    enforce_fairness(calendar)
    return calendar.schedule


def enforce_fairness(calendar: Calendar) -> None:
    """Remove meetings of the participants with the most breaks until the fairness bound holds;
    an empty schedule is always fair."""
    problem = calendar.problem
    bound = problem.instance.objective.fairness
    if bound is None:
        return
    breaks = [calendar.breaks_of(p) for p in range(len(problem.participant_ids))]
    while breaks and max(breaks) - min(breaks) > bound:
        worst = max(range(len(breaks)), key=lambda p: (breaks[p], -p))

        def relief(m: int) -> tuple:
            s = calendar.schedule[m]
            calendar.remove(m)
            after = [calendar.breaks_of(p) for p in problem.pairs[m]]
            calendar.place(m, s)
            return (
                -sum(before - now for before, now in zip((breaks[p] for p in problem.pairs[m]), after, strict=True)),
                problem.meetings[m].priority,
                m,
            )

        victim = min((m for m in problem.meetings_of[worst] if m in calendar.schedule), key=relief)
        calendar.remove(victim)
        for p in problem.pairs[victim]:
            breaks[p] = calendar.breaks_of(p)


def _contains(sorted_slots: list[int], s: int) -> bool:
    i = bisect.bisect_left(sorted_slots, s)
    return i < len(sorted_slots) and sorted_slots[i] == s
