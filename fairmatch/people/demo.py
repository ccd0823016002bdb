"""The demo fair's people: booth staff for every confirmed exhibitor, delegates for the buyers, and the
organizer's guests, press and staff, with fictional names, positions and mobile numbers."""

import random

from sqlalchemy import select

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.demo import name_parts
from fairmatch.demo.names import NameBook
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.people.models import FairPerson

STAFF_POSITIONS = (
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng phòng Kinh doanh",
    "Nhân viên Kinh doanh",
    "Kỹ sư Sản xuất",
    "Trưởng phòng Kỹ thuật",
    "Chuyên viên Xuất nhập khẩu",
    "Nhân viên Marketing",
)
BUYER_POSITIONS = (
    "Trưởng phòng Mua hàng",
    "Chuyên viên Mua hàng",
    "Giám đốc Chuỗi cung ứng",
    "Kỹ sư Phát triển nhà cung ứng",
    "Chuyên viên Quản lý chất lượng nhà cung ứng",
)
FOREIGN_POSITIONS = ("Purchasing Manager", "Supplier Development Engineer", "Sourcing Specialist")
# Mobile prefixes of the Vietnamese networks (Viettel, VinaPhone, MobiFone).
MOBILE_PREFIXES = (
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
    "086",
    "088",
    "089",
    "032",
    "033",
    "035",
    "037",
    "038",
    "039",
    "070",
    "076",
    "077",
    "079",
    "081",
    "083",
    "084",
    "085",
)
VISITORS = (
    # role, organization, position
    ("guest", "Ủy ban nhân dân thành phố Hà Nội", "Phó Chủ tịch"),
    ("guest", "Bộ Công Thương – Cục Công nghiệp", "Phó Cục trưởng"),
    ("guest", "Hiệp hội Doanh nghiệp Công nghiệp hỗ trợ Hà Nội", "Chủ tịch Hiệp hội"),
    ("guest", "Ban Quản lý các Khu công nghiệp và chế xuất Hà Nội", "Trưởng ban"),
    ("press", "Báo Kinh tế Thủ đô (báo minh họa)", "Phóng viên"),
    ("press", "Đài Phát thanh và Truyền hình Hà Nội (đài minh họa)", "Quay phim"),
    ("press", "Tạp chí Công nghiệp và Thương mại (tạp chí minh họa)", "Biên tập viên"),
    ("organizer", "", "Điều phối khu vực Nhà A"),
    ("organizer", "", "Điều phối khu vực Nhà B"),
    ("organizer", "", "Quầy check-in"),
    ("organizer", "", "Điều phối gặp gỡ B2B"),
)


def mobile_number(rng: random.Random) -> str:
    """A Vietnamese mobile number as people write it: `0912 345 678`."""
    digits = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**7):07d}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def name_demo_people(fair: Fair, seed: int) -> int:
    """Add the demo's people to `fair` (its own random stream, so the rest of the demo is unchanged);
    returns how many."""
    rng = random.Random(seed * 31 + 15)
    book = NameBook(rng)
    people = []
    booths = exhibitor_booths(fair.id)
    exhibitors = db.session.scalars(select(Enterprise).where(Enterprise.id.in_(booths)).order_by(Enterprise.id))
    for enterprise in exhibitors:
        limit = len(booths[enterprise.id]) * fair.staff_per_booth
        for _ in range(rng.randint(2, min(limit, 4))):
            people.append(_member(enterprise, "exhibitor", STAFF_POSITIONS, book, rng))
    buyers = db.session.scalars(
        select(Enterprise).where(Enterprise.kind == "buyer", Enterprise.id.not_in(booths)).order_by(Enterprise.id)
    )
    for enterprise in buyers:
        for _ in range(rng.randint(1, min(3, fair.delegates_per_buyer))):
            people.append(_member(enterprise, "buyer", BUYER_POSITIONS, book, rng))
    for role, organization, position in VISITORS:
        name = book.vietnamese_person().name
        people.append(
            FairPerson(
                fair_id=fair.id,
                role=role,
                full_name=name,
                organization=organization,
                position=position,
                phone=mobile_number(rng),
            )
        )
    for person in people:
        person.fair_id = fair.id
    db.session.add_all(people)
    return len(people)


def _member(enterprise: Enterprise, role: str, positions, book: NameBook, rng: random.Random) -> FairPerson:
    foreign = enterprise.country == "SG" or enterprise.country in name_parts.BRAND_STYLE
    person = book.foreign_person(enterprise.country) if foreign else book.vietnamese_person()
    return FairPerson(
        enterprise_id=enterprise.id,
        role=role,
        full_name=person.name,
        position=rng.choice(FOREIGN_POSITIONS if foreign else positions),
        phone=mobile_number(rng),
    )
