"""The supply-chain graph of the database, held by each process and kept current from a change feed.

Every change to what the graph reads appends `GraphChange` rows in the same transaction (the
listeners below): appends, so that writers never queue on one row. On each use a process asks the
feed one cheap question; when rows it has not applied appeared, it patches its graph in place, one
enterprise at a time (the core's `upsert_enterprise`). A taxonomy, fair or bulk change, a large
batch, or a new day for certificates rebuilds the graph in a background thread while the old one
keeps answering. Only a process's very first use waits for a build (`warm_up` does it at start).
A graph is never patched while another reader holds it, nor with changes its own session has not
committed yet.
"""

import logging
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, selectinload

from fairmatch.booths.models import BoothReservation, ReservationBooth
from fairmatch.booths.queries import booth_codes
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Category, CategoryInput, Certification, Enterprise, EnterpriseSector, Need
from fairmatch.enterprises.models import Product as ProductRow
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.matching.models import GraphChange
from fairmatch.supplychain import Enterprise as GraphEnterprise
from fairmatch.supplychain import Need as GraphNeed
from fairmatch.supplychain import Product as GraphProduct
from fairmatch.supplychain import Quantity, SupplyGraph
from fairmatch.supplychain.graph_input import category_of, valid_certifications

log = logging.getLogger(__name__)

GAP_WAIT = 600.0
"""Seconds a missing feed number is waited for: a transaction that took it may still commit
(PostgreSQL hands out numbers at insert); past this, it rolled back. Longer than any writer."""
KEEP = timedelta(days=1)
"""How long feed rows are kept (`tasks.prune_graph_changes`)."""
STALE_AFTER = KEEP.total_seconds() / 2
"""A process that has not read the feed for this long may have missed pruned rows: it rebuilds."""
PATCH_LIMIT = 2000
"""More changed enterprises than this at once (an import) rebuild in the background instead."""
RETRY_AFTER = 30.0
"""Seconds before a failed background rebuild is tried again."""
BUSY_LIMIT = 2.0
"""Seconds patches wait while another thread reads the graph; past that, a fresh graph is built
beside it."""
BATCH = 1000

_PROFILE_FIELDS = ("key", "name_vi", "name_en", "kind", "country", "locality", "industrial_park", "verified",
                   "sectors", "certifications", "products", "needs")
_PARTS = (EnterpriseSector, Certification, ProductRow, Need)
_TAXONOMY = (Category, CategoryInput)
_BULK_WATCHED = (Enterprise, *_PARTS, *_TAXONOMY, Fair)


# --- The feed: written in the transaction of the change -------------------------------------------

def _changed(obj, names) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names)


def _owner(obj):
    """The enterprise an object belongs to: the object itself when set before the flush gave it an
    id, else its id; None when it was added through the enterprise's collection (which marks the
    enterprise changed)."""
    parent = obj.__dict__.get("enterprise")
    return parent if parent is not None else obj.enterprise_id


def _graph_changes(session) -> tuple[set[str], set[str]]:
    """The keys of enterprises whose graph profile this flush changes, and the rebuild kinds it needs."""
    keys: set[str] = set()
    owners: list = []
    rebuilds: set[str] = set()
    new, deleted = session.new, session.deleted
    for obj in (*new, *session.dirty, *deleted):
        created_or_gone = obj in new or obj in deleted
        if isinstance(obj, Enterprise):
            if created_or_gone or _changed(obj, _PROFILE_FIELDS):
                keys.add(obj.key)
                keys.update(old for old in inspect(obj).attrs.key.history.deleted if old)
        elif isinstance(obj, _PARTS):
            if created_or_gone or session.is_modified(obj):
                owners.append(_owner(obj))
        elif isinstance(obj, _TAXONOMY):
            rebuilds.add("taxonomy")
        elif isinstance(obj, BoothReservation):
            # The graph knows who exhibits, not who holds a booth for a minute.
            if "confirmed" in (obj.state, *inspect(obj).attrs.state.history.deleted):
                owners.append(_owner(obj))
        elif isinstance(obj, ReservationBooth):
            if obj.reservation is not None and obj.reservation.state == "confirmed":
                owners.append(_owner(obj.reservation))
        elif isinstance(obj, Fair) and (created_or_gone or _changed(obj, ("is_current", "ends_on"))):
            rebuilds.add("fair")
    ids = set()
    for owner in owners:
        if isinstance(owner, Enterprise):
            keys.add(owner.key)
        elif owner is not None:
            ids.add(owner)
    if ids:
        with session.no_autoflush:
            keys.update(session.scalars(select(Enterprise.key).where(Enterprise.id.in_(ids))))
    keys.discard(None)
    return keys, rebuilds


