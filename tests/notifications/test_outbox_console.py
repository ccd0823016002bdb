"""The organizer's outbox page: every message with its email state, failures with their error and
next attempt, filters, and a retry button."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.notifications.delivery import mail_settings, send_due
from fairmatch.notifications.models import Notification
from fairmatch.notifications.outbox import KIND_LABELS
from tests.conftest import signed_in
from tests.notifications.conftest import outbox


def fail_for_good(app, smtp_server):
    """Run the outbox against a refusing server until its messages give up (3 attempts)."""
    smtp_server.refuse = "550 5.7.1 Relaying denied"
    when = utcnow()
    with app.app_context():
        for _ in range(3):
            send_due(mail_settings(), now=when)
            when += timedelta(hours=7)


def test_the_organizer_sees_a_failed_email_with_its_error_and_retries_it(
        mail_app, smtp_server, queue_message, make_user):
    recipient = queue_message(mail_app)
    fail_for_good(mail_app, smtp_server)
    organizer = signed_in(mail_app, make_user("organizer"))

    page = organizer.get("/organizer/outbox?state=failed&lang=en").get_data(as_text=True)
    assert recipient in page and "Email failed" in page
    assert "550 5.7.1 Relaying denied" in page and "Attempts: 3 of 3" in page
    assert "Retry now" in page

    smtp_server.refuse = None
    [message] = outbox(mail_app)
    response = organizer.post(f"/organizer/outbox/{message.id}/retry", data={"state": "failed"})
    assert response.status_code == 302 and "state=failed" in response.location
    assert f"emailed to {recipient}" in organizer.get("/organizer/outbox?lang=en").get_data(as_text=True)
    [message] = outbox(mail_app)
    assert (message.email_state, message.email_attempts) == ("sent", 1)
    assert smtp_server.received[0]["To"] == recipient
    with mail_app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "notification.email_retried"))
        assert entry.record_id == str(message.id) and entry.details["state"] == "failed"
        assert "550" in entry.details["error"]


def test_a_waiting_message_shows_its_error_and_next_attempt(mail_app, smtp_server, queue_message, make_user):
    queue_message(mail_app)
    smtp_server.refuse = "451 4.7.1 Greylisted, try again later"
    mail_app.test_cli_runner().invoke(args=["send-outbox"])
    organizer = signed_in(mail_app, make_user("organizer"))

    page = organizer.get("/organizer/outbox?lang=vi").get_data(as_text=True)

    assert "451 4.7.1 Greylisted" in page
    assert "Lần gửi tiếp theo:" in page and "Gửi lại ngay" in page
    assert "Attempts: 1 of 3" in organizer.get("/organizer/outbox?lang=en").get_data(as_text=True)


def test_a_retry_without_email_delivery_queues_the_message_again(app, make_user):
    with app.app_context():
        message = Notification(email="lan@example.vn", language="vi", kind="password_reset", subject="Đặt lại",
                               body="…", email_state="failed", email_attempts=8, email_error="timed out")
        db.session.add(message)
        db.session.commit()
        message_id = message.id
    organizer = signed_in(app, make_user("organizer"))

    organizer.post(f"/organizer/outbox/{message_id}/retry")

    assert "SMTP_URL" in organizer.get("/organizer/outbox?lang=en").get_data(as_text=True)
    [message] = outbox(app)
    assert (message.email_state, message.email_attempts) == ("pending", 0)


def test_the_outbox_filters_by_state_kind_and_recipient(app, make_user):
    with app.app_context():
        for email, kind, state in [("an@alpha.vn", "password_reset", "sent"),
                                   ("binh@beta.vn", "meeting_requested", "pending"),
                                   ("chi@beta.vn", "password_reset", "failed")]:
            db.session.add(Notification(email=email, language="vi", kind=kind, subject=f"Thư cho {email}",
                                        body="…", email_state=state))
        db.session.commit()
    organizer = signed_in(app, make_user("organizer"))

    def shown(query):
        page = organizer.get(f"/organizer/outbox?{query}").get_data(as_text=True)
        return {e for e in ("an@alpha.vn", "binh@beta.vn", "chi@beta.vn") if f"Thư cho {e}" in page}

    assert shown("") == {"an@alpha.vn", "binh@beta.vn", "chi@beta.vn"}
    assert shown("state=failed") == {"chi@beta.vn"}
    assert shown("kind=password_reset") == {"an@alpha.vn", "chi@beta.vn"}
    assert shown("recipient=BETA.vn") == {"binh@beta.vn", "chi@beta.vn"}
    assert shown("recipient=beta&kind=password_reset") == {"chi@beta.vn"}
    assert shown("state=bogus&page=x") == {"an@alpha.vn", "binh@beta.vn", "chi@beta.vn"}


def test_the_outbox_is_for_organizers_only(app, client, make_user):
    assert client.get("/organizer/outbox").status_code == 302
    assert "/login" in client.get("/organizer/outbox").location
    for role in ("exhibitor", "buyer"):
        browser = signed_in(app, make_user(role))
        assert browser.get("/organizer/outbox").status_code == 403
        assert browser.post("/organizer/outbox/1/retry").status_code == 403


def test_the_organizer_start_page_links_to_the_outbox(app, runner):
    from fairmatch.organizer.demo import DEMO_PASSWORD

    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    organizer = signed_in(app, "btc@demo.fairmatch.vn", DEMO_PASSWORD)
    assert 'href="/organizer/outbox"' in organizer.get("/organizer/").get_data(as_text=True)


def test_unusable_email_settings_are_shown_to_the_organizer(make_app, make_user):
    app = make_app(SMTP_URL="smtp://mail.example.vn?tls=1", MAIL_FROM="no-reply@example.vn")
    organizer = signed_in(app, make_user("organizer"))
    page = organizer.get("/organizer/outbox?lang=en").get_data(as_text=True)
    assert "the email settings cannot be used" in page and "unknown option &#39;tls&#39;" in page


def test_every_kind_of_message_has_a_name_in_the_outbox():
    templates = Path(__file__).resolve().parents[2] / "templates" / "notifications"
    kinds = {path.stem for path in templates.glob("*.txt")}
    assert kinds and kinds <= set(KIND_LABELS), kinds - set(KIND_LABELS)
