"""The `fairmatch-schedule/1` instance as plain, immutable data."""

from dataclasses import dataclass
from typing import Literal

FORMAT = "fairmatch-schedule/1"
SESSIONS = ("am", "pm")


@dataclass(frozen=True)
class Slot:
    id: str
    day: str | None = None
    session: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    forbidden_slots: frozenset[str] = frozenset()
    max_meetings: int | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, str]
    needs_table: bool = True
    priority: int = 1
    session: str | None = None
    fixed_slot: str | None = None


@dataclass(frozen=True)
class Objective:
    schedule: Literal["all", "max"] = "max"
    minimize_breaks: bool = False
    fairness: int | None = None
    spread: bool = True


@dataclass(frozen=True)
class Instance:
    """One scheduling problem; slots are in time order, the days of the slots contiguous."""

    slots: tuple[Slot, ...]
    tables: int
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    objective: Objective = Objective()
    name: str | None = None


class InstanceError(ValueError):
    """An instance that cannot be scheduled as given; `problems` holds one English message per
    problem, each prefixed with the JSON path it is about."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
