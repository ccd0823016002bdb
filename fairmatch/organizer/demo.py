"""The demo fair behind `flask seed-demo`: deterministic, fictional, and complete."""

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from fairmatch.auth.services import create_user
from fairmatch.booths.models import Booth, BoothReservation, Hall, Payment, ReservationBooth, WaitlistEntry
from fairmatch.database import utcnow
from fairmatch.demo.accounts import showcase_enterprises
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises.import_export import import_document
from fairmatch.enterprises.models import Category, Enterprise, Membership
from fairmatch.events import demo as events_demo
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.floorplan import grid_layout, hall_size
from fairmatch.matching.graph import supply_graph
from fairmatch.matching.models import MatchView
from fairmatch.meetings import deals_demo
from fairmatch.meetings.attendance import slots_by_day
from fairmatch.meetings.models import AttendanceAnswer, Meeting, MeetingOutcome, MeetingRequest, Unavailability
from fairmatch.meetings.schedule import host_booths, schedule_meetings
from fairmatch.people.demo import name_demo_people
from fairmatch.register import demo as register_demo
from fairmatch.supplychain import rank_suppliers
from fairmatch.support import demo as support_demo

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
    document = build_demo_exchange(seed=seed, enterprises=enterprises)
    import_document(document)
    showcase = _showcase(document)
    year = date.today().year
    fair = Fair(
        name_vi=f"Hội chợ Sản phẩm công nghiệp chủ lực và Công nghiệp hỗ trợ Hà Nội {year}",
        name_en=f"Hanoi Key Industrial Products and Supporting Industries Fair {year}",
        venue_vi="Trung tâm Triển lãm Quốc gia, xã Đông Anh, Hà Nội",
        venue_en="National Exhibition Centre, Dong Anh, Hanoi",
        starts_on=date(year, 10, 15),
        ends_on=date(year, 10, 18),
        is_current=True,
        organizer_name="Sở Công Thương thành phố Hà Nội – Ban tổ chức Hội chợ",
        organizer_address="331 Trần Hưng Đạo, phường Cửa Nam, Hà Nội",
        # A real bank's NAPAS BIN (Vietcombank, 970436) so that banking apps read the demo's VietQR codes; the
        # account is made up.
        bank_name="Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank) – tài khoản minh họa",
        bank_bin="970436",
        bank_account_no="1200 2026 8888",
        bank_account_name="BAN TO CHUC HOI CHO SPCNCL HA NOI",
        document_parent_body="Ủy ban nhân dân thành phố Hà Nội",
        document_issuing_body="Sở Công Thương",
    )
    db.session.add(fair)
    booth_count = sum(_add_hall(fair, *hall) for hall in HALLS)
    owned = []
    for email, role, name, kind in DEMO_USERS:
        user = create_user(email, DEMO_PASSWORD, role, name=name)
        if kind:
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == showcase[kind]))
            db.session.add(Membership(user=user, enterprise=enterprise, is_owner=True, status="approved"))
            owned.append(enterprise)
    db.session.flush()
    # The demo exhibitor of a lead enterprise starts without a booth, to try reserving one.
    rng = random.Random(seed)
    _sell_booths(fair, rng, keep_free_for=owned[0])
    lead, supplier, buyer = owned
    # Days and places draw from their own generator, so that the rest of the demo stays as it was.
    places = _attend(fair, random.Random(seed + 1), unasked=owned)
    requests = _request_meetings(fair, rng, [(buyer, supplier, "accepted"), (lead, supplier, "pending")], places)
    db.session.commit()
    result = schedule_meetings(fair, time_limit=3, publish=True)
    # Acceptances after the schedule was published: the organizer's next run places them.
    _request_meetings(fair, rng, [(buyer, lead, "accepted")], places, count=8, states=(("accepted", 1.0),))
    _show_matches(fair, rng)
    if fair.ends_on < date.today():
        _meet(fair, rng)
    name_demo_people(fair, seed)
    # The programme's side of the fair, each from its own generator so that the rest stays as it was.
    for offset, seed_part in enumerate((register_demo.seed, support_demo.seed, events_demo.seed, deals_demo.seed), 2):
        seed_part(fair, random.Random(seed + offset))
    db.session.commit()
    return (f"demo fair {year}: {enterprises} enterprises, {booth_count} booths, {len(DEMO_USERS)} demo users, "
            f"{requests} meeting requests, {result['stats']['scheduled']} meetings")


def _showcase(document: dict) -> dict[str, str]:
    """The keys of the demo accounts' enterprises: the supplier of `showcase_enterprises`, the first
    Vietnamese lead (by key) whose matches rank that supplier, and the first Vietnamese buyer whose
    matches rank the supplier or else the lead, so that the three accounts' matches and meeting
    requests tell one story."""
    chosen = showcase_enterprises(document)
    graph = supply_graph()

    def first_of(kind: str, partner: str) -> str | None:
        keys = sorted(e["tax_code"] for e in document["enterprises"]
                      if e["kind"] == kind and e.get("country", "VN") == "VN" and e["tax_code"] in graph)
        return next((k for k in keys if partner in {m.key for m in rank_suppliers(graph, k, limit=10)}), None)

    chosen["lead"] = first_of("lead", chosen["supplier"]) or chosen["lead"]
    chosen["buyer"] = first_of("buyer", chosen["supplier"]) or first_of("buyer", chosen["lead"]) or chosen["buyer"]
    return chosen


