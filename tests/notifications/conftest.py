"""A real SMTP server (aiosmtpd) on a free local port, and messages waiting in the outbox."""

import socket
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from fairmatch.notifications.services import notify

SENDER = "Hội chợ CNHT <no-reply@hoicho.example.vn>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An SMTP handler that keeps what it accepts; `refuse` makes it answer DATA with that reply."""

    def __init__(self):
        self.received = []
        self.refuse: str | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        self.received.append(message_from_bytes(envelope.original_content, policy=default_policy))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{controller.port}"
    yield inbox
    controller.stop()


@pytest.fixture
def mail_app(make_app, smtp_server):
    """The app with email delivery to the test SMTP server, three attempts at most."""
    return make_app(SMTP_URL=smtp_server.url, MAIL_FROM=SENDER, MAIL_MAX_ATTEMPTS=3)


@pytest.fixture
def queue_message(make_user):
    """Store a password-reset message for a new user in the outbox; returns the recipient's email."""

    def queue(app, locale="vi", **fields) -> str:
        email = make_user(locale=locale, **fields)
        with app.test_request_context():
            user = db.session.scalar(select(User).where(User.email == email))
            notify(user, "password_reset", link=f"http://127.0.0.1:5000/reset/{user.id}", hours=2)
            db.session.commit()
        return email

    return queue


def outbox(app) -> list[Notification]:
    """Every stored message, oldest first, detached from the session."""
    with app.app_context():
        messages = list(db.session.scalars(select(Notification).order_by(Notification.id)))
        db.session.expunge_all()
        return messages
