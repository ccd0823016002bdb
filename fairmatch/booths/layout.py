"""The organizer's hall and booth editor: generate a grid of booths, then adjust booths and prices."""

from flask_babel import gettext as _
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.booths.models import Booth, Hall
from fairmatch.booths.waitlist import active_reservation_of, offer_to_waitlist
from fairmatch.errors import Conflict, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.floorplan import grid_layout, hall_size

STANDARD_AREA_M2 = 9


def generate_hall(fair: Fair, actor, *, code: str, name_vi: str, name_en: str, double_rows: int,
                  blocks_per_row: int, booths_per_block: int, aisle_m: float, price_per_9m2_vnd: int) -> Hall:
    """A new hall with back-to-back rows of 3 × 3 m booths, cross aisles and one entrance."""
    code = code.strip().upper()
    if db.session.scalar(select(Hall).where(Hall.fair_id == fair.id, Hall.code == code)):
        raise Conflict(_("Hall %(code)s already exists.", code=code))
    layout = {"double_rows": double_rows, "blocks_per_row": blocks_per_row, "booths_per_block": booths_per_block,
              "aisle": aisle_m}
    width, depth = hall_size(**layout)
    hall = Hall(fair=fair, code=code, name_vi=name_vi, name_en=name_en, width_m=width, depth_m=depth,
                entrances=[{"side": "north", "offset_m": width / 2 - 3, "width_m": 6}])
    db.session.add(hall)
    for spot in grid_layout(code, **layout):
        db.session.add(Booth(fair=fair, hall=hall, code=spot.code, x_m=spot.rect.x, y_m=spot.rect.y,
                             width_m=spot.rect.width, depth_m=spot.rect.depth, type=spot.type,
                             price_vnd=round(price_per_9m2_vnd * spot.rect.area / STANDARD_AREA_M2)))
    db.session.flush()
    record("hall.generated", hall, {"booths": len(hall.booths)}, actor=actor)
    db.session.commit()
    return hall


def edit_booth(booth: Booth, actor, *, type: str, price_vnd: int, zone: str | None) -> Booth:
    if price_vnd < 0:
        raise RuleViolation(_("A price cannot be negative."))
    before = {"type": booth.type, "price_vnd": booth.price_vnd, "zone": booth.zone}
    booth.type, booth.price_vnd, booth.zone = type, price_vnd, zone or None
    record("booth.edited", booth, {"before": before}, actor=actor)
    db.session.commit()
    return booth


def set_blocked(booth: Booth, actor, blocked: bool) -> Booth:
    """Take a booth off sale (a pillar, a fire exit) or put it back; a taken booth cannot be blocked."""
    if blocked and active_reservation_of(booth) is not None:
        raise Conflict(_("Booth %(code)s is reserved: move or cancel the reservation first.", code=booth.code))
    booth.blocked = blocked
    record("booth.blocked" if blocked else "booth.unblocked", booth, actor=actor)
    if not blocked:
        offer_to_waitlist([booth])
    db.session.commit()
    return booth


def set_type_price(fair: Fair, actor, booth_type: str, price_per_9m2_vnd: int) -> int:
    """Price every booth of `booth_type` by its area; returns how many booths changed."""
    if price_per_9m2_vnd < 0:
        raise RuleViolation(_("A price cannot be negative."))
    booths = list(db.session.scalars(select(Booth).where(Booth.fair_id == fair.id, Booth.type == booth_type)))
    for booth in booths:
        booth.price_vnd = round(price_per_9m2_vnd * booth.area_m2 / STANDARD_AREA_M2)
    record("booth.prices_set", fair, {"type": booth_type, "price_per_9m2_vnd": price_per_9m2_vnd}, actor=actor)
    db.session.commit()
    return len(booths)


def copy_floor_plan(source: Fair, fair: Fair) -> int:
    """Copy `source`'s halls and booths (zones, prices and blocks with them) into `fair`'s plan;
    nothing sold is copied. Returns the number of booths."""
    booths = 0
    for hall in db.session.scalars(select(Hall).where(Hall.fair_id == source.id).order_by(Hall.id)):
        new_hall = Hall(fair=fair, code=hall.code, name_vi=hall.name_vi, name_en=hall.name_en,
                        width_m=hall.width_m, depth_m=hall.depth_m, entrances=[dict(e) for e in hall.entrances])
        db.session.add(new_hall)
        for booth in hall.booths:
            db.session.add(Booth(fair=fair, hall=new_hall, code=booth.code, x_m=booth.x_m, y_m=booth.y_m,
                                 width_m=booth.width_m, depth_m=booth.depth_m, type=booth.type,
                                 price_vnd=booth.price_vnd, zone=booth.zone, blocked=booth.blocked))
            booths += 1
    return booths
