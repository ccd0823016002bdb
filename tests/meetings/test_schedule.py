"""From accepted requests to published meetings in every participant's agenda."""

import pytest
from sqlalchemy import select

from fairmatch.auth.services import find_user
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.services import current_fair
from fairmatch.meetings import schedule
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in


def test_publishing_puts_meetings_in_both_agendas_within_the_rules(app, runner, accepted):
    buyer, suppliers = accepted
    result = runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    assert result.exit_code == 0, result.output
    # Two slots, one table, one buyer: two meetings fit, the third cannot.
    assert "2 meetings placed, 1 not placed" in result.stdout
    agenda = buyer.get("/api/v1/me/agenda").json["meetings"]
    assert [m["start"] for m in agenda] == ["2026-10-15T09:00:00+07:00", "2026-10-15T09:30:00+07:00"]
    assert all(m["place"] == "Table T01" and m["status"] == "published" for m in agenda)
    met = {m["with"]["name"] for m in agenda}
    seen = [s.get("/me/agenda?lang=vi").get_data(as_text=True) for s in suppliers]
    assert sum("Công ty Kim Long" in page for page in seen) == 2 and len(met) == 2
    with app.app_context():
        assert len(db.session.scalars(select(Notification).where(Notification.kind == "meeting_scheduled")).all()) == 4


def test_a_rerun_keeps_published_meetings_where_they_are(app, runner, accepted):
    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    with app.app_context():
        before = {m.request_id: (m.slot_id, m.table) for m in db.session.scalars(select(Meeting))}
    runner.invoke(args=["schedule-meetings", "--time-limit", "3"])
    with app.app_context():
        after = {m.request_id: (m.slot_id, m.table) for m in db.session.scalars(select(Meeting))}
    assert after == before


def test_a_must_meet_request_accepted_later_never_pushes_out_a_published_meeting(app, runner, accepted):
    buyer, _ = accepted
    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    with app.app_context():
        published = {m.request_id: (m.slot_id, m.table) for m in db.session.scalars(select(Meeting))}
        left_out = db.session.scalar(select(MeetingRequest).where(MeetingRequest.id.not_in(published)))
        left_out.must_meet_from = True  # now worth more than a published meeting
        db.session.commit()
    result = runner.invoke(args=["schedule-meetings", "--time-limit", "3"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        after = {m.request_id: (m.slot_id, m.table) for m in db.session.scalars(select(Meeting))}
    assert after == published  # the buyer is still in one place at a time: nothing new fits
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 2


def test_a_draft_is_not_in_the_agenda(app, runner, accepted):
    buyer, _ = accepted
    result = runner.invoke(args=["schedule-meetings"])
    assert result.exit_code == 0 and "(draft)" in result.stdout
    assert buyer.get("/api/v1/me/agenda").json == {"meetings": []}


def test_bad_input_to_schedule_meetings_exits_1(runner):
    result = runner.invoke(args=["schedule-meetings", "--time-limit", "soon"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["time-limit", "fair"]


def test_the_agenda_downloads_as_pdf_and_as_icalendar_with_stable_ids(app, runner, accepted):
    import io
    import unicodedata

    from icalendar import Calendar
    from pypdf import PdfReader

    buyer, _ = accepted
    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    pdf = buyer.get("/me/agenda.pdf")
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages))
    assert "Công ty Kim Long" in text and "Bàn T01" in text
    calendar = Calendar.from_ical(buyer.get("/me/agenda.ics").data)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 2
    assert str(events[0]["dtstart"].dt.isoformat()) == "2026-10-15T09:00:00+07:00"
    uids = {str(e["uid"]) for e in events}
    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    again = Calendar.from_ical(buyer.get("/me/agenda.ics").data)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == uids


def test_the_organizer_prints_every_agenda_and_every_table_sheet(app, runner, accepted, make_user):
    import io

    from pypdf import PdfReader

    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    organizer = signed_in(app, make_user("organizer"))
    agendas = PdfReader(io.BytesIO(organizer.get("/print/agendas.pdf").data))
    assert len(agendas.pages) == 3  # the buyer and the two suppliers it meets
    tables = PdfReader(io.BytesIO(organizer.get("/print/tables.pdf").data))
    assert len(tables.pages) == 1 and "T01" in tables.pages[0].extract_text()
    buyer, _ = accepted
    assert buyer.get("/print/agendas.pdf").status_code == 403


def test_a_private_calendar_link_works_without_signing_in_until_it_is_revoked(app, runner, accepted):
    import re

    from icalendar import Calendar

    buyer, _ = accepted
    runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    page = buyer.post("/me/agenda/feed", data={"action": "create"}, follow_redirects=True).get_data(as_text=True)
    link = re.search(r"http://localhost(/ical/[^ <]+\.ics)", page).group(1)
    feed = app.test_client().get(link)
    assert feed.status_code == 200 and len(Calendar.from_ical(feed.data).walk("VEVENT")) == 2
    buyer.post("/me/agenda/feed", data={"action": "revoke"})
    assert app.test_client().get(link).status_code == 404
    assert app.test_client().get("/ical/not-a-secret.ics").status_code == 404


def test_the_service_refuses_to_publish_drafts_in_slots_already_begun_unless_confirmed(
    app, runner, accepted, make_user
):
    organizer = make_user("organizer")
    assert runner.invoke(args=["schedule-meetings", "--time-limit", "3"]).exit_code == 0
    with app.test_request_context("/?lang=en"):
        fair, actor = current_fair(), find_user(organizer)
        assert len(schedule.past_drafts(fair)) == 2  # the fair of `accepted` is in October 2026
        with pytest.raises(RuleViolation, match="2 draft meetings are in slots that have already begun"):
            schedule.publish(fair, actor)
        db.session.rollback()
        assert {m.state for m in db.session.scalars(select(Meeting))} == {"draft"}
        assert schedule.publish(fair, actor, past_confirmed=True) == 2
        assert {m.state for m in db.session.scalars(select(Meeting))} == {"published"}