REQUEST_STATES = (("accepted", 0.70), ("pending", 0.12), ("declined", 0.10), ("cancelled", 0.08))
OUTCOME_ODDS = (("follow_up", 0.4), ("quotation", 0.3), ("contract", 0.1), ("mou", 0.1), ("none", 0.1))


def _pick(rng: random.Random, odds) -> str:
    roll, total = rng.random(), 0.0
    for value, chance in odds:
        total += chance
        if roll < total:
            return value
    return odds[-1][0]


def _request_meetings(fair: Fair, rng: random.Random, fixed: list, places: dict[int, str], count: int = 90,
                      states=REQUEST_STATES) -> int:
    """Buyers, lead and FDI firms asking the suppliers the matching ranks high for them for meetings,
    in every state, each message naming what they source; `fixed` adds (from, to, state) for the
    demo accounts; an accepted request is held where its host chose (`places`, by host id)."""
    graph = supply_graph()
    customers = list(db.session.scalars(select(Enterprise).where(Enterprise.kind.in_(("buyer", "lead", "fdi")))
                                        .order_by(Enterprise.key)))
    by_key = {e.key: e for e in db.session.scalars(select(Enterprise))}
    asked = {frozenset((r.from_enterprise_id, r.to_enterprise_id)) for r in db.session.scalars(
        select(MeetingRequest).where(MeetingRequest.fair_id == fair.id))}
    pairs = [(a, b, state, _sourced(graph, a, b)) for a, b, state in fixed]
    asked |= {frozenset((a.id, b.id)) for a, b, _ in fixed}  # a drawn pair never repeats a demo account's
    options = {c.key: [m for m in rank_suppliers(graph, c.key, limit=10) if m.key in by_key] for c in customers
               if c.key in graph}
    count = min(count, sum(map(len, options.values())) // 2)  # a small demo has fewer pairs to draw
    while len(pairs) < count + len(fixed) and any(options.values()):
        customer = by_key[rng.choice(sorted(key for key, found in options.items() if found))]
        match = options[customer.key].pop(0)
        supplier = by_key[match.key]
        if frozenset((customer.id, supplier.id)) not in asked:
            pairs.append((customer, supplier, _pick(rng, states), match.path[0]))
            asked.add(frozenset((customer.id, supplier.id)))
    names = dict(db.session.execute(select(Category.code, Category.name_vi)).all())
    now = utcnow()
    for sender, receiver, state, category in pairs:
        db.session.add(MeetingRequest(
            fair_id=fair.id, from_enterprise_id=sender.id, to_enterprise_id=receiver.id, state=state,
            message=_message(names.get(category)), must_meet_from=rng.random() < 0.15,
            place=places.get(receiver.id) if state == "accepted" else None,
            created_at=now - timedelta(days=rng.randint(2, 30)),
            decided_at=None if state == "pending" else now - timedelta(days=1),
            decline_reason="Chưa phù hợp với kế hoạch năm nay." if state == "declined" else None,
        ))
    db.session.flush()
    return len(pairs)


BUYER_DAYS = ((1, 0.6), (2, 0.4))  # how many days in a row a buyer comes to the fair
BOOTH_HOSTS = 0.4  # the share of exhibitors that meet at their own booth rather than at a B2B table


def _attend(fair: Fair, rng: random.Random, unasked: list[Enterprise]) -> dict[int, str]:
    """Buyers say they come on one or two days in a row, every other enterprise on every day (the
    demo accounts' enterprises are not asked yet: a visitor meets the question); some exhibitors
    meet at their booth, the others at a B2B table. Returns where each exhibitor meets, by id."""
    days = list(slots_by_day(fair).values())
    skipped = {e.id for e in unasked}
    for enterprise in db.session.scalars(select(Enterprise).order_by(Enterprise.key)):
        if enterprise.id in skipped:
            continue
        if enterprise.kind == "buyer":
            count = int(_pick(rng, BUYER_DAYS))
            first = rng.randrange(len(days) - count + 1)
            away = [slot_id for ids in days[:first] + days[first + count:] for slot_id in sorted(ids)]
            db.session.add_all(Unavailability(fair_id=fair.id, enterprise_id=enterprise.id, slot_id=slot_id)
                               for slot_id in away)
        db.session.add(AttendanceAnswer(fair_id=fair.id, enterprise_id=enterprise.id))
    db.session.flush()
    return {host: "booth" if rng.random() < BOOTH_HOSTS else "table" for host in sorted(host_booths(fair))}


def _show_matches(fair: Fair, rng: random.Random) -> None:
    """Each enterprise that asked for a meeting saw its match list first (ten matches a showing),
    on the day of its first request and a few times before: the top of the organizer's funnel."""
    first_asked = db.session.execute(
        select(MeetingRequest.from_enterprise_id, func.min(MeetingRequest.created_at))
        .where(MeetingRequest.fair_id == fair.id).group_by(MeetingRequest.from_enterprise_id)
    ).all()
    for enterprise_id, asked_at in first_asked:
        views = rng.randint(1, 4)
        db.session.add(MatchView(enterprise_id=enterprise_id, viewed_on=asked_at.date(), views=views,
                                 matches=10 * views))


def _sourced(graph, customer: Enterprise, supplier: Enterprise) -> str | None:
    """The supplier's category a customer would source from it, when the matching links the two."""
    if customer.key not in graph:
        return None
    found = next((m for m in rank_suppliers(graph, customer.key, limit=50) if m.key == supplier.key), None)
    return found.path[0] if found else None


def _message(category_name: str | None) -> str:
    if category_name is None:
        return "Chúng tôi muốn tìm hiểu năng lực cung ứng của quý công ty."
    name = category_name if category_name[1:2].isupper() else category_name[0].lower() + category_name[1:]
    return f"Chúng tôi đang tìm nguồn cung {name} và muốn trao đổi về năng lực, giá, tiến độ giao hàng của quý công ty."


def _meet(fair: Fair, rng: random.Random) -> None:
    """After the fair: most published meetings held, some missed, outcomes from both sides."""
    for meeting in db.session.scalars(select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "published")
                                      .order_by(Meeting.id)):
        meeting.state = "held" if rng.random() < 0.85 else "no_show"
        meeting.marked_at = meeting.ends_at
        if meeting.state == "held":
            for side in (meeting.request.from_enterprise_id, meeting.request.to_enterprise_id):
                if rng.random() < 0.7:
                    db.session.add(MeetingOutcome(meeting=meeting, enterprise_id=side, outcome=_pick(rng, OUTCOME_ODDS),
                                                  recorded_at=meeting.ends_at + timedelta(days=rng.randint(1, 20))))


