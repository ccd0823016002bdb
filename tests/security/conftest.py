"""A small fair with five kinds of visitor, for checks that visit every route.

Enterprise A owns everything a URL can point at (a product, a need, a booth reservation, a
sourcing request, a meeting request made to it, a pending join request); B is a second exhibitor
that must not reach A's things; C is a buyer's enterprise.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select

from fairmatch.auth.models import ApiToken, PasswordReset, User, hash_secret
from fairmatch.booths.services import reserve_booths
from fairmatch.booths.waitlist import join_waitlist
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Category, Enterprise, EnterpriseSector, Membership, Need, Product
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.jobs.models import Job
from fairmatch.matching.sourcing import post_request
from fairmatch.meetings.models import Meeting
from fairmatch.meetings.schedule import slots_of
from fairmatch.meetings.services import new_calendar_feed, request_meeting
from fairmatch.notifications.models import Notification
from fairmatch.people.models import FairPerson
from tests.conftest import new_tax_code, signed_in

ANONYMOUS, EXHIBITOR_A, EXHIBITOR_B, BUYER, ORGANIZER = "anonymous", "exhibitor A", "exhibitor B", "buyer", "organizer"
PERSONAS = (ANONYMOUS, EXHIBITOR_A, EXHIBITOR_B, BUYER, ORGANIZER)
CATEGORY = "T.CABLE"


@dataclass
class World:
    app: object
    emails: dict[str, str]
    keys: dict[str, str]
    ids: dict[str, object] = field(default_factory=dict)

    def client(self, persona: str):
        """A browser of `persona` (anonymous: a fresh one)."""
        if persona == ANONYMOUS:
            return self.app.test_client()
        return signed_in(self.app, self.emails[persona])


def _enterprise(kind: str, name_vi: str, name_en: str) -> Enterprise:
    tax_code = new_tax_code()
    enterprise = Enterprise(key=tax_code, tax_code=tax_code, name_vi=name_vi, name_en=name_en, kind=kind,
                            verified=True, address="KCN Thăng Long, Hà Nội", contact_name="Lê Văn Bình",
                            contact_email="binh@example.vn")
    enterprise.sectors = [EnterpriseSector(sector="electrical-electronics")]
    db.session.add(enterprise)
    return enterprise


def _user(email: str, role: str, enterprise: Enterprise | None, status: str = "approved") -> User:
    from tests.conftest import PASSWORD

    user = User(email=email, role=role, name="Nguyễn Văn An", locale="vi")
    user.set_password(PASSWORD)
    db.session.add(user)
    if enterprise is not None:
        db.session.add(Membership(user=user, enterprise=enterprise, is_owner=status == "approved", status=status))
    return user


@pytest.fixture
def make_world(app, make_fair):
    """Build the fair; `names` overrides enterprise A's names, `text` the free text of its rows."""

    def make(name_vi="Công ty TNHH Cáp điện Hòa Lạc", name_en="Hoa Lac Cables Co., Ltd.",
             text="Cáp điện lực hạ thế") -> World:
        fair_id = make_fair(booths_per_row=4, max_booths_per_enterprise=3)
        with app.test_request_context():
            fair = db.session.get(Fair, fair_id)
            category = Category(code=CATEGORY, name_vi="Dây cáp", name_en="Cables", sector="electrical-electronics")
            a = _enterprise("supplier", name_vi, name_en)
            a.description_vi = a.description_en = text
            b = _enterprise("supplier", "Công ty CP Điện Tân Phong", "Tan Phong Electric JSC")
            c = _enterprise("buyer", "Công ty TNHH Mua hàng Kitaura", "Kitaura Procurement Co., Ltd.")
            d = _enterprise("buyer", "Công ty TNHH Thương mại Đông Á", "Dong A Trading Co., Ltd.")
            a.products = [Product(category=category, name_vi=text, name_en=text, description=text,
                                  recognized_year=2024, recognized_decision_no="123/QĐ-UBND")]
            a.needs = [Need(category=category, notes=text)]
            users = {
                EXHIBITOR_A: _user("a@example.vn", "exhibitor", a),
                EXHIBITOR_B: _user("b@example.vn", "exhibitor", b),
                BUYER: _user("buyer@example.vn", "buyer", c),
                ORGANIZER: _user("btc@example.vn", "organizer", None),
            }
            joiner = _user("joiner@example.vn", "exhibitor", a, status="pending")
            db.session.commit()
            reservation = reserve_booths(a, ["A01"], users[EXHIBITOR_A])
            entry = join_waitlist(a, users[EXHIBITOR_A], None, None, None)
            meeting = request_meeting(c, a.key, users[BUYER], text, False)
            second_meeting = request_meeting(d, a.key, users[ORGANIZER], text, False)
            # A meeting on A's agenda (asked by a fifth enterprise, published, begun): what the
            # meeting-day routes act on.
            e = _enterprise("lead", "Công ty CP Cơ khí Đông Anh", "Dong Anh Mechanics JSC")
            db.session.flush()
            third_meeting = request_meeting(e, a.key, users[ORGANIZER], text, False)
            third_meeting.state = "accepted"
            slot = slots_of(fair)[0]
            meeting = Meeting(fair_id=fair.id, request=third_meeting, slot_id=slot.id, starts_at=slot.starts_at,
                              ends_at=slot.ends_at, table="T01", state="published", published_at=utcnow())
            db.session.add(meeting)
            wanted = post_request(a, users[EXHIBITOR_A], category=CATEGORY, volume_value=None, volume_unit="units",
                                  required_certifications=[], deadline_on=None, notes=text)
            token, _secret = ApiToken.issue(users[EXHIBITOR_A])
            db.session.add(token)
            db.session.add(PasswordReset(user=users[EXHIBITOR_A], token_hash=hash_secret("reset-secret"),
                                         expires_at=utcnow() + timedelta(hours=2)))
            db.session.commit()
            feed = new_calendar_feed(users[EXHIBITOR_A])
            person = FairPerson(fair_id=fair.id, enterprise_id=a.id, role="exhibitor", full_name="Nguyễn Thị Mai",
                                phone="0912 345 678")
            db.session.add(person)
            db.session.commit()
            membership = db.session.scalar(select(Membership.id).where(Membership.user_id == joiner.id))
            job = Job(id="0" * 32, kind="schedule", key="0" * 64, params={"fair_id": fair.id}, state="done",
                      result={"url": "/organizer/meetings"}, user_id=users[ORGANIZER].id)
            db.session.add(job)
            db.session.commit()
            world = World(app, {p: u.email for p, u in users.items()}, {"A": a.key, "B": b.key, "C": c.key})
            world.ids = {"product_id": a.products[0].id, "need_id": a.needs[0].id, "reservation_id": reservation.id,
                         "entry_id": entry.id,
                         "meeting_request_id": meeting.id, "second_meeting_request_id": second_meeting.id,
                         "sourcing_request_id": wanted.id, "token_id": token.id,
                         "membership_id": membership, "feed_secret": feed, "reset_token": "reset-secret",
                         "meeting_id": meeting.id, "fair_id": fair.id, "user_id": users[ORGANIZER].id,
                         "person_id": person.id, "job_id": job.id,
                         "message_id": db.session.scalar(select(Notification.id).limit(1))}
            return world

    return make


