"""The booth-fee list an accountant issues e-invoices from: one line per reservation with a payment
request, with the enterprise's legal name, tax code and address as registered, what is invoiced, and
the amounts of the payment request (fee, VAT rate, VAT, total) that add up."""

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.extensions import db
from tests.conftest import new_tax_code, signed_in


@pytest.fixture
def fees(app, confirmed, submitted, exhibitor, make_user):
    """A01 paid in full (Hòa Lạc), A02 approved and unpaid (a branch, 10-3 tax code), A03 + A04 in one
    reservation approved and partly paid, A05 only submitted. Returns a signed-in organizer."""
    confirmed(code="A01")
    branch = new_tax_code() + "-001"
    confirmed(
        pay=False,
        code="A02",
        tax_code=branch,
        name_vi="Chi nhánh Công ty CP Nhựa Đông Á tại Hà Nội",
        name_en="Dong A Plastics JSC, Hanoi branch",
    )
    email, _ = exhibitor(name_vi="Công ty TNHH Điện tử Kim Long", name_en="Kim Long Electronics")
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A03/reservations", json={"extra_booths": ["A04"]}).json["id"]
    assert client.post(f"/api/v1/reservations/{reservation_id}/submit").status_code == 200
    organizer = make_user("organizer")
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        services.approve(reservation, find_user(organizer))
        services.record_payment(reservation, find_user(organizer), 10_000_000, date(2026, 9, 20))
    submitted(code="A05", name_vi="Công ty CP Cơ điện Tân Phong")
    return signed_in(app, organizer), branch


def lines(response) -> list[dict]:
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if response.mimetype == "text/csv":
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_each_reservation_with_a_payment_request_is_one_invoice_line(fees):
    organizer, branch = fees
    by_name = {
        line["Legal name in Vietnamese"]: line
        for line in lines(organizer.get("/organizer/exports/einvoices.xlsx?lang=en"))
    }
    assert set(by_name) == {
        "Công ty TNHH Cơ khí Hòa Lạc",
        "Chi nhánh Công ty CP Nhựa Đông Á tại Hà Nội",
        "Công ty TNHH Điện tử Kim Long",
    }  # the application not yet approved is not invoiced
    paid = by_name["Công ty TNHH Cơ khí Hòa Lạc"]
    assert paid["Registered address"] == "KCN Thăng Long, Hà Nội"
    assert paid["Invoiced for"] == "Thuê gian hàng A01, Hội chợ thử"  # an e-invoice is written in Vietnamese
    assert (
        paid["Fee before VAT (VND)"],
        paid["VAT rate (%)"],
        paid["VAT amount (VND)"],
        paid["Amount payable with VAT (VND)"],
        paid["Paid (VND)"],
    ) == (15_000_000, 8, 1_200_000, 16_200_000, 16_200_000)
    assert paid["Payment state"] == "Paid in full" and isinstance(paid["Paid on"], datetime)
    assert paid["Payment reference"].startswith("HC")
    unpaid = by_name["Chi nhánh Công ty CP Nhựa Đông Á tại Hà Nội"]
    assert unpaid["Tax code"] == branch and len(branch) == 14
    assert unpaid["Payment state"] == "Awaiting payment" and unpaid["Paid (VND)"] == 0 and unpaid["Paid on"] is None
    two = by_name["Công ty TNHH Điện tử Kim Long"]
    assert two["Invoiced for"] == "Thuê gian hàng A03, A04, Hội chợ thử" and two["Number of booths"] == 2
    assert two["Payment state"] == "Partly paid" and two["Paid on"] == datetime(2026, 9, 20)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_the_amounts_add_up_and_match_the_payment_requests(app, fees, format):
    organizer, _ = fees
    invoices = lines(organizer.get(f"/organizer/exports/einvoices.{format}?lang=en"))
    with app.app_context():
        requested = {
            r.payment_reference: r for r in db.session.query(BoothReservation) if r.state in ("approved", "confirmed")
        }
        for line in invoices:
            fee, vat, total = (
                int(line[h]) for h in ("Fee before VAT (VND)", "VAT amount (VND)", "Amount payable with VAT (VND)")
            )
            assert fee + vat == total and vat == round(fee * int(line["VAT rate (%)"]) / 100)
            reservation = requested[line["Payment reference"]]  # the payment request's own numbers
            assert (fee, vat, total) == (reservation.price_vnd, reservation.vat_vnd, reservation.total_vnd)
        assert sum(int(line["Amount payable with VAT (VND)"]) for line in invoices) == 16_200_000 * 2 + 32_400_000
        assert sum(int(line["Paid (VND)"]) for line in invoices) == 16_200_000 + 10_000_000
        assert {line["Payment reference"] for line in invoices} == set(requested)


def test_the_amounts_are_typed_numbers_in_vnd_format_and_the_dates_are_dates(fees):
    organizer, _ = fees
    sheet = load_workbook(io.BytesIO(organizer.get("/organizer/exports/einvoices.xlsx?lang=vi").data)).active
    header = {cell.value: cell.column_letter for cell in sheet[1]}
    assert sheet.title == "Phí gian hàng để xuất hóa đơn"  # 31 characters at most, cut at a word
    for name in (
        "Thành tiền chưa có thuế GTGT (VNĐ)",
        "Tiền thuế GTGT (VNĐ)",
        "Tổng tiền thanh toán (VNĐ)",
        "Đã trả (VNĐ)",
    ):
        for cell in sheet[header[name]][1:]:
            assert type(cell.value) is int and cell.number_format == "#,##0", (name, cell.value)
    for cell in sheet[header["Thuế suất GTGT (%)"]][1:]:
        assert cell.value == 8
    for cell in sheet[header["Ngày đề nghị thanh toán"]][1:]:
        assert isinstance(cell.value, datetime) and cell.number_format == "dd/mm/yyyy"
    assert all(sheet[f"{header['Mã số thuế']}{row}"].data_type == "s" for row in range(2, sheet.max_row + 1))
    assert (
        sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}4"
    )


def test_only_organizers_get_the_fee_list(app, fees, make_user, make_enterprise):
    member = signed_in(app, make_user(enterprise=make_enterprise()))
    assert member.get("/organizer/exports/einvoices.csv").status_code == 403
