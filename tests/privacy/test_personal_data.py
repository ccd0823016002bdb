"""A person downloads everything the fair holds about them, and erases their account."""

import json
import re

from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.models import ApiToken, User
from fairmatch.booths.models import BoothReservation, Payment
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.meetings.models import CalendarFeed, MeetingRequest
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, signed_in


def erase(client, password=PASSWORD, understood="y"):
    return client.post("/me/erase?lang=en", data={"password": password, "understood": understood})


def test_the_download_holds_the_account_consent_memberships_messages_and_what_the_person_did(
    app, client, fair, make_enterprise, runner
):
    registered = client.post("/register", data={
        "role": "exhibitor", "name": "Phạm Thu Hà", "email": "ha@example.vn", "password": PASSWORD,
        "confirm": PASSWORD, "enterprise_action": "create", "country": "VN", "tax_code": "0100109106",
        "name_vi": "Công ty Khuôn mẫu Thành Công", "kind": "supplier", "sectors": ["precision-mechanics"],
        "consent": "y"})
    assert registered.status_code == 302
    with app.app_context():  # the address is confirmed before the account may request meetings
        link = db.session.scalar(select(Notification.link).where(Notification.kind == "verify_email"))
    client.get(link.replace("http://localhost", ""))
    partner = make_enterprise(name_vi="Công ty Điện Đông Anh")
    sent = client.post("/api/v1/meeting-requests", json={"to": partner, "message": "Gặp nhau nhé"})
    assert sent.status_code == 201
    assert runner.invoke(args=["tokens", "create", "--email", "ha@example.vn"]).exit_code == 0
    client.post("/me/agenda/feed", data={"action": "create"})

    response = client.get("/me/data.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "ha@example.vn" and data["account"]["name"] == "Phạm Thu Hà"
    assert data["consents"][0]["privacy_notice_version"] == app.config["PRIVACY_NOTICE_VERSION"]
    assert data["memberships"][0]["enterprise"]["key"] == "0100109106" and data["memberships"][0]["owner"]
    assert [r["to"]["key"] for r in data["meeting_requests"]] == [partner]
    assert {"user.registered", "enterprise.registered", "meeting_request.sent", "token.created"} <= {
        a["action"] for a in data["audit_entries"]}
    assert len(data["api_tokens"]) == 1 and data["api_tokens"][0]["revoked_at"] is None
    text = response.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "ha@example.vn"))
        secrets = [user.password_hash, *db.session.scalars(select(ApiToken.token_hash)),
                   *db.session.scalars(select(CalendarFeed.secret_hash))]
    assert len(secrets) == 3 and not any(secret in text for secret in secrets)
    assert len(data["calendar_feeds"]) == 1


def test_the_download_lists_the_messages_the_person_received(app, confirmed):
    reservation_id, key, _ = confirmed()
    with app.app_context():
        email = db.session.scalar(
            select(User.email).join(Membership).join(Enterprise).where(Enterprise.key == key))
    data = signed_in(app, email).get("/me/data.json").json
    assert {"reservation_approved", "reservation_confirmed"} <= {n["kind"] for n in data["notifications"]}
    assert [r["id"] for r in data["booth_reservations"]] == [reservation_id]


def test_an_erased_account_cannot_sign_in_and_its_personal_fields_are_gone_but_the_booth_stays(
    app, confirmed
):
    reservation_id, key, _ = confirmed()
    with app.app_context():
        user = db.session.scalar(select(User).join(Membership).join(Enterprise).where(Enterprise.key == key))
        user_id, email = user.id, user.email
    client = signed_in(app, email)
    client.post("/me/agenda/feed", data={"action": "create"})
    client.application.test_cli_runner().invoke(args=["tokens", "create", "--email", email])

    response = erase(client)
    assert response.status_code == 302
    assert client.get("/me").status_code == 302  # signed out
    refused = client.post("/login?lang=en", data={"email": email, "password": PASSWORD})
    assert refused.status_code == 422 and "Wrong email or password" in refused.get_data(as_text=True)
    assert client.get("/api/v1/me/agenda").status_code == 401
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user.email == f"erased-{user_id}@erased.invalid" and user.name == "" and not user.active
        assert not user.check_password(PASSWORD)
        assert db.session.scalar(select(func.count()).where(Notification.user_id == user_id)) == 0
        assert db.session.scalar(select(func.count()).where(Notification.email == email)) == 0
        assert db.session.scalar(select(func.count()).select_from(Membership).where(Membership.user_id == user_id)) == 0
        for model in (ApiToken, CalendarFeed):
            revoked = [row.revoked_at for row in db.session.scalars(select(model).where(model.user_id == user_id))]
            assert len(revoked) == 1 and all(revoked), model
        reservation = db.session.get(BoothReservation, reservation_id)
        assert reservation.state == "confirmed" and reservation.created_by_id == user_id
        assert db.session.scalar(select(func.count()).select_from(Payment)) == 1
        erased = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.erased"))
        assert erased.actor_id == user_id and email not in json.dumps(erased.details)
        assert db.session.scalar(select(func.count()).where(AuditEntry.actor_id == user_id)) > 2


