"""The fair as spreadsheets: exhibitors, booths with reservations, meetings with outcomes — CSV
(UTF-8 with a byte-order mark) and XLSX, headed in the reader's language, Vietnamese text intact."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from tests.conftest import signed_in


def table(response) -> list[list[str]]:
    """The rows of a CSV or XLSX download, header first, every cell as text."""
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if response.mimetype == "text/csv":
        assert response.data.startswith("\ufeff".encode())
        return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def organizer(app, confirmed, submitted, make_enterprise):
    """A paid booth A01 (Hòa Lạc), an application for A05 (Đông Á), and a held meeting between
    Hòa Lạc and a buyer where Hòa Lạc reported a quotation. Returns a signed-in organizer."""
    _, key, email = confirmed(code="A01")
    submitted(code="A05", name_vi="Công ty CP Nhựa Đông Á", name_en="Dong A Plastics JSC")
    buyer_key = make_enterprise(kind="buyer", name_vi="Công ty TNHH Thương mại Kim Long", name_en="Kim Long Trading")
    with app.app_context():
        supplier, buyer = (db.session.scalar(select(Enterprise).where(Enterprise.key == k)) for k in (key, buyer_key))
        request = MeetingRequest(fair_id=1, from_enterprise_id=buyer.id, to_enterprise_id=supplier.id,
                                 state="accepted", message="Cần cáp điện hạ thế", decided_at=datetime.now(UTC))
        db.session.add(request)
        db.session.flush()
        starts = datetime(2026, 10, 15, 2, tzinfo=UTC)  # 9:00 in Hanoi
        meeting = Meeting(fair_id=1, request_id=request.id, slot_id="2026-10-15-0900", table="T3", state="held",
                          starts_at=starts, ends_at=starts + timedelta(minutes=30))
        db.session.add(meeting)
        db.session.flush()
        db.session.add(MeetingOutcome(meeting_id=meeting.id, enterprise_id=supplier.id, outcome="quotation",
                                      note="Gửi báo giá trước 30/10"))
        db.session.commit()
    return signed_in(app, email)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_exhibitors_are_listed_with_their_booths_in_either_language(organizer, format):
    vietnamese = table(organizer.get(f"/organizer/exports/exhibitors.{format}?lang=vi"))
    assert vietnamese[0][:4] == ["Gian hàng đã xác nhận", "Gian hàng chờ duyệt hoặc chờ thanh toán", "Mã định danh",
                                 "Mã số thuế"]
    rows = {row[5]: row for row in vietnamese[1:]}
    assert set(rows) == {"Công ty TNHH Cơ khí Hòa Lạc", "Công ty CP Nhựa Đông Á"}
    assert rows["Công ty TNHH Cơ khí Hòa Lạc"][:2] == ["A01", ""]
    assert rows["Công ty CP Nhựa Đông Á"][:2] == ["", "A05"]
    english = table(organizer.get(f"/organizer/exports/exhibitors.{format}?lang=en"))
    assert english[0][:4] == ["Confirmed booths", "Booths awaiting approval or payment", "Key", "Tax code"]
    assert "KCN Thăng Long, Hà Nội" in english[1]


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_every_booth_is_a_row_with_the_reservation_that_holds_it(organizer, format):
    english = table(organizer.get(f"/organizer/exports/booths.{format}?lang=en"))
    header, rows = english[0], {row[0]: dict(zip(english[0], row, strict=True)) for row in english[1:]}
    assert header[:3] == ["Booth", "Hall", "Type"] and len(rows) == 8
    assert rows["A01"]["Status"] == "Confirmed" and rows["A01"]["Enterprise"] == "Hoa Lac Mechanics Co., Ltd."
    assert rows["A01"]["Total with VAT (VND)"] == "16200000" and rows["A01"]["Paid (VND)"] == "16200000"
    assert rows["A05"]["Reservation state"] == "Submitted" and rows["A05"]["Paid (VND)"] == "0"
    assert rows["A02"]["Status"] == "Available" and rows["A02"]["Enterprise"] == ""
    vietnamese = table(organizer.get(f"/organizer/exports/booths.{format}?lang=vi"))
    assert vietnamese[0][:3] == ["Gian hàng", "Nhà triển lãm", "Loại"]
    a05 = next(row for row in vietnamese if row[0] == "A05")
    assert "Công ty CP Nhựa Đông Á" in a05 and "Nhà A" in a05


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_meetings_are_listed_with_what_each_side_reported(organizer, format):
    english = table(organizer.get(f"/organizer/exports/meetings.{format}?lang=en"))
    [meeting] = [dict(zip(english[0], row, strict=True)) for row in english[1:]]
    assert meeting["Start"] == "9:00\u202fAM" and meeting["Table"] == "T3" and meeting["Meeting state"] == "Took place"
    assert meeting["Requested by"] == "Kim Long Trading" and meeting["With"] == "Hoa Lac Mechanics Co., Ltd."
    assert meeting["Request message"] == "Cần cáp điện hạ thế"
    assert meeting["Outcome for the requester"] == "" and meeting["Outcome for the other side"] == "Quotation requested"
    assert meeting["Other side's note"] == "Gửi báo giá trước 30/10"
    vietnamese = table(organizer.get(f"/organizer/exports/meetings.{format}?lang=vi"))
    row = dict(zip(vietnamese[0], vietnamese[1], strict=True))
    assert row["Bắt đầu"] == "09:00" and row["Người đề nghị"] == "Công ty TNHH Thương mại Kim Long"


def test_the_dashboard_links_every_export(organizer):
    page = organizer.get("/organizer/?lang=en").get_data(as_text=True)
    for slug in ("exhibitors", "booths", "meetings"):
        for format in ("csv", "xlsx"):
            assert f'href="/organizer/exports/{slug}.{format}"' in page
