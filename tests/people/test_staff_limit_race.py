"""Many members adding booth staff at once never pass the limit: the enterprise's row is locked while
the list is counted. PostgreSQL only (TEST_DATABASE_URL): SQLite runs one writer at a time anyway."""


import pytest
from sqlalchemy import func, select

from fairmatch.auth.models import User
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.people.models import FairPerson
from fairmatch.people.services import add_person
from tests.conftest import POSTGRES_URL, at_once

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="row locks need PostgreSQL (TEST_DATABASE_URL)")
CLIENTS = 12


def test_twelve_members_adding_staff_at_once_leave_exactly_the_limit(app, people_fair):
    outcomes = [None] * CLIENTS

    def run(n, ready):
        with app.app_context():
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == people_fair.keys["a"]))
            fair = db.session.scalar(select(Fair).where(Fair.is_current))
            actor = db.session.scalar(select(User).where(User.email == people_fair.emails["a"]))
            ready()
            try:
                add_person(enterprise, fair, actor, full_name=f"Nguyễn Văn {n}", phone="0912 345 678")
                outcomes[n] = "added"
            except RuleViolation:
                db.session.rollback()
                outcomes[n] = "refused"
            finally:
                db.session.remove()

    at_once(CLIENTS, run)
    assert outcomes.count("added") == 3 and outcomes.count("refused") == CLIENTS - 3
    with app.app_context():
        assert db.session.scalar(select(func.count(FairPerson.id))) == 3
