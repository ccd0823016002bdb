"""What the floor-plan page shows: halls placed on one drawing, booths with status and filters,
and the search for "where is company X"."""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import bindparam, func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.booths.models import BOOTH_TYPE_LABELS, Booth, BoothReservation, Hall, ReservationBooth
from fairmatch.booths.services import STATUS_OF_STATE, BoothView, booth_view, expire_holds, plan_of
from fairmatch.common.text import fold
from fairmatch.common.vocabulary import SECTORS
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotFound
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.floorplan import neighbours, stack_halls
from fairmatch.i18n import language, sector_label

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

    def as_args(self) -> dict:
        """The query string that gives these filters back (`from_args`)."""
        args = {"sector": self.sector, "type": self.type, "max_price": self.max_price,
                "available": "1" if self.available_only else "", "q": self.q, "booth": self.booth}
        return {name: value for name, value in args.items() if value not in ("", None)}

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
    lang: str = "vi"

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

    def drawn(self, drawing: HallDrawing, linked: bool = True) -> Markup:
        """The booths of one hall on the drawing (`_booth.html`), as filtered and searched on this page."""
        return booth_fragments("booths/_booth.html", [
            (view, {"linked": linked, "dim": not self.filters.shows(view), "found": self.is_found(view)})
            for view in drawing.booths
        ], self.lang)

    def rows(self) -> Markup:
        """The rows of the text list (`_booth_row.html`): the booths that the filters let through."""
        return booth_fragments("booths/_booth_row.html", [(view, {}) for view in self.listed], self.lang)


@dataclass(frozen=True)
class PlanBooth:
    """A booth's columns as the public plan reads them (`plan_views`), without an ORM object each."""

    id: int
    hall: Hall
    code: str
    x_m: float
    y_m: float
    width_m: float
    depth_m: float
    type: str
    price_vnd: int
    zone: str | None
    blocked: bool
    area_m2 = Booth.area_m2
    rect = Booth.rect

    @property
    def hall_id(self) -> int:
        return self.hall.id


@dataclass(frozen=True)
class PlanExhibitor:
    id: int
    key: str
    name_vi: str
    name_en: str | None
    name = Enterprise.name


@dataclass(frozen=True)
class PlanReservation:
    id: int
    state: str
    enterprise_id: int
    enterprise: PlanExhibitor


_TAKEN = (
    select(ReservationBooth.booth_id, BoothReservation.id, BoothReservation.state, BoothReservation.enterprise_id)
    .join(BoothReservation, BoothReservation.id == ReservationBooth.reservation_id)
    .where(ReservationBooth.active, BoothReservation.fair_id == bindparam("fair_id"),
           BoothReservation.state.in_(STATUS_OF_STATE))
    .subquery()
)
# Built once: the booths of a fair, each with its active reservation and that reservation's enterprise.
_PLAN_ROWS = (
    select(Booth.id, Booth.hall_id, Booth.code, Booth.x_m, Booth.y_m, Booth.width_m, Booth.depth_m, Booth.type,
           Booth.price_vnd, Booth.zone, Booth.blocked,
           _TAKEN.c.id, _TAKEN.c.state, Enterprise.id, Enterprise.key, Enterprise.name_vi, Enterprise.name_en)
    .outerjoin(_TAKEN, _TAKEN.c.booth_id == Booth.id)
    .outerjoin(Enterprise, Enterprise.id == _TAKEN.c.enterprise_id)
    .where(Booth.fair_id == bindparam("fair_id"))
    .order_by(Booth.id)
)


def plan_views(fair: Fair) -> list[BoothView]:
    """Every booth of `fair` with its live status, as `services.plan_of` gives them, read in one
    statement of plain columns: a fifth of the time of loading the ORM objects, on every change of
    the plan. Holds that ran out must have been released (`plan_stamp` does)."""
    halls = {hall.id: hall for hall in db.session.scalars(select(Hall).where(Hall.fair_id == fair.id))}
    rows = db.session.execute(_PLAN_ROWS, {"fair_id": fair.id})
    views = []
    for booth_id, hall_id, *columns, blocked, reservation_id, state, enterprise_id, key, name_vi, name_en in rows:
        booth = PlanBooth(booth_id, halls[hall_id], *columns, blocked)
        reservation = None if reservation_id is None else PlanReservation(
            reservation_id, state, enterprise_id, PlanExhibitor(enterprise_id, key, name_vi, name_en))
        views.append(booth_view(booth, reservation))
    return views


def plan_page(fair: Fair, filters: PlanFilters, views: list[BoothView] | None = None) -> PlanPage:
    """The plan of `fair` as `filters` show it; `views` when the caller has read them (`plan_views`)."""
    views = plan_of(fair) if views is None else views
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
    return PlanPage(fair, drawings, width, height, views, filters, found, counts, language())


def booth_state(view: BoothView, lang: str) -> tuple:
    """Everything a booth's fragments show, in `lang`: a fragment is rendered again only when this changes."""
    booth, exhibitor = view.booth, view.exhibitor
    return (booth.id, booth.code, booth.hall.code, booth.x_m, booth.y_m, booth.width_m, booth.depth_m, booth.type,
            booth.price_vnd, booth.zone, view.stage,
            (exhibitor.key, exhibitor.name(lang)) if exhibitor is not None else None)


def booth_fragments(template: str, shown: list[tuple[BoothView, dict]], lang: str) -> Markup:
    """Booths' pieces of the plan, each rendered once per process for each state of its booth and
    kept (so a hold renders one booth again, not two hundred); `shown` pairs a booth with what else
    its piece shows on this page (dimmed by the filters, found by a search...)."""
    cache = cache_of("booth fragments", size=4096)
    pieces = []
    for view, extra in shown:
        key = (template, lang, booth_state(view, lang), *sorted(extra.items()))
        pieces.append(cache.get_or_build(
            key, lambda view=view, extra=extra: _render_fragment(template, view, lang, extra)))
    return Markup("\n".join(pieces))


def _render_fragment(template: str, view: BoothView, lang: str, extra: dict) -> str:
    return current_app.jinja_env.get_template(template).render(
        v=view, lang=lang, sector_label=sector_label, zone_colour=PlanPage.zone_colour(view.booth.zone),
        type_labels={k: str(v) for k, v in BOOTH_TYPE_LABELS.items()},
        status_labels={k: str(v) for k, v in BOOTH_STATUS_LABELS.items()},
        **extra,
    ).strip()


def state_document(page: PlanPage, short_name) -> dict:
    """What an open plan needs to bring itself up to date (`static/js/plan.js`): each booth's status
    and exhibitor, whether this page's filters dim it, and the legend's counts."""
    booths = {}
    for view in page.views:
        state: dict = {"status": view.stage}
        if view.exhibitor is not None:
            name = view.exhibitor.name(page.lang)
            state |= {"exhibitor": name, "short": short_name(name),
                      "profile": url_for("enterprises.profile", key=view.exhibitor.key)}
        if not page.filters.shows(view):
            state["dim"] = True
        booths[view.booth.code] = state
    return {"booths": booths, "counts": page.counts}


def state_tag(*parts) -> str:
    """An ETag for one state of the plan as one visitor sees it."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


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


def cache_of(name: str, size: int = 64) -> PlanCache:
    """The app's cache called `name` (one per app, so that apps on other databases never share)."""
    caches = current_app.extensions
    key = f"fairmatch.cache.{name}"
    if key not in caches:
        caches.setdefault(key, PlanCache(size))
    return caches[key]


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
