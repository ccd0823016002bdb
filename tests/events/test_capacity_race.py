"""Many members registering at once for the last seats: exactly the capacity is registered, the rest
wait in line; the event's row is locked while its seats are counted. PostgreSQL only
(TEST_DATABASE_URL): SQLite runs one writer at a time anyway."""


import pytest
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.enterprises.models import Enterprise
from fairmatch.events.models import EventRegistration, SideEvent
from fairmatch.events.services import check_in, register
from fairmatch.extensions import db
from fairmatch.meetings.codes import person_code
from fairmatch.people.models import FairPerson
from tests.conftest import POSTGRES_URL, at_once

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="row locks need PostgreSQL (TEST_DATABASE_URL)")
CLIENTS = 12
CAPACITY = 5


def test_twelve_members_registering_at_once_fill_exactly_the_capacity(app, add_event, make_enterprise, make_user):
    event_id = add_event(capacity=str(CAPACITY))
    members = []
    for n in range(CLIENTS):
        key = make_enterprise(name_vi=f"Công ty TNHH Cơ khí số {n}", name_en=f"Mechanics No. {n}")
        members.append((key, make_user("exhibitor", enterprise=key, name=f"Nguyễn Văn {n}")))
    outcomes = [None] * CLIENTS

    def run(n, ready):
        key, email = members[n]
        with app.app_context():
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            actor = db.session.scalar(select(User).where(User.email == email))
            event = db.session.get(SideEvent, event_id)
            ready()
            try:
                outcomes[n] = register(event, enterprise, actor).state
            finally:
                db.session.remove()

    at_once(CLIENTS, run)
    assert outcomes.count("registered") == CAPACITY and outcomes.count("waitlisted") == CLIENTS - CAPACITY
    with app.app_context():
        stored = db.session.scalars(select(EventRegistration.state).where(EventRegistration.event_id == event_id))
        assert sorted(stored) == ["registered"] * CAPACITY + ["waitlisted"] * (CLIENTS - CAPACITY)


def test_two_desks_scanning_one_badge_at_once_record_one_attendance(app, add_event, events_fair):
    event_id = add_event()
    with app.app_context():
        firm = db.session.scalar(select(Enterprise).where(Enterprise.key == events_fair.keys["a"]))
        person = db.session.scalar(select(FairPerson).where(FairPerson.enterprise_id == firm.id))
        organizer = db.session.scalar(select(User).where(User.email == events_fair.emails["organizer"]))
        member = db.session.scalar(select(User).where(User.email == events_fair.emails["a"]))
        register(db.session.get(SideEvent, event_id), firm, member, person.id)
        code, organizer_id = person_code(person.id), organizer.id
    firsts = []

    def desk(_n, ready):
        with app.app_context():
            event = db.session.get(SideEvent, event_id)
            actor = db.session.get(User, organizer_id)
            ready()
            try:
                firsts.append(check_in(event, code, actor)[1])
            finally:
                db.session.remove()

    at_once(2, desk)
    assert sorted(firsts) == [False, True]