@event.listens_for(Session, "before_flush")
def _append_graph_changes(session, flush_context, instances) -> None:
    """Append the feed rows of this flush: they commit, or roll back, with the change itself."""
    keys, rebuilds = _graph_changes(session)
    if rebuilds:  # a rebuild reads every enterprise: no need to name them
        session.add_all(GraphChange(kind=kind) for kind in sorted(rebuilds))
    else:
        session.add_all(GraphChange(kind="profile", enterprise_key=key) for key in sorted(keys))
    if keys or rebuilds:
        session.info["graph_changes_pending"] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state) -> None:
    """An UPDATE or DELETE statement on what the graph reads names no rows: rebuild."""
    if (state.is_update or state.is_delete or (state.is_insert and state.is_executemany)) and any(
        issubclass(mapper.class_, _BULK_WATCHED) for mapper in state.all_mappers
    ):
        state.session.add(GraphChange(kind="all"))
        state.session.info["graph_changes_pending"] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_pending(session) -> None:
    session.info.pop("graph_changes_pending", None)


# --- Where a process stands in the feed -----------------------------------------------------------

@dataclass
class FeedPosition:
    """The feed rows a graph includes: every number up to `floor`, and those in `seen` above it. A
    number missing below a seen one is waited for (`GAP_WAIT`), then given up as rolled back."""

    floor: int = 0
    seen: set[int] = field(default_factory=set)
    stuck_since: float | None = None

    def known(self) -> tuple[int, int | None]:
        """What `count(seq), max(seq)` above the floor answers when nothing new was committed."""
        return len(self.seen), max(self.seen, default=None)

    def advance(self, seqs, now: float) -> None:
        self.seen.update(seqs)
        while True:
            while self.floor + 1 in self.seen:
                self.floor += 1
                self.seen.remove(self.floor)
            if not self.seen:
                self.stuck_since = None
                return
            if self.stuck_since is None:
                self.stuck_since = now
            if now - self.stuck_since < GAP_WAIT:
                return
            self.floor, self.stuck_since = min(self.seen) - 1, now


def _feed_position(session) -> FeedPosition:
    """The feed as committed now; recent numbers still missing are waited for."""
    horizon = utcnow() - timedelta(seconds=GAP_WAIT)
    settled = session.scalar(select(func.max(GraphChange.seq)).where(GraphChange.created_at < horizon)) or 0
    position = FeedPosition(settled)
    recent = session.scalars(select(GraphChange.seq).where(GraphChange.seq > settled))
    position.advance(recent, time.monotonic())
    return position


# --- The graph each process holds -----------------------------------------------------------------

@dataclass
class _Held:
    graph: SupplyGraph | None = None
    day: date | None = None
    position: FeedPosition = field(default_factory=FeedPosition)
    read_at: float = 0.0  # when the feed was last read (monotonic)
    today: date | None = None  # the last day `day` was found current on
    builds: int = 0
    wanted: bool = False  # a rebuild is due (kept until one is installed)
    rebuild: threading.Thread | None = None
    retry_at: float = 0.0
    busy_since: float | None = None  # patches due but the graph was in use
    lock: threading.RLock = field(default_factory=threading.RLock)


def _held(app=None) -> _Held:
    app = app or current_app._get_current_object()
    return app.extensions.setdefault("fairmatch.supply_graph", _Held())


def credentials_day() -> date:
    """The day certificates must be valid on to count: the current fair's last day (today once it
    is over, or when no fair is open)."""
    today = date.today()
    ends_on = db.session.scalar(select(Fair.ends_on).where(Fair.is_current))
    return max(today, ends_on) if ends_on else today


def supply_graph() -> SupplyGraph:
    """The graph for the database as committed now: this process's graph, patched with the changes
    other processes committed since. Waits only for a process's first build; a rebuild runs in the
    background while the previous graph answers."""
    held = _held()
    with held.lock:
        if held.graph is None:
            _install(held, _build())
        elif not db.session.info.get("graph_changes_pending"):
            # This session's own changes are not committed yet: they may still roll back.
            with db.session.no_autoflush:
                _catch_up(held)
        return held.graph


def warm_up(app) -> None:
    """Build the app's graph now (at worker start), so that no request waits for it. A failure is
    logged: the first request that needs the graph builds it."""
    with app.app_context():
        try:
            supply_graph()
        except Exception:
            log.warning("the matching graph could not be built in advance", exc_info=True)
        finally:
            db.session.remove()


def init_app(app) -> None:
    """With WARM_GRAPH, the first request of a process starts building its graph in the background."""
    if not app.config.get("WARM_GRAPH"):
        return
    started = threading.Event()

    @app.before_request
    def warm_once() -> None:
        if not started.is_set():
            started.set()
            threading.Thread(target=warm_up, args=(app,), name="warm-graph", daemon=True).start()


