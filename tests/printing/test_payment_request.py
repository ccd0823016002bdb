"""The payment request: who pays whom, for which booths, how much, and how to transfer it."""

from fairmatch.printing import Party, payment_request_pdf
from tests.printing.conftest import PAYMENT_LABELS, pdf_pages


def test_the_request_shows_both_parties_every_booth_and_the_money_exactly_as_given(make_payment_request):
    request = make_payment_request(booths=3)

    (page,) = pdf_pages(payment_request_pdf(request, PAYMENT_LABELS))

    for text in (
        request.organizer.name,
        request.organizer.address,
        request.number,
        request.issued_on,
        request.enterprise.name,
        request.enterprise.tax_code,
        request.enterprise.address,
    ):
        assert text in page
    assert {"A01", "A02", "A03"} <= set(page.split())
    assert page.count("15.000.000 ₫") == 3
    assert "Cộng tiền gian hàng 45.000.000 ₫" in page
    assert "Thuế GTGT (8%) 3.600.000 ₫" in page
    assert "Tổng cộng thanh toán 48.600.000 ₫" in page


def test_the_transfer_details_due_date_and_note_are_printed(make_payment_request):
    request = make_payment_request()

    (page,) = pdf_pages(payment_request_pdf(request, PAYMENT_LABELS))

    transfer = request.transfer
    for text in (transfer.bank, transfer.account_number, transfer.account_name, transfer.reference, request.note):
        assert text in page
    assert f"{PAYMENT_LABELS.reference} {transfer.reference}" in page
    assert f"{PAYMENT_LABELS.due_on}: {request.due_on}" in page


def test_a_long_booth_list_runs_onto_more_pages_with_the_table_header_repeated(make_payment_request):
    request = make_payment_request(booths=60)

    pages = pdf_pages(payment_request_pdf(request, PAYMENT_LABELS))

    assert len(pages) >= 2
    header = "Gian hàng Nhà Loại gian Diện tích (m²) Đơn giá"
    assert all(header in page for page in pages if "15.000.000 ₫" in page)
    codes = [word for page in pages for word in page.split() if word[:1] == "A" and word[1:].isdigit()]
    assert codes == [f"A{n:02d}" for n in range(1, 61)]
    assert "Tổng cộng thanh toán 972.000.000 ₫" in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Trang {number}/{len(pages)}")


def test_an_enterprise_without_a_tax_code_omits_that_line(make_payment_request):
    foreign = make_payment_request(enterprise=Party("Sakura Seiki Co., Ltd.", "Osaka, Japan"))

    (page,) = pdf_pages(payment_request_pdf(foreign, PAYMENT_LABELS))

    assert "Sakura Seiki Co., Ltd." in page
    assert PAYMENT_LABELS.tax_code not in page
