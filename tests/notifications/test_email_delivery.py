"""send-outbox: pending messages go out through a real SMTP server; failures wait, back off, and
finally give up, visibly."""

import threading
from datetime import timedelta

import pytest

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.notifications.delivery import mail_settings, send_due
from fairmatch.notifications.mail import BadMailSettings, parse_smtp_url
from tests.notifications.conftest import SENDER, free_port, outbox


def test_pending_messages_are_emailed_in_the_recipients_language(mail_app, smtp_server, queue_message):
    vietnamese = queue_message(mail_app, locale="vi")
    english = queue_message(mail_app, locale="en")

    result = mail_app.test_cli_runner().invoke(args=["send-outbox"])

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "sent 2, retry later 0, failed 0"
    assert result.stderr == ""
    by_recipient = {email["To"]: email for email in smtp_server.received}
    assert set(by_recipient) == {vietnamese, english}
    vi = by_recipient[vietnamese]
    assert vi["Subject"] == "Đặt mật khẩu mới cho fairmatch"
    assert vi["From"] == SENDER and vi["Content-Language"] == "vi"
    body = vi.get_content()
    assert "Ai đó" in body or "mật khẩu" in body
    assert "http://127.0.0.1:5000/reset/" in body
    assert by_recipient[english]["Subject"] == "Set a new password for fairmatch"
    assert "All your fairmatch messages: http://127.0.0.1:5000/me/notifications" in by_recipient[english].get_content()
    assert [(m.email_state, m.email_attempts) for m in outbox(mail_app)] == [("sent", 1), ("sent", 1)]
    assert all(m.email_sent_at is not None for m in outbox(mail_app))

    again = mail_app.test_cli_runner().invoke(args=["send-outbox"])
    assert again.stdout.strip() == "sent 0, retry later 0, failed 0"
    assert len(smtp_server.received) == 2


def test_without_smtp_url_the_command_says_so_and_changes_nothing(app, runner, queue_message):
    queue_message(app)

    result = runner.invoke(args=["send-outbox"])

    assert result.exit_code == 0
    assert "SMTP_URL is not set" in result.stdout and "1 message(s) stay in the in-app inbox" in result.stdout
    [message] = outbox(app)
    assert (message.email_state, message.email_attempts, message.email_next_attempt_at) == ("pending", 0, None)


def test_a_refusing_server_leaves_the_message_pending_with_backoff_then_a_later_run_sends_it(
        mail_app, smtp_server, queue_message):
    queue_message(mail_app)
    smtp_server.refuse = "451 4.3.0 Mailbox temporarily unavailable"
    started = utcnow()

    result = mail_app.test_cli_runner().invoke(args=["send-outbox"])

    assert result.exit_code == 0
    assert result.stdout.strip() == "sent 0, retry later 1, failed 0"
    assert "451" in result.stderr
    [message] = outbox(mail_app)
    assert (message.email_state, message.email_attempts) == ("pending", 1)
    assert "451 4.3.0 Mailbox temporarily unavailable" in message.email_error
    first_wait = message.email_next_attempt_at - started
    assert timedelta(minutes=4, seconds=50) < first_wait <= timedelta(minutes=5, seconds=10)

    too_soon = mail_app.test_cli_runner().invoke(args=["send-outbox"])
    assert too_soon.stdout.strip() == "sent 0, retry later 0, failed 0"
    assert outbox(mail_app)[0].email_attempts == 1

    later = message.email_next_attempt_at + timedelta(seconds=1)
    with mail_app.app_context():
        assert str(send_due(mail_settings(), now=later)) == "sent 0, retry later 1, failed 0"
    [message] = outbox(mail_app)
    assert message.email_attempts == 2
    assert message.email_next_attempt_at - later == timedelta(minutes=10), "the wait doubles"

    smtp_server.refuse = None
    with mail_app.app_context():
        assert str(send_due(mail_settings(), now=message.email_next_attempt_at)) == "sent 1, retry later 0, failed 0"
    [message] = outbox(mail_app)
    assert (message.email_state, message.email_error, message.email_next_attempt_at) == ("sent", None, None)
    assert smtp_server.received[0]["Subject"] == "Đặt mật khẩu mới cho fairmatch"