@pytest.fixture
def world(make_world) -> World:
    return make_world()


# Arguments of the URLs: A's things; a few names mean different things on different routes.
ARGUMENT_OVERRIDES = {
    ("enterprises.category", "code"): CATEGORY,
    ("enterprises.delete_category", "code"): CATEGORY,
    ("matching.request_detail", "request_id"): "sourcing_request_id",
    ("meetings.act", "request_id"): "second_meeting_request_id",  # the API answers the first one
    ("meetings.act", "action"): "accept",
    ("booths.act_on_reservation", "action"): "submit",
    ("auth.decide", "decision"): "approve",
    ("organizer.export", "slug"): "exhibitors",
    ("meetings.agenda_action", "action"): "held",
}


def arguments(world) -> dict:
    return {
        "key": world.keys["A"], "code": "A01", "product_id": world.ids["product_id"], "need_id": world.ids["need_id"],
        "reservation_id": world.ids["reservation_id"], "request_id": world.ids["meeting_request_id"],
        "entry_id": world.ids["entry_id"],
        "second_meeting_request_id": world.ids["second_meeting_request_id"],
        "sourcing_request_id": world.ids["sourcing_request_id"], "membership_id": world.ids["membership_id"],
        "token_id": world.ids["token_id"], "token": world.ids["reset_token"], "secret": world.ids["feed_secret"],
        "filename": "css/app.css", "format": "csv", "slug": "gaps", "queue": "enterprises",
        "meeting_id": world.ids["meeting_id"], "fair_id": world.ids["fair_id"], "user_id": world.ids["user_id"],
        "message_id": world.ids["message_id"], "decision": "approve", "change": "deactivate",
        "person_id": world.ids["person_id"], "job_id": world.ids["job_id"],
        "event_id": 0, "registration_id": 0,
    }


def rule_url(rule, values: dict) -> str:
    """The URL of `rule` with its arguments taken from `values` (see arguments())."""

    def value(name: str):
        override = ARGUMENT_OVERRIDES.get((rule.endpoint, name))
        if override is None:
            assert name in values, f"no value for <{name}> in {rule.rule}: add one to arguments()"
            return values[name]
        return values.get(override, override)

    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(value(m.group(1))), rule.rule)
