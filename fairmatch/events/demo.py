"""Demo data for side events (called by seed-demo): the programme of a Hanoi key-products fair, with
registrations of the exhibitors' staff and buyers' delegates, and attendance once the fair is past."""

import random
from datetime import date, time, timedelta

from sqlalchemy import select

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.enterprises.models import Enterprise, EnterpriseSector
from fairmatch.events.models import EventRegistration, SideEvent
from fairmatch.events.services import local_moment
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.people.models import FairPerson

# day (0 = opening day), start, end, kind, title vi, title en, description vi, description en, place, capacity
PROGRAMME = (
    (
        0,
        time(8, 30),
        time(10, 0),
        "conference",
        "Khai mạc và Hội nghị: Sản phẩm công nghiệp chủ lực – hạt nhân của chuỗi cung ứng",
        "Opening conference: key industrial products as the nucleus of supply chains",
        "Lãnh đạo thành phố khai mạc hội chợ; Sở Công Thương trình bày kết quả chương trình phát triển sản phẩm "
        "công nghiệp chủ lực và định hướng liên kết doanh nghiệp dẫn dắt với nhà cung ứng trong nước.",
        "The city opens the fair; the Department of Industry and Trade presents the key industrial products "
        "programme and its plan to link lead enterprises with domestic suppliers.",
        "Hội trường chính, Nhà A",
        300,
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "connection",
        "Kết nối cung cầu: chuỗi cung ứng thực phẩm chế biến",
        "Supply–demand connection: the processed food chain",
        "Doanh nghiệp dẫn dắt trình bày nhu cầu nguyên liệu, bao bì và tiêu chuẩn HACCP, ISO 22000 đối với nhà "
        "cung ứng; sau phần trình bày, các nhà cung ứng gặp gỡ trực tiếp.",
        "The lead enterprise presents its needs for ingredients and packaging and the HACCP and ISO 22000 "
        "requirements for its suppliers; suppliers then meet it face to face.",
        "Phòng hội thảo 1, Nhà A",
        60,
    ),
    (
        1,
        time(9, 0),
        time(11, 30),
        "connection",
        "Kết nối cung cầu: linh kiện cơ khí chính xác và điện – điện tử",
        "Supply–demand connection: precision mechanical and electrical components",
        "Doanh nghiệp dẫn dắt giới thiệu danh mục linh kiện cần nội địa hóa thay thế nhập khẩu và yêu cầu "
        "chất lượng đối với nhà cung ứng công nghiệp hỗ trợ.",
        "The lead enterprise presents the components it wants to source locally instead of importing, and "
        "its quality requirements for supporting-industry suppliers.",
        "Phòng hội thảo 1, Nhà A",
        60,
    ),
    (
        1,
        time(14, 0),
        time(16, 30),
        "workshop",
        "Hội thảo: Đạt chuẩn nhà cung ứng – ISO 9001 và IATF 16949",
        "Workshop: qualifying as a supplier – ISO 9001 and IATF 16949",
        "Chuyên gia chứng nhận hướng dẫn lộ trình áp dụng ISO 9001 và IATF 16949, hồ sơ đánh giá nhà cung ứng "
        "và những lỗi thường gặp khi đánh giá lần đầu.",
        "Certification experts walk through adopting ISO 9001 and IATF 16949, the supplier audit file and the "
        "usual findings of a first audit.",
        "Phòng hội thảo 2, Nhà B",
        12,
    ),
    (
        2,
        time(8, 30),
        time(11, 30),
        "training",
        "Đào tạo lãnh đạo doanh nghiệp: quản trị chuỗi cung ứng và chuyển đổi số",
        "Training for business leaders: supply chain management and digital transformation",
        "Khóa đào tạo thuộc chương trình bồi dưỡng lãnh đạo doanh nghiệp của thành phố: quản trị chuỗi cung "
        "ứng, chuyển đổi số trong sản xuất và tiếp cận vốn vay ưu đãi.",
        "Part of the city's programme for business leaders: supply chain management, digital transformation "
        "in manufacturing and access to subsidised loans.",
        "Phòng hội thảo 2, Nhà B",
        40,
    ),
)
FOOD = "agri-food-processing"
MECHANICAL = {"precision-mechanics", "electrical-electronics", "automation", "metals"}


