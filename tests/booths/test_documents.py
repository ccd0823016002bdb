"""Printed booth documents, read back as text: every booth on the plan, signs, payment requests."""

import io
import unicodedata

from pypdf import PdfReader
from sqlalchemy import select

from fairmatch.booths.models import BoothReservation
from fairmatch.extensions import db
from tests.conftest import signed_in


def pdf_text(response) -> tuple[str, int]:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    return unicodedata.normalize("NFC", text), len(reader.pages)



def test_the_floor_plan_pdf_prints_every_booth_code_and_the_exhibitor_index(app, confirmed):
    _, _, organizer = confirmed(name_vi="Công ty CP Điện lực Hưng Thịnh")
    text, pages = pdf_text(signed_in(app, organizer).get("/print/floorplan.pdf"))
    for code in ("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"):
        assert code in text
    assert "Công ty CP Điện lực Hưng Thịnh" in text and "Hoa Lac Mechanics Co., Ltd." in text
    assert pages >= 2


def test_booth_signs_are_one_page_per_confirmed_booth(app, confirmed):
    _, _, organizer = confirmed()
    text, pages = pdf_text(signed_in(app, organizer).get("/print/booth-signs.pdf"))
    assert pages == 1 and "A02" in text and "Hoa Lac" in text


def test_the_payment_request_shows_booths_vat_total_and_the_transfer_reference(app, confirmed):
    reservation_id, _, organizer = confirmed(pay=False)
    text, _pages = pdf_text(signed_in(app, organizer).get(f"/me/booths/{reservation_id}/payment-request.pdf"))
    with app.app_context():
        reference = db.session.get(BoothReservation, reservation_id).payment_reference
    assert "A02" in text and reference in text
    assert "15.000.000 ₫" in text and "1.200.000 ₫" in text and "16.200.000 ₫" in text
    assert "Đề nghị thanh toán" in text


def test_the_payment_request_waits_for_approval_and_is_private(app, exhibitor, make_user):
    email, _ = exhibitor()
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A03/reservations", json={}).json["id"]
    assert client.get(f"/me/booths/{reservation_id}/payment-request.pdf").status_code == 409
    stranger = signed_in(app, make_user())
    assert stranger.get(f"/me/booths/{reservation_id}/payment-request.pdf").status_code == 403


def test_print_documents_are_for_organizers_and_accept_a_bearer_token(app, client, fair, make_user, runner):
    assert client.get("/print/floorplan.pdf").status_code == 302
    assert signed_in(app, make_user("exhibitor")).get("/print/booth-signs.pdf").status_code == 403
    organizer = make_user("organizer")
    token = runner.invoke(args=["tokens", "create", "--email", organizer]).stdout.strip().splitlines()[-1]
    response = app.test_client().get("/print/floorplan.pdf", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    with app.app_context():
        assert db.session.scalar(select(BoothReservation)) is None
