"""Titles, headings and running footers wrap onto more lines, never cut with "…": every document printed with the
demo fair's longest names (the fair's full Vietnamese and English names, the longest enterprise names) carries
them whole."""

from fairmatch.printing import (
    Agenda,
    AgendaLabels,
    AgendaLine,
    Catalogue,
    CatalogueEntry,
    CatalogueLabels,
    CatalogueSection,
    GridDay,
    GridLabels,
    GridRow,
    MeetingGrid,
    ReportBar,
    ReportDocument,
    ReportSection,
    agendas_pdf,
    booth_signs_pdf,
    catalogue_pdf,
    floor_plan_pdf,
    meeting_grid_pdf,
    payment_request_pdf,
    report_pdf,
)
from fairmatch.printing.model import Letterhead
from tests.printing.conftest import FLOOR_PLAN_LABELS, PAYMENT_LABELS, SIGN_LABELS, pdf_pages

FAIR_VI = "Hội chợ Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ Hà Nội 2026"
FAIR_EN = "Hanoi Key Industrial Products and Supporting Industries Fair 2026"
VENUE = "Trung tâm Triển lãm Quốc gia, xã Đông Anh, Hà Nội"
LONGEST_VI = "Công ty TNHH MTV Sản xuất và Thương mại Chế biến Nông sản Ngọc Thành"
LONGEST_EN = "Phuc Hoa Agricultural Products Manufacturing and Trading One Member Co., Ltd."
ISSUING = "Sở Công Thương thành phố Hà Nội – Ban tổ chức Hội chợ"
SECTOR = "Chế biến nông sản, thực phẩm và đồ uống / Agricultural, food and beverage processing"


def whole(text: str, *names: str) -> None:
    assert "…" not in text
    for name in names:
        assert name in text, name


def letterhead(place_date: str = "Hà Nội, ngày 05 tháng 02 năm 2027") -> Letterhead:
    return Letterhead(
        "Ủy ban nhân dân thành phố Hà Nội",
        ISSUING,
        "Số: 42/TB-BTC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        place_date,
    )


def test_the_running_footer_carries_the_whole_fair_name_on_every_page(make_payment_request):
    pages = pdf_pages(
        payment_request_pdf(
            make_payment_request(booths=40),
            PAYMENT_LABELS.__class__(**(PAYMENT_LABELS.__dict__ | {"title": f"Đề nghị thanh toán – {FAIR_VI}"})),
        )
    )
    assert len(pages) >= 2
    for page in pages:
        whole(page, FAIR_VI)


def test_the_floor_plan_heading_wraps_the_fair_the_venue_and_a_long_hall_name(make_plan, make_hall):
    hall = make_hall("A", "Nhà A – Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ của Thủ đô")
    pages = pdf_pages(
        floor_plan_pdf(
            make_plan(halls=[hall], title=FAIR_VI, subtitle=f"{VENUE} · 15/10/2026 – 18/10/2026"), FLOOR_PLAN_LABELS
        )
    )
    whole(pages[0], FAIR_VI, VENUE, "Nhà A – Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ của Thủ đô")


def test_the_meeting_grid_heading_keeps_the_title_note_and_day_whole():
    note = "Các cuộc gặp trong lịch làm việc: đã công bố, đã diễn ra và vắng mặt. Các cuộc gặp nháp không hiện."
    grid = MeetingGrid(
        f"Bảng tổng hợp lịch gặp – {FAIR_VI}",
        f"{FAIR_VI} · {VENUE}",
        note,
        ("T01", "T02"),
        (GridDay("Thứ Năm 15/10/2026", (GridRow("09:00–09:30", (LONGEST_VI, "")),)),),
    )
    pages = pdf_pages(meeting_grid_pdf(grid, GridLabels("Giờ", "Chưa có cuộc gặp.", "Trang {page}/{pages}")))
    whole(pages[0], f"Bảng tổng hợp lịch gặp – {FAIR_VI}", VENUE, note, "Thứ Năm 15/10/2026", LONGEST_VI)


