"""Demo deals and follow-up answers (called by seed-demo)."""

import random

from sqlalchemy import select

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import fair_zone
from fairmatch.meetings import deals, followup
from fairmatch.meetings.models import FOLLOW_UP_ANSWERS, ExchangeRate, FollowUp, Meeting

# The organizer's rates (đồng per unit), of the order of the banks' selling rates in late 2026.
DEMO_RATES = {"USD": 25_400, "EUR": 27_600, "JPY": 168, "KRW": 18}
CONTRACT_VND = (200_000_000, 5_000_000_000)
QUOTATION_VND = (50_000_000, 800_000_000)


def seed(fair: Fair, rng: random.Random) -> None:
    """Give the demo fair's held meetings realistic deals: contracts of 200 million to 5 billion
    đồng (with a foreign partner, often in dollars or yen), some quotations with the amount quoted,
    MoUs and planned follow-ups without a value. Follow-up questions exist only once they are due
    (three months after the fair): before that the report truthfully says none was sent."""
    for code, rate in DEMO_RATES.items():
        db.session.add(ExchangeRate(fair_id=fair.id, currency=code, vnd_per_unit=rate))
    db.session.flush()
    held = db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "held").order_by(Meeting.id)
    )
    for meeting in held:
        if not meeting.outcomes:
            continue
        categories = deals.deal_categories(meeting.request.sender, meeting.request.receiver)
        category_id = rng.choice(categories).id if categories and rng.random() < 0.9 else None
        contract = _contract_value(fair, meeting, rng)
        for answer in meeting.outcomes:
            value = None
            if answer.outcome == "contract":
                value = contract
            elif answer.outcome == "quotation" and rng.random() < 0.4:
                value = (_round(rng.randint(*QUOTATION_VND), 1_000_000), "VND")
            deal = deals.Deal(
                value=value[0] if value else None, currency=value[1] if value else "VND", category_id=category_id
            )
            deals.describe(answer, fair, deal, answer.partner)
    db.session.flush()
    _follow_up(fair, rng)


def _contract_value(fair: Fair, meeting: Meeting, rng: random.Random) -> tuple[int, str]:
    """One value per meeting, so that both sides that report a contract report the same one."""
    vnd = rng.randint(*CONTRACT_VND)
    countries = {meeting.request.sender.country, meeting.request.receiver.country} - {"VN"}
    if countries and rng.random() < 0.6:
        currency = "JPY" if "JP" in countries else "USD"
        unit = 100_000 if currency == "JPY" else 1_000
        return max(unit, _round(vnd // DEMO_RATES[currency], unit)), currency
    return _round(vnd, 10_000_000), "VND"


def _round(value: int, unit: int) -> int:
    return max(unit, value // unit * unit)


def _follow_up(fair: Fair, rng: random.Random) -> None:
    """Ask what is due today through the real path (the outbox), and let some sides answer."""
    today = utcnow().astimezone(fair_zone()).date()
    if followup.due_round(fair, today) is None:
        return
    followup.send_follow_ups(today)
    asked = db.session.scalars(select(FollowUp).join(Meeting).where(Meeting.fair_id == fair.id).order_by(FollowUp.id))
    for question in asked:
        if rng.random() < 0.45:
            answer = rng.choices(FOLLOW_UP_ANSWERS, weights=(3, 5, 2))[0]
            value = _round(rng.randint(*CONTRACT_VND), 10_000_000) if answer == "contract" else None
            followup.answer_follow_up(question, answer, value, "VND", "")
