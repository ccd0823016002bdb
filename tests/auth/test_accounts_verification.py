"""A self-registered account proves its address before anything of it is public or can book."""

import re
import time

from itsdangerous import TimestampSigner
from sqlalchemy import func, select

from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.auth.test_accounts_registration import registration


def links(app, email) -> list[str]:
    with app.app_context():
        found = db.session.scalars(
            select(Notification.link)
            .where(Notification.email == email, Notification.kind == "verify_email")
            .order_by(Notification.id)
        )
        return [link.replace("http://localhost", "") for link in found]


def user(app, email) -> User:
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def test_registering_sends_a_link_and_keeps_the_new_enterprise_private(app, client):
    data = registration(name_vi="Công ty TNHH Nhựa Tân Phong")
    response = client.post("/register?lang=en", data=data, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Confirm your email address" in page and "We sent a link to ha@thanhcong.vn" in page
    assert len(links(app, data["email"])) == 1
    assert user(app, data["email"]).email_verified_at is None
    assert "Tân Phong" not in client.get("/directory").get_data(as_text=True)
    assert data["tax_code"] not in str(client.get("/api/v1/enterprises").get_json())
    assert app.test_client().get(f"/enterprises/{data['tax_code']}").status_code == 404
    assert client.get(f"/enterprises/{data['tax_code']}").status_code == 200  # its own members see it


def test_until_the_address_is_verified_the_account_cannot_book_or_request_meetings(
    app, client, make_fair, make_enterprise, make_user
):
    make_fair(booths_per_row=3)
    other = make_enterprise()
    make_user(enterprise=other)
    data = registration()
    client.post("/register", data=data)
    booking = client.post("/api/v1/booths/A01/reservations?lang=en", json={})
    assert booking.status_code == 403 and "Confirm your email address first" in booking.get_json()["detail"]
    meeting = client.post("/api/v1/meeting-requests?lang=en", json={"to": other, "message": "Xin gặp"})
    assert meeting.status_code == 403 and "Confirm your email address first" in meeting.get_json()["detail"]


def test_opening_the_link_lists_the_enterprise_and_lets_it_book(app, client, make_fair):
    make_fair(booths_per_row=3)
    data = registration(name_vi="Công ty TNHH Nhựa Tân Phong")
    client.post("/register", data=data)
    response = client.get(links(app, data["email"])[0] + "?lang=en", follow_redirects=True)
    assert "Your email address is confirmed" in response.get_data(as_text=True)
    assert "Confirm your email address" not in client.get("/me?lang=en").get_data(as_text=True)
    assert "Tân Phong" in app.test_client().get("/directory").get_data(as_text=True)
    assert app.test_client().get(f"/enterprises/{data['tax_code']}").status_code == 200
    assert client.post("/api/v1/booths/A01/reservations", json={}).status_code == 201


def test_the_link_works_once(app, client):
    data = registration()
    client.post("/register", data=data)
    link = links(app, data["email"])[0]
    client.get(link)
    verified_at = user(app, data["email"]).email_verified_at
    again = client.get(link + "?lang=en", follow_redirects=True)
    assert "This link has been used already" in again.get_data(as_text=True)
    assert user(app, data["email"]).email_verified_at == verified_at


def test_a_link_out_of_date_or_tampered_with_is_refused(app, client, monkeypatch):
    data = registration()
    # The link is signed 48 hours and a minute ago.
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda signer: int(time.time()) - 48 * 3600 - 60)
    client.post("/register", data=data)
    monkeypatch.undo()
    link = links(app, data["email"])[0]
    stale = client.get(link + "?lang=en")
    assert stale.status_code == 404 and "run out" in stale.get_data(as_text=True)
    forged = client.get(link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB"))
    assert forged.status_code == 404
    assert user(app, data["email"]).email_verified_at is None


def test_the_link_can_be_sent_again_a_few_times_then_the_wait_is_shown(app, client):
    data = registration()
    client.post("/register", data=data)
    for _ in range(3):
        response = client.post("/me/verify-email?lang=en", follow_redirects=True)
        assert "A new link is on its way to ha@thanhcong.vn" in response.get_data(as_text=True)
    refused = client.post("/me/verify-email?lang=en")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert re.search(r"Try again in \d+ (minutes|seconds)", refused.get_data(as_text=True))
    assert len(links(app, data["email"])) == 4
    client.get(links(app, data["email"])[-1])  # the newest link works
    assert user(app, data["email"]).email_verified_at is not None


def test_accounts_made_by_organizers_the_command_line_or_the_demo_are_verified(app, runner):
    result = runner.invoke(
        args=["users", "create", "--email", "an@example.vn", "--password", "mot hai ba bon nam", "--role", "exhibitor"]
    )
    assert result.exit_code == 0, result.output
    assert user(app, "an@example.vn").email_verified_at is not None


def test_the_migration_counts_existing_accounts_as_verified(app):
    with app.app_context():
        unverified = db.session.scalar(select(func.count()).select_from(User).where(User.email_verified_at.is_(None)))
    assert unverified == 0


def test_an_invited_organizer_is_verified_by_accepting_the_invitation(app, client, make_user, auth):
    auth.login(make_user("organizer"))
    client.post(
        "/organizer/team/invite", data={"email": "lan@so-congthuong.vn", "name": "Trần Thị Lan", "locale": "vi"}
    )
    with app.app_context():
        link = db.session.scalar(select(Notification.link).where(Notification.kind == "organizer_invited"))
    auth.logout()
    page = client.get(link.replace("http://localhost", ""))  # /organizer/team/join/<token>
    assert page.status_code == 200
    client.post(
        link.replace("http://localhost", ""),
        data={"name": "Trần Thị Lan", "password": "mot hai ba bon nam", "confirm": "mot hai ba bon nam"},
    )
    invited = user(app, "lan@so-congthuong.vn")
    assert invited.active and invited.email_verified_at is not None


def test_the_link_is_not_shown_in_the_accounts_own_inbox_on_the_site(app, client):
    data = registration()
    client.post("/register", data=data)
    inbox = client.get("/me/notifications").get_data(as_text=True)
    assert links(app, data["email"])[0] not in inbox and "/verify-email/" not in inbox
