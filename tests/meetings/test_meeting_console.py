"""The organizer's meeting console: settings, run, review, lock, move, publish, cancel, refill."""

import re

from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in

# The `accepted` fair (15 October 2026) has begun by the time the tests run: publishing its slots
# needs the organizer's confirmation.
PAST_CONFIRMED = {"publish_past": "y"}


def placed(app) -> dict[int, tuple]:
    """request id → (slot, table, state, locked) of every meeting that is not cancelled."""
    with app.app_context():
        return {
            m.request_id: (m.slot_id, m.table, m.state, m.locked)
            for m in db.session.scalars(select(Meeting).where(Meeting.state != "cancelled"))
        }


def meeting_ids(app) -> dict[int, int]:
    """request id → meeting id."""
    with app.app_context():
        return {m.request_id: m.id for m in db.session.scalars(select(Meeting).where(Meeting.state != "cancelled"))}


def kinds(app) -> list[str]:
    with app.app_context():
        return [n.kind for n in db.session.scalars(select(Notification).order_by(Notification.id))]


def test_only_organizers_reach_the_meeting_console(app, client, accepted, make_user):
    buyer, _ = accepted
    assert client.get("/organizer/meetings").status_code == 302
    assert buyer.get("/organizer/meetings").status_code == 403
    assert buyer.post("/organizer/meetings/run").status_code == 403
    assert buyer.get("/organizer/check-in").status_code == 403
    organizer = signed_in(app, make_user("organizer"))
    assert organizer.get("/organizer/meetings").status_code == 200


def test_run_review_and_publish_from_the_console(app, accepted, make_user):
    buyer, _ = accepted
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    page = organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)
    # Two slots, one table, one buyer: two meetings in the draft grid, the third listed with a reason.
    assert "Drafts: 2" in page and "Accepted requests not placed (1)" in page
    assert buyer.get("/api/v1/me/agenda").json == {"meetings": []}
    organizer.post("/organizer/meetings/publish", data=PAST_CONFIRMED)
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 2
    assert kinds(app).count("meeting_scheduled") == 4
    assert "Published: 2" in organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)


def test_a_locked_draft_stays_where_it_is_when_the_scheduler_reruns(app, accepted, make_user):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    first = placed(app)
    request_id, meeting_id = next(iter(meeting_ids(app).items()))
    organizer.post(f"/organizer/meetings/{meeting_id}", data={"action": "lock"})
    # The other slot is now the only one left; rerunning many times never moves the locked meeting.
    for _ in range(2):
        organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
        assert placed(app)[request_id] == (*first[request_id][:3], True)


def test_a_move_by_hand_keeps_the_rules_and_tells_both_sides_of_a_published_meeting(app, accepted, make_user):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    organizer.post("/organizer/meetings/publish", data=PAST_CONFIRMED)
    (first_request, first), (second_request, second) = sorted(placed(app).items(), key=lambda kv: kv[1][0])
    ids = meeting_ids(app)
    # The buyer is in both meetings: moving one into the other's slot would put it twice in one slot.
    refused = organizer.post(
        f"/organizer/meetings/{ids[first_request]}?lang=en", data={"action": "move", "slot": second[0], "place": "T01"}
    )
    assert refused.status_code == 409
    assert "already has a meeting in this slot" in refused.get_data(as_text=True)
    assert placed(app)[first_request] == first
    # A slot outside the fair is refused too.
    assert (
        organizer.post(
            f"/organizer/meetings/{ids[first_request]}",
            data={"action": "move", "slot": "2030-01-01-0900", "place": "T01"},
        ).status_code
        == 422
    )
    # Cancelling the second meeting frees its slot; the move is then allowed, locked, and told.
    organizer.post(f"/organizer/meetings/{ids[second_request]}", data={"action": "cancel", "reason": "Đổi lịch"})
    before = kinds(app).count("meeting_moved")
    moved = organizer.post(
        f"/organizer/meetings/{ids[first_request]}", data={"action": "move", "slot": second[0], "place": "T01"}
    )
    assert moved.status_code == 302
    assert placed(app)[first_request] == (second[0], "T01", "published", True)
    assert kinds(app).count("meeting_moved") - before == 2