def rebuilds(app=None) -> int:
    """How many times this app's graph was built whole."""
    return _held(app).builds


def wait_for_rebuild(app=None, timeout: float | None = None) -> None:
    """Wait until a background rebuild running for this app (if any) has been installed."""
    thread = _held(app).rebuild
    if thread is not None:
        thread.join(timeout)


def _install(held: _Held, built: tuple[SupplyGraph, date, FeedPosition]) -> None:
    held.graph, held.day, held.position = built
    held.read_at, held.today, held.wanted, held.busy_since = time.monotonic(), None, False, None
    held.builds += 1


def _catch_up(held: _Held) -> None:
    now, today = time.monotonic(), date.today()
    if now - held.read_at > STALE_AFTER:
        _rebuild_soon(held)  # rows this process never read may have been pruned
    if today != held.today:
        if credentials_day() == held.day:
            held.today = today
        else:  # certificates are judged on another day now
            _rebuild_soon(held)
    if held.wanted:
        _rebuild_soon(held)  # the last one failed, or it is due and none has run yet
    position = held.position
    position.advance((), now)
    summary = db.session.execute(
        select(func.count(GraphChange.seq), func.max(GraphChange.seq)).where(GraphChange.seq > position.floor)
    ).one()
    held.read_at = now
    if tuple(summary) == position.known():
        return
    rows = db.session.execute(
        select(GraphChange.seq, GraphChange.kind, GraphChange.enterprise_key)
        .where(GraphChange.seq > position.floor).order_by(GraphChange.seq)
    ).all()
    fresh = [row for row in rows if row.seq not in position.seen]
    keys = list(dict.fromkeys(row.enterprise_key for row in fresh if row.kind == "profile"))
    if any(row.kind != "profile" for row in fresh) or len(keys) > PATCH_LIMIT:
        position.advance((row.seq for row in fresh), now)
        _rebuild_soon(held)
        return
    # A patch changes the graph in place: never under a reader (a job's thread, a threaded server,
    # or this very request still holding it). References beyond `held.graph` and the argument mean
    # one; the rows are read again once it lets go, or a fresh graph is built beside it.
    if sys.getrefcount(held.graph) > 2:
        held.busy_since = held.busy_since or now
        if now - held.busy_since > BUSY_LIMIT:
            _rebuild_soon(held)
        return
    held.busy_since = None
    position.advance((row.seq for row in fresh), now)
    if keys:
        try:
            _patch(held.graph, keys, held.day)
        except ValueError:  # a category this graph does not know yet: the taxonomy moved
            log.warning("supply graph: patch needs a new taxonomy; rebuilding", exc_info=True)
            _rebuild_soon(held)


def _patch(graph: SupplyGraph, keys: list[str], on: date) -> None:
    """Bring these enterprises up to date in the graph, or remove those that are gone."""
    for start in range(0, len(keys), BATCH):
        chunk = keys[start:start + BATCH]
        found = {e.key: e for e in _read_enterprises(db.session, Enterprise.key.in_(chunk), on)}
        for key in chunk:
            if key in found:
                graph.upsert_enterprise(found[key])
            else:
                graph.remove_enterprise(key)


def _rebuild_soon(held: _Held) -> None:
    """Rebuild in a background thread (at once in tests, unless SUPPLY_GRAPH_BACKGROUND is set),
    unless one is running; a rebuild that failed is tried again after RETRY_AFTER."""
    held.wanted = True
    if held.rebuild is not None and held.rebuild.is_alive():
        return
    if time.monotonic() < held.retry_at:
        return
    app = current_app._get_current_object()
    if not app.config.get("SUPPLY_GRAPH_BACKGROUND", not app.testing):
        _install(held, _build())
        return
    held.rebuild = threading.Thread(target=_rebuild, args=(app, held), name="supply-graph-rebuild", daemon=True)
    held.rebuild.start()


def _rebuild(app, held: _Held) -> None:
    try:
        with app.app_context():
            built = _build()
    except Exception:
        log.exception("supply graph: background rebuild failed; the previous graph keeps answering")
        held.retry_at = time.monotonic() + RETRY_AFTER
        return
    with held.lock:
        _install(held, built)  # the feed rows since its start are applied again on the next use


def _build() -> tuple[SupplyGraph, date, FeedPosition]:
    """The graph of the database, and where it stands in the feed (read first: whatever commits
    meanwhile is applied again afterwards, which changes nothing when the build already saw it)."""
    with Session(db.engine) as session:
        position = _feed_position(session)
        day = credentials_day()
        graph = _load(session, day)
    return graph, day, position


def load_graph(on: date | None = None) -> SupplyGraph:
    """The graph of the database; certificates count when valid on `on` (see `credentials_day`)."""
    with Session(db.engine) as session:
        return _load(session, on or credentials_day())


