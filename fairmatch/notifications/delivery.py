"""Email delivery of the outbox: send what is due, retry with exponential backoff, give up after
`MAIL_MAX_ATTEMPTS`, and let the organizer retry a message now.

Each message is claimed before it is sent (a conditional UPDATE that only one process can win), so
two runs of `send-outbox` at once, or a run and an organizer's retry, never send a message twice.
A run killed while sending leaves the claim to expire and the message is tried again: delivery is
at least once, and a repeated email carries the same Message-ID so mail clients can fold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, or_, select, update

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.notifications.mail import (
    BadMailSettings,
    DeliveryError,
    Mailer,
    SmtpSettings,
    check_sender,
    compose,
    parse_smtp_url,
    sender_domain,
)
from fairmatch.notifications.models import Notification
from fairmatch.notifications.services import link_to

# How long a claimed message is left alone by other runs: longer than any SMTP time-out.
CLAIM = timedelta(minutes=15)


@dataclass
class RunSummary:
    sent: int = 0
    retry: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.result, getattr(self, outcome.result) + 1)
        if outcome.error and outcome.error not in self.errors:
            self.errors.append(outcome.error)

    def __str__(self) -> str:
        return f"sent {self.sent}, retry later {self.retry}, failed {self.failed}"


@dataclass
class Outcome:
    result: str  # "sent", "retry" (pending, with a next attempt) or "failed"
    error: str | None = None


def mail_settings() -> tuple[SmtpSettings, str] | None:
    """The SMTP server and sender address, or None when email delivery is off (no `SMTP_URL`).

    Raises BadMailSettings when `SMTP_URL` or `MAIL_FROM` is unusable.
    """
    url = current_app.config.get("SMTP_URL")
    if not url:
        return None
    return parse_smtp_url(url), check_sender(current_app.config.get("MAIL_FROM"))


def retry_delay(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed try: MAIL_RETRY_SECONDS, doubled each time, capped."""
    config = current_app.config
    seconds = config["MAIL_RETRY_SECONDS"] * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, config["MAIL_RETRY_MAX_SECONDS"]))


def pending_count() -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(Notification.email_state == "pending"))


def send_due(settings: tuple[SmtpSettings, str], *, limit: int = 500, now: datetime | None = None) -> RunSummary:
    """Send up to `limit` pending messages whose time has come, oldest first."""
    now = now or utcnow()
    due = db.session.scalars(
        select(Notification.id)
        .where(Notification.email_state == "pending",
               or_(Notification.email_next_attempt_at.is_(None), Notification.email_next_attempt_at <= now))
        .order_by(Notification.created_at, Notification.id)
        .limit(limit)
    ).all()
    summary = RunSummary()
    server, sender = settings
    with Mailer(server) as mailer:
        for message_id in due:
            outcome = _deliver(message_id, mailer, sender, now)
            if outcome is not None:
                summary.add(outcome)
    return summary


def _deliver(message_id: int, mailer: Mailer, sender: str, now: datetime) -> Outcome | None:
    """Claim one message, send it and record what happened; None when another run has it."""
    if not _claim(message_id, now):
        return None
    message = db.session.get(Notification, message_id)
    if not message.email:
        error = "the recipient has no email address"
        message.email_state, message.email_error, message.email_next_attempt_at = "failed", error, None
        db.session.commit()
        return Outcome("failed", error)
    try:
        mailer.send(_email(message, sender, now))
    except DeliveryError as error:
        return _record_failure(message, str(error), now)
    message.email_state, message.email_sent_at = "sent", utcnow()
    message.email_error = message.email_next_attempt_at = None
    db.session.commit()
    return Outcome("sent")


def _claim(message_id: int, now: datetime) -> bool:
    result = db.session.execute(
        update(Notification)
        .where(Notification.id == message_id, Notification.email_state == "pending",
               or_(Notification.email_next_attempt_at.is_(None), Notification.email_next_attempt_at <= now))
        # The claim runs from the real clock: a long run must not hand out claims that already expired.
        .values(email_attempts=Notification.email_attempts + 1, email_next_attempt_at=max(now, utcnow()) + CLAIM)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def _record_failure(message: Notification, error: str, now: datetime) -> Outcome:
    message.email_error = error[:1000]
    if message.email_attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        message.email_state, message.email_next_attempt_at = "failed", None
        result = "failed"
    else:
        message.email_next_attempt_at = now + retry_delay(message.email_attempts)
        result = "retry"
    db.session.commit()
    return Outcome(result, error)


def _email(message: Notification, sender: str, now: datetime):
    """The email of a stored message: its subject and body in the stored language, its link, and
    a last line pointing at the in-app inbox."""
    text = message.body
    if message.link and message.link not in text:
        text += "\n\n" + message.link
    with force_locale(message.language):
        footer = _("All your fairmatch messages: %(url)s", url=link_to("notifications.inbox"))
    stamp = message.created_at.strftime("%Y%m%d%H%M%S")
    return compose(
        sender=sender,
        to=message.email,
        subject=message.subject,
        text=f"{text}\n\n-- \n{footer}\n",
        language=message.language,
        message_id=f"<fairmatch.notification.{message.id}.{stamp}@{sender_domain(sender)}>",
        date=now,
    )


def delivery_status() -> tuple[bool, str | None]:
    """Whether email delivery is on, and why the settings are unusable if they are."""
    try:
        return mail_settings() is not None, None
    except BadMailSettings as problem:
        return False, str(problem)


def retry_now(message: Notification, actor) -> str:
    """Put a failed (or waiting) message back at the head of the queue with a fresh set of attempts,
    audit-logged, and try it at once when email delivery is on.

    Returns "sent", "retry" or "failed" after a try, or "queued" when the message waits for the next
    run of send-outbox (delivery is off, or a run already has it).
    """
    record("notification.email_retried", message,
           {"state": message.email_state, "attempts": message.email_attempts, "error": message.email_error},
           actor=actor)
    message.email_state, message.email_attempts, message.email_next_attempt_at = "pending", 0, None
    db.session.commit()
    if not delivery_status()[0]:
        return "queued"
    server, sender = mail_settings()
    with Mailer(server) as mailer:
        outcome = _deliver(message.id, mailer, sender, utcnow())
    return outcome.result if outcome else "queued"
