"""seed-demo gives its participants realistic days at the fair and meeting places: buyers come on
one or two days in a row, exhibitors on every day, some hosts meet at their booth; the published
schedule keeps to them."""

import math
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.attendance import answered_days, attended_days
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest
from fairmatch.meetings.schedule import slots_of
from tests.conftest import signed_in


def test_demo_buyers_come_on_one_or_two_days_exhibitors_on_all_and_the_schedule_keeps_to_them(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "60"]).exit_code == 0
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        fair_days = [fair.starts_on + timedelta(days=n) for n in range((fair.ends_on - fair.starts_on).days + 1)]
        accounts = set(db.session.scalars(select(Membership.enterprise_id)))
        days_of = {e.id: attended_days(fair, e.id) for e in db.session.scalars(select(Enterprise))}
        buyers_per_day: Counter = Counter()
        # The makers the recognised-products register adds (unverified) are not at the fair yet: they are invited.
        taking_part = select(Enterprise).where(Enterprise.id.not_in(accounts), Enterprise.verified)
        for enterprise in db.session.scalars(taking_part):
            days = days_of[enterprise.id]
            assert answered_days(fair, enterprise.id), enterprise.key
            if enterprise.kind == "buyer":
                assert len(days) in (1, 2) and days == fair_days[fair_days.index(days[0]) :][: len(days)]
                buyers_per_day.update(days)
            else:
                assert days == fair_days, enterprise.kind
        assert set(buyers_per_day) == set(fair_days)  # every day has buyers
        places = Counter(db.session.scalars(select(MeetingRequest.place).where(MeetingRequest.state == "accepted")))
        assert places["booth"] > 0 and places["table"] > 0
        meetings = db.session.scalars(select(Meeting).where(Meeting.state.in_(ON_AGENDA))).all()
        assert meetings
        for meeting in meetings:
            day = date.fromisoformat(meeting.slot_id[:10])
            request = meeting.request
            assert day in days_of[request.from_enterprise_id] and day in days_of[request.to_enterprise_id]
            if request.place:
                assert (meeting.booth is not None) == (request.place == "booth"), request.place
        # Spread over the fair: every day has meetings, and no slot holds more than twice the mean
        # (in whole meetings).
        assert {date.fromisoformat(m.slot_id[:10]) for m in meetings} == set(fair_days)
        loads = Counter(m.slot_id for m in meetings)
        assert max(loads.values()) <= math.ceil(2 * len(meetings) / len(slots_of(fair)))
    # The demo accounts are left to answer: the supplier is asked its days when accepting.
    supplier = signed_in(app, "cungung@demo.fairmatch.vn", "hoicho-2026")
    assert "Which days will you be at the fair?" in supplier.get("/me/meetings?lang=en").get_data(as_text=True)
