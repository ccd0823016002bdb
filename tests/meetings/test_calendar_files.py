"""Calendar files (/me/agenda.ics and the private feed) read by a second, independent iCalendar
parser (vobject), as a calendar app would read them: the time zone they name is defined in them,
times land on the right instant, the words are in the account's language, and each event keeps
one UID of its own across downloads and installations."""

import re
from datetime import UTC, datetime

import pytest
import vobject

from tests.conftest import PASSWORD, signed_in


@pytest.fixture
def published(runner, accepted):
    """The buyer of `accepted` with its two meetings published (09:00 and 09:30 on 15 October 2026)."""
    buyer, _suppliers = accepted
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"]).exit_code == 0
    return buyer


def read(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def test_the_agenda_file_defines_the_time_zone_it_names_and_times_resolve_to_the_right_instant(published):
    data = published.get("/me/agenda.ics").data
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20261015T090000" in data.decode()
    calendar = read(data)
    zones = [zone.tzid.value for zone in calendar.contents.get("vtimezone", [])]
    assert zones == ["Asia/Ho_Chi_Minh"], "RFC 5545: a VTIMEZONE for every TZID the file uses"
    events = sorted(calendar.vevent_list, key=lambda event: event.dtstart.value)
    starts = [event.dtstart.value.astimezone(UTC) for event in events]
    assert starts == [datetime(2026, 10, 15, 2, 0, tzinfo=UTC), datetime(2026, 10, 15, 2, 30, tzinfo=UTC)]
    assert events[0].dtend.value.astimezone(UTC) == datetime(2026, 10, 15, 2, 30, tzinfo=UTC)


def test_event_titles_and_descriptions_are_in_the_account_s_language_whatever_the_page_s(app, published):
    published.get("/me/agenda?lang=en")  # the reader switches the pages to English: the account follows
    english = read(published.get("/me/agenda.ics").data)
    assert all(event.summary.value.startswith("Meeting with ") for event in english.vevent_list)
    published.get("/me/agenda?lang=vi")
    calendar = read(published.get("/me/agenda.ics").data)
    suppliers = {"Công ty Cơ khí Hòa Lạc", "Công ty Nhựa Tân Phong", "Công ty Đúc Phố Nối"}
    titles = {event.summary.value for event in calendar.vevent_list}
    assert len(titles) == 2 and titles <= {f"Gặp {name}" for name in suppliers}
    description = calendar.vevent_list[0].description.value
    assert "Mã điểm danh: FM-M" in description and "Bàn T01" in description


def test_a_calendar_app_reading_the_private_feed_gets_the_account_s_language(app, published):
    page = published.post("/me/agenda/feed", data={"action": "create"}, follow_redirects=True).get_data(as_text=True)
    link = re.search(r"http://localhost(/ical/[^ <]+\.ics)", page).group(1)
    calendar_app = app.test_client()
    feed = read(calendar_app.get(link, headers={"Accept-Language": "en-US,en;q=0.9"}).data)
    assert [zone.tzid.value for zone in feed.vtimezone_list] == ["Asia/Ho_Chi_Minh"]
    assert all(event.summary.value.startswith("Gặp ") for event in feed.vevent_list)


def test_uids_are_stable_across_downloads_and_unique_across_installations(make_app, published):
    first = [event.uid.value for event in read(published.get("/me/agenda.ics").data).vevent_list]
    again = [event.uid.value for event in read(published.get("/me/agenda.ics").data).vevent_list]
    assert len(set(first)) == 2 and again == first
    assert not any(re.fullmatch(r"meeting-\d+@fairmatch", uid) for uid in first)
    # Another installation (its own secret key) numbers its meetings alike: its UIDs must differ.
    elsewhere = signed_in(make_app(SECRET_KEY="another-installation"), "buyer1@example.vn", PASSWORD)
    other = [event.uid.value for event in read(elsewhere.get("/me/agenda.ics").data).vevent_list]
    assert len(other) == 2 and not set(other) & set(first)
