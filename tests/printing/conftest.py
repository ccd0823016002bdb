"""Sample documents for the printing tests: the demo fair's two halls (200 booths), Vietnamese names full of
diacritics, and the text a reader would find in each PDF."""

import io
import itertools

import pytest
from pypdf import PdfReader

from fairmatch.floorplan import grid_layout, hall_size
from fairmatch.printing import (
    BankTransfer,
    BoothLine,
    BoothShape,
    BoothSign,
    BoothSignLabels,
    Entrance,
    FloorPlan,
    FloorPlanLabels,
    HallPlan,
    IndexRow,
    LegendItem,
    Party,
    PaymentRequest,
    PaymentRequestLabels,
)

STATUS_COLOURS = {
    "Còn trống": (255, 255, 255),
    "Đang giữ chỗ": (255, 224, 153),
    "Đã đăng ký": (168, 204, 240),
    "Đã xác nhận": (46, 125, 50),
    "Không bán": (206, 212, 218),
}
ZONE_COLOURS = {
    "Điện – điện tử": (25, 118, 210),
    "Cơ khí chính xác": (123, 31, 162),
    "Ô tô – xe máy": (230, 81, 0),
    "Công nghiệp hỗ trợ": (0, 137, 123),
}
COMPANIES = (
    ("Công ty CP Cơ khí Chính xác Hòa Lạc", "Hoa Lac Precision Mechanics JSC", "Cơ khí Hòa Lạc"),
    ("Công ty TNHH Nhựa Tân Phong", "Tan Phong Plastics Co., Ltd.", "Nhựa Tân Phong"),
    ("Công ty CP Thiết bị Điện Đông Anh", "Dong Anh Electrical Equipment JSC", "Điện Đông Anh"),
    ("Tập đoàn Bình Minh Hưng Thịnh Quốc Tế", "Binh Minh Hung Thinh International Group", "Bình Minh Hưng Thịnh"),
    ("Công ty TNHH Khuôn mẫu Việt Đức", "Viet Duc Moulds and Dies Co., Ltd.", "Khuôn mẫu Việt Đức"),
    ("Công ty CP Dược phẩm Thăng Long Xanh", "Thang Long Green Pharmaceuticals JSC", "Dược Thăng Long"),
)
FLOOR_PLAN_LABELS = FloorPlanLabels(
    legend="Chú thích",
    entrance="Lối vào",
    north="B",
    index_title="Doanh nghiệp trưng bày theo gian hàng",
    page="Trang {page}/{pages}",
)
SIGN_LABELS = BoothSignLabels(booth="Gian hàng / Booth")
PAYMENT_LABELS = PaymentRequestLabels(
    title="Đề nghị thanh toán",
    number="Số",
    issued_on="Ngày",
    enterprise="Đơn vị đăng ký",
    tax_code="Mã số thuế",
    address="Địa chỉ",
    booth="Gian hàng",
    hall="Nhà",
    booth_type="Loại gian",
    area="Diện tích (m²)",
    price="Đơn giá",
    subtotal="Cộng tiền gian hàng",
    vat="Thuế GTGT",
    total="Tổng cộng thanh toán",
    transfer="Thông tin chuyển khoản",
    bank="Ngân hàng",
    account_number="Số tài khoản",
    account_name="Chủ tài khoản",
    reference="Nội dung chuyển khoản (bắt buộc)",
    due_on="Hạn thanh toán",
    note="Ghi chú",
    page="Trang {page}/{pages}",
)
DEMO_HALLS = (
    ("A", "Nhà A – Sản phẩm công nghiệp chủ lực", {"double_rows": 4, "blocks_per_row": 2, "booths_per_block": 8}),
    ("B", "Nhà B – Công nghiệp hỗ trợ", {"double_rows": 3, "blocks_per_row": 2, "booths_per_block": 6}),
)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page as a reader's copy-paste would give it, whitespace runs made one space. Not
    normalised: the documents promise composed (NFC) text, and tests compare it as extracted."""
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def vnd(amount: int) -> str:
    """Money as the caller formats it in Vietnamese: 15000000 -> "15.000.000 ₫"."""
    return f"{amount:,}".replace(",", ".") + " ₫"


@pytest.fixture
def make_hall():
    """A hall laid out like the demo fair's: the grid of `fairmatch.floorplan`, a south entrance, every third
    booth confirmed with a short name from COMPANIES, zones by block."""

    def make(code: str = "A", name: str = "Nhà A", layout: dict | None = None, **overrides) -> HallPlan:
        layout = layout or {"double_rows": 2, "blocks_per_row": 2, "booths_per_block": 5}
        width, depth = hall_size(**layout)
        statuses = itertools.cycle(STATUS_COLOURS.values())
        zones = list(ZONE_COLOURS.values())
        booths = []
        for number, spot in enumerate(grid_layout(code, **layout)):
            fill = next(statuses)
            confirmed = fill == STATUS_COLOURS["Đã xác nhận"]
            booths.append(
                BoothShape(
                    code=spot.code,
                    x_m=spot.rect.x,
                    y_m=spot.rect.y,
                    width_m=spot.rect.width,
                    depth_m=spot.rect.depth,
                    fill_rgb=fill,
                    outline_rgb=zones[spot.block % len(zones)],
                    exhibitor_short=COMPANIES[number % len(COMPANIES)][2] if confirmed else None,
                )
            )
        fields = {
            "code": code,
            "name": name,
            "width_m": width,
            "depth_m": depth,
            "booths": booths,
            "entrances": [Entrance("south", width / 2 - 3, 6), Entrance("west", depth / 2 - 2, 4)],
        }
        return HallPlan(**(fields | overrides))

    return make


@pytest.fixture
def make_plan(make_hall):
    """A plan of the given halls (by default the demo fair's two, 200 booths) with an index row per booth."""

    def make(halls: list[HallPlan] | None = None, **overrides) -> FloorPlan:
        halls = halls or [make_hall(code, name, layout) for code, name, layout in DEMO_HALLS]
        index = [
            IndexRow(booth.code, *COMPANIES[number % len(COMPANIES)][:2])
            for number, booth in enumerate(b for hall in halls for b in hall.booths)
        ]
        legend = [LegendItem(label, rgb) for label, rgb in STATUS_COLOURS.items()]
        legend += [LegendItem(label, rgb, outline=True) for label, rgb in ZONE_COLOURS.items()]
        fields = {
            "title": "Hội chợ Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ Hà Nội 2026",
            "subtitle": "Trung tâm Triển lãm Quốc gia, Đông Anh, Hà Nội · 15–18/10/2026",
            "halls": halls,
            "legend": legend,
            "index": index,
        }
        return FloorPlan(**(fields | overrides))

    return make


@pytest.fixture
def make_payment_request():
    """A request for the given number of booths at 15.000.000 ₫ each; totals as the caller would format them."""

    def make(booths: int = 3, **overrides) -> PaymentRequest:
        lines = [BoothLine(f"A{n:02d}", "Nhà A", "Tiêu chuẩn", "9", vnd(15_000_000)) for n in range(1, booths + 1)]
        fields = {
            "organizer": Party(
                "Trung tâm Xúc tiến Thương mại – Sở Công Thương Hà Nội", "331 Cầu Giấy, phường Cầu Giấy, Hà Nội"
            ),
            "number": "ĐNTT-2026-0042",
            "issued_on": "15/09/2026",
            "enterprise": Party(
                "Công ty CP Cơ khí Chính xác Hòa Lạc",
                "Lô 12, Khu công nghệ cao Hòa Lạc, xã Hòa Lạc, Hà Nội",
                "0100109106",
            ),
            "lines": lines,
            "subtotal": vnd(15_000_000 * booths),
            "vat_rate": "8%",
            "vat_amount": vnd(1_200_000 * booths),
            "total": vnd(16_200_000 * booths),
            "transfer": BankTransfer(
                "Ngân hàng TMCP Công Thương Việt Nam – CN Đông Anh",
                "1234 5678 9012",
                "TRUNG TAM XUC TIEN THUONG MAI HA NOI",
                "SPCNCL2026 DNTT0042 0100109106",
            ),
            "due_on": "30/09/2026",
            "note": "Gian hàng được giữ đến hạn thanh toán; quá hạn, Ban tổ chức có thể chuyển gian cho đơn vị khác.",
        }
        return PaymentRequest(**(fields | overrides))

    return make


@pytest.fixture
def make_sign():
    def make(**overrides) -> BoothSign:
        fields = {
            "booth_code": "A12",
            "name_vi": "Công ty CP Cơ khí Chính xác Hòa Lạc",
            "name_en": "Hoa Lac Precision Mechanics JSC",
            "hall_name": "Nhà A – Sản phẩm công nghiệp chủ lực",
        }
        return BoothSign(**(fields | overrides))

    return make
