"""Registering an enterprise's people for a side event: its named fair people when it has some, else
the member's account; capacity, then the waitlist, whose first moves up (and is told) when a seat frees."""

from sqlalchemy import select

from fairmatch.events.models import EventRegistration
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in
from tests.events.conftest import person_id, states


def test_an_enterprise_with_named_people_registers_one_of_them(app, add_event, events_fair):
    event_id = add_event()
    member = signed_in(app, events_fair.emails["a"])
    page = member.get(f"/events/{event_id}?lang=en").get_data(as_text=True)
    assert "Nguyễn Thị Mai" in page and "Hoàng Văn Long" in page

    response = member.post(f"/events/{event_id}/register", data={"person": person_id(app, "Hoàng Văn Long")})
    assert response.status_code == 302
    assert states(app, event_id) == {"Hoàng Văn Long": "registered"}
    # Once registered, the person is no longer offered; registering again is refused, not doubled.
    page = member.get(f"/events/{event_id}?lang=en").get_data(as_text=True)
    assert f'<option value="{person_id(app, "Hoàng Văn Long")}"' not in page
    again = member.post(f"/events/{event_id}/register?lang=en", data={"person": person_id(app, "Hoàng Văn Long")})
    assert again.status_code == 409 and "This person is already on the event" in again.get_data(as_text=True)


def test_someone_elses_person_cannot_be_registered(app, add_event, events_fair):
    event_id = add_event()
    other = signed_in(app, events_fair.emails["b"])
    response = other.post(f"/events/{event_id}/register?lang=en", data={"person": person_id(app, "Nguyễn Thị Mai")})
    assert response.status_code == 404
    assert states(app, event_id) == {}


def test_an_enterprise_without_named_people_registers_the_member(app, add_event, events_fair):
    event_id = add_event()
    member = signed_in(app, events_fair.emails["b"])
    assert member.post(f"/events/{event_id}/register").status_code == 302
    assert states(app, event_id) == {"Trần Văn Dũng": "registered"}
    page = member.get(f"/events/{event_id}?lang=en").get_data(as_text=True)
    assert "Trần Văn Dũng" in page and "Registered" in page and "Register me" not in page


def test_a_full_event_puts_the_next_on_the_waitlist_and_a_freed_seat_goes_to_the_first_in_line(
    app, add_event, events_fair
):
    event_id = add_event(capacity="1")
    b, buyer, lead = (signed_in(app, events_fair.emails[who]) for who in ("b", "buyer", "lead"))
    b.post(f"/events/{event_id}/register")
    full = buyer.post(f"/events/{event_id}/register?lang=en", follow_redirects=True).get_data(as_text=True)
    assert "The event is full" in full and "On the waitlist" in full
    lead.post(f"/events/{event_id}/register")
    assert states(app, event_id) == {
        "Trần Văn Dũng": "registered",
        "Lê Hoàng Nam": "waitlisted",
        "Đỗ Minh Hưng": "waitlisted",
    }

    with app.app_context():
        seat = db.session.scalar(select(EventRegistration.id).where(EventRegistration.state == "registered"))
    assert b.post(f"/events/{event_id}/registrations/{seat}/leave").status_code == 302
    assert states(app, event_id) == {"Lê Hoàng Nam": "registered", "Đỗ Minh Hưng": "waitlisted"}
    with app.app_context():
        told = db.session.scalars(select(Notification).where(Notification.kind == "event_promoted")).all()
        assert [m.email for m in told] == [events_fair.emails["buyer"]]
        assert "Lê Hoàng Nam" in told[0].body


def test_nobody_leaves_for_another_enterprise(app, add_event, events_fair):
    event_id = add_event()
    signed_in(app, events_fair.emails["b"]).post(f"/events/{event_id}/register")
    with app.app_context():
        seat = db.session.scalar(select(EventRegistration.id))
    response = signed_in(app, events_fair.emails["buyer"]).post(f"/events/{event_id}/registrations/{seat}/leave")
    assert response.status_code == 403
    assert states(app, event_id) == {"Trần Văn Dũng": "registered"}
