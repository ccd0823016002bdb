"""Meeting requests from matches, pages and the API: ask, accept, decline, cancel; each side told."""

import pytest
from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.meetings.models import MeetingRequest
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in


@pytest.fixture
def pair(app, make_fair, make_enterprise, make_user):
    """A buyer and a supplier at the current fair; returns (buyer client, supplier client, supplier key)."""
    make_fair()
    buyer_key = make_enterprise(
        kind="buyer", name_vi="Công ty TNHH Thương mại Kim Long", name_en="Kim Long Trading Co., Ltd."
    )
    supplier_key = make_enterprise(name_vi="Công ty CP Khuôn mẫu Thành Công")
    buyer = signed_in(app, make_user("buyer", enterprise=buyer_key))
    supplier = signed_in(app, make_user("exhibitor", enterprise=supplier_key, locale="en"))
    return buyer, supplier, supplier_key


def notifications(app, kind):
    with app.app_context():
        return list(db.session.scalars(select(Notification).where(Notification.kind == kind)))


def test_a_request_is_accepted_and_both_sides_are_told(app, pair):
    buyer, supplier, supplier_key = pair
    response = buyer.post("/api/v1/meeting-requests", json={"to": supplier_key, "message": "Cần khuôn ép nhựa"})
    assert response.status_code == 201 and response.json["state"] == "pending"
    [asked] = notifications(app, "meeting_requested")
    assert asked.language == "en" and "Kim Long" in asked.subject and "Cần khuôn ép nhựa" in asked.body
    assert "Cần khuôn ép nhựa" in supplier.get("/me/meetings").get_data(as_text=True)
    accepted = supplier.post(f"/api/v1/meeting-requests/{response.json['id']}/accept")
    assert accepted.status_code == 200 and accepted.json["state"] == "accepted"
    assert len(notifications(app, "meeting_answered")) == 1


def test_only_the_enterprise_asked_can_answer_and_only_once(app, pair, make_user):
    buyer, supplier, supplier_key = pair
    request_id = buyer.post("/api/v1/meeting-requests", json={"to": supplier_key}).json["id"]
    assert buyer.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 403
    stranger = signed_in(app, make_user("buyer"))
    assert stranger.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 403
    declined = supplier.post(f"/api/v1/meeting-requests/{request_id}/decline", json={"reason": "Hết công suất"})
    assert declined.json["state"] == "declined"
    assert supplier.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 409
    with app.app_context():
        assert db.session.get(MeetingRequest, request_id).decline_reason == "Hết công suất"


def test_bad_requests_are_refused_with_problem_documents(app, pair):
    buyer, _, supplier_key = pair
    assert buyer.post("/api/v1/meeting-requests", json={"to": "0100109106"}).status_code == 404
    assert buyer.post("/api/v1/meeting-requests", json={"message": "x"}).status_code == 422
    assert buyer.post("/api/v1/meeting-requests", json={"to": supplier_key, "must_meet": "yes"}).status_code == 422
    assert buyer.post("/api/v1/meeting-requests", json={"to": supplier_key}).status_code == 201
    again = buyer.post("/api/v1/meeting-requests", json={"to": supplier_key})
    assert again.status_code == 409 and again.mimetype == "application/problem+json"
    assert app.test_client().post("/api/v1/meeting-requests", json={"to": supplier_key}).status_code == 401


def test_the_sender_withdraws_a_request_and_either_side_calls_off_an_accepted_one(app, pair):
    buyer, supplier, supplier_key = pair
    buyer.post("/me/meetings/request", data={"to": supplier_key, "message": "Gặp tại gian B07"})
    with app.app_context():
        request_id = db.session.scalar(select(MeetingRequest.id))
    buyer.post(f"/me/meetings/{request_id}/cancel")
    with app.app_context():
        assert db.session.get(MeetingRequest, request_id).state == "cancelled"
    [told] = notifications(app, "meeting_cancelled")
    assert "Kim Long" in told.subject
    buyer.post("/me/meetings/request", data={"to": supplier_key, "message": "Gặp lại nhé"})
    with app.app_context():
        again = db.session.scalar(select(MeetingRequest.id).where(MeetingRequest.state == "pending"))
    supplier.post(f"/me/meetings/{again}/accept")
    supplier.post(f"/me/meetings/{again}/cancel")
    with app.app_context():
        assert db.session.get(MeetingRequest, again).state == "cancelled"
    assert any("Thành Công" in n.subject for n in notifications(app, "meeting_cancelled"))


def test_a_request_from_a_profile_page_keeps_the_message_when_refused(app, pair):
    buyer, _supplier, supplier_key = pair
    profile = buyer.get(f"/enterprises/{supplier_key}?lang=en").get_data(as_text=True)
    assert 'action="/me/meetings/request"' in profile and f'name="to" value="{supplier_key}"' in profile
    form = buyer.get(f"/me/meetings/request?to={supplier_key}&lang=en")
    assert form.status_code == 200 and "Request a meeting with" in form.get_data(as_text=True)
    too_long = "Khuôn ép " * 300
    refused = buyer.post(
        "/me/meetings/request?lang=en", data={"to": supplier_key, "message": too_long, "must_meet": "1"}
    )
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "at most 2000 characters" in page and too_long.strip() in page and "checked" in page
    assert notifications(app, "meeting_requested") == []
    sent = buyer.post("/me/meetings/request", data={"to": supplier_key, "message": "Cần khuôn", "must_meet": "1"})
    assert sent.status_code == 302
    assert buyer.get("/me/meetings/request?to=0000000000").status_code == 404


def test_the_receiver_can_mark_a_request_must_meet_when_accepting(app, pair):
    buyer, supplier, supplier_key = pair
    request_id = buyer.post("/api/v1/meeting-requests", json={"to": supplier_key}).json["id"]
    assert supplier.post(f"/me/meetings/{request_id}/accept", data={"must_meet": "1"}).status_code == 302
    with app.app_context():
        meeting_request = db.session.get(MeetingRequest, request_id)
        assert meeting_request.state == "accepted" and meeting_request.must_meet_to
