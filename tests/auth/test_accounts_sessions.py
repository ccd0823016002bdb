"""A new password signs out every other session of the account; the one that set it stays in."""

from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, signed_in

NEW = "a brand new long secret"


def test_changing_the_password_signs_out_the_other_sessions_only(app, make_user):
    email = make_user()
    laptop, phone = signed_in(app, email), signed_in(app, email)
    response = laptop.post(
        "/me/password?lang=en", data={"current": PASSWORD, "password": NEW, "confirm": NEW}, follow_redirects=True
    )
    assert "Your other sessions are signed out" in response.get_data(as_text=True)
    assert laptop.get("/me").status_code == 200
    assert phone.get("/me").status_code == 302
    assert phone.get("/me").headers["Location"].startswith("/login")


def test_a_password_reset_signs_out_every_session(app, make_user):
    email = make_user()
    stolen = signed_in(app, email)
    browser = app.test_client()
    browser.post("/password/forgot", data={"email": email})
    with app.app_context():
        link = db.session.scalar(select(Notification.link).where(Notification.kind == "password_reset"))
    browser.post(link.replace("http://localhost", ""), data={"password": NEW, "confirm": NEW})
    assert stolen.get("/me").status_code == 302
    assert signed_in(app, email, NEW).get("/me").status_code == 200


def test_a_remembered_device_is_signed_out_too(app, make_user):
    email = make_user()
    remembered = app.test_client()
    remembered.post("/login", data={"email": email, "password": PASSWORD, "remember": "y"})
    with remembered.session_transaction() as session:  # the browser was closed: only the cookie is left
        session.clear()
    assert remembered.get("/me").status_code == 200
    signed_in(app, email).post("/me/password", data={"current": PASSWORD, "password": NEW, "confirm": NEW})
    with remembered.session_transaction() as session:
        session.clear()
    assert remembered.get("/me").status_code == 302


def test_a_failed_change_signs_nobody_out(app, make_user):
    email = make_user()
    laptop, phone = signed_in(app, email), signed_in(app, email)
    laptop.post("/me/password", data={"current": "not my password", "password": NEW, "confirm": NEW})
    assert phone.get("/me").status_code == 200
