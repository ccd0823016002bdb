"""The demo fair behind `flask seed-demo`: deterministic, fictional, and complete."""

from datetime import date

from sqlalchemy import func, select

from fairmatch.auth.services import create_user
from fairmatch.booths.models import Booth, Hall
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises.exchange import import_document
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.floorplan import grid_layout, hall_size
from fairmatch.organizer.models import Fair

DEMO_PASSWORD = "hoicho-2026"
DEMO_USERS = (
    # email, role, name, kind of the enterprise the user owns (None: no enterprise)
    ("btc@demo.fairmatch.vn", "organizer", "Ban tổ chức Hội chợ", None),
    ("trienlam@demo.fairmatch.vn", "exhibitor", "Nguyễn Thị Lan", "lead"),
    ("cungung@demo.fairmatch.vn", "exhibitor", "Trần Văn Minh", "supplier"),
    ("muahang@demo.fairmatch.vn", "buyer", "Lê Hoàng Nam", "buyer"),
)
# Per 9 m² (one 3 × 3 booth), by booth type.
PRICE_PER_9M2_VND = {"standard": 15_000_000, "corner": 18_000_000, "premium": 22_000_000}
HALLS = (
    # code, names, layout, the sector zone of each block of booths (None: open to every sector)
    ("A", "Nhà A – Sản phẩm công nghiệp chủ lực", "Hall A – Key industrial products",
     {"double_rows": 4, "blocks_per_row": 2, "booths_per_block": 8},
     ("electrical-electronics", "electrical-electronics", "precision-mechanics", "precision-mechanics",
      "automotive-motorcycle", "automotive-motorcycle", "it", "energy")),
    ("B", "Nhà B – Công nghiệp hỗ trợ", "Hall B – Supporting industries",
     {"double_rows": 3, "blocks_per_row": 2, "booths_per_block": 6},
     ("agri-food-processing", "pharma", "textiles-garments", "plastics-rubber", "packaging", None)),
)


class DemoRefused(Exception):
    """seed-demo only fills an empty database."""


def seed_demo_fair(seed: int = 2026, enterprises: int = 300) -> str:
    """Create the current fair, its halls and booths, the enterprises and the demo accounts."""
    if db.session.scalar(select(func.count(Enterprise.id))) or db.session.scalar(select(func.count(Fair.id))):
        raise DemoRefused("the database already holds data; seed-demo only fills an empty database")
    import_document(build_demo_exchange(seed=seed, enterprises=enterprises))
    year = date.today().year
    fair = Fair(
        name_vi=f"Hội chợ Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ Hà Nội {year}",
        name_en=f"Hanoi Key Industrial Products and Supporting Industries Fair {year}",
        venue_vi="Trung tâm Triển lãm Quốc gia, Đông Anh, Hà Nội",
        venue_en="National Exhibition Centre, Dong Anh, Hanoi",
        starts_on=date(year, 10, 15),
        ends_on=date(year, 10, 18),
        is_current=True,
    )
    db.session.add(fair)
    booth_count = sum(_add_hall(fair, *hall) for hall in HALLS)
    for email, role, name, kind in DEMO_USERS:
        user = create_user(email, DEMO_PASSWORD, role, name=name)
        if kind:
            enterprise = db.session.scalar(
                select(Enterprise).where(Enterprise.kind == kind, Enterprise.country == "VN").order_by(Enterprise.key)
            )
            db.session.add(Membership(user=user, enterprise=enterprise, is_owner=True, status="approved"))
    db.session.commit()
    return f"demo fair {year}: {enterprises} enterprises, {booth_count} booths, {len(DEMO_USERS)} demo users"


def _add_hall(fair: Fair, code: str, name_vi: str, name_en: str, layout: dict, zones: tuple) -> int:
    width, depth = hall_size(**layout)
    hall = Hall(
        fair=fair, code=code, name_vi=name_vi, name_en=name_en, width_m=width, depth_m=depth,
        entrances=[{"side": "south", "offset_m": width / 2 - 3, "width_m": 6}],
    )
    db.session.add(hall)
    spots = grid_layout(code, **layout)
    for spot in spots:
        db.session.add(
            Booth(
                fair=fair, hall=hall, code=spot.code, x_m=spot.rect.x, y_m=spot.rect.y,
                width_m=spot.rect.width, depth_m=spot.rect.depth, type=spot.type,
                price_vnd=round(PRICE_PER_9M2_VND[spot.type] * spot.rect.area / 9),
                zone=zones[spot.block],
            )
        )
    return len(spots)
