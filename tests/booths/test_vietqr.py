"""The VietQR transfer code on the payment request and on /me/booths, and payments matched by their reference."""

import re
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.documents import transfer_payload
from fairmatch.booths.models import BoothReservation
from fairmatch.common.vietqr import Transfer, crc16_ccitt_false, plain_purpose, read_fields, vietqr_payload
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from tests.booths.test_documents import pdf_text
from tests.conftest import signed_in

# Payloads published with their CRC: liopayvn/vietqr-php (README, "Build a Static Payment QR Code") and
# thanhtinhpas1/vietqr-parser (README, a Vietcombank account).
PUBLISHED = {
    "00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN5910PHUONG CAC"
    "6005HANOI62110307NPS68696304": "5802",
    "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304": "CD60",
}


@pytest.fixture
def bank(app, fair):
    """The fair's bank: Vietcombank's NAPAS BIN 970436 and an account number with a space in it."""
    with app.app_context():
        current = db.session.get(Fair, fair)
        current.bank_name, current.bank_bin = "Vietcombank", "970436"
        current.bank_account_no, current.bank_account_name = "0011 0042 4242", "BAN TO CHUC HOI CHO"
        db.session.commit()


def test_the_crc_is_crc16_ccitt_false_as_published():
    assert crc16_ccitt_false("123456789") == "29B1"  # the algorithm's catalogued check value
    for payload, crc in PUBLISHED.items():
        assert crc16_ccitt_false(payload) == crc


def test_the_payload_holds_every_napas_field_and_a_valid_crc():
    payload = vietqr_payload(Transfer("970436", "0011 0042 4242", 16_200_000, "HC01-00042"))

    fields = read_fields(payload)
    assert list(fields) == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert fields["00"] == "01" and fields["01"] == "12"  # format 01, dynamic: made for this one payment
    merchant = read_fields(fields["38"])
    assert merchant == {"00": "A000000727", "01": merchant["01"], "02": "QRIBFTTA"}
    assert read_fields(merchant["01"]) == {"00": "970436", "01": "001100424242"}
    assert fields["53"] == "704" and fields["54"] == "16200000" and fields["58"] == "VN"
    assert read_fields(fields["62"]) == {"08": "HC01-00042"}
    assert payload.endswith("6304" + fields["63"]) and fields["63"] == crc16_ccitt_false(payload[:-4])


def test_the_transfer_content_is_what_banking_apps_carry():
    assert plain_purpose("Thanh toán gian hàng Đông Anh #HC01-00042!") == "Thanh toan gian hang Dong"


def test_the_payment_request_qr_asks_for_what_is_still_due_with_the_reference(app, bank, confirmed):
    reservation_id, _, organizer = confirmed(pay=False)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        fair = db.session.get(Fair, reservation.fair_id)
        full = read_fields(transfer_payload(reservation, fair))
        assert full["54"] == "16200000" and read_fields(full["62"])["08"] == reservation.payment_reference
        services.record_payment(reservation, find_user(organizer), 6_200_000, date(2026, 9, 1))
        assert read_fields(transfer_payload(reservation, fair))["54"] == "10000000"
        services.record_payment(reservation, find_user(organizer), 10_000_000, date(2026, 9, 2))
        assert transfer_payload(reservation, fair) == ""  # paid in full: nothing left to scan


def test_without_the_banks_bin_no_qr_is_made(app, confirmed):
    reservation_id, _, _organizer = confirmed(pay=False)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        assert transfer_payload(reservation, db.session.get(Fair, reservation.fair_id)) == ""


