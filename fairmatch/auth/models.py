"""Accounts: users, API tokens and password-reset links."""

import hashlib
import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

ROLES = ("exhibitor", "buyer", "organizer")


def hash_secret(secret: str) -> str:
    """Secrets handed to users (tokens, reset links) are stored only as this digest."""
    return hashlib.sha256(secret.encode()).hexdigest()


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str] = mapped_column(String(5), default="vi")
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_version: Mapped[str | None] = mapped_column(String(20))
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Proven by opening the link sent to the address. Accounts made by organizers, the command line
    # or the demo are verified when created; only self-registration starts unverified.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
    # Part of every session's user id: raising it (new password) signs out the other sessions.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    memberships = relationship("Membership", back_populates="user", cascade="all, delete-orphan")

    __table_args__ = (CheckConstraint(f"role IN {ROLES}", name="role"),)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What a session (and the remember cookie) keeps: the id and the session version."""
        return f"{self.id}.{self.session_version}"

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_organizer(self) -> bool:
        return self.role == "organizer"

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())

    @property
    def enterprise(self):
        """The enterprise this user acts for: its first approved membership, if any."""
        approved = [m for m in self.memberships if m.status == "approved"]
        return approved[0].enterprise if approved else None


class ApiToken(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @classmethod
    def issue(cls, user: User) -> tuple["ApiToken", str]:
        """A new token for `user`; the plain secret is returned once and never stored."""
        secret = "fm_" + secrets.token_urlsafe(32)
        return cls(user=user, token_hash=hash_secret(secret)), secret


class PasswordReset(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
