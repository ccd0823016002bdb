"""What the fair report reads (support granted per rule) and the demo's support."""

import random

from sqlalchemy import select

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.support import demo
from fairmatch.support.models import SupportRule
from fairmatch.support.services import support_by_rule
from tests.conftest import signed_in
from tests.support.conftest import PRICE


def test_support_by_rule_counts_the_live_supported_booths_and_the_amount_per_rule(
    app, fair, exhibitor, apply_for, make_rule, organizer
):
    make_rule(name_vi="Miễn phí", name_en="Free", needs_recognised_product=True, budget_vnd=100_000_000)
    make_rule(name_vi="Giảm 50 %", name_en="Half", percent_off=50, budget_vnd=100_000_000)
    recognised, _ = exhibitor(recognised=True)
    apply_for(recognised, "A01")
    other, _ = exhibitor()
    apply_for(other, "A02")
    cancelled, _ = exhibitor()
    gone = apply_for(cancelled, "A03")
    with app.test_request_context():
        services.cancel(db.session.get(BoothReservation, gone), find_user(organizer))
    with app.test_request_context("/?lang=en"):
        assert support_by_rule(db.session.get(Fair, fair)) == [("Free", 1, PRICE), ("Half", 1, PRICE // 2)]


def test_the_demo_grants_its_two_rules_to_applications_and_records_what_was_paid(app, fair, exhibitor, organizer):
    reservations = []
    for n, recognised in enumerate((True, False, True)):
        email, _key = exhibitor(recognised=recognised, employees=120)
        client = signed_in(app, email)
        reservation_id = client.post(f"/api/v1/booths/A0{n + 1}/reservations", json={}).json["id"]
        client.post(f"/api/v1/reservations/{reservation_id}/submit")
        reservations.append(reservation_id)
    with app.test_request_context():
        for reservation_id in reservations:  # the demo's data predates the rules: no support yet
            reservation = db.session.get(BoothReservation, reservation_id)
            reservation.support_grant = None
            services.approve(reservation, find_user(organizer))
            services.record_payment(
                reservation, find_user(organizer), reservation.total_vnd, reservation.submitted_at.date()
            )
        demo.seed(db.session.get(Fair, fair), random.Random(1))
        rules = list(db.session.scalars(select(SupportRule).order_by(SupportRule.position)))
        assert [r.name_en for r in rules] == [
            "Recognised key industrial products: free booth",
            "Supporting-industry SMEs (≤ 200 employees): 50 % off",
        ]
        assert [r.granted_vnd for r in rules] == [2 * PRICE, PRICE // 2]
        for reservation_id in reservations:
            reservation = db.session.get(BoothReservation, reservation_id)
            assert reservation.state == "confirmed" and reservation.paid_vnd == reservation.total_vnd
