"""How much a solve may spend, measured twice over."""

import time
from dataclasses import dataclass

# CP-SAT's deterministic time ran at 0.4-1.0 of wall-clock seconds on these models on the reference
# 2-core machine, depending on the model and the load. The deterministic effort, computed from the
# requested time limit alone, is what normally ends a search, so that the same instance and time
# limit give the same schedule on any machine; the wall-clock deadline only guards the promise to
# return in time on a slower or busier machine, and when it is what stops a search, the result may
# differ from run to run.
DETERMINISTIC_PER_SECOND = 0.6


@dataclass(frozen=True)
class Budget:
    """`deadline` is the wall-clock guard (a time.monotonic() value); `effort` is the deterministic
    work allowed, in CP-SAT's deterministic seconds."""

    deadline: float
    effort: float

    @classmethod
    def for_time_limit(cls, time_limit: float, spent: float = 0.0) -> "Budget":
        """The budget of a solve given `time_limit` seconds, of which `spent` are already gone; a
        twentieth (and 50 ms) is kept for explaining and writing the result."""
        wall = max(0.0, time_limit * 0.95 - 0.05 - spent)
        return cls(time.monotonic() + wall, max(0.0, time_limit * 0.95 - 0.05) * DETERMINISTIC_PER_SECOND)

    def seconds_left(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def share(self, fraction: float) -> "Budget":
        """`fraction` of what is left, on both measures."""
        now = time.monotonic()
        return Budget(now + self.seconds_left() * fraction, self.effort * fraction)
