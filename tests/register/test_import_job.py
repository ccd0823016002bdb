"""The register is imported by a job: the upload answers at once, nothing is written until the job
runs, and the register page then shows what the job imported or why it refused the file."""

import io

import pytest
from sqlalchemy import func, select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.jobs.models import Job
from fairmatch.register.models import RegisterEntry
from tests.conftest import signed_in
from tests.register.conftest import register_csv, register_tax_code


@pytest.fixture
def app(make_app):
    """Jobs wait until the test runs them, so that it sees them queued."""
    return make_app(JOBS_DISPATCHER="manual")


@pytest.fixture
def organizer(app, make_user):
    return signed_in(app, make_user("organizer"))


def started(client, data: bytes) -> str:
    response = client.post("/organizer/register?lang=en", data={"document": (io.BytesIO(data), "danh-sach.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 303 and response.location.startswith("/jobs/")
    return response.location.rsplit("/", 1)[1]


def entries(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(RegisterEntry.id)))


def test_the_register_is_imported_by_its_job_and_the_page_shows_what_it_did(app, organizer, run_pending):
    data = register_csv((1, register_tax_code(), "Công ty TNHH Nhựa Hòa Bình", "Khuôn ép nhựa", "78/QĐ-UBND", 2024))
    job_id = started(organizer, data)
    assert "Importing the register" in organizer.get(f"/jobs/{job_id}?lang=en").get_data(as_text=True)
    assert started(organizer, data) == job_id
    assert entries(app) == 0
    run_pending()
    job = organizer.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["state"] == "done" and job["result"]["imported"] is True
    assert entries(app) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count(Job.id))) == 1
    page = organizer.get(job["result"]["url"] + "&lang=en").get_data(as_text=True)
    assert "1 row read." in page and "0 found by tax code, 1 added (unverified)" in page


def test_a_refused_register_shows_its_bad_rows_and_writes_nothing(app, organizer, run_pending):
    data = register_csv((1, "0100109107", "Công ty CP Điện Yên Viên", "Công tơ điện tử", "78/QĐ-UBND", 2024))
    job_id = started(organizer, data)
    run_pending()
    job = organizer.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["state"] == "done" and job["result"]["imported"] is False
    page = organizer.get(job["result"]["url"] + "&lang=en").get_data(as_text=True)
    assert '<th scope="row">2</th>' in page and "0100109107 is not valid" in page
    assert "Nothing was imported" in page
    assert entries(app) == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(Enterprise.id))) == 0


def test_only_organizers_see_a_register_import(app, organizer, make_user, run_pending):
    job_id = started(organizer, register_csv((1, register_tax_code(), "Công ty A", "Ốc vít", "1/QĐ-UBND", 2024)))
    run_pending()
    assert organizer.get(f"/organizer/register?job={job_id}").status_code == 200
    assert organizer.get("/organizer/register?job=" + "f" * 32).status_code == 404
    exhibitor = signed_in(app, make_user())
    assert exhibitor.get(f"/organizer/register?job={job_id}").status_code == 403
