"""Demo data for exhibitor support (called by seed-demo)."""

import random

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.booths.models import BoothReservation, Payment
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.support.services import apply_support, save_rule

RULES = (
    {
        "name_vi": "Sản phẩm công nghiệp chủ lực được công nhận: miễn phí gian hàng",
        "name_en": "Recognised key industrial products: free booth",
        "needs_recognised_product": True,
        "max_employees": None,
        "kinds": [],
        "percent_off": 100,
        "budget_vnd": 400_000_000,
    },
    {
        "name_vi": "Doanh nghiệp CNHT nhỏ và vừa (≤ 200 lao động): giảm 50 %",
        "name_en": "Supporting-industry SMEs (≤ 200 employees): 50 % off",
        "needs_recognised_product": False,
        "max_employees": 200,
        "kinds": ["supplier"],
        "percent_off": 50,
        "budget_vnd": 300_000_000,
    },
)


def seed(fair: Fair, rng: random.Random) -> None:
    """Give the demo fair the programme's two usual rules and grant them, through the booking service's own
    rule, to the applications already made, oldest first. The demo's payments are then what was due."""
    for fields in RULES:
        save_rule(fair, None, **fields)
    applications = db.session.scalars(
        select(BoothReservation)
        .where(BoothReservation.fair_id == fair.id, BoothReservation.state.in_(("submitted", "approved", "confirmed")))
        .order_by(BoothReservation.submitted_at, BoothReservation.id)
        .options(selectinload(BoothReservation.payments))
    )
    for reservation in applications:
        if apply_support(reservation, None) is None:
            continue
        if reservation.state == "approved" and reservation.total_vnd == 0:  # nothing to pay: confirmed on approval
            reservation.state, reservation.confirmed_at = "confirmed", reservation.decided_at
        if reservation.state == "confirmed":
            paid_on = reservation.confirmed_at.date()
            reservation.payments = (
                [Payment(amount_vnd=reservation.total_vnd, paid_on=paid_on)] if reservation.total_vnd else []
            )
    db.session.commit()
