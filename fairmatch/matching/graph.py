"""The supply-chain graph of the database, cached per process and rebuilt when anything it reads
changes (a stamp in the database tells every gunicorn worker)."""

import time
from datetime import date
from threading import Lock

from flask import current_app
from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session, selectinload

from fairmatch.booths.models import BoothReservation, ReservationBooth
from fairmatch.booths.queries import booth_codes
from fairmatch.enterprises.models import Category, CategoryInput, Certification, Enterprise, EnterpriseSector, Need
from fairmatch.enterprises.models import Product as ProductRow
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.matching.models import ChangeStamp
from fairmatch.supplychain import Enterprise as GraphEnterprise
from fairmatch.supplychain import Need as GraphNeed
from fairmatch.supplychain import Product as GraphProduct
from fairmatch.supplychain import Quantity, SupplyGraph, build_graph
from fairmatch.supplychain.graph_input import category_of, valid_certifications

STAMP = "supply-graph"
PROFILE = (Enterprise, EnterpriseSector, Certification, ProductRow, Need, Category, CategoryInput)


def _affects_graph(obj) -> bool:
    """Profiles and the taxonomy always do; a reservation only when a booth is confirmed or stops
    being confirmed (the graph knows who exhibits, not who holds a booth for a minute)."""
    if isinstance(obj, PROFILE):
        return True
    if isinstance(obj, BoothReservation):
        return "confirmed" in (obj.state, *inspect(obj).attrs.state.history.deleted)
    if isinstance(obj, ReservationBooth):
        return obj.reservation is not None and obj.reservation.state == "confirmed"
    return False


@event.listens_for(Session, "before_flush")
def _bump_on_change(session, flush_context, instances) -> None:
    """Move the graph's stamp in the same transaction as the change that outdates it."""
    if any(_affects_graph(obj) for obj in (*session.new, *session.dirty, *session.deleted)):
        bumped = session.execute(
            update(ChangeStamp).where(ChangeStamp.name == STAMP).values(value=ChangeStamp.value + 1)
        )
        if bumped.rowcount == 0:
            # The migration seeds the row; a restored or emptied database may lack it. Start from the
            # clock, so that no worker's cached stamp can equal the new one by chance.
            session.add(ChangeStamp(name=STAMP, value=time.time_ns() // 1000))


def current_stamp() -> int:
    return db.session.scalar(select(ChangeStamp.value).where(ChangeStamp.name == STAMP)) or 0


def credentials_day() -> date:
    """The day certificates must be valid on to count: the current fair's last day (today once it
    is over, or when no fair is open)."""
    today = date.today()
    ends_on = db.session.scalar(select(Fair.ends_on).where(Fair.is_current))
    return max(today, ends_on) if ends_on else today


def supply_graph() -> SupplyGraph:
    """The graph for the database as it is now: from this process's cache when nothing changed
    (neither the data nor the day certificates are judged on)."""
    cache = current_app.extensions.setdefault("fairmatch.supply_graph", {"stamp": None, "graph": None,
                                                                          "lock": Lock()})
    stamp = (current_stamp(), credentials_day())
    with cache["lock"]:
        if cache["stamp"] != stamp:
            cache["graph"], cache["stamp"] = load_graph(stamp[1]), stamp
        return cache["graph"]


def load_graph(on: date | None = None) -> SupplyGraph:
    """The graph of the database; certificates count when valid on `on` (see `credentials_day`)."""
    on = on or credentials_day()
    categories = db.session.scalars(select(Category).options(selectinload(Category.input_links)))
    taxonomy = [
        category_of(c.code, c.sector, c.name_vi, c.name_en, c.hs,
                    [(link.code, link.kind, _quantity(link.per_unit_value, link.per_unit_unit))
                     for link in c.input_links])
        for c in categories
    ]
    enterprises = db.session.scalars(
        select(Enterprise).options(
            selectinload(Enterprise.sectors), selectinload(Enterprise.certifications),
            selectinload(Enterprise.products).selectinload(ProductRow.category),
            selectinload(Enterprise.needs).selectinload(Need.category),
        )
    )
    booths = booth_codes()
    return build_graph(taxonomy, [_enterprise(e, booths.get(e.id), on) for e in enterprises])


def _quantity(value, unit) -> Quantity | None:
    return Quantity(float(value), unit) if value is not None and unit else None


def _enterprise(row: Enterprise, booth: str | None, on: date) -> GraphEnterprise:
    valid, expiring = valid_certifications([(c.name, c.expires_on) for c in row.certifications], on)
    return GraphEnterprise(
        key=row.key,
        name_vi=row.name_vi or "",
        name_en=row.name_en or "",
        kind=row.kind,
        sectors=frozenset(row.sector_codes),
        locality=row.locality,
        industrial_park=row.industrial_park,
        verified=row.verified,
        booth=booth,
        certifications=valid,
        products=tuple(
            GraphProduct(p.category.code, p.name_vi or "", p.name_en or "",
                         _quantity(p.capacity_value, p.capacity_unit), p.recognized_verified)
            for p in row.products
        ),
        needs=tuple(
            GraphNeed(n.category.code, frozenset(n.required_certifications or ()),
                      _quantity(n.volume_value, n.volume_unit))
            for n in row.needs
        ),
        country=row.country,
        expiring=expiring,
    )
