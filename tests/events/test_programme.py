"""The organizer keeps the programme of side events; the public reads it by day in their language."""

from sqlalchemy import select

from fairmatch.events.models import SideEvent
from fairmatch.extensions import db
from tests.conftest import signed_in
from tests.events.conftest import FAIR_DAY, event_form


def test_an_added_event_is_on_the_programme_by_day_in_the_readers_language(app, client, add_event, events_fair):
    add_event()
    add_event(kind="conference", title_vi="Khai mạc hội chợ", title_en="Opening conference", start="08:30", end="10:00")

    vi = client.get("/programme?lang=vi").get_data(as_text=True)
    assert "Khai mạc hội chợ" in vi and "Hội thảo: Đạt chuẩn nhà cung ứng – ISO 9001" in vi
    assert vi.index("Khai mạc hội chợ") < vi.index("Hội thảo: Đạt chuẩn")  # in time order
    assert f"{FAIR_DAY.day:02d}/{FAIR_DAY.month:02d}/{FAIR_DAY.year}" in vi and "08:30–10:00" in vi
    en = client.get("/programme?lang=en").get_data(as_text=True)
    assert "Opening conference" in en and "Khai mạc hội chợ" not in en and "Conference" in en


def test_times_are_the_fairs_local_time(app, add_event):
    event_id = add_event(start="09:00", end="11:00")
    with app.app_context():
        event = db.session.get(SideEvent, event_id)
        assert event.starts_at.hour == 2 and event.ends_at.hour == 4  # 09:00 and 11:00 in Hanoi are UTC+7


def test_an_event_that_ends_before_it_starts_is_refused_and_the_form_keeps_what_was_typed(app, events_fair):
    organizer = signed_in(app, events_fair.emails["organizer"])
    response = organizer.post("/organizer/events?lang=en", data=event_form(start="16:00", end="15:00"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The event must end after it starts." in page
    assert "Hội thảo: Đạt chuẩn nhà cung ứng – ISO 9001" in page and 'value="16:00"' in page
    with app.app_context():
        assert db.session.scalar(select(SideEvent.id)) is None


def test_a_capacity_below_those_registered_is_refused_and_a_larger_one_moves_the_waitlist_up(
    app, add_event, events_fair
):
    event_id = add_event(capacity="1")
    for who in ("b", "buyer"):
        signed_in(app, events_fair.emails[who]).post(f"/events/{event_id}/register")
    organizer = signed_in(app, events_fair.emails["organizer"])

    refused = organizer.post(f"/organizer/events/{event_id}?lang=en", data=event_form(capacity="0"))
    assert refused.status_code == 422
    # One more seat: the first on the waitlist moves up.
    assert organizer.post(f"/organizer/events/{event_id}", data=event_form(capacity="2")).status_code == 302
    page = organizer.get(f"/organizer/events/{event_id}?lang=en").get_data(as_text=True)
    assert "2 of 2 seats taken" in page

    shrink = organizer.post(f"/organizer/events/{event_id}?lang=en", data=event_form(capacity="1"))
    assert shrink.status_code == 422
    assert "2 people are registered already: the capacity cannot be less." in shrink.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(SideEvent, event_id).capacity == 2
