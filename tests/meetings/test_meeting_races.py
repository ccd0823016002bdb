"""Two organizers placing meetings of one enterprise into the same freed slot at once: one wins, the
other is refused, and nobody is ever in two meetings at once (SQLite and PostgreSQL)."""

import time
from datetime import date, timedelta

from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.meetings import day
from fairmatch.meetings.models import Meeting, MeetingRequest
from tests.conftest import at_once, signed_in


def test_concurrent_placements_never_put_one_enterprise_in_two_meetings_at_once(app, make_user, meeting_fair,
                                                                                 monkeypatch):
    meeting_fair(on=date.today() + timedelta(days=7), tables=2)  # two slots, two tables, three requests
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    organizer.post("/organizer/meetings/publish")
    with app.app_context():
        first, second = db.session.scalars(select(Meeting).order_by(Meeting.slot_id)).all()
        freed = second.slot_id
        waiting = db.session.scalar(select(MeetingRequest.id).where(MeetingRequest.id.not_in(
            select(Meeting.request_id))))
        first_id, second_id = first.id, second.id
    # The buyer's 09:30 meeting is cancelled. Two organizers at once: one gives the slot to the
    # buyer's waiting request, the other moves the buyer's 09:00 meeting into it. Either is right
    # alone; both would put the buyer in two meetings at 09:30.
    organizer.post(f"/organizer/meetings/{second_id}", data={"action": "cancel"})
    clients = [signed_in(app, make_user("organizer")) for _ in range(2)]
    actions = [("/organizer/meetings/offers", {"request": waiting, "slot": freed, "place": "T01"}),
               (f"/organizer/meetings/{first_id}", {"action": "move", "slot": freed, "place": "T02"})]
    # Widen the window between checking the rules and writing, as a slow server would.
    checked = day.check_place

    def slow_check(*args, **kwargs):
        found = checked(*args, **kwargs)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(day, "check_place", slow_check)
    statuses = [None, None]

    def act(i, ready):
        url, form = actions[i]
        ready()
        statuses[i] = clients[i].post(url, data=form).status_code

    at_once(2, act)
    assert sorted(statuses) == [302, 409]
    with app.app_context():
        buyer_slots = [m.slot_id for m in db.session.scalars(select(Meeting).where(Meeting.state != "cancelled"))]
        assert buyer_slots.count(freed) == 1
