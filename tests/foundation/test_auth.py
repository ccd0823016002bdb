"""Registration, sign-in, lockout, rate limits, CSRF, passwords and memberships."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from fairmatch.auth.models import PasswordReset, User
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, new_tax_code


def registration(**overrides):
    data = {
        "role": "exhibitor", "name": "Phạm Thu Hà", "email": "ha@thanhcong.vn",
        "password": PASSWORD, "confirm": PASSWORD, "enterprise_action": "create",
        "country": "VN", "tax_code": new_tax_code(), "name_vi": "Công ty CP Khuôn mẫu Thành Công",
        "name_en": "Thanh Cong Moulds JSC", "kind": "supplier", "sectors": ["precision-mechanics"], "consent": "y",
    }
    return data | overrides


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_registering_creates_an_unverified_enterprise_owned_by_the_new_user(app, client):
    data = registration()
    response = client.post("/register", data=data)
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "ha@thanhcong.vn"))
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == data["tax_code"]))
        assert enterprise.verified is False
        assert enterprise.owners == [user]
        assert user.consent_version and user.consented_at
        assert user.check_password(PASSWORD) and user.password_hash != PASSWORD
    assert client.get("/me").status_code == 200


def test_a_bad_tax_code_is_refused_in_vietnamese_and_keeps_what_was_typed(app, client):
    data = registration(tax_code="0100109107", name_vi="Công ty TNHH Nhựa Tân Phong")
    response = client.post("/register", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Mã số thuế không hợp lệ" in page
    assert 'value="Công ty TNHH Nhựa Tân Phong"' in page
    assert 'value="ha@thanhcong.vn"' in page
    assert count(app, User) == 0 and count(app, Enterprise) == 0


def test_nfd_input_is_stored_as_nfc(app, client):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Công ty CP Cơ khí Chính xác Hòa Lạc")
    client.post("/register", data=registration(name_vi=decomposed))
    with app.app_context():
        stored = db.session.scalar(select(Enterprise.name_vi))
    assert stored == unicodedata.normalize("NFC", decomposed)


def test_a_foreign_enterprise_registers_with_country_and_registration_number(app, client):
    data = registration(country="JP", tax_code="", registration_no="0104010012345",
                        name_vi="", name_en="Kitaura Trading K.K.", role="buyer", kind="buyer")
    assert client.post("/register", data=data).status_code == 302
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise))
        assert enterprise.key == "JP-0104010012345" and enterprise.tax_code is None


def test_joining_an_existing_enterprise_waits_for_its_owner(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    owner = make_user(enterprise=key, locale="en")
    data = registration(enterprise_action="join", tax_code=key, email="moi@example.vn", name="Đỗ Minh")
    assert client.post("/register", data=data).status_code == 302
    with app.app_context():
        membership = db.session.scalar(select(Membership).where(Membership.status == "pending"))
        assert membership.user.email == "moi@example.vn"
        message = db.session.scalar(select(Notification).where(Notification.email == owner))
        assert message.language == "en" and "Đỗ Minh asks to join" in message.subject
        membership_id = membership.id
    auth.logout()
    auth.login(owner)
    assert "moi@example.vn" in client.get("/me/team").get_data(as_text=True)
    client.post(f"/me/team/{membership_id}/approve")
    with app.app_context():
        assert db.session.get(Membership, membership_id).status == "approved"


def test_only_the_owner_or_an_organizer_decides_on_a_join_request(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    make_user(enterprise=key)
    outsider = make_user()
    client.post("/register", data=registration(enterprise_action="join", tax_code=key, email="x@example.vn"))
    auth.logout()
    with app.app_context():
        membership_id = db.session.scalar(select(Membership.id).where(Membership.status == "pending"))
    auth.login(outsider)
    assert client.post(f"/me/team/{membership_id}/approve").status_code == 403
    organizer = make_user("organizer")
    auth.logout()
    auth.login(organizer)
    assert client.post(f"/me/team/{membership_id}/reject").status_code == 302
    with app.app_context():
        assert db.session.get(Membership, membership_id).status == "rejected"


def test_registration_requires_consent_to_the_privacy_notice(app, client):
    data = registration()
    del data["consent"]
    response = client.post("/register", data=data)
    assert response.status_code == 422
    assert count(app, User) == 0


def test_a_weak_password_is_refused_with_the_reason(client):
    response = client.post("/register?lang=en", data=registration(password="123", confirm="123"))
    assert "Use at least 10 characters." in response.get_data(as_text=True)


def test_signing_in_and_out(client, make_user, auth):
    email = make_user()
    response = auth.login(email)
    assert response.status_code == 302
    assert client.get("/me").status_code == 200
    auth.logout()
    assert client.get("/me").status_code == 302


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(client, make_user, auth):
    email = make_user()
    wrong = auth.login(email, "not the password").get_data(as_text=True)
    unknown = auth.login("nobody@example.vn", "not the password").get_data(as_text=True)
    message = "Sai email hoặc mật khẩu, hoặc tài khoản chưa hoạt động."
    assert message in wrong and message in unknown


def test_an_inactive_user_cannot_sign_in(client, make_user, auth):
    email = make_user(active=False)
    response = auth.login(email)
    assert response.status_code == 422
    assert client.get("/me").status_code == 302


def test_repeated_wrong_passwords_lock_the_account(make_app, make_user):
    app = make_app(LOCKOUT_THRESHOLD=3)
    client = app.test_client()
    email = make_user()
    for _ in range(3):
        client.post("/login", data={"email": email, "password": "wrong password!"})
    response = client.post("/login?lang=en", data={"email": email, "password": PASSWORD})
    assert "locked" in response.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        user.locked_until = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302


def test_too_many_sign_in_attempts_get_a_429_page(make_app):
    app = make_app(LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    for _ in range(3):
        client.post("/login", data={"email": "a@example.vn", "password": "x"})
    response = client.post("/login?lang=en", data={"email": "a@example.vn", "password": "x"})
    assert response.status_code == 429
    assert "Too many attempts. Try again in" in response.get_data(as_text=True)


def test_a_form_without_its_csrf_token_is_refused(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=True)
    email = make_user()
    response = app.test_client().post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn" in response.get_data(as_text=True)


def test_a_form_with_its_csrf_token_is_accepted(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=True)
    email = make_user()
    client = app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token.group(1)})
    assert response.status_code == 302


def test_next_never_redirects_to_another_site(client, make_user):
    email = make_user()
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = client.post(f"/login?next={target}", data={"email": email, "password": PASSWORD})
        assert response.headers["Location"] == "/"
        client.post("/logout")
    response = client.post("/login?next=/me", data={"email": email, "password": PASSWORD})
    assert response.headers["Location"] == "/me"


def test_changing_the_password(client, make_user, auth):
    email = make_user()
    auth.login(email)
    response = client.post("/me/password", data={"current": "wrong one!!", "password": "a new long secret",
                                                 "confirm": "a new long secret"})
    assert response.status_code == 422
    client.post("/me/password", data={"current": PASSWORD, "password": "a new long secret",
                                      "confirm": "a new long secret"})
    auth.logout()
    assert auth.login(email, "a new long secret").status_code == 302


def reset_link(app, email) -> str:
    with app.app_context():
        message = db.session.scalar(
            select(Notification).where(Notification.email == email, Notification.kind == "password_reset")
        )
        return message.link.replace("http://localhost", "")


def test_a_password_reset_link_works_once(app, client, make_user, auth):
    email = make_user()
    response = client.post("/password/forgot", data={"email": email})
    assert response.status_code == 302
    link = reset_link(app, email)
    assert client.get(link).status_code == 200
    client.post(link, data={"password": "brand new secret", "confirm": "brand new secret"})
    assert auth.login(email, "brand new secret").status_code == 302
    assert client.get(link).status_code == 404


def test_an_expired_reset_link_is_refused(app, client, make_user):
    email = make_user()
    client.post("/password/forgot", data={"email": email})
    link = reset_link(app, email)
    with app.app_context():
        reset = db.session.scalar(select(PasswordReset))
        reset.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    assert client.get(link).status_code == 404


def test_asking_a_reset_for_an_unknown_email_looks_the_same(app, client, make_user):
    known = make_user()
    pages = [
        client.post("/password/forgot", data={"email": email}, follow_redirects=True).get_data(as_text=True)
        for email in (known, "ghost@example.vn")
    ]
    assert pages[0].replace(known, "") == pages[1].replace("ghost@example.vn", "")
    assert count(app, PasswordReset) == 1


def test_role_required_sends_strangers_to_sign_in_and_refuses_other_roles(make_app, make_user):
    from fairmatch.auth.decorators import role_required

    app = make_app()

    @app.get("/organizers-only")
    @role_required("organizer")
    def organizers_only():
        return "ok"

    client = app.test_client()
    assert client.get("/organizers-only").headers["Location"].startswith("/login?next=")
    client.post("/login", data={"email": make_user("buyer"), "password": PASSWORD})
    assert client.get("/organizers-only").status_code == 403
    client.post("/logout")
    client.post("/login", data={"email": make_user("organizer"), "password": PASSWORD})
    assert client.get("/organizers-only").get_data(as_text=True) == "ok"


def test_require_member_lets_members_and_organizers_act_on_an_enterprise(app, make_enterprise, make_user):
    import pytest
    from flask_login import login_user

    from fairmatch.auth.decorators import require_member
    from fairmatch.errors import NotAllowed

    key = make_enterprise()
    member, stranger, organizer = make_user(enterprise=key, owner=False), make_user(), make_user("organizer")
    for email, allowed, owner_only in ((member, True, False), (member, False, True), (stranger, False, False),
                                       (organizer, True, True)):
        with app.test_request_context():
            login_user(db.session.scalar(select(User).where(User.email == email)))
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            if allowed:
                require_member(enterprise, owner=owner_only)
            else:
                with pytest.raises(NotAllowed):
                    require_member(enterprise, owner=owner_only)