def test_my_booths_shows_the_transfer_qr_amount_and_reference_until_paid(app, bank, confirmed):
    reservation_id, _key, organizer = confirmed(pay=False)
    with app.app_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        reference = reservation.payment_reference
        member = reservation.enterprise.members[0].email
    page = signed_in(app, member).get("/me/booths?lang=vi").get_data(as_text=True)
    card = re.search(r'<section class="card pay-transfer".*?</section>', page, re.S).group(0)
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="qr vietqr"' in card and 'role="img"' in card
    assert reference in card and "16.200.000" in card and "0011 0042 4242" in card
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        services.record_payment(reservation, find_user(organizer), reservation.total_vnd, date(2026, 9, 1))
    assert "pay-transfer" not in signed_in(app, member).get("/me/booths").get_data(as_text=True)


def test_the_payment_request_carries_the_official_header_block_and_a_stable_number(app, bank, confirmed):
    reservation_id, _, organizer = confirmed(pay=False)
    client = signed_in(app, organizer)
    with app.app_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        decided = reservation.decided_at
        fair = db.session.get(Fair, reservation.fair_id)
        fair.document_parent_body, fair.document_issuing_body = "Ủy ban nhân dân thành phố Hà Nội", "Sở Công Thương"
        db.session.commit()
    text, _pages = pdf_text(client.get(f"/me/booths/{reservation_id}/payment-request.pdf?lang=vi"))
    flat = " ".join(text.split())
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" in flat and "SỞ CÔNG THƯƠNG" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "Độc lập - Tự do - Hạnh phúc" in flat
    assert f"Số: {reservation_id}/TB-BTC" in flat
    day = decided.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    assert f"Hà Nội, ngày {day.day:02d} tháng {month} năm {day.year}" in flat
    again, _pages = pdf_text(client.get(f"/me/booths/{reservation_id}/payment-request.pdf?lang=vi"))
    assert f"Số: {reservation_id}/TB-BTC" in " ".join(again.split())
    english, _pages = pdf_text(client.get(f"/me/booths/{reservation_id}/payment-request.pdf?lang=en"))
    assert f"No. {reservation_id}/TB-BTC" in english and "SOCIALIST REPUBLIC OF VIET NAM" in english


def test_a_payment_is_matched_to_its_reservation_by_the_reference(app, confirmed):
    reservation_id, _, _organizer = confirmed(pay=False)
    with app.app_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        fair_id, reference = reservation.fair_id, reservation.payment_reference
        compact = reference.replace("-", "")
        for statement in (
            reference,
            reference.lower(),
            f"CK {reference.replace('-', ' ')} thanh toan",
            f"MBVCB.123.{compact}.gian hang",
        ):
            assert services.reservation_by_reference(statement).id == reservation_id, statement
        assert services.reservation_by_reference(f"HC{fair_id + 1:02d}-{reservation_id:05d}") is None
        assert services.reservation_by_reference("HC01-99999") is None
        assert services.reservation_by_reference("chuyen tien") is None


def test_the_organizer_records_a_transfer_from_the_statement_text_and_it_finds_its_reservation(app, confirmed):
    reservation_id, _, organizer = confirmed(pay=False)
    with app.app_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        reference, total = reservation.payment_reference, reservation.total_vnd
    desk = signed_in(app, organizer)
    statement = f"MBVCB.8812.{reference.replace('-', ' ').lower()}.thanh toan gian hang"
    response = desk.post("/organizer/booths/transfers", data={
        "transfer-statement": statement, "transfer-amount_vnd": str(total), "transfer-paid_on": "2026-09-01"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/reservations/{reservation_id}")
    with app.app_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        assert reservation.state == "confirmed" and reservation.paid_vnd == total


def test_a_transfer_quoting_no_known_reference_changes_nothing_and_keeps_what_was_typed(app, confirmed):
    reservation_id, _, organizer = confirmed(pay=False)
    response = signed_in(app, organizer).post("/organizer/booths/transfers?lang=en", data={
        "transfer-statement": "chuyen tien HC01-99999", "transfer-amount_vnd": "5000000",
        "transfer-paid_on": "2026-09-01"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "No payment request of this fair has a reference" in page
    assert 'value="chuyen tien HC01-99999"' in page and 'value="5000000"' in page
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).paid_vnd == 0
