"""The runner's promises, with tasks written for the test: a task's writes land with the job's end
or not at all, transient failures are retried with a growing delay, a run that died is run again
once, and a job is never run twice."""

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.jobs import runner
from fairmatch.jobs.models import Job
from fairmatch.jobs.registry import TASKS, TITLES
from tests.conftest import new_tax_code, signed_in


@pytest.fixture
def tasks():
    """Register tasks for one test."""
    added = []

    def add(kind, work):
        TASKS[kind], TITLES[kind] = work, kind
        added.append(kind)

    yield add
    for kind in added:
        TASKS.pop(kind), TITLES.pop(kind)


def _add_enterprise(name: str) -> None:
    code = new_tax_code()
    db.session.add(Enterprise(key=code, tax_code=code, name_vi=name, kind="supplier"))
    db.session.flush()


def _enterprises() -> list[str]:
    return sorted(db.session.scalars(db.select(Enterprise.name_vi)))


def test_a_task_that_fails_half_way_leaves_the_data_as_it_was(app, tasks):
    def half_done(job, progress):
        _add_enterprise("Công ty Dở Dang")
        progress(0.5, "half")
        raise DomainError("Tài liệu không hợp lệ")

    tasks("half", half_done)
    with app.app_context():
        job = runner.submit("half", {})
        app.extensions["fairmatch.jobs"].run_pending()
        db.session.expire_all()
        assert _enterprises() == []
        job = db.session.get(Job, job.id)
        assert (job.state, job.error, job.result) == ("failed", "Tài liệu không hợp lệ", None)


def test_a_done_task_writes_its_work_with_the_job_end_and_never_runs_again(app, tasks):
    calls = []

    def once(job, progress):
        calls.append(job.id)
        _add_enterprise(job.params["name"])
        return {"added": 1}

    tasks("once", once)
    with app.app_context():
        job = runner.submit("once", {"name": "Công ty Một Lần"})
        runner.run(job.id)
        runner.run(job.id)  # the same message delivered twice
        assert _enterprises() == ["Công ty Một Lần"] and len(calls) == 1
        assert db.session.get(Job, job.id).result == {"added": 1}


def test_transient_failures_are_retried_with_a_doubling_delay_then_given_up(app, tasks):
    def flaky(job, progress):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    tasks("flaky", flaky)
    with app.app_context():
        dispatcher = app.extensions["fairmatch.jobs"]
        sent = []
        dispatcher.send = lambda job_id, countdown=0: sent.append(countdown)
        job = runner.submit("flaky", {})
        for _ in range(runner.MAX_ATTEMPTS):
            runner.run(job.id)
        db.session.expire_all()
        job = db.session.get(Job, job.id)
        assert sent == [0, 2, 4, 8]
        assert (job.state, job.attempts) == ("failed", runner.MAX_ATTEMPTS)
        assert "OperationalError" in job.error


def test_an_unexpected_error_fails_the_job_with_a_message_and_no_trace(app, tasks):
    tasks("broken", lambda job, progress: 1 / 0)
    with app.app_context():
        job = runner.submit("broken", {}, lang="en")
        app.extensions["fairmatch.jobs"].run_pending()
        job = db.session.get(Job, job.id)
        assert job.state == "failed" and job.error == "The work failed; the error has been logged."
        assert "ZeroDivision" not in job.error


def test_a_run_that_died_is_run_again_once_and_a_lost_message_is_sent_again(app, tasks):
    tasks("survivor", lambda job, progress: _add_enterprise("Công ty Sống Sót") or {"ok": True})
    with app.app_context():
        dispatcher = app.extensions["fairmatch.jobs"]
        dead = runner.submit("survivor", {"n": 1})
        lost = runner.submit("survivor", {"n": 2})
        fresh = runner.submit("survivor", {"n": 3})
        dispatcher.pending.clear()
        long_ago = utcnow() - timedelta(minutes=10)
        # A worker claimed `dead` and was killed: running, no heartbeat. `lost` never reached a worker.
        db.session.execute(db.update(Job).where(Job.id == dead.id).values(state="running", attempts=1,
                                                                          started_at=long_ago))
        db.session.execute(db.update(Job).where(Job.id == lost.id).values(created_at=long_ago))
        db.session.commit()
        assert runner.recover() == 2
        assert sorted(dispatcher.pending) == sorted([dead.id, lost.id])
        dispatcher.run_pending()
        assert runner.recover() == 0
        db.session.expire_all()
        states = {j.id: (j.state, j.attempts) for j in db.session.scalars(db.select(Job))}
        assert states == {dead.id: ("done", 2), lost.id: ("done", 1), fresh.id: ("queued", 0)}
        assert _enterprises() == ["Công ty Sống Sót"] * 2


def test_a_running_job_with_a_heartbeat_is_left_alone(app, tasks):
    tasks("busy", lambda job, progress: {})
    with app.app_context():
        dispatcher = app.extensions["fairmatch.jobs"]
        job = runner.submit("busy", {})
        dispatcher.pending.clear()
        db.session.execute(db.update(Job).where(Job.id == job.id).values(
            state="running", attempts=1, started_at=utcnow() - timedelta(minutes=10)))
        db.session.commit()
        dispatcher.progress.put(job.id, 0.4, "placing 1,240 meetings")
        assert runner.recover() == 0
        assert runner.progress_of(db.session.get(Job, job.id)) == (0.4, "placing 1,240 meetings")


def test_the_same_work_asked_at_once_is_one_job(app, tasks):
    tasks("same", lambda job, progress: {})
    with app.app_context():
        first = runner.submit("same", {"doc": "agendas", "lang": "vi"})
        second = runner.submit("same", {"lang": "vi", "doc": "agendas"})
        other = runner.submit("same", {"doc": "badges", "lang": "vi"})
        assert first.id == second.id != other.id
        db.session.add(Job(id="x" * 32, kind="same", key=first.key, params={}))
        with pytest.raises(IntegrityError):  # the database refuses a second active job for one work
            db.session.commit()


def test_a_failed_job_page_shows_its_error_and_the_way_back(app, tasks, make_user):
    tasks("refused", lambda job, progress: (_ for _ in ()).throw(DomainError("Tệp không đọc được")))
    organizer = signed_in(app, make_user("organizer"))
    with app.app_context():
        job_id = runner.submit("refused", {}).id
        app.extensions["fairmatch.jobs"].run_pending()
    page = organizer.get(f"/jobs/{job_id}?lang=en", headers={"Referer": "http://localhost/organizer/exchange"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Tệp không đọc được" in text
    assert 'href="http://localhost/organizer/exchange">Back</a>' in text
    elsewhere = organizer.get(f"/jobs/{job_id}", headers={"Referer": "https://evil.example/"})
    assert "evil.example" not in elsewhere.get_data(as_text=True)  # only a way back into the site
