"""At an event's door the organizer scans the fair badges: a registered person's attendance is
recorded once; forged badges, removed people, people not registered or only waiting are refused."""

import re

from sqlalchemy import select

from fairmatch.events.models import EventRegistration
from fairmatch.extensions import db
from fairmatch.meetings.codes import badge_code, person_code
from fairmatch.people.models import FairPerson
from tests.conftest import signed_in
from tests.events.conftest import person_id


def scan(client, event_id: int, code: str):
    return client.post(f"/organizer/events/{event_id}/check-in?lang=en", data={"code": code})


def test_a_registered_persons_badge_records_attendance_once(app, add_event, events_fair):
    event_id = add_event()
    mai = person_id(app, "Nguyễn Thị Mai")
    signed_in(app, events_fair.emails["a"]).post(f"/events/{event_id}/register", data={"person": mai})
    organizer = signed_in(app, events_fair.emails["organizer"])
    with app.app_context():
        code = person_code(mai)

    first = scan(organizer, event_id, code).get_data(as_text=True)
    assert 'data-result="ok"' in first and "Attendance recorded" in first and "Nguyễn Thị Mai" in first
    assert "Attended so far: 1 of 1 registered" in first
    with app.app_context():
        attended_at = db.session.scalar(select(EventRegistration.attended_at))
    again = scan(organizer, event_id, f" {code.lower()}\n").get_data(as_text=True)
    assert 'data-result="again"' in again and "Already checked in" in again
    with app.app_context():
        assert db.session.scalar(select(EventRegistration.attended_at)) == attended_at


def test_an_account_badge_checks_in_a_member_registered_without_named_people(app, add_event, events_fair):
    event_id = add_event()
    member = signed_in(app, events_fair.emails["b"])
    member.post(f"/events/{event_id}/register")
    # The member has no badge: its agenda shows the code the door scans.
    code = re.search(r"<code>(FM-B[\w-]+)</code>", member.get("/me/agenda?lang=en").get_data(as_text=True)).group(1)
    with app.app_context():
        assert code == badge_code(db.session.scalar(select(EventRegistration.user_id)))
    page = scan(signed_in(app, events_fair.emails["organizer"]), event_id, code).get_data(as_text=True)
    assert 'data-result="ok"' in page and "Trần Văn Dũng" in page


def test_forged_removed_unregistered_and_waiting_badges_are_refused(app, add_event, events_fair):
    event_id = add_event(capacity="1")
    mai, long_ = person_id(app, "Nguyễn Thị Mai"), person_id(app, "Hoàng Văn Long")
    lan = person_id(app, "Vũ Thị Lan")
    member = signed_in(app, events_fair.emails["a"])
    member.post(f"/events/{event_id}/register", data={"person": mai})
    member.post(f"/events/{event_id}/register", data={"person": long_})  # waitlisted: one seat
    organizer = signed_in(app, events_fair.emails["organizer"])
    with app.app_context():
        genuine, waiting, unregistered = person_code(mai), person_code(long_), person_code(lan)
        db.session.delete(db.session.get(FairPerson, mai))
        db.session.commit()

    cases = {
        genuine[:-1] + ("0" if genuine[-1] != "0" else "1"): "not a fairmatch badge",
        genuine: "the person was removed",
        unregistered: "not registered for this event",
        waiting: "on the waitlist",
    }
    for code, reason in cases.items():
        response = scan(organizer, event_id, code)
        page = response.get_data(as_text=True)
        assert response.status_code == 422 and 'data-result="unknown"' in page and reason in page, code
    with app.app_context():
        assert (
            db.session.scalar(select(EventRegistration.attended_at).where(EventRegistration.attended_at.is_not(None)))
            is None
        )