def seed(fair: Fair, rng: random.Random) -> None:
    """Give the demo fair realistic side events."""
    booths = exhibitor_booths(fair.id)
    # Exhibiting leads first: a session's presenter is usually on the floor too.
    leads = sorted(
        db.session.scalars(select(Enterprise).where(Enterprise.kind == "lead")),
        key=lambda e: (e.id not in booths, e.id),
    )
    sectors = {}
    for enterprise_id, sector in db.session.execute(
        select(EnterpriseSector.enterprise_id, EnterpriseSector.sector).where(
            EnterpriseSector.enterprise_id.in_([e.id for e in leads])
        )
    ):
        sectors.setdefault(enterprise_id, set()).add(sector)
    food_lead = _lead_in(leads, sectors, {FOOD})
    other_lead = _lead_in([e for e in leads if e is not food_lead], sectors, MECHANICAL)
    people = list(
        db.session.scalars(
            select(FairPerson)
            .where(FairPerson.fair_id == fair.id, FairPerson.enterprise_id.is_not(None))
            .order_by(FairPerson.id)
        )
    )
    past = fair.ends_on < date.today()
    for n, (day, start, end, kind, title_vi, title_en, about_vi, about_en, place, capacity) in enumerate(PROGRAMME):
        lead = (food_lead if n == 1 else other_lead) if kind == "connection" else None
        if kind == "connection" and lead is not None:
            title_vi, title_en = f"{title_vi} cùng {lead.name('vi')}", f"{title_en} with {lead.name('en')}"
        on_day = fair.starts_on + timedelta(days=min(day, (fair.ends_on - fair.starts_on).days))
        event = SideEvent(
            fair_id=fair.id,
            kind=kind,
            title_vi=title_vi,
            title_en=title_en,
            description_vi=about_vi,
            description_en=about_en,
            starts_at=local_moment(fair, on_day, start),
            ends_at=local_moment(fair, on_day, end),
            place=place,
            capacity=capacity,
            lead_enterprise_id=lead.id if lead else None,
        )
        db.session.add(event)
        db.session.flush()
        _register(event, people, lead, rng, past)


def _lead_in(leads: list[Enterprise], sectors: dict[int, set[str]], wanted: set[str]) -> Enterprise | None:
    """The first lead enterprise of one of the `wanted` sectors, else the first at all."""
    return next((e for e in leads if sectors.get(e.id, set()) & wanted), leads[0] if leads else None)


def _register(event: SideEvent, people: list[FairPerson], lead, rng: random.Random, past: bool) -> None:
    """Fill the event (past its capacity for a small room: the rest wait), in a random order of arrival
    before the fair; a connection session draws exhibitors' staff, never the lead's own."""
    eligible = [p for p in people if lead is None or (p.enterprise_id != lead.id and p.role == "exhibitor")]
    # Small rooms fill up and keep a waitlist; large halls are rarely full.
    demand = rng.uniform(1.1, 1.4) if event.capacity <= 20 else rng.uniform(0.5, 0.95)
    wanted = min(len(eligible), int(event.capacity * demand))
    for n, person in enumerate(rng.sample(eligible, wanted)):
        registered = n < event.capacity
        attended = past and registered and rng.random() < 0.8
        db.session.add(
            EventRegistration(
                event_id=event.id,
                enterprise_id=person.enterprise_id,
                person_id=person.id,
                state="registered" if registered else "waitlisted",
                registered_at=event.starts_at - timedelta(days=20, minutes=-n * 37),
                attended_at=event.starts_at + timedelta(minutes=rng.randint(-20, 15)) if attended else None,
            )
        )
