"""Starting, running and recovering jobs.

`submit` records a job and hands its id to the dispatcher; `run` claims it (only one run at a time
can), calls its task and commits the task's work together with the job's end, so that a worker that
dies leaves the data as it was and the job runs again from the start (`recover`). Transient failures
(the database or the network) are retried with a doubling delay."""

import hashlib
import json
import logging
from datetime import timedelta
from uuid import uuid4

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.jobs.models import ACTIVE, Job
from fairmatch.jobs.progress import ALIVE_SECONDS, Reporter
from fairmatch.jobs.registry import TASKS

log = logging.getLogger(__name__)

TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_ATTEMPTS = 4
RETRY_SECONDS = 2
"""The first retry waits this long; each further one twice as long."""
LOST_AFTER = timedelta(minutes=5)
"""A job still queued after this long is sent to the queue again (its message may be lost)."""


def work_key(kind: str, params: dict) -> str:
    return hashlib.sha256(json.dumps([kind, params], sort_keys=True, default=str).encode()).hexdigest()


def submit(kind: str, params: dict, *, user=None, lang: str = "vi", names: dict | None = None) -> Job:
    """The job doing this work: the one already queued or running, or a new one sent to the queue.
    `names` is what makes two jobs the same work (default: all of `params`)."""
    if kind not in TASKS:
        raise KeyError(f"no task for jobs of kind {kind!r}")
    key = work_key(kind, params if names is None else names)
    running = active_job(key)
    if running is not None:
        return running
    job = Job(id=uuid4().hex, kind=kind, key=key, params=params, lang=lang,
              user_id=getattr(user, "id", None))
    db.session.add(job)
    try:
        db.session.commit()
    except IntegrityError:  # the same work was asked at the same moment: join it
        db.session.rollback()
        return active_job(key)
    dispatcher().send(job.id)
    return db.session.get(Job, job.id)


def active_job(key: str) -> Job | None:
    return db.session.scalar(select(Job).where(Job.key == key, Job.state.in_(ACTIVE)))


def one_at_a_time(work: str) -> None:
    """Make jobs doing `work` wait for each other until this transaction ends (two imports writing
    the same enterprises): a transaction-scoped advisory lock on PostgreSQL; SQLite has one writer at
    a time anyway."""
    if db.session.get_bind().dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(work.encode()).digest()[:8], "big", signed=True)
        db.session.execute(text("SELECT pg_advisory_xact_lock(:number)"), {"number": number})


def latest_active(kind: str) -> Job | None:
    return db.session.scalar(
        select(Job).where(Job.kind == kind, Job.state.in_(ACTIVE)).order_by(Job.created_at.desc())
    )


def dispatcher():
    return current_app.extensions["fairmatch.jobs"]


def progress_of(job: Job) -> tuple[float, str]:
    """How far the job is and what it is doing: live from the progress store while it runs."""
    if job.state == "running":
        live = dispatcher().progress.get(job.id)
        if live is not None:
            return live
    return job.progress, job.message


def run(job_id: str) -> None:
    """Run the job if it is still to be run; safe to call twice, from anywhere."""
    claimed = db.session.execute(
        update(Job).where(Job.id == job_id, Job.state == "queued")
        .values(state="running", attempts=Job.attempts + 1, started_at=utcnow())
    ).rowcount
    db.session.commit()
    if not claimed:
        return
    job = db.session.get(Job, job_id)
    attempt = job.attempts
    with force_locale(job.lang), Reporter(dispatcher().progress, job_id) as progress:
        try:
            result = TASKS[job.kind](job, progress)
        except TRANSIENT as error:
            db.session.rollback()
            if attempt < MAX_ATTEMPTS:
                log.warning("job %s (%s) attempt %d failed, retrying: %s", job_id, job.kind, attempt, error)
                _end(job_id, attempt, state="queued", message=_("Waiting to try again"))
                dispatcher().send(job_id, countdown=RETRY_SECONDS * 2 ** (attempt - 1))
                return
            _end(job_id, attempt, state="failed", error=_("The work could not be finished: %(error)s",
                                                          error=type(error).__name__))
        except Exception as error:
            db.session.rollback()
            message = getattr(error, "message", None)
            if message is None:
                log.exception("job %s (%s) failed", job_id, job.kind)
            _end(job_id, attempt, state="failed", error=message or _("The work failed; the error has been logged."))
        else:
            _end(job_id, attempt, state="done", result=result, progress=1.0)


def _end(job_id: str, attempt: int, **values) -> None:
    """Record how the attempt ended, with whatever the task wrote, in one transaction; nothing when
    the job was meanwhile taken for dead and given to another run."""
    if values.get("state") in ("done", "failed"):
        values["finished_at"] = utcnow()
    ended = db.session.execute(
        update(Job).where(Job.id == job_id, Job.state == "running", Job.attempts == attempt).values(**values)
    ).rowcount
    if ended:
        db.session.commit()
    else:
        db.session.rollback()


def recover() -> int:
    """Send again the jobs whose run died (running, but no heartbeat) or whose message was lost
    (queued for long); returns how many. Periodic, and at each worker's start."""
    now = utcnow()
    store = dispatcher().progress
    again = []
    for job in db.session.scalars(select(Job).where(Job.state.in_(ACTIVE))):
        if job.state == "running" and job.started_at < now - timedelta(seconds=ALIVE_SECONDS) \
                and store.get(job.id) is None:
            requeued = db.session.execute(
                update(Job).where(Job.id == job.id, Job.state == "running", Job.attempts == job.attempts)
                .values(state="queued")
            ).rowcount
            if requeued:
                again.append(job.id)
        elif job.state == "queued" and job.created_at < now - LOST_AFTER:
            again.append(job.id)
    db.session.commit()
    for job_id in again:
        dispatcher().send(job_id)
    return len(again)


def path_for(endpoint: str, **values) -> str:
    """The address of a page, for a job's result: a task may run outside any request."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context():
        return url_for(endpoint, **values)
