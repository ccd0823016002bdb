"""The production path: jobs go through Redis to `flask worker` processes. A worker killed in the
middle of a job leaves nothing behind, and the next worker to start runs the job to its end, once.

Needs Redis (REDIS_TEST_URL, a database of its own: the test empties it)."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.jobs.dispatch import CeleryDispatcher
from fairmatch.jobs.models import Job
from fairmatch.jobs.progress import ALIVE_SECONDS
from fairmatch.meetings.models import Meeting
from tests.conftest import signed_in
from tests.enterprises.test_exchange import upload

REDIS_URL = os.environ.get("REDIS_TEST_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="the task queue needs Redis (REDIS_TEST_URL)")
ROOT = Path(__file__).resolve().parents[2]
SIZE = 1500
"""Enterprises in the killed import: enough for its writing to take seconds."""


@pytest.fixture
def app(make_app):
    redis.Redis.from_url(REDIS_URL).flushdb()
    return make_app(REDIS_URL=REDIS_URL, JOBS_DISPATCHER="celery")


@pytest.fixture
def workers(app, database_url, tmp_path):
    """Start `flask worker` processes on the test's database and queue; all are stopped at the end."""
    started, logs = [], contextlib.ExitStack()

    def start() -> subprocess.Popen:
        environment = os.environ | {"FAIRMATCH_CONFIG": "development", "DATABASE_URL": database_url,
                                    "REDIS_URL": REDIS_URL, "SECRET_KEY": "worker-test-not-secret"}
        environment.pop("JOBS_DISPATCHER", None)
        log = logs.enter_context(open(tmp_path / f"worker{len(started)}.log", "w"))  # noqa: SIM115  (open while it runs)
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "fairmatch", "worker", "--concurrency", "1"],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    logs.close()


def _wait_for(client, address, states, seconds=120, until=lambda job: False):
    deadline = time.monotonic() + seconds
    job = client.get(address).json
    while job["state"] not in states and not until(job) and time.monotonic() < deadline:
        time.sleep(0.05)
        job = client.get(address).json
    return job


def test_a_worker_runs_a_job_sent_through_redis(app, make_user, accepted, workers):
    assert isinstance(app.extensions["fairmatch.jobs"], CeleryDispatcher)
    organizer = signed_in(app, make_user("organizer"))
    address = organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).json["job"]
    assert organizer.get(address).json["state"] == "queued"  # nothing runs it in the web process
    workers()
    job = _wait_for(organizer, address, ("done", "failed"))
    assert job["state"] == "done" and job["result"]["scheduled"] == 2
    with app.app_context():
        assert db.session.query(Meeting).count() == 2


def test_a_worker_killed_mid_import_leaves_nothing_and_the_next_worker_imports_once(app, make_user, workers):
    document = build_demo_exchange(seed=16, enterprises=SIZE)
    organizer = signed_in(app, make_user("organizer"))
    uploaded = upload(organizer, json.dumps(document).encode())
    assert uploaded.status_code == 303
    address = "/api/v1" + uploaded.headers["Location"]
    first = workers()
    job = _wait_for(organizer, address, ("done", "failed"), until=_writing)
    assert job["state"] == "running", job  # well into its work: enterprises written, not committed
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    with app.app_context():
        assert db.session.scalar(select(func.count(Enterprise.id))) == 0  # the data is as it was
    assert organizer.get(address).json["state"] == "running"

    time.sleep(ALIVE_SECONDS + 2)  # its heartbeat is gone: the next worker to start takes it for dead
    workers()
    job = _wait_for(organizer, address, ("done", "failed"))
    assert job["state"] == "done" and job["result"]["imported"], job
    with app.app_context():
        assert db.session.scalar(select(func.count(Enterprise.id))) == SIZE
        assert db.session.scalar(select(Job.attempts)) == 2
        imports = select(func.count(AuditEntry.id)).where(AuditEntry.action == "exchange.imported")
        assert db.session.scalar(imports) == 1  # imported once, not twice


def _writing(job) -> bool:
    return job["state"] == "running" and job["message"].startswith("Importing") and job["progress"] > 0.3
