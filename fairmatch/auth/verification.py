"""Email verification: a self-registered account proves its address before anything of it is public.

The link is signed with the app's secret (no table to clean up), runs out after
`EMAIL_VERIFICATION_HOURS`, and works once: it names the address it was sent to and the account's
state, so once the address is verified (or changed) every earlier link is spent.
"""

from flask import current_app, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import Select, select

from fairmatch.audit.services import record
from fairmatch.auth.models import User
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Membership
from fairmatch.errors import NotAllowed, NotFound
from fairmatch.extensions import db
from fairmatch.notifications.services import notify

SALT = "fairmatch.email-verification"


class LinkAlreadyUsed(NotFound):
    """The link was good, but the address is verified already."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def verification_token(user: User) -> str:
    return _serializer().dumps({"user": user.id, "email": user.email})


def send_verification(user: User) -> None:
    """Queue the message with a fresh link in the outbox; the caller commits."""
    hours = current_app.config["EMAIL_VERIFICATION_HOURS"]
    link = url_for("auth.verify_email", token=verification_token(user), _external=True)
    message = notify(user, "verify_email", link=link, hours=hours)
    # By email only: shown in the account's own inbox on the site, the link would prove nothing.
    message.user = None
    record("user.verification_sent", user, actor=user)


def verify_email(token: str) -> User:
    """Mark the address of the link's account verified; NotFound for a link that is forged, out of
    date or meant for an address the account no longer has; LinkAlreadyUsed the second time."""
    max_age = current_app.config["EMAIL_VERIFICATION_HOURS"] * 3600
    try:
        claims = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise NotFound(_("This confirmation link has run out. Sign in and ask for a new one.")) from None
    except BadSignature:
        raise NotFound(_("This confirmation link is not valid. Check that it was copied whole.")) from None
    user = db.session.get(User, claims.get("user")) if isinstance(claims, dict) else None
    if user is None or user.email != claims.get("email") or not user.active:
        raise NotFound(_("This confirmation link is not valid. Check that it was copied whole."))
    if user.email_verified:
        raise LinkAlreadyUsed(_("This link has been used already: your address is confirmed."))
    user.email_verified_at = utcnow()
    record("user.email_verified", user, actor=user)
    db.session.commit()
    return user


def require_verified_email(user) -> None:
    """Refuse an account whose address is not verified yet (organizers are always verified)."""
    if not user.is_organizer and not user.email_verified:
        raise NotAllowed(
            _("Confirm your email address first: open the link we sent you, or ask for a new one on your account page.")
        )


def unconfirmed_enterprises() -> Select:
    """Ids of enterprises that nobody with a verified address acts for yet, though someone
    registered them: not public (directory, profile page) until an address is verified."""
    verified = (
        select(Membership.enterprise_id)
        .join(User)
        .where(Membership.status == "approved", User.email_verified_at.is_not(None))
    )
    return (
        select(Membership.enterprise_id)
        .join(User)
        .where(
            Membership.status == "approved", User.email_verified_at.is_(None), Membership.enterprise_id.not_in(verified)
        )
    )


def is_unconfirmed(enterprise) -> bool:
    """Whether `enterprise` is among `unconfirmed_enterprises`: its page is for its members only."""
    return (
        db.session.scalar(select(unconfirmed_enterprises().where(Membership.enterprise_id == enterprise.id).exists()))
        or False
    )