def test_with_nothing_listening_every_due_message_records_the_error_and_waits(make_app, queue_message):
    app = make_app(SMTP_URL=f"smtp://127.0.0.1:{free_port()}", MAIL_FROM=SENDER)
    queue_message(app)
    queue_message(app)

    result = app.test_cli_runner().invoke(args=["send-outbox"])

    assert result.exit_code == 0
    assert result.stdout.strip() == "sent 0, retry later 2, failed 0"
    assert len(result.stderr.strip().splitlines()) == 1 and "refused" in result.stderr.lower()
    for message in outbox(app):
        assert message.email_state == "pending" and message.email_attempts == 1
        assert "refused" in message.email_error.lower() and message.email_next_attempt_at is not None


def test_after_the_last_attempt_the_message_is_marked_failed(mail_app, smtp_server, queue_message):
    queue_message(mail_app)
    smtp_server.refuse = "550 5.1.1 No such user here"
    when = utcnow()
    with mail_app.app_context():
        for expected in ("retry later 1, failed 0", "retry later 1, failed 0", "retry later 0, failed 1"):
            assert str(send_due(mail_settings(), now=when)) == f"sent 0, {expected}"
            when += timedelta(hours=7)
    [message] = outbox(mail_app)
    assert (message.email_state, message.email_attempts, message.email_next_attempt_at) == ("failed", 3, None)
    assert "550 5.1.1 No such user here" in message.email_error
    with mail_app.app_context():
        assert str(send_due(mail_settings(), now=when)) == "sent 0, retry later 0, failed 0"
    assert smtp_server.received == []


@pytest.mark.parametrize(("url", "problem"), [
    ("http://mail.example.vn", "scheme"),
    ("smtp://mail.example.vn?tls=1", "unknown option"),
    ("smtp://mail.example.vn:99999", "SMTP_URL"),
    ("smtps://mail.example.vn?starttls=1", "already encrypted"),
])
def test_a_bad_smtp_url_is_refused_with_exit_1(make_app, url, problem):
    app = make_app(SMTP_URL=url, MAIL_FROM=SENDER)
    result = app.test_cli_runner().invoke(args=["send-outbox"])
    assert result.exit_code == 1
    assert result.stderr.startswith("SMTP_URL:") and problem in result.stderr
    assert "Traceback" not in result.output


def test_email_delivery_needs_a_sender_address(make_app):
    app = make_app(SMTP_URL="smtp://127.0.0.1:25")
    result = app.test_cli_runner().invoke(args=["send-outbox", "--limit", "zero"])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stderr.strip().splitlines()] == ["limit", "MAIL_FROM"]


def test_smtp_urls_name_the_server_the_encryption_and_the_account():
    plain = parse_smtp_url("smtp://relay.example.vn")
    assert (plain.host, plain.port, plain.starttls, plain.implicit_tls, plain.username) == (
        "relay.example.vn", 25, False, False, None)
    starttls = parse_smtp_url("smtp://hoicho%40example.vn:p%40ss@mail.example.vn?starttls=1&timeout=20")
    assert (starttls.port, starttls.starttls, starttls.username, starttls.password, starttls.timeout) == (
        587, True, "hoicho@example.vn", "p@ss", 20.0)
    implicit = parse_smtp_url("smtps://mail.example.vn")
    assert (implicit.port, implicit.implicit_tls) == (465, True)
    with pytest.raises(BadMailSettings):
        parse_smtp_url("smtp://mail.example.vn?starttls=maybe")


def test_two_runs_at_once_send_each_message_exactly_once(mail_app, smtp_server, queue_message):
    recipients = {queue_message(mail_app) for _ in range(12)}
    summaries = []

    def run():
        with mail_app.app_context():
            summaries.append(send_due(mail_settings()))
            db.session.remove()

    runs = [threading.Thread(target=run) for _ in range(2)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(timeout=60)

    assert sorted(email["To"] for email in smtp_server.received) == sorted(recipients)
    assert sum(summary.sent for summary in summaries) == 12
    assert {m.email_attempts for m in outbox(mail_app)} == {1}
