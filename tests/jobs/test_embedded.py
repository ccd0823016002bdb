"""With no Redis, the same work runs in the web process's own threads (`make run` needs nothing
else), and the periodic work runs on a timer there; with Redis, Celery's clock runs the same list."""

import time
from datetime import timedelta

import pytest

from fairmatch.booths.models import BoothReservation
from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.jobs import stamps
from fairmatch.jobs.dispatch import ThreadDispatcher
from fairmatch.jobs.periodic import run_periodic
from fairmatch.jobs.queue import celery_for
from fairmatch.jobs.registry import PERIODIC
from tests.conftest import signed_in


@pytest.fixture
def app(make_app):
    return make_app(JOBS_DISPATCHER="thread")


def test_without_redis_a_run_goes_on_in_the_background_and_finishes(app, make_user, accepted):
    assert isinstance(app.extensions["fairmatch.jobs"], ThreadDispatcher)
    organizer = signed_in(app, make_user("organizer"))
    started = organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2})
    assert started.status_code == 202
    deadline = time.monotonic() + 60
    job = organizer.get(started.json["job"]).json
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = organizer.get(started.json["job"]).json
    assert job["state"] == "done", job
    assert job["result"]["scheduled"] == 2


def test_every_periodic_task_is_on_the_queue_clock(app):
    assert {"recover-jobs", "prune-files", "expire-holds", "deliver-outbox", "send-follow-ups"} <= set(PERIODIC)
    schedule = celery_for(app).conf.beat_schedule
    assert {name: entry["args"] for name, entry in schedule.items()} == {name: [name] for name in PERIODIC}
    assert all(entry["schedule"] == PERIODIC[name].seconds for name, entry in schedule.items())


def test_a_hold_runs_out_on_the_timer_with_nobody_reading(app, exhibitor):
    email, _ = exhibitor()
    reservation = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={}).json
    with app.app_context():
        db.session.get(BoothReservation, reservation["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert run_periodic("expire-holds") == 1
        assert db.session.get(BoothReservation, reservation["id"]).state == "expired"


def test_a_commit_moves_the_stamps_of_what_it_changed_and_a_rollback_none(app, make_enterprise, exhibitor):
    with app.app_context():
        before = stamps.stamps(db.session, stamps.SOURCES)
    make_enterprise()
    with app.app_context():
        after = stamps.stamps(db.session, stamps.SOURCES)
        assert {name for name in before if after[name] != before[name]} == {"data:enterprises"}
    email, _ = exhibitor()
    with app.app_context():
        settled = stamps.stamps(db.session, stamps.SOURCES)
    signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    with app.app_context():
        held = stamps.stamps(db.session, stamps.SOURCES)
        assert held["data:booths"] > settled["data:booths"] and held["data:enterprises"] == settled["data:enterprises"]
        db.session.get(BoothReservation, 1).state = "cancelled"
        db.session.flush()
        db.session.rollback()
        assert stamps.stamps(db.session, stamps.SOURCES) == held