def test_cancelling_after_publication_frees_the_slot_tells_both_sides_and_offers_it(app, upcoming, make_user):
    buyer, _suppliers = upcoming
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    organizer.post("/organizer/meetings/publish")
    agenda = buyer.get("/api/v1/me/agenda").json["meetings"]
    assert len(agenda) == 2
    with app.app_context():
        waiting = db.session.scalar(
            select(MeetingRequest).where(MeetingRequest.id.not_in(select(Meeting.request_id)))
        ).id
    # The buyer cancels one meeting from the agenda: both sides hear of it, with the time.
    response = buyer.post(f"/me/agenda/{agenda[0]['id']}/cancel", data={"reason": "Trùng lịch"})
    assert response.status_code == 302
    with app.app_context():
        told = db.session.scalars(select(Notification).where(Notification.kind == "meeting_slot_cancelled")).all()
        assert len(told) == 2 and all("Trùng lịch" in n.body for n in told)
        cancelled = db.session.get(Meeting, agenda[0]["id"])
        assert cancelled.state == "cancelled" and cancelled.request.state == "cancelled"
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 1
    # The freed slot is offered to the buyer's waiting request; placing it publishes and tells both.
    page = organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)
    assert "Freed slots that a waiting request can take" in page
    slot = placed(app)
    response = organizer.post(
        "/organizer/meetings/offers",
        data={"request": waiting, "slot": cancelled_slot(app, agenda[0]["id"]), "place": "T01"},
    )
    assert response.status_code == 302
    assert placed(app)[waiting][2] == "published" and len(placed(app)) == len(slot) + 1
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 2


def cancelled_slot(app, meeting_id: int) -> str:
    with app.app_context():
        return db.session.get(Meeting, meeting_id).slot_id


def test_withdrawing_an_accepted_request_takes_its_meeting_off_both_agendas(app, accepted, make_user):
    buyer, _suppliers = accepted
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    organizer.post("/organizer/meetings/publish", data=PAST_CONFIRMED)
    request_id = next(iter(placed(app)))
    assert buyer.post(f"/me/meetings/{request_id}/cancel").status_code == 302
    assert request_id not in placed(app)
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 1
    assert kinds(app).count("meeting_slot_cancelled") == 2


def test_settings_refuse_bad_sessions_keep_the_input_and_change_nothing(app, accepted, make_user):
    organizer = signed_in(app, make_user("organizer"))
    form = {"sessions": "am 11:00-10:00", "slot_minutes": "30", "tables": "5", "max_requests": "", "max_meetings": ""}
    refused = organizer.post("/organizer/meetings?lang=en", data=form)
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "must run forwards in time" in page and 'value="am 11:00-10:00"' in page
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        assert fair.meeting_tables == 1 and fair.meeting_sessions[0]["start"] == "09:00"
    form |= {"sessions": "sang 08:00-10:00, chieu 13:30-15:00", "at_booths": "y", "max_meetings": "1"}
    assert organizer.post("/organizer/meetings", data=form).status_code == 302
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        assert [s["session"] for s in fair.meeting_sessions] == ["sang", "chieu"]
        assert fair.meeting_tables == 5 and fair.meetings_at_booths and fair.max_meetings_per_enterprise == 1
        assert db.session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc())) == "meeting_settings.changed"
    # With at most one meeting each, the buyer gets one meeting however many slots there are.
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    assert len(placed(app)) == 1


