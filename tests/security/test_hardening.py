"""Security headers and cookies, API tokens (hashed, revocable, acting with the owner's role),
the password policy, and problem documents for every API error."""

import re

from sqlalchemy import select

from fairmatch import create_app
from fairmatch.auth.models import ApiToken
from fairmatch.extensions import db
from tests.conftest import PASSWORD
from tests.foundation.test_auth import registration
from tests.security.conftest import BUYER, EXHIBITOR_A, EXHIBITOR_B, ORGANIZER


def test_pages_forbid_inline_scripts_framing_and_sniffing(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP on a developer's machine


def test_production_insists_on_https_and_keeps_cookies_from_scripts(monkeypatch, tmp_path):
    monkeypatch.setattr("config.ProductionConfig.SECRET_KEY", "s3cret-from-env")
    monkeypatch.setattr("config.ProductionConfig.SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/p.db")
    response = create_app("production").test_client().get("/privacy?lang=en")  # remembers the language
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def token_from(page: str) -> str:
    return re.search(r"fm_[\w-]+", page).group(0)


def test_a_user_creates_a_token_sees_it_once_and_revokes_it(world):
    browser = world.client(EXHIBITOR_A)
    created = browser.post("/me/tokens", follow_redirects=True).get_data(as_text=True)
    secret = token_from(created)
    bearer = {"Authorization": f"Bearer {secret}"}
    api = world.app.test_client()
    assert api.get("/api/v1/me/agenda", headers=bearer).status_code == 200
    with world.app.app_context():
        stored = db.session.scalars(select(ApiToken.token_hash)).all()
        token_id = db.session.scalar(select(ApiToken.id).order_by(ApiToken.id.desc()))
    assert secret not in stored and all(len(h) == 64 for h in stored)  # only digests are kept
    account = browser.get("/me").get_data(as_text=True)
    assert secret not in account and f"#{token_id}" in account
    browser.post(f"/me/tokens/{token_id}/revoke")
    refused = api.get("/api/v1/me/agenda", headers=bearer)
    assert refused.status_code == 401 and refused.mimetype == "application/problem+json"
    assert "revoked on" in browser.get("/me?lang=en").get_data(as_text=True)


def test_nobody_revokes_another_users_token(world):
    secret = token_from(world.client(EXHIBITOR_A).post("/me/tokens", follow_redirects=True).get_data(as_text=True))
    with world.app.app_context():
        token_id = db.session.scalar(select(ApiToken.id).order_by(ApiToken.id.desc()))
    assert world.client(EXHIBITOR_B).post(f"/me/tokens/{token_id}/revoke").status_code == 404
    assert world.client(ORGANIZER).post(f"/me/tokens/{token_id}/revoke").status_code == 404
    assert world.app.test_client().get("/api/v1/me/agenda", headers={"Authorization": f"Bearer {secret}"}).status_code \
        == 200


def test_a_token_has_exactly_its_owners_rights(world):
    def bearer(persona):
        page = world.client(persona).post("/me/tokens", follow_redirects=True).get_data(as_text=True)
        return {"Authorization": f"Bearer {token_from(page)}"}

    api = world.app.test_client()
    buyer, organizer, exhibitor = bearer(BUYER), bearer(ORGANIZER), bearer(EXHIBITOR_B)
    assert api.post("/api/v1/booths/A02/reservations", json={}, headers=buyer).status_code == 403
    assert api.post("/api/v1/booths/A02/reservations", json={}, headers=exhibitor).status_code == 201
    assert api.get("/print/floorplan.pdf", headers=organizer).status_code == 200
    assert api.get("/print/floorplan.pdf", headers=exhibitor).status_code == 403
    reservation = world.ids["reservation_id"]
    assert api.delete(f"/api/v1/reservations/{reservation}", headers=exhibitor).status_code == 403  # A's booth
    assert api.get("/api/v1/me/agenda", headers={"Authorization": "Bearer fm_made-up"}).status_code == 401


def test_common_passwords_and_the_email_address_are_refused(client):
    for password, reason in [
        ("Password123", "This password is too easy to guess."),
        ("matkhau1234", "This password is too easy to guess."),
        ("ha@thanhcong.vn", "Do not put your email address in your password."),
        ("HA@thanhcong.vn 2026", "Do not put your email address in your password."),
    ]:
        data = registration(password=password, confirm=password, email="ha@thanhcong.vn")
        response = client.post("/register?lang=en", data=data)
        assert response.status_code == 422 and reason in response.get_data(as_text=True), password
    accepted = registration(password="xe-máy-đỏ-2026", confirm="xe-máy-đỏ-2026", email="ha@thanhcong.vn")
    assert client.post("/register", data=accepted).status_code == 302


def test_the_password_reasons_are_in_vietnamese_too(client):
    response = client.post("/register", data=registration(password="qwerty12345", confirm="qwerty12345"))
    assert response.status_code == 422
    assert "Mật khẩu này quá dễ đoán." in response.get_data(as_text=True)


def test_every_api_error_is_a_problem_document(client, make_user):
    make_user(email="a@example.vn")
    for method, url, status in [
        ("GET", "/api/v1/no-such-thing", 404),
        ("PUT", "/api/v1/booths", 405),
        ("POST", "/api/v1/reservations/99999999999999999999/submit", 404),
        ("GET", "/api/v1/me/agenda", 401),
    ]:
        response = client.open(url, method=method)
        assert response.status_code == status, url
        assert response.mimetype == "application/problem+json"
        assert response.json["status"] == status and response.json["title"]


def test_a_signed_in_password_is_checked_against_the_policy_on_change(world):
    browser = world.client(EXHIBITOR_A)
    response = browser.post("/me/password?lang=en", data={"current": PASSWORD, "password": "a@example.vn",
                                                           "confirm": "a@example.vn"})
    assert response.status_code == 422
    assert "Do not put your email address in your password." in response.get_data(as_text=True)


def test_a_nul_character_is_refused_at_the_door_and_nothing_is_written(world):
    """PostgreSQL cannot store NUL; nobody types it. Everywhere: a clear 400, nothing saved."""
    exhibitor, anonymous = world.client(EXHIBITOR_A), world.app.test_client()
    edit = f"/enterprises/{world.keys['A']}/edit"
    assert exhibitor.post(edit, data={"name_en": "Hoa Lac\x00 Cables"}).status_code == 400
    assert "\x00" not in exhibitor.get(f"/enterprises/{world.keys['A']}?lang=en").get_data(as_text=True)
    assert anonymous.get("/directory?q=c%C3%A1p%00").status_code == 400
    assert anonymous.get("/enterprises/0100109106%00").status_code == 400
    api = anonymous.get("/api/v1/enterprises?q=%00")
    assert api.status_code == 400 and api.mimetype == "application/problem+json"
    sent = exhibitor.post("/api/v1/meeting-requests", json={"to": world.keys["B"], "message": "xin chào\u0000"})
    assert sent.status_code == 400 and "NUL" in sent.json["detail"]
    assert exhibitor.get("/me/meetings").status_code == 200
