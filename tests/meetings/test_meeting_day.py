"""Participants' availability and request limits; on the day: held, no-show, outcomes, check-in."""

import pytest
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.attendance import set_availability
from fairmatch.meetings.codes import badge_code, meeting_code
from fairmatch.meetings.models import Arrival, Meeting, MeetingOutcome
from tests.conftest import signed_in


def published(app, runner) -> list[Meeting]:
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "2"]).exit_code == 0
    with app.app_context():
        return db.session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()


def test_the_scheduler_keeps_out_of_the_slots_a_participant_cannot_meet_in(app, runner, accepted):
    buyer, _ = accepted
    page = buyer.get("/me/availability?lang=vi").get_data(as_text=True)
    assert "09:00–09:30" in page and "09:30–10:00" in page
    assert "Buổi sáng · 09:00–10:00" in page and "Buổi am" not in page  # the session by its name and hours
    assert "<legend>Morning · " in buyer.get("/me/availability?lang=en").get_data(as_text=True)
    # The buyer can only meet at 09:30: one meeting fits where two did.
    assert buyer.post("/me/availability", data={"available": "2026-10-15-0930"}).status_code == 302
    meetings = published(app, runner)
    assert [m.slot_id for m in meetings] == ["2026-10-15-0930"]
    assert 'value="2026-10-15-0900" >' in buyer.get("/me/availability").get_data(as_text=True).replace("  ", " ")


def test_a_whole_session_off_leaves_no_meeting_that_day(app, runner, accepted):
    buyer, _ = accepted
    buyer.post(
        "/me/availability", data={"available": ["2026-10-15-0900", "2026-10-15-0930"], "session_off": "2026-10-15/am"}
    )
    assert published(app, runner) == []


def test_availability_refuses_slots_the_fair_does_not_have(app, accepted):
    buyer, _ = accepted
    assert buyer.post("/me/availability", data={"available": []}).status_code == 302  # every slot off is fine
    with app.app_context():
        fair, someone = db.session.scalar(select(Fair)), db.session.scalar(select(Enterprise))
        with pytest.raises(RuleViolation, match="meeting slots"):
            set_availability(someone, fair, {"1999-01-01-0900"}, db.session.scalar(select(User)))


def test_an_enterprise_cannot_send_more_open_requests_than_the_fair_allows(app, make_enterprise, make_user, accepted):
    buyer, _ = accepted
    with app.app_context():
        db.session.scalar(select(Fair)).max_requests_per_enterprise = 3
        db.session.commit()
    response = buyer.post("/api/v1/meeting-requests?lang=en", json={"to": make_enterprise()})
    assert response.status_code == 422
    assert "3 open meeting requests" in response.json["detail"]


def test_the_host_marks_a_meeting_held_and_both_sides_record_outcomes(app, runner, accepted):
    buyer, suppliers = accepted
    meeting = published(app, runner)[0]
    host = next(
        s
        for s in suppliers
        if s.get("/api/v1/me/agenda").json["meetings"]
        and s.get("/api/v1/me/agenda").json["meetings"][0]["id"] == meeting.id
    )
    # The guest may not mark it; an outcome waits until the meeting is held.
    assert buyer.post(f"/me/agenda/{meeting.id}/held").status_code == 403
    assert buyer.post(f"/me/agenda/{meeting.id}/outcome", data={"outcome": "quotation"}).status_code == 409
    assert host.post(f"/me/agenda/{meeting.id}/held").status_code == 302
    page = buyer.get("/me/agenda?lang=en").get_data(as_text=True)
    assert "Took place" in page and "What came of the meeting?" in page
    assert (
        buyer.post(
            f"/me/agenda/{meeting.id}/outcome", data={"outcome": "quotation", "note": "Báo giá 5.000 bộ"}
        ).status_code
        == 302
    )
    assert host.post(f"/me/agenda/{meeting.id}/outcome", data={"outcome": "contract"}).status_code == 302
    # Saying it again replaces the earlier answer; a made-up outcome is refused.
    assert buyer.post(f"/me/agenda/{meeting.id}/outcome", data={"outcome": "mou"}).status_code == 302
    assert buyer.post(f"/me/agenda/{meeting.id}/outcome", data={"outcome": "a lot"}).status_code == 422
    with app.app_context():
        outcomes = sorted(o.outcome for o in db.session.scalars(select(MeetingOutcome)))
        assert outcomes == ["contract", "mou"]
    # A held meeting stays on both agendas.
    assert buyer.get("/api/v1/me/agenda").json["meetings"][0]["status"] == "held"


def test_an_organizer_marks_a_no_show_and_the_slot_is_not_refilled_after_the_fact(app, runner, accepted, make_user):
    meeting = published(app, runner)[0]
    organizer = signed_in(app, make_user("organizer"))
    assert organizer.post(f"/organizer/meetings/{meeting.id}", data={"action": "no_show"}).status_code == 302
    with app.app_context():
        assert db.session.get(Meeting, meeting.id).state == "no_show"
    # The fair is over: nothing is offered for a slot in the past.
    assert "Freed slots" not in organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)


def test_a_meeting_cannot_be_marked_before_it_begins(app, runner, upcoming, make_user):
    meeting = published(app, runner)[0]
    organizer = signed_in(app, make_user("organizer"))
    response = organizer.post(f"/organizer/meetings/{meeting.id}?lang=en", data={"action": "held"})
    assert response.status_code == 409 and "has not begun yet" in response.get_data(as_text=True)


def test_the_check_in_desk_records_arrivals_and_held_meetings_from_scanned_codes(app, runner, accepted, make_user):
    buyer_email = make_user("buyer")
    meeting = published(app, runner)[0]
    organizer = signed_in(app, make_user("organizer"))
    with app.app_context():
        person = db.session.scalar(select(User).where(User.email == buyer_email))
        badge, meeting_scan = badge_code(person.id), meeting_code(meeting.id)
    first = organizer.post("/organizer/check-in?lang=en", data={"code": badge}).get_data(as_text=True)
    assert "Welcome, Nguyễn Văn An" in first
    again = organizer.post("/organizer/check-in?lang=en", data={"code": badge.lower()}).get_data(as_text=True)
    assert "already arrived" in again
    held = organizer.post("/organizer/check-in?lang=en", data={"code": meeting_scan}).get_data(as_text=True)
    assert "Held:" in held
    forged = organizer.post("/organizer/check-in?lang=en", data={"code": "FM-B1-0000000000"})
    assert forged.status_code == 422 and 'value="FM-B1-0000000000"' in forged.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Meeting.state).where(Meeting.id == meeting.id)) == "held"
        assert len(db.session.scalars(select(Arrival)).all()) == 1
