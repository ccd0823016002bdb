"""The organizer's documents and exports are built by jobs: the first ask answers 202 at once with the
job, the next asks join it, and once built the file is served until what it was built from changes."""

import io

import pytest
from sqlalchemy import func, select, update

from fairmatch.booths.models import Booth
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.jobs.models import Job
from fairmatch.meetings.codes import meeting_code
from tests.conftest import signed_in
from tests.printing import test_fair_documents as fair_documents
from tests.printing.test_fair_documents import HOA_LAC, pdf_text

small_fair = fair_documents.small_fair
"""The printing tests' morning of meetings: exhibitors with booths, meetings on the agendas, an organizer."""
JSON = {"Accept": "application/json"}


@pytest.fixture
def app(make_app):
    """Jobs wait until the test runs them, so that it sees them queued; no request waits for one."""
    return make_app(JOBS_DISPATCHER="manual", JOBS_WAIT_SECONDS=0)


@pytest.fixture
def organizer(app, small_fair):
    return signed_in(app, small_fair.emails["organizer"])


def jobs(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Job.id)))


def rename(app, old: str, new: str) -> None:
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.name_vi == old))
        enterprise.name_vi = new
        db.session.commit()


def block_booth(app, code: str) -> None:
    with app.app_context():
        db.session.scalar(select(Booth).where(Booth.code == code)).blocked = True
        db.session.commit()


def built(client, url: str, run_pending):
    """Ask for `url`, which starts a job; run it; the answer once built."""
    assert client.get(url, headers=JSON).status_code == 202
    run_pending()
    return client.get(url)


def test_the_agendas_are_built_by_a_job_then_served_from_the_store(app, organizer, small_fair, run_pending):
    first = organizer.get("/print/agendas.pdf?lang=vi", headers=JSON)
    assert first.status_code == 202 and first.headers["Retry-After"]
    job = first.json["job"]
    assert job.startswith("/api/v1/jobs/") and first.headers["Location"] == job
    again = organizer.get("/print/agendas.pdf", headers=JSON)
    assert again.status_code == 202 and again.json["job"] == job
    assert jobs(app) == 1
    queued = organizer.get(job).json
    assert queued["state"] == "queued" and queued["result"] is None

    run_pending()
    done = organizer.get(job).json
    assert done["state"] == "done" and done["progress"] == 1
    assert done["result"]["url"] == "/print/agendas.pdf" and done["result"]["file"] == "agendas.pdf"
    response = organizer.get(done["result"]["url"])
    assert response.data.startswith(b"%PDF") and done["result"]["bytes"] == len(response.data)
    assert response.headers["Content-Disposition"] == 'inline; filename="agendas.pdf"'
    text = pdf_text(response)
    with app.app_context():
        code = meeting_code(small_fair.meetings["published"])
    assert code in text and "Công ty TNHH Nhựa Tân Phong" in text and HOA_LAC in text

    assert organizer.get("/print/agendas.pdf").status_code == 200
    assert jobs(app) == 1


def test_a_browser_sees_the_progress_page_that_turns_into_the_document(app, organizer, run_pending):
    page = organizer.get("/print/badges.pdf")
    assert page.status_code == 202 and page.mimetype == "text/html" and page.headers["Retry-After"]
    html = page.get_data(as_text=True)
    with app.app_context():
        job_id = db.session.scalar(select(Job.id))
    assert f'data-job="/api/v1/jobs/{job_id}"' in html and "<progress" in html
    run_pending()
    assert organizer.get(f"/api/v1/jobs/{job_id}").json["result"]["url"] == "/print/badges.pdf"
    assert organizer.get("/print/badges.pdf").data.startswith(b"%PDF")


def test_each_printed_document_is_built_once_and_then_served(app, organizer, run_pending):
    documents = ("floorplan", "catalogue", "badges", "agendas", "tables", "grid", "booth-signs", "report")
    for doc in documents:
        assert organizer.get(f"/print/{doc}.pdf", headers=JSON).status_code == 202
    assert jobs(app) == len(documents)
    run_pending()
    for doc in documents:
        response = organizer.get(f"/print/{doc}.pdf")
        assert response.status_code == 200 and response.data.startswith(b"%PDF"), doc
    assert jobs(app) == len(documents)


def test_a_change_to_what_a_document_shows_builds_it_again(app, organizer, run_pending):
    assert HOA_LAC in pdf_text(built(organizer, "/print/catalogue.pdf?lang=vi", run_pending))
    rename(app, HOA_LAC, "Công ty CP Cơ khí Hòa Lạc Mới")
    assert organizer.get("/print/catalogue.pdf", headers=JSON).status_code == 202
    run_pending()
    text = pdf_text(organizer.get("/print/catalogue.pdf"))
    assert "Công ty CP Cơ khí Hòa Lạc Mới" in text and HOA_LAC not in text
    assert jobs(app) == 2


