"""How a job looks from the web: its JSON document (INTERFACES.md, "Long-running work"), the page
with its progress bar, and the 202 answer of a request that started or joined one."""

from flask import Blueprint, abort, render_template, url_for
from flask_login import current_user

from fairmatch.errors import wants_json
from fairmatch.extensions import db
from fairmatch.jobs.models import JOB_STATE_LABELS, Job
from fairmatch.jobs.registry import TITLES
from fairmatch.jobs.runner import progress_of

blueprint = Blueprint("jobs", __name__)

RETRY_AFTER = 2
"""Seconds a client should wait before asking again about a running job."""


def visible_job(job_id: str) -> Job | None:
    """The job, when the signed-in user started it or is an organizer."""
    job = db.session.get(Job, job_id) if len(job_id) <= 32 else None
    if job is None or not current_user.is_authenticated:
        return None
    if current_user.is_organizer or job.user_id == current_user.id:
        return job
    return None


def job_document(job: Job) -> dict:
    progress, message = progress_of(job)
    return {"id": job.id, "state": job.state, "progress": round(progress, 3), "message": message,
            "result": job.result, "error": job.error}


def job_response(job: Job, status: int = 202):
    """Answer a request that started or joined `job`: the job's address (JSON) or its progress page."""
    address = url_for("api.job", job_id=job.id)
    headers = {"Retry-After": str(RETRY_AFTER), "Location": address}
    if wants_json():
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
    return render_template("jobs/progress.html", job=job, document=job_document(job), job_titles=TITLES,
                           job_states=JOB_STATE_LABELS)
