"""Many exhibitors submitting at once never overspend a support budget: the UPDATE that draws on it adds the
amount only while it fits, and the database's CHECK backs it. PostgreSQL only (TEST_DATABASE_URL): SQLite runs
one writer at a time anyway."""


import pytest
from sqlalchemy import func, select

from fairmatch.auth.models import User
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.extensions import db
from fairmatch.support.models import SupportGrant, SupportRule
from tests.conftest import POSTGRES_URL, at_once, signed_in
from tests.support.conftest import PRICE

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="concurrent writers need PostgreSQL (TEST_DATABASE_URL)")
CLIENTS = 8
FUNDED = 3


def test_eight_exhibitors_submitting_at_once_get_exactly_the_budgets_three_free_booths(app, exhibitor, make_rule):
    rule_id = make_rule(percent_off=100, budget_vnd=FUNDED * PRICE)
    held = []
    for n in range(CLIENTS):
        email, _key = exhibitor()
        client = signed_in(app, email)
        held.append((email, client.post(f"/api/v1/booths/A0{n + 1}/reservations", json={}).json["id"]))
    outcomes = [None] * CLIENTS

    def run(n, ready):
        email, reservation_id = held[n]
        with app.test_request_context():
            actor = db.session.scalar(select(User).where(User.email == email))
            reservation = db.session.get(BoothReservation, reservation_id)
            ready()
            try:
                services.submit(reservation, actor)
                outcomes[n] = reservation.total_vnd
            finally:
                db.session.remove()

    at_once(CLIENTS, run)
    # Three pay nothing, the others the list price with VAT.
    assert sorted(outcomes) == [0] * FUNDED + [16_200_000] * (CLIENTS - FUNDED)
    with app.app_context():
        assert db.session.get(SupportRule, rule_id).granted_vnd == FUNDED * PRICE
        assert db.session.scalar(select(func.count(SupportGrant.id))) == FUNDED
        assert db.session.scalar(select(func.count()).where(BoothReservation.state == "submitted")) == CLIENTS