def test_the_catalogue_cover_and_sector_bands_are_never_cut():
    entry = CatalogueEntry("A01, A02", LONGEST_VI, LONGEST_EN, "Nhà cung ứng / Supplier")
    catalogue = Catalogue(
        FAIR_VI,
        f"{VENUE} · 15/10/2026 – 18/10/2026",
        "Doanh nghiệp trưng bày: 119",
        (CatalogueSection(SECTOR, (entry,)),),
    )
    labels = CatalogueLabels(
        "Danh mục doanh nghiệp trưng bày",
        "Mục lục theo ngành",
        "{count} doanh nghiệp",
        "Sản phẩm",
        "Liên hệ",
        "Chưa có.",
        "Trang {page}/{pages}",
    )
    text = " ".join(pdf_pages(catalogue_pdf(catalogue, labels)))
    whole(text, FAIR_VI, SECTOR, LONGEST_VI, LONGEST_EN)


def test_an_agenda_prints_the_longest_enterprise_and_its_counterpart_whole():
    agenda = Agenda(
        LONGEST_VI,
        f"{FAIR_VI} · {VENUE}",
        (AgendaLine("09:00–09:30, thứ Năm 15/10/2026", "Bàn T01", LONGEST_EN, "FM-M1-0123456789"),),
    )
    labels = AgendaLabels(
        "Lịch làm việc", "Thời gian", "Địa điểm", "Gặp", "Mã điểm danh", "Chưa có.", "Trang {page}/{pages}"
    )
    whole(
        pdf_pages(agendas_pdf([agenda], labels))[0], LONGEST_VI, FAIR_VI, LONGEST_EN, "09:00–09:30, thứ Năm 15/10/2026"
    )


def test_the_report_opens_with_the_header_block_and_wraps_long_labels():
    report = ReportDocument(
        "Báo cáo kết quả hội chợ",
        f"{FAIR_VI} · {VENUE}",
        "15/10/2026",
        (ReportSection("Gian hàng đã bán theo ngành", bars=(ReportBar(SECTOR, 12, "12"),)),),
        letterhead=letterhead(),
    )
    text = pdf_pages(report_pdf(report, "Trang {page}/{pages}"))[0]
    whole(
        text,
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
        ISSUING.upper(),
        "Số: 42/TB-BTC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 05 tháng 02 năm 2027",
        "BÁO CÁO KẾT QUẢ HỘI CHỢ",
        FAIR_VI,
        SECTOR,
    )


def test_the_report_without_a_header_block_wraps_its_page_heading():
    report = ReportDocument(f"Báo cáo kết quả – {FAIR_VI}", f"{FAIR_VI} · {VENUE}", "ngày 15 tháng 10 năm 2026")
    whole(
        pdf_pages(report_pdf(report, "Trang {page}/{pages}"))[0],
        f"Báo cáo kết quả – {FAIR_VI}",
        VENUE,
        "ngày 15 tháng 10 năm 2026",
    )


def test_the_payment_request_prints_the_header_block_and_the_longest_names(make_payment_request):
    from fairmatch.printing.model import Party

    request = make_payment_request(
        letterhead=letterhead(),
        subject=f"Phí thuê gian hàng – {FAIR_VI}",
        enterprise=Party(LONGEST_VI, VENUE, "0100109106"),
    )
    text = pdf_pages(payment_request_pdf(request, PAYMENT_LABELS))[0]
    whole(
        text,
        ISSUING.upper(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 05 tháng 02 năm 2027",
        f"Phí thuê gian hàng – {FAIR_VI}",
        LONGEST_VI,
    )


def test_a_booth_sign_prints_a_long_hall_name_whole(make_sign):
    hall = "Nhà A – Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ của Thủ đô Hà Nội"
    text = pdf_pages(booth_signs_pdf([make_sign(name_vi=LONGEST_VI, name_en=LONGEST_EN, hall_name=hall)], SIGN_LABELS))[
        0
    ]
    whole(text, hall, LONGEST_VI, LONGEST_EN)