def _add_hall(fair: Fair, code: str, name_vi: str, name_en: str, layout: dict, zones: tuple) -> int:
    width, depth = hall_size(**layout)
    hall = Hall(
        fair=fair, code=code, name_vi=name_vi, name_en=name_en, width_m=width, depth_m=depth,
        entrances=[{"side": "north", "offset_m": width / 2 - 3, "width_m": 6}],
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


def _sell_booths(fair: Fair, rng: random.Random, keep_free_for: Enterprise) -> None:
    """About 70 % of booths confirmed and paid, some pending approval or held, a few blocked, and
    a waitlist, each booth taken by an exhibitor of its zone's sector."""
    exhibitors = list(
        db.session.scalars(
            select(Enterprise)
            .where(Enterprise.kind.in_(("lead", "supplier", "fdi")), Enterprise.id != keep_free_for.id)
            .order_by(Enterprise.key)
        )
    )
    rng.shuffle(exhibitors)
    now = utcnow()
    booths = list(db.session.scalars(select(Booth).where(Booth.fair_id == fair.id).order_by(Booth.id)))
    for booth in rng.sample(booths, 3):
        booth.blocked = True
    for booth in booths:
        roll = rng.random()
        if booth.blocked or roll > 0.82:
            continue
        fits = [e for e in exhibitors if booth.zone is None or booth.zone in e.sector_codes]
        if not fits:
            continue
        enterprise = fits[0]
        exhibitors.remove(enterprise)
        state = "confirmed" if roll < 0.70 else "submitted" if roll < 0.75 else "approved" if roll < 0.79 else "held"
        reservation = BoothReservation(
            fair_id=fair.id, enterprise_id=enterprise.id, state=state,
            created_at=now - timedelta(days=rng.randint(3, 60)), price_vnd=booth.price_vnd,
            vat_percent=fair.vat_percent, items=[ReservationBooth(booth=booth, active=True)],
        )
        if state == "held":
            reservation.expires_at = now + timedelta(minutes=fair.booth_hold_minutes)
        else:
            reservation.submitted_at = reservation.created_at + timedelta(hours=1)
        if state in ("approved", "confirmed"):
            reservation.decided_at = reservation.submitted_at + timedelta(days=1)
        if state == "confirmed":
            reservation.confirmed_at = reservation.decided_at + timedelta(days=5)
            reservation.payments = [Payment(amount_vnd=reservation.total_vnd, paid_on=reservation.confirmed_at.date())]
        db.session.add(reservation)
    for enterprise in exhibitors[:6]:
        db.session.add(WaitlistEntry(fair_id=fair.id, enterprise_id=enterprise.id,
                                     zone=enterprise.sector_codes[0] if enterprise.sector_codes else None,
                                     created_at=now - timedelta(days=rng.randint(1, 20))))
