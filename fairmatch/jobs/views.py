"""How a job looks from the web: its JSON document (INTERFACES.md, "Long-running work"), the page
with its progress bar, the 202 answer of a request that started or joined one, and the one rule of
every generated file: the stored file while fresh, else the job that builds it."""

import time
from collections.abc import Callable

from flask import Blueprint, abort, current_app, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.errors import wants_json
from fairmatch.extensions import db
from fairmatch.i18n import language
from fairmatch.jobs import files
from fairmatch.jobs.models import JOB_STATE_LABELS, Job
from fairmatch.jobs.registry import TITLES
from fairmatch.jobs.runner import progress_of, submit

blueprint = Blueprint("jobs", __name__)

RETRY_AFTER = 2
"""Seconds a client should wait before asking again about a running job."""
POLL_SECONDS = 0.1
"""How often a request waiting for a small file looks at its job."""


def visible_job(job_id: str) -> Job | None:
    """The job, when the signed-in user started it or is an organizer."""
    job = db.session.get(Job, job_id) if len(job_id) <= 32 else None
    if job is None or not current_user.is_authenticated:
        return None
    if current_user.is_organizer or job.user_id == current_user.id:
        return job
    return None


def job_of_kind(job_id: str, kind: str) -> Job:
    """The job `job_id` of `kind` (a page showing its outcome), or 404."""
    job = db.session.get(Job, job_id) if len(job_id) <= 32 else None
    if job is None or job.kind != kind:
        abort(404)
    return job


def import_outcome(job: Job, summary, report):
    """(summary, report) of an ended import job, for its page: `summary(counts)` when it imported,
    `report(result)` when it refused the file (the result lists the problems); (None, None) with its
    error flashed when it failed."""
    if job.state == "failed":
        flash(job.error or _("The import failed."), "error")
        return None, None
    result = job.result or {}
    if result.get("imported"):
        return summary(result["summary"]), None
    return None, report(result)


def job_document(job: Job) -> dict:
    progress, message = progress_of(job)
    return {"id": job.id, "state": job.state, "progress": round(progress, 3), "message": message,
            "result": job.result, "error": job.error}


def job_response(job: Job, status: int = 202):
    """Answer a request that started or joined `job`: the job's address (JSON) or its progress page."""
    address = url_for("api.job", job_id=job.id)
    headers = {"Retry-After": str(RETRY_AFTER), "Location": address}
    if wants_json() or request.headers.get("Authorization", "").startswith("Bearer "):  # an API client
        return {"job": address}, status, headers
    return progress_page(job), status, headers


@blueprint.get("/jobs/<job_id>")
def page(job_id: str):
    if not current_user.is_authenticated:
        from fairmatch.extensions import login_manager

        return login_manager.unauthorized()
    job = visible_job(job_id)
    if job is None:
        abort(404)
    return progress_page(job)


def progress_page(job: Job) -> str:
    came_from = request.referrer or ""
    back = came_from if came_from.startswith(request.host_url) else url_for("home.index")
    return render_template("jobs/progress.html", job=job, document=job_document(job), job_titles=TITLES,
                           job_states=JOB_STATE_LABELS, back=back)


def fresh_or_job(key: str, kind: str, params: dict, send: Callable, expected: Callable[[], float] | None = None):
    """The generated file keyed `key` (what it is built from, see `stamps.fingerprint`), answered by
    `send(stored)` while it is stored; else the job of `kind` that builds it from `params` (started,
    or joined while it runs). A job that may end within JOBS_WAIT_SECONDS is waited for, so that a
    small file comes at once; one `expected` to take longer is not. Then the file, or the job's 202."""
    found = files.stored(key)
    if found is None:
        wait = current_app.config["JOBS_WAIT_SECONDS"]
        job = submit(kind, params | {"key": key}, user=current_user, lang=language(), names={"key": key})
        if job.active and (expected is None or expected() <= wait):
            deadline = time.monotonic() + wait
            while job.active and time.monotonic() + POLL_SECONDS < deadline:
                time.sleep(POLL_SECONDS)
                db.session.commit()  # ends the read, so that the next one sees the job's end
                db.session.refresh(job)
        found = files.stored(key) if job.state == "done" else None
        if found is None:
            return job_response(job)
    return send(found)
