"""The two shared services: the notification outbox and the append-only audit log."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from fairmatch.audit.models import AuditEntry
from fairmatch.audit.services import record
from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from fairmatch.notifications.services import notify


def test_a_message_is_stored_in_the_recipients_language_and_shown_in_app(app, client, make_user, auth):
    email = make_user(locale="en")
    with app.test_request_context("/?lang=vi"):
        user = db.session.scalar(select(User).where(User.email == email))
        notify(user, "password_reset", link="http://localhost/x", hours=2)
        db.session.commit()
        message = db.session.scalar(select(Notification))
        assert message.language == "en" and message.email == email and message.email_state == "pending"
        assert message.subject == "Set a new password for fairmatch"
    auth.login(email)
    inbox = client.get("/me/notifications").get_data(as_text=True)
    assert "Set a new password for fairmatch" in inbox
    assert '<span class="badge-count"' in inbox
    client.post("/me/notifications/read")
    assert '<span class="badge-count"' not in client.get("/me/notifications").get_data(as_text=True)


def test_the_audit_log_records_who_did_what_to_which_record(app, make_user):
    email = make_user()
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        record("user.example", user, {"why": "test"}, actor=user)
        db.session.commit()
        entry = db.session.scalar(select(AuditEntry))
        assert (entry.actor_id, entry.action, entry.record_type, entry.record_id) == (
            user.id, "user.example", "User", str(user.id))
        assert entry.at.tzinfo is not None


def test_the_database_refuses_to_change_or_delete_an_audit_entry(app, make_user):
    email = make_user()
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        record("user.example", user, actor=user)
        db.session.commit()
        with pytest.raises(DatabaseError):
            db.session.execute(text("UPDATE audit_entry SET action = 'forged'"))
            db.session.commit()
        db.session.rollback()
        with pytest.raises(DatabaseError):
            db.session.execute(text("DELETE FROM audit_entry"))
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(select(AuditEntry.action)) == "user.example"


def test_registration_is_audited(app, client):
    from tests.foundation.test_auth import registration

    client.post("/register", data=registration())
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"user.registered", "enterprise.registered"} <= actions
