"""A fair a week ahead with a programme to fill: a lead food enterprise, two suppliers (A with named
booth staff, B with none), a buyer and an organizer."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.events.models import EventRegistration, SideEvent
from fairmatch.extensions import db
from fairmatch.people.models import FairPerson
from tests.conftest import signed_in

FAIR_DAY = date.today() + timedelta(days=7)


@dataclass
class EventsFair:
    fair_id: int
    keys: dict[str, str]
    emails: dict[str, str]


@pytest.fixture
def events_fair(app, make_fair, make_enterprise, make_user) -> EventsFair:
    fair_id = make_fair(starts_on=FAIR_DAY, ends_on=FAIR_DAY + timedelta(days=2))
    keys = {
        "lead": make_enterprise(name_vi="Công ty CP Thực phẩm Hưng Hà", name_en="Hung Ha Foods JSC", kind="lead"),
        "a": make_enterprise(name_vi="Công ty TNHH Bao bì Hòa Lạc", name_en="Hoa Lac Packaging Co., Ltd."),
        "b": make_enterprise(name_vi="Công ty CP Gia vị Tân Phong", name_en="Tan Phong Spices JSC"),
        "buyer": make_enterprise(name_vi="Công ty TNHH Mua hàng Kim Long", name_en="Kim Long Sourcing", kind="buyer"),
    }
    emails = {
        "lead": make_user("exhibitor", enterprise=keys["lead"], name="Đỗ Minh Hưng"),
        "a": make_user("exhibitor", enterprise=keys["a"], name="Phạm Thị Hồng"),
        "b": make_user("exhibitor", enterprise=keys["b"], name="Trần Văn Dũng"),
        "buyer": make_user("buyer", enterprise=keys["buyer"], name="Lê Hoàng Nam"),
        "organizer": make_user("organizer", name="Ban tổ chức"),
    }
    with app.app_context():
        firm = db.session.scalar(select(Enterprise).where(Enterprise.key == keys["a"]))
        for name in ("Nguyễn Thị Mai", "Hoàng Văn Long", "Vũ Thị Lan"):
            db.session.add(FairPerson(fair_id=fair_id, enterprise_id=firm.id, role="exhibitor", full_name=name))
        db.session.commit()
    return EventsFair(fair_id, keys, emails)


def event_form(**overrides) -> dict:
    return {
        "kind": "workshop",
        "title_vi": "Hội thảo: Đạt chuẩn nhà cung ứng – ISO 9001",
        "title_en": "Workshop: qualifying as a supplier – ISO 9001",
        "description_vi": "Lộ trình áp dụng ISO 9001.",
        "description_en": "Adopting ISO 9001.",
        "day": FAIR_DAY.isoformat(),
        "start": "14:00",
        "end": "16:30",
        "place": "Phòng hội thảo 2, Nhà B",
        "capacity": "2",
        "lead_enterprise_id": "",
    } | overrides


@pytest.fixture
def add_event(app, events_fair):
    """The organizer adds an event through the console; returns its id."""

    def add(**overrides) -> int:
        organizer = signed_in(app, events_fair.emails["organizer"])
        assert organizer.post("/organizer/events", data=event_form(**overrides)).status_code == 302
        with app.app_context():
            return db.session.scalar(select(SideEvent.id).order_by(SideEvent.id.desc()))

    return add


def person_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(select(FairPerson.id).where(FairPerson.full_name == name))


def states(app, event_id: int) -> dict[str, str]:
    """Who is on the event's list and in which state."""
    with app.app_context():
        return {
            r.name: r.state
            for r in db.session.scalars(select(EventRegistration).where(EventRegistration.event_id == event_id))
        }
