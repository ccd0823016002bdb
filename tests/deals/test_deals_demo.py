"""seed-demo gives the deals something to show: contracts with values, some in foreign currencies at
the organizer's rates, MoUs without a value, and follow-up only once it is due."""

from sqlalchemy import select

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import fair_zone
from fairmatch.meetings.followup import due_round, follow_up_figures
from fairmatch.meetings.models import ExchangeRate, MeetingOutcome


def test_the_demo_deals_have_realistic_values_and_follow_up_is_truthful(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "60"]).exit_code == 0
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        assert {r.currency for r in db.session.scalars(select(ExchangeRate))} >= {"USD", "JPY"}
        outcomes = db.session.scalars(select(MeetingOutcome)).all()
        contracts = [o for o in outcomes if o.outcome == "contract"]
        assert all(190_000_000 <= o.value_vnd <= 5_000_000_000 for o in contracts)
        assert all(o.value_vnd == o.value * o.rate_vnd for o in outcomes if o.value is not None)
        assert any(o.value is not None for o in outcomes)
        assert all(o.value is None for o in outcomes if o.outcome in ("mou", "follow_up", "none"))
        assert any(o.category_id for o in outcomes) and any(o.partner_origin == "foreign" for o in outcomes)
        figures = follow_up_figures(fair)
        if due_round(fair, utcnow().astimezone(fair_zone()).date()) is None:  # December 2026: none due yet
            assert figures["m3"] == figures["m6"] == {"sent": 0, "answered": 0, "contracts": 0}
        else:
            assert figures["m3"]["sent"] + figures["m6"]["sent"] > 0
