"""How jobs reach a worker. With `REDIS_URL`, Celery carries them to `flask worker` processes on any
machine; without it, this process's own threads run them (the embedded default: `make run` needs no
other service). Tests run them inline, or hold them until told (`manual`)."""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from fairmatch.extensions import db
from fairmatch.jobs.progress import MemoryProgress, RedisProgress

log = logging.getLogger(__name__)


class InlineDispatcher:
    """Runs the job at once, in the caller's request (tests; a document small enough to wait for)."""

    def __init__(self, app):
        self.app = app
        self.progress = MemoryProgress()

    def send(self, job_id: str, countdown: float = 0) -> None:
        from fairmatch.jobs.runner import run

        if countdown:
            return  # a retry: `recover` or the next ask sends it again
        run(job_id)


class ManualDispatcher:
    """Keeps what is sent until `run_pending` (tests that look at a job while it waits)."""

    def __init__(self, app):
        self.app = app
        self.progress = MemoryProgress()
        self.pending: list[str] = []

    def send(self, job_id: str, countdown: float = 0) -> None:
        self.pending.append(job_id)

    def run_pending(self) -> None:
        from fairmatch.jobs.runner import run

        while self.pending:
            run(self.pending.pop(0))


class ThreadDispatcher:
    """Runs jobs on this process's threads, and the periodic tasks on a timer thread started with the
    first request."""

    def __init__(self, app):
        self.app = app
        self.progress = MemoryProgress()
        self._pool = ThreadPoolExecutor(max_workers=app.config["JOBS_THREADS"], thread_name_prefix="job")
        self._ticker = None
        self._ticker_lock = threading.Lock()

    def send(self, job_id: str, countdown: float = 0) -> None:
        if countdown:
            timer = threading.Timer(countdown, self.send, args=(job_id,))
            timer.daemon = True
            timer.start()
            return
        self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> None:
        from fairmatch.jobs.runner import run

        with self.app.app_context():
            try:
                run(job_id)
            except Exception:
                log.exception("job %s could not be run", job_id)
            finally:
                db.session.remove()

    def start_ticker(self) -> None:
        with self._ticker_lock:
            if self._ticker is None:
                self._ticker = threading.Thread(target=self._tick, name="periodic", daemon=True)
                self._ticker.start()

    def _tick(self) -> None:
        from fairmatch.jobs.periodic import run_periodic
        from fairmatch.jobs.registry import PERIODIC

        last: dict[str, float] = {}
        while True:
            now = time.monotonic()
            for name, entry in sorted(PERIODIC.items()):
                if now - last.get(name, -entry.seconds) >= entry.seconds:
                    last[name] = now
                    with self.app.app_context():
                        run_periodic(name)
            time.sleep(1)


class CeleryDispatcher:
    """Sends jobs to the Celery workers through Redis."""

    def __init__(self, app):
        from fairmatch.jobs.queue import celery_for

        self.app = app
        self.celery = celery_for(app)
        self.progress = RedisProgress(app.config["REDIS_URL"])

    def send(self, job_id: str, countdown: float = 0) -> None:
        self.celery.send_task("fairmatch.run_job", args=[job_id], countdown=countdown or None)


DISPATCHERS = {"inline": InlineDispatcher, "manual": ManualDispatcher, "thread": ThreadDispatcher,
               "celery": CeleryDispatcher}


def init_app(app) -> None:
    name = app.config.get("JOBS_DISPATCHER") or ("celery" if app.config.get("REDIS_URL") else "thread")
    if name not in DISPATCHERS:
        raise RuntimeError(f"JOBS_DISPATCHER {name!r} is not one of {', '.join(DISPATCHERS)}")
    dispatcher = app.extensions["fairmatch.jobs"] = DISPATCHERS[name](app)
    if isinstance(dispatcher, ThreadDispatcher) and app.config.get("JOBS_TIMERS", True):
        app.before_request(dispatcher.start_ticker)
