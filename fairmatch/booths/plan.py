"""What the floor-plan page shows: halls placed on one drawing, booths with status and filters,
and the search for "where is company X"."""

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.booths.models import BoothReservation, Hall
from fairmatch.booths.services import BoothView, expire_holds, plan_of
from fairmatch.common.text import fold
from fairmatch.common.vocabulary import SECTORS
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotFound
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.floorplan import neighbours, stack_halls

BOOTH_STATUSES = ("available", "held", "pending", "approved", "confirmed", "blocked")
"""What the plan shows of a booth (`BoothView.stage`): its reservation's state as a visitor may see it."""
BOOTH_STATUS_LABELS = {
    "available": _l("Available"),
    "held": _l("Held"),
    "pending": _l("Pending approval"),
    "approved": _l("Approved, awaiting payment"),
    "confirmed": _l("Confirmed"),
    "blocked": _l("Not for sale"),
}
# Zone outlines: one calm, distinguishable colour per sector.
ZONE_COLOURS = dict(zip(SECTORS, (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
    "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#31a354"), strict=False))


@dataclass(frozen=True)
class PlanFilters:
    sector: str = ""
    type: str = ""
    max_price: int | None = None
    available_only: bool = False
    q: str = ""
    booth: str = ""  # a booth to point out, e.g. from a directory entry

    @classmethod
    def from_args(cls, args) -> "PlanFilters":
        price = args.get("max_price", "")
        return cls(
            sector=args.get("sector", "")[:40],
            type=args.get("type", "")[:10],
            max_price=int(price) if price.isdigit() and len(price) < 13 else None,
            available_only=args.get("available") == "1",
            q=args.get("q", "")[:100],
            booth=args.get("booth", "")[:10],
        )

    def shows(self, view: BoothView) -> bool:
        booth = view.booth
        return (
            (not self.sector or booth.zone == self.sector)
            and (not self.type or booth.type == self.type)
            and (self.max_price is None or booth.price_vnd <= self.max_price)
            and (not self.available_only or view.status == "available")
        )


@dataclass
class HallDrawing:
    hall: Hall
    x: float
    y: float
    booths: list[BoothView] = field(default_factory=list)


@dataclass
class PlanPage:
    fair: Fair
    halls: list[HallDrawing]
    width: float
    height: float
    views: list[BoothView]
    filters: PlanFilters
    found: list[BoothView]
    counts: dict[str, int]

    def view_of(self, code: str) -> BoothView:
        for view in self.views:
            if view.booth.code == code:
                return view
        raise NotFound(code)

    def free_neighbours(self, code: str) -> list[str]:
        """Available booths next to `code` (or next to those), which can be reserved with it."""
        target = self.view_of(code).booth
        free = [(v.booth.code, v.booth.rect) for v in self.views
                if v.status == "available" and v.booth.hall_id == target.hall_id]
        return sorted(neighbours(target.rect, free), key=lambda c: (len(c), c))

    @property
    def listed(self) -> list[BoothView]:
        """The booths that the filters let through, for the text list."""
        return [v for v in self.views if self.filters.shows(v)]

    def matches(self, view: BoothView) -> bool:
        return self.filters.shows(view)

    def is_found(self, view: BoothView) -> bool:
        return view in self.found

    @property
    def zones(self) -> list[str]:
        """The sector zones drawn on this plan, in the order of the sectors, for the legend."""
        drawn = {v.booth.zone for v in self.views if v.booth.zone}
        return [code for code in SECTORS if code in drawn] + sorted(drawn - set(SECTORS))

    @staticmethod
    def zone_colour(zone: str | None) -> str:
        return ZONE_COLOURS.get(zone or "", "#9aa6b2")


def plan_page(fair: Fair, filters: PlanFilters) -> PlanPage:
    views = plan_of(fair)
    halls: dict[int, HallDrawing] = {}
    for view in views:
        hall = view.booth.hall
        halls.setdefault(hall.id, HallDrawing(hall, 0, 0)).booths.append(view)
    drawings = sorted(halls.values(), key=lambda d: d.hall.code)
    for drawing, (x, y) in zip(drawings, stack_halls([(d.hall.width_m, d.hall.depth_m) for d in drawings]),
                               strict=True):
        drawing.x, drawing.y = x, y
    width = max((d.hall.width_m for d in drawings), default=10)
    height = max((d.y + d.hall.depth_m for d in drawings), default=10)
    words = fold(filters.q).split()
    found = [
        v for v in views
        if (filters.booth and v.booth.code == filters.booth)
        or (words and v.exhibitor and all(w in fold(f"{v.exhibitor.name_vi} {v.exhibitor.name_en}") for w in words))
    ]
    counts = {status: sum(1 for v in views if v.stage == status) for status in BOOTH_STATUSES}
    return PlanPage(fair, drawings, width, height, views, filters, found, counts)


# Every change that can alter the plan writes an audit entry on one of these records (reservations,
# booths, halls, the fair, the waitlist, imports) or touches an enterprise, so the highest such audit
# id and the latest enterprise update name one state of the plan. Other entries (meeting requests,
# tokens, accounts...) leave the plan as it is and must not throw the rendered copies away.
PLAN_RECORDS = ("BoothReservation", "Booth", "Hall", "Fair", "WaitlistEntry", "_Document")


class PlanCache:
    """Rendered plans, kept per process and keyed by the plan's change stamp (`plan_stamp`): a
    cached copy is never shown after a change."""

    def __init__(self, size: int = 64):
        self._entries: OrderedDict = OrderedDict()
        self._size = size
        self._lock = Lock()

    def get_or_build(self, key, build):
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = build()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value


def cache_of(name: str) -> PlanCache:
    """The app's cache called `name` (one per app, so that apps on other databases never share)."""
    return current_app.extensions.setdefault(f"fairmatch.cache.{name}", PlanCache())


def plan_stamp() -> tuple:
    """(current fair id, change stamp) in one round trip; holds that ran out are released first.

    The plan is read far more often than it changes, so a read that hits the cache costs this one
    query."""
    due = (
        select(BoothReservation.id)
        .where(BoothReservation.state == "held", BoothReservation.expires_at <= utcnow())
        .exists()
    )
    query = select(
        select(Fair.id).where(Fair.is_current).scalar_subquery(),
        select(func.max(AuditEntry.id)).where(AuditEntry.record_type.in_(PLAN_RECORDS)).scalar_subquery(),
        select(func.max(Enterprise.updated_at)).scalar_subquery(),
        due,
    )
    fair_id, audit_id, enterprise_at, holds_due = db.session.execute(query).one()
    if holds_due:
        expire_holds()
        return plan_stamp()
    if fair_id is None:
        raise NotFound(_("No fair is open for booth sales yet."))
    return fair_id, audit_id, enterprise_at
