"""Limits per account and per address: a registration desk behind one address works all day, a
guessed password does not, and whoever is stopped is told how long to wait and keeps what was typed."""

import re

from sqlalchemy import func, select

from fairmatch.auth.models import User
from fairmatch.extensions import db
from tests.auth.test_accounts_registration import registration
from tests.conftest import PASSWORD, new_tax_code

DESK = {"REMOTE_ADDR": "203.0.113.7"}  # one address for the whole registration desk


def test_a_desk_of_twenty_people_registers_and_signs_in_from_one_address(app):
    desk = app.test_client()
    for n in range(20):
        data = registration(email=f"khach{n}@doanhnghiep{n}.vn", tax_code=new_tax_code())
        assert desk.post("/register", data=data, environ_base=DESK).status_code == 302, n
        desk.post("/logout", environ_base=DESK)
        assert (
            desk.post("/login", data={"email": data["email"], "password": PASSWORD}, environ_base=DESK).status_code
            == 302
        ), n
        desk.post("/logout", environ_base=DESK)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 20


def test_a_desk_where_people_mistype_their_passwords_is_not_locked_out(app, make_user):
    desk = app.test_client()
    emails = [make_user() for _ in range(20)]
    for email in emails:
        for _ in range(2):
            desk.post("/login", data={"email": email, "password": "typo typo typo"}, environ_base=DESK)
        assert desk.post("/login", data={"email": email, "password": PASSWORD}, environ_base=DESK).status_code == 302
        desk.post("/logout", environ_base=DESK)


def test_six_wrong_passwords_on_one_account_are_refused_with_the_wait(app, make_user):
    email = make_user()
    client = app.test_client()
    for _ in range(5):
        assert client.post("/login", data={"email": email, "password": "guess guess"}).status_code == 422
    sixth = client.post("/login?lang=en", data={"email": email, "password": "guess guess"})
    page = sixth.get_data(as_text=True)
    assert sixth.status_code == 429
    seconds = int(sixth.headers["Retry-After"])
    assert 0 < seconds <= 15 * 60
    assert re.search(r"Too many attempts\. Try again in \d+ minutes", page)
    assert f'value="{email}"' in page  # the form is still there, with the email typed
    # ... even with the right password, and from another address: the limit is the account's.
    other = app.test_client().post(
        "/login", data={"email": email, "password": PASSWORD}, environ_base={"REMOTE_ADDR": "198.51.100.9"}
    )
    assert other.status_code == 429
    # Another account at the same address is not affected.
    assert client.post("/login", data={"email": make_user(), "password": PASSWORD}).status_code == 302


def test_the_429_page_of_registration_keeps_everything_typed_but_the_passwords(make_app):
    app = make_app(REGISTER_RATE_LIMIT="1 per hour")
    client = app.test_client()
    client.post("/register", data=registration(email="first@example.vn"))
    client.post("/logout")
    data = registration(name_vi="Công ty TNHH Nhựa Tân Phong", sectors=["plastics-rubber"])
    response = client.post("/register?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert re.search(r"Too many attempts\. Try again in \d+ minutes", page)
    for typed in ("Công ty TNHH Nhựa Tân Phong", "ha@thanhcong.vn", "Phạm Thu Hà", data["tax_code"]):
        assert f'value="{typed}"' in page
    assert re.search(r'checked[^>]*value="plastics-rubber"|value="plastics-rubber"[^>]*checked', page)
    assert PASSWORD not in page
    assert "Enter the password again" in page


def test_a_refused_registration_keeps_an_accepted_password_and_says_when_it_must_be_typed_again(client):
    kept = client.post("/register?lang=en", data=registration(tax_code="0100109107"))
    assert kept.status_code == 422 and kept.headers["Cache-Control"] == "no-store"
    assert kept.get_data(as_text=True).count(f'value="{PASSWORD}"') == 2
    mismatch = client.post("/register?lang=en", data=registration(confirm="something else entirely"))
    page = mismatch.get_data(as_text=True)
    assert PASSWORD not in page and "something else entirely" not in page
    assert "Enter the password again" in page
    assert 'value="ha@thanhcong.vn"' in page


def test_a_refused_password_change_keeps_the_new_password_but_never_the_current_one(client, make_user, auth):
    auth.login(make_user())
    response = client.post(
        "/me/password?lang=en",
        data={"current": "not my password", "password": "a new long secret", "confirm": "a new long secret"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.count('value="a new long secret"') == 2
    assert 'value="not my password"' not in page
    assert "Enter the password again" in page
