"""The plain data the printed documents are made from.

Everything a reader sees arrives here already prepared by the caller: labels in the reader's language, numbers,
areas, dates and money formatted as strings (e.g. "15.000.000 ₫"), colours as (r, g, b) tuples of 0–255.
Hall geometry is in metres: x runs from the west wall eastwards, y from the south wall northwards; north is up
on paper.
"""

from dataclasses import dataclass, field
from typing import Literal

RGB = tuple[int, int, int]
Side = Literal["south", "north", "west", "east"]


@dataclass(frozen=True)
class Entrance:
    """A door in a hall wall: `offset_m` is measured from the west end (south/north walls) or from the south end
    (west/east walls)."""

    side: Side
    offset_m: float
    width_m: float


@dataclass(frozen=True)
class BoothShape:
    """One booth on the plan: filled with its status colour, outlined with its zone colour. `exhibitor_short` is
    printed inside the booth; pass it only for booths whose exhibitor is confirmed."""

    code: str
    x_m: float
    y_m: float
    width_m: float
    depth_m: float
    fill_rgb: RGB
    outline_rgb: RGB
    exhibitor_short: str | None = None


@dataclass(frozen=True)
class HallPlan:
    code: str
    name: str
    width_m: float
    depth_m: float
    entrances: list[Entrance] = field(default_factory=list)
    booths: list[BoothShape] = field(default_factory=list)


@dataclass(frozen=True)
class LegendItem:
    """A legend entry: a filled swatch (a booth status) or, with `outline=True`, an outlined one (a zone)."""

    label: str
    fill_rgb: RGB
    outline: bool = False


@dataclass(frozen=True)
class IndexRow:
    booth_code: str
    name_vi: str
    name_en: str


@dataclass(frozen=True)
class FloorPlan:
    """A fair's plan: one page per hall, then the exhibitor index in the order given."""

    title: str
    subtitle: str
    halls: list[HallPlan]
    legend: list[LegendItem] = field(default_factory=list)
    index: list[IndexRow] = field(default_factory=list)


@dataclass(frozen=True)
class FloorPlanLabels:
    legend: str  # "Chú thích"
    entrance: str  # "Lối vào"
    north: str  # "B" (Bắc) / "N"
    index_title: str  # "Doanh nghiệp trưng bày theo gian hàng"
    page: str  # "Trang {page}/{pages}": the only braces allowed


@dataclass(frozen=True)
class BoothSign:
    booth_code: str
    name_vi: str
    name_en: str
    hall_name: str


@dataclass(frozen=True)
class BoothSignLabels:
    booth: str  # "Gian hàng / Booth"


@dataclass(frozen=True)
class Party:
    """An organizer or an enterprise as a payment request names it; `tax_code` may be a foreign registration."""

    name: str
    address: str
    tax_code: str = ""


@dataclass(frozen=True)
class BoothLine:
    booth_code: str
    hall: str
    booth_type: str
    area_m2: str
    price: str


@dataclass(frozen=True)
class BankTransfer:
    bank: str
    account_number: str
    account_name: str
    reference: str


@dataclass(frozen=True)
class Letterhead:
    """The header block of an official document (Decree 30/2020/NĐ-CP, Appendix I)."""

    parent_body: str  # "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"; may be empty
    issuing_body: str  # "SỞ CÔNG THƯƠNG"
    number: str  # "Số: 42/TB-BTC"
    nation: str  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str  # "Độc lập - Tự do - Hạnh phúc"
    place_date: str  # "Hà Nội, ngày 15 tháng 10 năm 2026"


@dataclass(frozen=True)
class PaymentRequest:
    """`letterhead` is the official header block (it carries the number and the place and date); `qr_payload` the
    VietQR payload of the amount still due, printed as a QR code beside the bank details when given."""

    organizer: Party
    number: str
    issued_on: str
    enterprise: Party
    lines: list[BoothLine]
    subtotal: str
    vat_rate: str  # "8%"
    vat_amount: str
    total: str
    transfer: BankTransfer
    due_on: str
    note: str = ""
    letterhead: Letterhead | None = None
    subject: str = ""  # under the title, e.g. "Phí thuê gian hàng – <the fair>"
    qr_payload: str = ""
    amount_due: str = ""  # what the QR code asks for, when less than the total (a part was paid)
    support: str = ""  # the programme's support, under the subtotal: "Hỗ trợ: <the rule>"
    support_amount: str = ""  # "−15.000.000 ₫"; the total is then what the exhibitor pays


@dataclass(frozen=True)
class PaymentRequestLabels:
    title: str  # "Đề nghị thanh toán"
    number: str  # "Số"
    issued_on: str  # "Ngày"
    enterprise: str  # "Đơn vị đăng ký"
    tax_code: str  # "Mã số thuế"
    address: str  # "Địa chỉ"
    booth: str
    hall: str
    booth_type: str
    area: str  # "Diện tích (m²)"
    price: str  # "Đơn giá"
    subtotal: str  # "Cộng tiền gian hàng"
    vat: str  # "Thuế GTGT"
    total: str  # "Tổng cộng"
    transfer: str  # "Thông tin chuyển khoản"
    bank: str
    account_number: str
    account_name: str
    reference: str  # "Nội dung chuyển khoản (bắt buộc)"
    due_on: str  # "Hạn thanh toán"
    note: str  # "Ghi chú"
    page: str  # "Trang {page}/{pages}": the only braces allowed
    scan: str = ""  # under the QR code: "Quét bằng ứng dụng ngân hàng (VietQR)"
    amount_due: str = ""  # "Còn phải trả"
