"""The `fairmatch-schedule-result/1` result."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from fairmatch.scheduling.problem import Problem, Schedule
from fairmatch.scheduling.remedies import Remedy, find_remedies

RESULT_FORMAT = "fairmatch-schedule-result/1"
Status = Literal["optimal", "feasible", "infeasible", "unknown"]


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: str | None


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: str
    remedy: Remedy


@dataclass(frozen=True)
class Result:
    """A schedule that breaks no hard rule, the meetings left out with a reason each, and how
    good it is."""

    status: Status
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    total_priority: int
    breaks: int
    solve_seconds: float

    def to_dict(self) -> dict:
        """The result as JSON-ready data in the `fairmatch-schedule-result/1` format."""
        return {
            "format": RESULT_FORMAT,
            "status": self.status,
            "assignments": [
                {"meeting": a.meeting, "slot": a.slot} | ({"table": a.table} if a.table is not None else {})
                for a in self.assignments
            ],
            "unscheduled": [
                {"meeting": u.meeting, "reason": u.reason, "remedy": u.remedy.to_dict()} for u in self.unscheduled
            ],
            "stats": {
                "scheduled": len(self.assignments),
                "total_priority": self.total_priority,
                "breaks": self.breaks,
                "solve_seconds": round(self.solve_seconds, 2),
            },
        }


def build_result(
    problem: Problem, schedule: Schedule, status: Status, reasons: dict[int, str], seconds: float
) -> Result:
    """Number the tables of each slot (T01, T02, ... by meeting id), list the assignments in time
    order, and give each meeting left out its reason and what it would take to place it."""
    slots = problem.instance.slots
    width = max(2, len(str(problem.tables)))
    by_slot: dict[int, list[int]] = defaultdict(list)
    for m, s in schedule.items():
        by_slot[s].append(m)
    assignments = []
    for s in sorted(by_slot):
        table_number = 0
        for m in sorted(by_slot[s], key=lambda m: problem.meetings[m].id):
            label = None
            if problem.meetings[m].needs_table:
                table_number += 1
                label = f"T{table_number:0{width}d}"
            assignments.append(Assignment(problem.meetings[m].id, slots[s].id, label))
    remedies = find_remedies(problem, schedule)
    unscheduled = tuple(Unscheduled(problem.meetings[m].id, reasons[m], remedies[m]) for m in sorted(remedies))
    return Result(
        status,
        tuple(assignments),
        unscheduled,
        problem.priority(schedule),
        sum(problem.breaks(schedule)),
        seconds,
    )
