"""Imports and exports of any size run as jobs: an upload answers at once with the import's progress
page, the import happens whole in its job, and its page shows the summary or the problems; an export
is built by a job once, then served from the store until the enterprises change."""

import io
import json

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises import import_export
from fairmatch.enterprises.import_export import export_document, import_document
from fairmatch.enterprises.models import Category, Enterprise
from fairmatch.extensions import db
from fairmatch.jobs.models import Job
from tests.enterprises.test_exchange import document, upload

JSON = {"Accept": "application/json"}


@pytest.fixture
def app(make_app):
    """Jobs wait until the test runs them, so that it sees them queued; no request waits for one."""
    return make_app(JOBS_DISPATCHER="manual", JOBS_WAIT_SECONDS=0)


@pytest.fixture
def organizer(make_user, auth):
    auth.login(make_user("organizer"))


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def body(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def started(client, content: bytes) -> str:
    """Upload `content`; the id of the import job the upload was sent to."""
    response = upload(client, content)
    assert response.status_code == 303 and response.location.startswith("/jobs/")
    return response.location.rsplit("/", 1)[1]


def job_of(client, job_id: str) -> dict:
    return client.get(f"/api/v1/jobs/{job_id}").get_json()


def test_an_upload_answers_with_the_progress_page_and_imports_nothing_yet(app, client, organizer):
    job_id = started(client, body(document()))
    page = client.get(f"/jobs/{job_id}?lang=en")
    assert page.status_code == 200
    assert "Importing enterprises" in page.get_data(as_text=True)
    assert job_of(client, job_id)["state"] == "queued"
    assert count(app, Enterprise) == 0 and count(app, Category) == 0
    assert started(client, body(document())) == job_id
    assert count(app, Job) == 1


def test_the_job_imports_the_file_and_its_page_shows_the_summary(app, client, organizer, run_pending):
    job_id = started(client, body(document()))
    run_pending()
    job = job_of(client, job_id)
    assert job["state"] == "done" and job["progress"] == 1
    assert job["result"]["imported"] is True
    assert count(app, Enterprise) == 2 and count(app, Category) == 2
    page = client.get(job["result"]["url"] + "&lang=en").get_data(as_text=True)
    assert "Categories: 2 added, 0 updated." in page
    assert "Enterprises: 2 added, 0 updated, 0 unchanged." in page
    vietnamese = client.get(job["result"]["url"] + "&lang=vi").get_data(as_text=True)
    assert "Doanh nghiệp: thêm mới 2, cập nhật 0, giữ nguyên 0." in vietnamese


def test_the_same_file_uploaded_again_from_the_outcome_page_is_imported_again_and_changes_nothing(
        app, client, organizer, run_pending):
    first = started(client, body(document()))
    run_pending()
    outcome = job_of(client, first)["result"]["url"]
    boundary, payload = encode_multipart(MultiDict({"document": FileStorage(io.BytesIO(body(document())), "a.json")}))
    again = client.post(outcome, data=payload, content_type=f"multipart/form-data; boundary={boundary}")
    assert again.status_code == 303 and again.location != f"/jobs/{first}"
    run_pending()
    second = again.location.rsplit("/", 1)[1]
    page = client.get(job_of(client, second)["result"]["url"] + "&lang=en").get_data(as_text=True)
    assert "Enterprises: 0 added, 0 updated, 2 unchanged." in page


def test_a_refused_document_is_reported_row_by_row_and_nothing_is_imported(app, client, organizer, run_pending):
    bad = document(enterprises__1__registration_no=None, enterprises__0__products__0__hs_code="85A")
    job_id = started(client, body(bad))
    run_pending()
    job = job_of(client, job_id)
    assert job["state"] == "done" and job["result"]["imported"] is False
    assert count(app, Enterprise) == 0 and count(app, Category) == 0
    page = client.get(job["result"]["url"] + "&lang=en").get_data(as_text=True)
    assert "Nothing was imported" in page and "2 rows have problems." in page
    assert "0100109106 — Công ty CP Thiết bị điện Sông Hồng" in page
    assert "products[0].hs_code" in page and "must be 4 to 10 digits" in page
    assert "enterprises[1]" in page and "registration_no" in page
    vietnamese = client.get(job["result"]["url"] + "&lang=vi").get_data(as_text=True)
    assert "Chưa có gì được nhập" in vietnamese


def test_an_import_that_breaks_midway_leaves_nothing(app, client, organizer, run_pending, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the worker's disk is full")

    monkeypatch.setattr(import_export, "record", broken)  # after every row is written, before the end
    job_id = started(client, body(document()))
    run_pending()
    job = job_of(client, job_id)
    assert job["state"] == "failed" and "the worker's disk is full" not in job["error"]
    assert count(app, Enterprise) == 0 and count(app, Category) == 0
    page = client.get(f"/organizer/exchange?job={job_id}&lang=en").get_data(as_text=True)
    assert job["error"] in page


def test_a_file_that_is_not_json_is_refused_at_once_without_a_job(app, client, organizer):
    response = upload(client, b"\xff\xfe not json")
    assert response.status_code == 422 and "not valid UTF-8 JSON" in response.get_data(as_text=True)
    assert count(app, Job) == 0


def test_a_file_that_breaks_off_midway_is_refused_by_its_job(app, client, organizer, run_pending):
    job_id = started(client, body(document())[:300])
    run_pending()
    outcome = job_of(client, job_id)["result"]
    assert outcome["imported"] is False
    page = client.get(outcome["url"] + "&lang=en").get_data(as_text=True)
    assert "Nothing was imported" in page and "not valid UTF-8 JSON" in page
    assert count(app, Enterprise) == 0


def test_json_that_is_not_an_object_is_refused_at_once(app, client, organizer):
    response = upload(client, b'[{"format": "fairmatch-exchange/1"}]')
    assert response.status_code == 422 and "the document must be a JSON object" in response.get_data(as_text=True)
    assert count(app, Job) == 0


def test_the_import_tells_how_many_enterprises_it_has_written(app):
    told = []
    with app.app_context():
        import_document(build_demo_exchange(seed=3, enterprises=450), progress=lambda done, total: told.append(
            (done, total)))
    assert told == [(0, 450), (200, 450), (400, 450), (450, 450)]


def test_only_organizers_see_an_import_s_outcome(app, client, organizer, make_user, auth, run_pending):
    job_id = started(client, body(document()))
    run_pending()
    assert client.get(f"/organizer/exchange?job={job_id}").status_code == 200
    assert client.get("/organizer/exchange?job=" + "0" * 32).status_code == 404
    auth.logout()
    auth.login(make_user())
    assert client.get(f"/organizer/exchange?job={job_id}").status_code == 403


def test_the_exchange_export_is_built_once_then_served_until_the_data_changes(app, client, organizer, run_pending):
    with app.app_context():
        import_document(document())
    first = client.get("/organizer/exchange/export.json", headers=JSON)
    assert first.status_code == 202 and first.headers["Retry-After"]
    again = client.get("/organizer/exchange/export.json", headers=JSON)
    assert again.status_code == 202 and again.json["job"] == first.json["job"]
    run_pending()
    job = client.get(first.json["job"]).get_json()
    assert job["state"] == "done" and job["result"]["url"] == "/organizer/exchange/export.json"
    served = client.get(job["result"]["url"])
    assert served.status_code == 200 and "attachment" in served.headers["Content-Disposition"]
    with app.app_context():
        assert served.get_json() == export_document()
    assert client.get("/organizer/exchange/export.json").status_code == 200
    assert count(app, Job) == 1

    with app.app_context():
        import_document(document(enterprises__0__employees=900))
    assert client.get("/organizer/exchange/export.json", headers=JSON).status_code == 202
    run_pending()
    assert client.get("/organizer/exchange/export.json").get_json()["enterprises"][0]["employees"] == 900


def test_the_directory_export_shows_its_progress_page_then_downloads(app, client, organizer, run_pending):
    with app.app_context():
        import_document(document())
    waiting = client.get("/organizer/directory.csv?lang=en&q=song+hong")
    assert waiting.status_code == 202 and "Preparing the export" in waiting.get_data(as_text=True)
    run_pending()
    job = client.get(waiting.headers["Location"]).get_json()
    assert job["result"]["url"] == "/organizer/directory.csv?lang=en&q=song+hong"
    response = client.get(job["result"]["url"])
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    assert "Song Hong" in text and "Kitaura" not in text and text.startswith("Key,Tax code")
    other = client.get("/organizer/directory.csv?lang=en&q=kitaura", headers=JSON)
    assert other.status_code == 202, "other filters are another file"


def test_the_command_line_import_still_writes_the_document(app, runner, tmp_path):
    path = tmp_path / "exchange.json"
    path.write_bytes(body(document()))
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code == 0
    assert "enterprises: 2 added, 0 updated, 0 unchanged" in result.stdout
    assert count(app, Enterprise) == 2 and count(app, Job) == 0
