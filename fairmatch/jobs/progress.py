"""Where a running job's progress and heartbeat live: Redis, shared by every app server and worker,
or this process's memory when there is no Redis (then jobs run in this process too).

Progress is not written to the database: a job's own transaction may hold the write lock (SQLite) or
rows others wait on, and a bar moving every half second is not worth a commit."""

import json
import threading
import time

HEARTBEAT_SECONDS = 2
ALIVE_SECONDS = 15
"""A running job whose heartbeat is older than this is taken for dead and run again."""


class MemoryProgress:
    def __init__(self):
        self._lock = threading.Lock()
        self._jobs: dict[str, tuple[float, str, float]] = {}

    def put(self, job_id: str, fraction: float, message: str) -> None:
        with self._lock:
            self._jobs[job_id] = (fraction, message, time.monotonic() + ALIVE_SECONDS)

    def get(self, job_id: str) -> tuple[float, str] | None:
        with self._lock:
            entry = self._jobs.get(job_id)
        if entry is None or entry[2] < time.monotonic():
            return None
        return entry[0], entry[1]

    def forget(self, job_id: str) -> None:
        with self._lock:
            self._jobs.pop(job_id, None)


class RedisProgress:
    PREFIX = "fairmatch:job:"

    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url)

    def put(self, job_id: str, fraction: float, message: str) -> None:
        self._redis.set(self.PREFIX + job_id, json.dumps([fraction, message]), ex=ALIVE_SECONDS)

    def get(self, job_id: str) -> tuple[float, str] | None:
        raw = self._redis.get(self.PREFIX + job_id)
        return None if raw is None else tuple(json.loads(raw))

    def forget(self, job_id: str) -> None:
        self._redis.delete(self.PREFIX + job_id)


class Reporter:
    """What a task is given to tell how far it is: `progress(0.62, "placing 1,240 meetings")`.
    While the task runs, a heartbeat repeats the last report so that the job is known to be alive."""

    def __init__(self, store, job_id: str):
        self._store = store
        self._job_id = job_id
        self._last = (0.0, "")
        self._stop = threading.Event()
        self._beat = None

    def __call__(self, fraction: float, message: str = "") -> None:
        self._last = (max(0.0, min(1.0, float(fraction))), message or self._last[1])
        self._store.put(self._job_id, *self._last)

    def __enter__(self):
        self._store.put(self._job_id, *self._last)
        self._beat = threading.Thread(target=self._heartbeat, daemon=True)
        self._beat.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._beat.join()
        self._store.forget(self._job_id)

    def _heartbeat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            self._store.put(self._job_id, *self._last)


class Ticking:
    """Moves the bar with the clock through work that takes a known time (a solver with a time
    limit), up to 95 %: `with Ticking(progress, 30, "placing 1,240 meetings"): ...`."""

    def __init__(self, progress: Reporter, seconds: float, message: str):
        self._progress, self._seconds, self._message = progress, max(seconds, 0.1), message
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)

    def __enter__(self):
        self._progress(0.0, self._message)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def say(self, message: str) -> None:
        self._message = message

    def _tick(self) -> None:
        start = time.monotonic()
        while not self._stop.wait(0.5):
            self._progress(min(0.95, (time.monotonic() - start) / self._seconds), self._message)