def test_the_contact_person_s_details_leave_the_enterprise_profile_with_the_account(app, make_enterprise, make_user):
    key = make_enterprise(contact_name="Phạm Thu Hà", contact_email="ha@example.vn", contact_phone="0912 345 678")
    make_user(email="ha@example.vn", enterprise=key)
    assert erase(signed_in(app, "ha@example.vn")).status_code == 302
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        assert (enterprise.contact_name, enterprise.contact_email, enterprise.contact_phone) == (None, None, None)
        assert enterprise.name_vi  # the enterprise itself stays


def test_a_wrong_password_or_no_confirmation_erases_nothing(app, make_enterprise, make_user):
    email = make_user(enterprise=make_enterprise())
    client = signed_in(app, email)
    wrong = erase(client, password="not my password")
    assert wrong.status_code == 422 and "The password is wrong." in wrong.get_data(as_text=True)
    assert erase(client, understood="").status_code == 422
    assert client.get("/me").status_code == 200
    assert signed_in(app, email).get("/me").status_code == 200


def test_the_only_owner_of_an_enterprise_with_members_must_pass_ownership_on_first(app, make_enterprise, make_user):
    key = make_enterprise(name_vi="Công ty Đúc Phố Nối")
    owner = make_user(enterprise=key)
    member = make_user(enterprise=key, owner=False)
    client = signed_in(app, owner)
    page = client.get("/me/erase?lang=en").get_data(as_text=True)
    assert "You are the only owner of Công ty Đúc Phố Nối" in page
    refused = erase(client)
    assert refused.status_code == 422 and "only owner" in refused.get_data(as_text=True)

    team = client.get("/me/team").get_data(as_text=True)
    membership_id = re.search(r"/me/team/(\d+)/owner", team).group(1)
    assert client.post(f"/me/team/{membership_id}/owner").status_code == 302
    assert erase(client).status_code == 302
    with app.app_context():
        assert [u.email for u in db.session.scalar(select(Enterprise).where(Enterprise.key == key)).owners] == [member]


def test_a_member_cannot_make_owners_and_the_last_organizer_cannot_leave(app, make_enterprise, make_user):
    key = make_enterprise()
    make_user(enterprise=key)
    member = make_user(enterprise=key, owner=False)
    with app.app_context():
        other = db.session.scalar(select(Membership.id).join(User).where(User.email != member))
    assert signed_in(app, member).post(f"/me/team/{other}/owner").status_code == 403
    organizer = signed_in(app, make_user("organizer"))
    assert erase(organizer).status_code == 422
    make_user("organizer")
    assert erase(organizer).status_code == 302


def test_meeting_requests_the_person_sent_stay_with_the_enterprise(app, make_fair, make_enterprise, make_user):
    make_fair()
    sender, receiver = make_enterprise(), make_enterprise()
    email = make_user(enterprise=sender)
    make_user(enterprise=sender)  # a second owner, so the first may leave
    client = signed_in(app, email)
    assert client.post("/api/v1/meeting-requests", json={"to": receiver}).status_code == 201
    assert erase(client).status_code == 302
    with app.app_context():
        request = db.session.scalar(select(MeetingRequest))
        assert request.state == "pending" and request.sender.key == sender


def test_the_organizer_s_staff_erase_an_account_on_a_written_request(app, runner, make_enterprise, make_user):
    key = make_enterprise()
    email = make_user(enterprise=key)
    member = make_user(enterprise=key, owner=False)
    refused = runner.invoke(args=["users", "erase", "--email", email])
    assert refused.exit_code == 1 and refused.stderr.startswith("email: You are the only owner of")
    result = runner.invoke(args=["users", "erase", "--email", member])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["users", "erase", "--email", member]).exit_code == 1  # the address is gone
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.erased"))
        assert entry.actor_id is None and db.session.get(User, int(entry.record_id)).email.startswith("erased-")
