"""A scheduler run is a job: the request answers at once with it, the same run asked twice joins
it, its page shows how far it is, and it ends in the run's summary and the review."""

from fairmatch.auth.models import User
from fairmatch.auth.services import issue_token
from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting
from tests.conftest import signed_in


def test_the_api_starts_a_run_and_answers_at_once_with_its_job(app, make_user, accepted, run_pending):
    organizer = signed_in(app, make_user("organizer"))
    started = organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2})
    assert started.status_code == 202
    address = started.json["job"]
    assert address.startswith("/api/v1/jobs/") and started.headers["Location"] == address
    assert int(started.headers["Retry-After"]) >= 1
    waiting = organizer.get(address).json
    assert waiting["state"] == "queued" and waiting["result"] is None and waiting["error"] is None
    assert set(waiting) == {"id", "state", "progress", "message", "result", "error"}

    run_pending()
    done = organizer.get(address).json
    assert done["state"] == "done" and done["progress"] == 1.0
    result = done["result"]
    assert (result["status"], result["scheduled"], result["unscheduled"]) == ("optimal", 2, 1)
    assert result["breaks"] == 0 and result["url"] == "/organizer/meetings"
    with app.app_context():
        assert db.session.query(Meeting).filter_by(state="draft").count() == 2


def test_publish_true_makes_the_run_final(app, make_user, accepted, run_pending):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2, "publish": True})
    run_pending()
    with app.app_context():
        assert {m.state for m in db.session.query(Meeting)} == {"published"}


def test_a_second_run_asked_while_one_waits_joins_it(app, make_user, accepted, run_pending, job_rows):
    organizer = signed_in(app, make_user("organizer"))
    other = signed_in(app, make_user("organizer"))
    first = organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).json["job"]
    assert other.post("/api/v1/organizer/schedule-runs", json={"time_limit": 10}).json["job"] == first
    assert organizer.post("/organizer/meetings/run", data={"time_limit": "30"}).headers["Location"] == (
        first.replace("/api/v1", ""))
    run_pending()
    assert job_rows() == [("schedule", "done", 1)]
    # Once it is done, asking again is a new run.
    assert organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).json["job"] != first


def test_bad_run_settings_are_refused_and_start_nothing(app, make_user, accepted, job_rows):
    organizer = signed_in(app, make_user("organizer"))
    for body in ({"time_limit": 1}, {"time_limit": 61}, {"time_limit": "10"}, {"time_limit": True},
                 {"time_limit": 10, "publish": "yes"}):
        refused = organizer.post("/api/v1/organizer/schedule-runs", json=body)
        assert refused.status_code == 422, body
        assert refused.mimetype == "application/problem+json"
    assert "time_limit" in organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 0}).json["detail"]
    assert job_rows() == []


def test_only_organizers_start_runs_and_only_their_starter_or_organizers_see_a_job(
        app, make_user, make_enterprise, accepted):
    organizer = signed_in(app, make_user("organizer"))
    exhibitor = signed_in(app, make_user(enterprise=make_enterprise()))
    assert exhibitor.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).status_code == 403
    assert app.test_client().post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).status_code == 401
    address = organizer.post("/api/v1/organizer/schedule-runs", json={"time_limit": 2}).json["job"]
    assert signed_in(app, make_user("organizer")).get(address).status_code == 200
    assert exhibitor.get(address).status_code == 404
    assert exhibitor.get(address.replace("/api/v1", "")).status_code == 404
    assert app.test_client().get(address).status_code == 401
    assert app.test_client().get(address.replace("/api/v1", "")).status_code == 302  # to the sign-in page
    assert organizer.get("/api/v1/jobs/no-such-job").status_code == 404


def test_the_console_run_shows_a_progress_page_that_survives_a_reload(app, make_user, accepted, run_pending):
    organizer = signed_in(app, make_user("organizer"))
    started = organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    assert started.status_code == 303
    page_address = started.headers["Location"]
    assert page_address.startswith("/jobs/")
    for _ in range(2):  # a reload shows the same job
        page = organizer.get(page_address + "?lang=en")
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert "Scheduling the meetings" in text and "<progress" in text and "Waiting for a worker" in text
    console = organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)
    assert "The scheduler is running." in console and page_address in console

    run_pending()
    done = organizer.get(page_address + "?lang=vi").get_data(as_text=True)
    assert "Xếp lịch các cuộc gặp" in done and 'href="/organizer/meetings"' in done
    assert "The scheduler is running." not in organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)


def test_a_token_client_asking_for_a_document_being_built_gets_the_job_as_json(make_app, make_user, make_fair):
    app = make_app(JOBS_DISPATCHER="manual", JOBS_WAIT_SECONDS=0)
    make_fair()
    email = make_user("organizer")
    with app.app_context():
        token = issue_token(db.session.scalar(db.select(User).where(User.email == email)))
    answer = app.test_client().get("/print/grid.pdf", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 202 and answer.mimetype == "application/json"
    assert answer.json["job"] == answer.headers["Location"] and answer.headers["Retry-After"]