def test_a_change_written_by_one_statement_builds_it_again_too(app, organizer, run_pending):
    """Some services write with an UPDATE statement (a side event's attendance), not through objects."""
    assert built(organizer, "/print/catalogue.pdf", run_pending).status_code == 200
    with app.app_context():
        db.session.execute(update(Enterprise).where(Enterprise.name_vi == HOA_LAC).values(name_vi="Cơ khí Mới"))
        db.session.commit()
    assert "Cơ khí Mới" in pdf_text(built(organizer, "/print/catalogue.pdf", run_pending))


def test_a_booth_taken_off_sale_builds_the_floor_plan_again_but_not_the_agendas(app, organizer, run_pending):
    assert built(organizer, "/print/floorplan.pdf", run_pending).status_code == 200
    assert built(organizer, "/print/agendas.pdf", run_pending).status_code == 200
    block_booth(app, "A04")
    assert organizer.get("/print/agendas.pdf").status_code == 200
    assert organizer.get("/print/floorplan.pdf", headers=JSON).status_code == 202
    assert jobs(app) == 3


def test_a_document_in_another_language_is_another_document(app, organizer, run_pending):
    assert "Mục lục theo ngành" in pdf_text(built(organizer, "/print/catalogue.pdf?lang=vi", run_pending))
    assert "Index by sector" in pdf_text(built(organizer, "/print/catalogue.pdf?lang=en", run_pending))
    assert jobs(app) == 2


def test_the_document_settings_printed_on_the_report_build_it_again(app, organizer, small_fair, run_pending):
    from fairmatch.fairs.models import Fair

    assert built(organizer, "/print/report.pdf?lang=vi", run_pending).status_code == 200
    with app.app_context():
        db.session.scalar(select(Fair)).document_issuing_body = "Sở Công Thương Hà Nội"
        db.session.commit()
    assert "Sở Công Thương Hà Nội".upper() in pdf_text(built(organizer, "/print/report.pdf", run_pending)).upper()


def test_only_the_organizers_and_whoever_asked_see_a_documents_job(app, organizer, small_fair):
    job = organizer.get("/print/grid.pdf", headers=JSON).json["job"]
    assert signed_in(app, small_fair.emails["hong"]).get(job).status_code == 404
    assert app.test_client().get(job).status_code == 401
    assert signed_in(app, small_fair.emails["hong"]).get("/print/grid.pdf").status_code == 403


def test_an_export_is_built_by_a_job_then_served_until_its_data_changes(app, organizer, run_pending):
    first = organizer.get("/organizer/exports/exhibitors.csv?lang=vi", headers=JSON)
    assert first.status_code == 202 and first.headers["Retry-After"]
    assert organizer.get("/organizer/exports/exhibitors.csv", headers=JSON).json["job"] == first.json["job"]
    run_pending()
    result = organizer.get(first.json["job"]).json["result"]
    assert result["url"] == "/organizer/exports/exhibitors.csv"
    response = organizer.get(result["url"])
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="exhibitors-')
    assert HOA_LAC in response.data.decode("utf-8-sig")
    assert organizer.get("/organizer/exports/exhibitors.csv").status_code == 200
    assert jobs(app) == 1

    rename(app, HOA_LAC, "Công ty CP Cơ khí Hòa Lạc Mới")
    assert organizer.get("/organizer/exports/exhibitors.csv", headers=JSON).status_code == 202
    run_pending()
    assert "Công ty CP Cơ khí Hòa Lạc Mới" in organizer.get(result["url"]).data.decode("utf-8-sig")


def test_each_export_is_built_once_and_then_served(app, organizer, run_pending):
    exports = [f"/organizer/exports/{slug}.{format}" for slug in ("exhibitors", "booths", "meetings", "einvoices")
               for format in ("csv", "xlsx")]
    for url in exports:
        assert organizer.get(url, headers=JSON).status_code == 202
    run_pending()
    for url in exports:
        assert organizer.get(url).status_code == 200, url
    assert jobs(app) == len(exports)


def test_the_xlsx_export_is_another_file_of_the_same_table(app, organizer, run_pending):
    from openpyxl import load_workbook

    assert built(organizer, "/organizer/exports/meetings.csv", run_pending).status_code == 200
    response = built(organizer, "/organizer/exports/meetings.xlsx?lang=vi", run_pending)
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet.title == "Cuộc gặp và kết quả"
    assert HOA_LAC in {cell.value for row in sheet.iter_rows() for cell in row}
    assert jobs(app) == 2


def test_a_small_document_is_sent_at_once_when_its_job_ends_within_the_wait(make_app, small_fair):
    """In the web process's own threads (no Redis), a document built within JOBS_WAIT_SECONDS is the answer."""
    threaded = make_app(JOBS_DISPATCHER="thread", JOBS_WAIT_SECONDS=30)
    response = signed_in(threaded, small_fair.emails["organizer"]).get("/print/grid.pdf?lang=vi")
    assert response.status_code == 200 and "T01 T02 Gian hàng A01" in pdf_text(response)
    assert jobs(threaded) == 1
