"""What people type is shown as text everywhere: an enterprise named like a script, products and
messages full of markup, appear literally on every page and in the PDFs, and never run."""

import io
import re
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.services import answer
from tests.security.conftest import BUYER, EXHIBITOR_A, ORGANIZER, PERSONAS, arguments, rule_url

NAME = "<script>alert(1)</script>"
TEXT = "<img src=x onerror=alert(2)> & \"quotes\" 'too'"


@pytest.fixture
def hostile(make_world):
    """The small fair with enterprise A named like a script, its booth confirmed and paid, and a
    published meeting with the buyer at a B2B table."""
    world = make_world(name_vi=NAME, name_en=NAME, text=TEXT)
    with world.app.test_request_context():
        reservation = db.session.get(BoothReservation, world.ids["reservation_id"])
        exhibitor, organizer = find_user(world.emails[EXHIBITOR_A]), find_user(world.emails[ORGANIZER])
        services.submit(reservation, exhibitor)
        services.approve(reservation, organizer)
        services.record_payment(reservation, organizer, reservation.total_vnd, reservation.submitted_at.date())
        request = answer(db.session.get(MeetingRequest, world.ids["meeting_request_id"]), exhibitor, True)
        starts = datetime(2026, 10, 15, 2, 0, tzinfo=UTC)  # 09:00 at the fair
        db.session.add(Meeting(fair_id=request.fair_id, request_id=request.id, slot_id="d1-0900", starts_at=starts,
                               ends_at=starts + timedelta(minutes=30), table="T1", state="published",
                               published_at=utcnow()))
        db.session.commit()
    return world


def pages(world, client):
    """Every page this visitor can open, with its text."""
    for rule in world.app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "static":
            response = client.get(rule_url(rule, arguments(world)))
            if response.status_code == 200:
                yield rule.endpoint, response


@pytest.mark.parametrize("persona", PERSONAS)
def test_markup_typed_by_users_is_never_sent_as_markup(hostile, persona):
    shown = []
    for endpoint, response in pages(hostile, hostile.client(persona)):
        if response.mimetype != "text/html":
            continue
        page = response.get_data(as_text=True)
        assert NAME not in page and "<img src=x" not in page, endpoint
        if "&lt;script&gt;alert(1)&lt;/script&gt;" in page:
            shown.append(endpoint)
    expected = {"enterprises.directory", "enterprises.profile", "booths.plan"}
    if persona in (EXHIBITOR_A, ORGANIZER):
        expected |= {"enterprises.edit", "booths.reservation"}
    if persona == BUYER:
        expected |= {"meetings.mine"}
    assert expected <= set(shown), expected - set(shown)


def test_the_json_api_returns_names_as_data(hostile):
    client = hostile.client(BUYER)
    entries = client.get("/api/v1/enterprises", query_string={"q": "script"}).json["items"]
    assert [e["name_vi"] for e in entries] == [NAME]
    booths = client.get("/api/v1/booths").json["booths"]
    assert {"key": hostile.keys["A"], "name": NAME} in [b["exhibitor"] for b in booths]


def pdf_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf", response.status_code
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def test_pdfs_print_the_name_literally(hostile):
    organizer, exhibitor, buyer = (hostile.client(p) for p in (ORGANIZER, EXHIBITOR_A, BUYER))
    documents = {
        "floor plan": organizer.get("/print/floorplan.pdf"),
        "booth signs": organizer.get("/print/booth-signs.pdf"),
        "agendas": organizer.get("/print/agendas.pdf"),
        "table sheets": organizer.get("/print/tables.pdf"),
        "payment request": exhibitor.get(f"/me/booths/{hostile.ids['reservation_id']}/payment-request.pdf"),
        "the buyer's agenda": buyer.get("/me/agenda.pdf"),
        "catalogue": organizer.get("/print/catalogue.pdf"),
        "badges": organizer.get("/print/badges.pdf"),
        "one badge": organizer.get(f"/organizer/people/{hostile.ids['person_id']}/badge.pdf"),
        # The grid's cells hold the shortest distinct names: this one has no legal form to drop.
        "meetings grid": organizer.get("/print/grid.pdf"),
    }
    for name, response in documents.items():
        assert NAME in pdf_text(response), name


def test_the_pdfs_list_of_printed_documents_is_complete(app):
    """A new PDF must be added to test_pdfs_print_the_name_literally (or here, if it names no one)."""
    pdfs = {rule.endpoint for rule in app.url_map.iter_rules() if rule.rule.endswith(".pdf")}
    assert pdfs == {"prints.floor_plan", "prints.booth_signs", "booths.payment_request",
                    "prints.agendas", "prints.tables", "meetings.agenda_pdf", "prints.catalogue", "prints.badges",
                    "prints.grid", "people.badge",
                    # The fair report counts; it names enterprises only for supplier links formed.
                    "prints.report"}