def _load(session: Session, on: date) -> SupplyGraph:
    categories = session.scalars(select(Category).options(selectinload(Category.input_links)))
    taxonomy = [
        category_of(c.code, c.sector, c.name_vi, c.name_en, c.hs,
                    [(link.code, link.kind, _quantity(link.per_unit_value, link.per_unit_unit))
                     for link in c.input_links])
        for c in categories
    ]
    graph = SupplyGraph(taxonomy)
    session.expunge_all()
    booths = booth_codes()
    last = 0
    while True:  # in batches, so that the rows of 100,000 enterprises are never all in memory
        batch = _read_enterprises(session, Enterprise.id > last, on, booths, limit=BATCH)
        if not batch:
            return graph
        for enterprise, _ in batch:
            graph.upsert_enterprise(enterprise)
        last = batch[-1][1]


def _read_enterprises(session: Session, condition, on: date, booths: dict[int, str] | None = None,
                      limit: int | None = None) -> list:
    """The enterprises meeting `condition` (the first `limit` by id), as the graph sees them, each
    with its id when `limit` is given. Plain rows, five queries: ORM objects cost five times more."""
    rows = session.execute(
        select(Enterprise.id, Enterprise.key, Enterprise.name_vi, Enterprise.name_en, Enterprise.kind,
               Enterprise.country, Enterprise.locality, Enterprise.industrial_park, Enterprise.verified)
        .where(condition).order_by(Enterprise.id).limit(limit)
    ).all()
    if not rows:
        return []
    ids = [row.id for row in rows]
    if booths is None:
        booths = booth_codes(ids)

    def by_enterprise(query) -> dict[int, list]:
        found: dict[int, list] = {}
        for owner, *values in session.execute(query):
            found.setdefault(owner, []).append(values)
        return found

    sectors = by_enterprise(select(EnterpriseSector.enterprise_id, EnterpriseSector.sector)
                            .where(EnterpriseSector.enterprise_id.in_(ids)).order_by(EnterpriseSector.sector))
    held = by_enterprise(select(Certification.enterprise_id, Certification.name, Certification.expires_on)
                         .where(Certification.enterprise_id.in_(ids)))
    products = by_enterprise(
        select(ProductRow.enterprise_id, Category.code, ProductRow.name_vi, ProductRow.name_en,
               ProductRow.capacity_value, ProductRow.capacity_unit, ProductRow.recognized_verified)
        .join(Category, Category.id == ProductRow.category_id)
        .where(ProductRow.enterprise_id.in_(ids)).order_by(ProductRow.id)
    )
    needs = by_enterprise(
        select(Need.enterprise_id, Category.code, Need.required_certifications, Need.volume_value, Need.volume_unit)
        .join(Category, Category.id == Need.category_id)
        .where(Need.enterprise_id.in_(ids)).order_by(Need.id)
    )
    read = [
        _enterprise(row, [s for (s,) in sectors.get(row.id, ())], held.get(row.id, ()), products.get(row.id, ()),
                    needs.get(row.id, ()), booths.get(row.id), on)
        for row in rows
    ]
    return list(zip(read, ids, strict=True)) if limit else read


_SHARED: dict = {}
"""One copy of each value that thousands of enterprises repeat (places, kinds, sets of sectors or
certifications, quantities): at 100,000 enterprises separate copies cost about a tenth of the graph."""


def _shared(value):
    return _SHARED.setdefault(value, value) if len(_SHARED) < 100_000 else value


def _quantity(value, unit) -> Quantity | None:
    return _shared(Quantity(float(value), unit)) if value is not None and unit else None


def _enterprise(row, sectors, held, products, needs, booth: str | None, on: date) -> GraphEnterprise:
    """An enterprise as the graph sees it, from its row and the (values) of its sectors,
    certifications (name, expires_on), products and needs."""
    valid, expiring = valid_certifications([(name, expires_on) for name, expires_on in held], on)
    return GraphEnterprise(
        key=row.key,
        name_vi=row.name_vi or "",
        name_en=row.name_en or "",
        kind=_shared(row.kind),
        sectors=_shared(frozenset(sectors)),
        locality=_shared(row.locality),
        industrial_park=_shared(row.industrial_park),
        verified=row.verified,
        booth=booth,
        certifications=_shared(valid),
        products=tuple(
            GraphProduct(_shared(code), name_vi or "", name_en or "", _quantity(value, unit), recognized)
            for code, name_vi, name_en, value, unit, recognized in products
        ),
        needs=tuple(
            GraphNeed(_shared(code), _shared(frozenset(required or ())), _quantity(value, unit))
            for code, required, value, unit in needs
        ),
        country=_shared(row.country),
        expiring=_shared(expiring),
    )
