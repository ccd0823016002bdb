"""The kinds of background work, registered by the features that own them.

A task is a function `work(job, progress) -> result` run in an app context, in the language of
whoever asked; it reads what to do from `job.params` and who asked from `job.user_id`. It must be
idempotent: it may run again after a worker died, so it writes its effect in the transaction that
marks the job done (the runner commits both at once), or checks what is already there. A periodic
task is a function of no arguments run every `seconds` by the queue's scheduler."""

from collections.abc import Callable
from dataclasses import dataclass

TASKS: dict[str, Callable] = {}
TITLES: dict[str, object] = {}
"""What each kind of job is called on its progress page (lazily translated)."""
PERIODIC: dict[str, "Periodic"] = {}


@dataclass(frozen=True)
class Periodic:
    name: str
    seconds: int
    work: Callable[[], object]


def task(kind: str, title):
    """Register `work` as the task that runs jobs of `kind`, called `title` on its page."""

    def register(work: Callable) -> Callable:
        if kind in TASKS and TASKS[kind] is not work:
            raise RuntimeError(f"two tasks for jobs of kind {kind!r}")
        TASKS[kind] = work
        TITLES[kind] = title
        return work

    return register


def periodic(name: str, seconds: int):
    """Register `work` to run every `seconds`."""

    def register(work: Callable) -> Callable:
        PERIODIC[name] = Periodic(name, seconds, work)
        return work

    return register
