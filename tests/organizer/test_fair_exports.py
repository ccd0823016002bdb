"""The fair as spreadsheets: exhibitors, booths with reservations, meetings with outcomes — CSV
(UTF-8 with a byte-order mark, one charset) and XLSX (typed cells, a frozen and filtered header,
fitted columns, a sheet title), headed in the reader's language, Vietnamese text intact."""

import csv
import io
from datetime import UTC, datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from tests.conftest import signed_in


def as_text(value) -> str:
    """An XLSX cell as the CSV writes it: dates and times in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != time() else value.date().isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def table(response) -> list[list[str]]:
    """The rows of a CSV or XLSX download, header first, every cell as text."""
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if response.mimetype == "text/csv":
        assert response.data.startswith("\ufeff".encode())
        return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [[as_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def sheet_of(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.data)).active


def column(sheet, header: str) -> list:
    """The cells under `header` in the first row."""
    [index] = [cell.column for cell in sheet[1] if cell.value == header]
    return [row[index - 1] for row in sheet.iter_rows(min_row=2)]


@pytest.fixture
def organizer(app, confirmed, submitted, make_enterprise):
    """A paid booth A01 (Hòa Lạc), an application for A05 (Đông Á), and a held meeting between
    Hòa Lạc and a buyer where Hòa Lạc reported a quotation. Returns a signed-in organizer."""
    _, key, email = confirmed(code="A01")
    submitted(code="A05", name_vi="Công ty CP Nhựa Đông Á", name_en="Dong A Plastics JSC")
    buyer_key = make_enterprise(kind="buyer", name_vi="Công ty TNHH Thương mại Kim Long", name_en="Kim Long Trading")
    with app.app_context():
        supplier, buyer = (db.session.scalar(select(Enterprise).where(Enterprise.key == k)) for k in (key, buyer_key))
        request = MeetingRequest(
            fair_id=1,
            from_enterprise_id=buyer.id,
            to_enterprise_id=supplier.id,
            state="accepted",
            message="Cần cáp điện hạ thế",
            decided_at=datetime.now(UTC),
        )
        db.session.add(request)
        db.session.flush()
        starts = datetime(2026, 10, 15, 2, tzinfo=UTC)  # 9:00 in Hanoi
        meeting = Meeting(
            fair_id=1,
            request_id=request.id,
            slot_id="2026-10-15-0900",
            table="T3",
            state="held",
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
        )
        db.session.add(meeting)
        db.session.flush()
        db.session.add(
            MeetingOutcome(
                meeting_id=meeting.id, enterprise_id=supplier.id, outcome="quotation", note="Gửi báo giá trước 30/10"
            )
        )
        db.session.commit()
    return signed_in(app, email)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_exhibitors_are_listed_with_their_booths_in_either_language(organizer, format):
    vietnamese = table(organizer.get(f"/organizer/exports/exhibitors.{format}?lang=vi"))
    assert vietnamese[0][:4] == [
        "Gian hàng đã xác nhận",
        "Gian hàng chờ duyệt hoặc chờ thanh toán",
        "Mã định danh",
        "Mã số thuế",
    ]
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
    assert meeting["Day"] == "2026-10-15" and meeting["Start"] == "09:00" and meeting["End"] == "09:30"
    assert meeting["Table"] == "T3" and meeting["Meeting state"] == "Took place"
    assert meeting["Requested by"] == "Kim Long Trading" and meeting["With"] == "Hoa Lac Mechanics Co., Ltd."
    assert meeting["Request message"] == "Cần cáp điện hạ thế"
    assert meeting["Outcome for the requester"] == "" and meeting["Outcome for the other side"] == "Quotation requested"
    assert meeting["Other side's note"] == "Gửi báo giá trước 30/10"
    vietnamese = table(organizer.get(f"/organizer/exports/meetings.{format}?lang=vi"))
    row = dict(zip(vietnamese[0], vietnamese[1], strict=True))
    assert row["Bắt đầu"] == "09:00" and row["Người đề nghị"] == "Công ty TNHH Thương mại Kim Long"


def test_the_dashboard_links_every_export(organizer):
    page = organizer.get("/organizer/?lang=en").get_data(as_text=True)
    for slug in ("exhibitors", "booths", "meetings", "einvoices"):
        for format in ("csv", "xlsx"):
            assert f'href="/organizer/exports/{slug}.{format}"' in page


@pytest.mark.parametrize("slug", ["exhibitors", "booths", "meetings", "einvoices"])
def test_a_csv_download_says_its_charset_once(organizer, slug):
    response = organizer.get(f"/organizer/exports/{slug}.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.data.startswith("\ufeff".encode())  # without it, Excel reads the Vietnamese as Windows-1252


@pytest.mark.parametrize(
    ("path", "sheet_title", "document_title"),
    [
        ("/organizer/exports/exhibitors.xlsx", "Exhibitors", "Exhibitors · Test fair"),
        ("/organizer/exports/booths.xlsx", "Booths and reservations", "Booths and reservations · Test fair"),
        ("/organizer/exports/meetings.xlsx", "Meetings and outcomes", "Meetings and outcomes · Test fair"),
        ("/organizer/exports/einvoices.xlsx", "Booth fees for e-invoices", "Booth fees for e-invoices · Test fair"),
        ("/organizer/directory.xlsx", "Directory", "Directory of enterprises"),
    ],
)
def test_every_xlsx_export_opens_on_a_titled_sheet_with_its_header_frozen_and_filtered(
    organizer, path, sheet_title, document_title
):
    book = load_workbook(io.BytesIO(organizer.get(f"{path}?lang=en").data))
    sheet = book.active
    assert sheet.title == sheet_title and book.properties.title == document_title
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    widths = {cell.column_letter: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert all(width >= 8 for width in widths.values()), widths
    assert len(set(widths.values())) > 1  # fitted to the content, not one width for all


def test_the_booth_list_holds_amounts_as_numbers_and_times_as_dates(organizer):
    sheet = sheet_of(organizer.get("/organizer/exports/booths.xlsx?lang=en"))
    booths = {cell.value: cell.row for cell in column(sheet, "Booth")}
    a01 = {cell.column_letter: cell for cell in sheet[booths["A01"]]}
    header = {cell.value: cell.column_letter for cell in sheet[1]}
    for amount in ("List price (VND, before VAT)", "Total with VAT (VND)", "Paid (VND)"):
        cell = a01[header[amount]]
        assert type(cell.value) is int and cell.number_format == "#,##0", (amount, cell.value, cell.number_format)
    assert a01[header["Total with VAT (VND)"]].value == 16_200_000
    assert type(a01[header["Width (m)"]].value) in (int, float)
    submitted = a01[header["Submitted"]]
    assert isinstance(submitted.value, datetime) and submitted.number_format == "dd/mm/yyyy hh:mm"
    assert a01[header["Reservation no."]].data_type == "n"
    assert a01[header["Key"]].data_type == "s"  # a tax code keeps its leading zero


def test_the_meeting_list_holds_the_day_and_times_as_dates_and_times(organizer):
    sheet = sheet_of(organizer.get("/organizer/exports/meetings.xlsx?lang=vi"))
    header = {cell.value: cell.column_letter for cell in sheet[1]}
    day, start, end = (sheet[f"{header[name]}2"] for name in ("Ngày", "Bắt đầu", "Kết thúc"))
    assert day.value == datetime(2026, 10, 15) and day.number_format == "dd/mm/yyyy"
    assert start.value == time(9, 0) and start.number_format == "hh:mm"
    assert end.value == time(9, 30) and end.number_format == "hh:mm"


def test_text_that_would_run_as_a_formula_stays_text_and_numbers_stay_numbers(app, organizer, make_enterprise):
    make_enterprise(
        name_vi='=HYPERLINK("http://evil.example")', name_en="=1+1", contact_phone="+84 24 3825 1234", founded_year=2004
    )
    sheet = sheet_of(organizer.get("/organizer/directory.xlsx?lang=en"))
    names = [cell.value for cell in column(sheet, "Legal name in Vietnamese")]
    assert '\'=HYPERLINK("http://evil.example")' in names
    row = next(c.row for c in column(sheet, "Legal name in Vietnamese") if c.value.startswith("'=HYPERLINK"))
    cells = {sheet.cell(1, c.column).value: c for c in sheet[row]}
    assert cells["Contact phone"].value == "+84 24 3825 1234" and cells["Year founded"].value == 2004
    assert cells["Year founded"].number_format == "General"  # 2004, not 2,004
