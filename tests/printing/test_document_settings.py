"""The organizer sets what official documents print (header block, codes, place, bank and its NAPAS BIN) on the
edition's page; the report and the payment request print them."""

import io
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from tests.conftest import signed_in

SETTINGS = {
    "organizer_name": "Sở Công Thương thành phố Hà Nội – Ban tổ chức Hội chợ",
    "organizer_address": "331 Trần Hưng Đạo, phường Cửa Nam, Hà Nội",
    "document_parent_body": "Ủy ban nhân dân thành phố Hà Nội",
    "document_issuing_body": "Sở Công Thương",
    "payment_request_code": "TB-SCT",
    "report_code": "BC-SCT",
    "document_place": "Hà Nội",
    "bank_name": "Vietcombank – Chi nhánh Hà Nội",
    "bank_bin": "970436",
    "bank_account_no": "0011 0042 4242",
    "bank_account_name": "SO CONG THUONG HA NOI",
}


def flat_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_the_organizer_sets_the_header_block_and_bank_and_the_report_prints_them(app, make_fair, make_user):
    fair_id = make_fair()
    organizer = signed_in(app, make_user("organizer"))
    page = organizer.get(f"/organizer/editions/{fair_id}?lang=en").get_data(as_text=True)
    assert 'id="documents"' in page and 'name="bank_bin"' in page

    saved = organizer.post(f"/organizer/editions/{fair_id}/documents", data=SETTINGS)

    assert saved.status_code == 302
    with app.app_context():
        fair = db.session.get(Fair, fair_id)
        assert {name: getattr(fair, name) for name in SETTINGS} == SETTINGS
    text = flat_text(organizer.get("/print/report.pdf?lang=vi"))
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI SỞ CÔNG THƯƠNG" in text
    assert "Số: ....../BC-SCT" in text  # the clerk writes the number when the report is registered
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert f"Hà Nội, ngày {today.day:02d} tháng {month} năm {today.year}" in text
    english = flat_text(organizer.get("/print/report.pdf?lang=en"))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in english and "Independence - Freedom - Happiness" in english


def test_a_bank_bin_that_is_not_six_digits_is_refused_and_what_was_typed_stays(app, make_fair, make_user):
    fair_id = make_fair()
    organizer = signed_in(app, make_user("organizer"))
    refused = organizer.post(f"/organizer/editions/{fair_id}/documents?lang=en", data=SETTINGS | {"bank_bin": "97043"})

    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "six digits NAPAS gives each bank" in body
    assert 'value="97043"' in body and 'value="Sở Công Thương"' in body
    with app.app_context():
        assert db.session.get(Fair, fair_id).bank_bin == ""


def test_only_organizers_change_the_document_settings(app, make_fair, make_user):
    fair_id = make_fair()
    exhibitor = signed_in(app, make_user("exhibitor"))
    assert exhibitor.post(f"/organizer/editions/{fair_id}/documents", data=SETTINGS).status_code in (302, 403)
    with app.app_context():
        assert db.session.get(Fair, fair_id).bank_bin == ""