def test_published_meetings_freeze_the_sessions_and_the_refused_form_keeps_what_was_typed(app, accepted, make_user):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    organizer.post("/organizer/meetings/publish", data=PAST_CONFIRMED)
    form = {"sessions": "am 08:00-09:00", "slot_minutes": "30", "tables": "4", "max_requests": "", "max_meetings": ""}
    refused = organizer.post("/organizer/meetings?lang=en", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "can no longer change" in page and 'value="am 08:00-09:00"' in page
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        assert fair.meeting_sessions[0]["start"] == "09:00" and fair.meeting_tables == 1
    # The tables may still change while the timing stays as it is.
    form["sessions"] = "am 09:00-10:00"
    assert organizer.post("/organizer/meetings", data=form).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Fair)).meeting_tables == 4


def test_publishing_into_slots_already_begun_is_refused_until_confirmed(app, accepted, make_user):
    buyer, _ = accepted
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    page = organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)
    assert "2 draft meetings are in slots that have already begun" in page and 'name="publish_past"' in page
    refused = organizer.post("/organizer/meetings/publish?lang=en")
    assert refused.status_code == 422
    assert "Nothing was published" in refused.get_data(as_text=True)
    assert buyer.get("/api/v1/me/agenda").json == {"meetings": []} and "meeting_scheduled" not in kinds(app)
    organizer.post("/organizer/meetings/publish", data=PAST_CONFIRMED)
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 2


def test_publishing_upcoming_meetings_needs_no_confirmation(app, upcoming, make_user):
    buyer, _ = upcoming
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    assert 'name="publish_past"' not in organizer.get("/organizer/meetings?lang=en").get_data(as_text=True)
    organizer.post("/organizer/meetings/publish")
    assert len(buyer.get("/api/v1/me/agenda").json["meetings"]) == 2


def test_the_grid_has_one_table_per_session_with_short_names_and_the_full_names_on_focus(app, accepted, make_user):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    page = organizer.get("/organizer/meetings?lang=vi").get_data(as_text=True)
    captions = re.findall(r'<caption id="session-\d+">([^<]+)</caption>', page)
    assert captions == ["thứ Năm 15/10/2026 · am (09:00–10:00)"]
    grid = re.search(r'<table class="meeting-grid">.*?</table>', page, re.S).group(0)
    assert re.findall(r'<th scope="col">([^<]+)</th>', grid) == ["Địa điểm", "09:00", "09:30"]
    with app.app_context():
        meeting = db.session.scalars(select(Meeting).order_by(Meeting.slot_id)).first()
        sender, receiver = meeting.request.sender.name("vi"), meeting.request.receiver.name("vi")
    cell = re.search(rf'<a class="pair" href="/organizer/meetings/{meeting.id}"[^>]*>.*?</a>', grid, re.S).group(0)
    assert f'title="{sender} · {receiver}"' in cell and f'<span class="full">{sender} · {receiver}</span>' in cell
    shown = re.findall(r'<span class="short" aria-hidden="true"><span>([^<]+)</span><span>([^<]+)</span>', cell)[0]
    assert all(len(short) < len(full) for short, full in zip(shown, (sender, receiver), strict=True))


def test_the_view_by_participant_lists_its_meetings_in_time_order(app, upcoming, make_user):
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
    with app.app_context():
        meetings = db.session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        buyer = (
            meetings[0].request.sender if meetings[0].request.sender.kind == "buyer" else meetings[0].request.receiver
        )
        buyer_id, buyer_name = buyer.id, buyer.name("vi")
        others = [
            (m.request.receiver if m.request.sender.id == buyer_id else m.request.sender).name("vi") for m in meetings
        ]
    page = organizer.get(f"/organizer/meetings?lang=vi&who={buyer_id}").get_data(as_text=True)
    assert f'<option value="{buyer_id}" selected>' in page
    table = re.search(r'<table id="participant-meetings">.*?</table>', page, re.S).group(0)
    assert f"{buyer_name}: 2" in table
    assert re.findall(r"<td>([^<]+)</td><td>[^<]+</td></tr>", table) == others
    times = re.findall(r">(\d\d:\d\d)–", table)
    assert times == ["09:00", "09:30"]
