"""Each registration shows on the enterprise's agenda and, once it holds a seat, in its calendar file
with a UID that stays the same at every download."""

from icalendar import Calendar

from tests.conftest import signed_in
from tests.events.conftest import person_id


def events_in(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk("VEVENT")]


def test_registrations_are_on_the_agenda_with_their_state(app, add_event, events_fair):
    seated = add_event(title_en="Workshop on ISO 9001")
    full = add_event(title_en="Training for business leaders", capacity="1", start="08:00", end="09:00")
    signed_in(app, events_fair.emails["b"]).post(f"/events/{full}/register")
    member = signed_in(app, events_fair.emails["a"])
    member.post(f"/events/{seated}/register", data={"person": person_id(app, "Nguyễn Thị Mai")})
    member.post(f"/events/{full}/register", data={"person": person_id(app, "Vũ Thị Lan")})

    page = member.get("/me/agenda?lang=en").get_data(as_text=True)
    assert "Events" in page and "Workshop on ISO 9001" in page and "Training for business leaders" in page
    assert "Nguyễn Thị Mai: Registered" in page and "Vũ Thị Lan: On the waitlist" in page
    assert page.index("Training for business leaders") < page.index("Workshop on ISO 9001")  # time order


def test_a_seated_registration_is_in_the_calendar_file_with_a_stable_uid(app, add_event, events_fair):
    seated = add_event(title_vi="Hội thảo ISO 9001", start="14:00", end="16:30")
    waiting = add_event(title_vi="Đào tạo lãnh đạo", capacity="1", start="08:00", end="09:00")
    signed_in(app, events_fair.emails["b"]).post(f"/events/{waiting}/register")
    member = signed_in(app, events_fair.emails["a"])
    member.post(f"/events/{seated}/register", data={"person": person_id(app, "Nguyễn Thị Mai")})
    member.post(f"/events/{waiting}/register", data={"person": person_id(app, "Vũ Thị Lan")})

    first = events_in(member.get("/me/agenda.ics").data)
    assert [str(e["summary"]) for e in first] == ["Hội thảo ISO 9001"]  # the waitlisted one is not
    event = first[0]
    assert event.decoded("dtstart").strftime("%H:%M %z") == "14:00 +0700"
    assert "Nguyễn Thị Mai" in str(event["description"]) and "Phòng hội thảo 2" in str(event["location"])
    again = events_in(member.get("/me/agenda.ics").data)
    assert str(again[0]["uid"]) == str(event["uid"])
