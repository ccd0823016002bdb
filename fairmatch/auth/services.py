"""Accounts: registration, sign-in with lockout, passwords, memberships, API tokens."""

import secrets
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.auth.models import ApiToken, PasswordReset, User, hash_secret
from fairmatch.auth.verification import send_verification
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.errors import Conflict, DomainError, NotAllowed, NotFound
from fairmatch.extensions import db
from fairmatch.notifications.services import notify


class SignInFailed(DomainError):
    status = 401


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))


def create_user(email: str, password: str, role: str, name: str = "", locale: str = "vi") -> User:
    """A new active user; the caller commits. Refuses an email already in use."""
    if find_user(email):
        raise Conflict(_("An account with this email already exists."))
    user = User(email=email.strip().lower(), name=name, role=role, locale=locale, active=True)
    user.set_password(password)
    db.session.add(user)
    return user


def register(data: dict, locale: str) -> User:
    """Create an account and either a new enterprise it owns or a pending request to join one.

    `data` holds the registration form's fields. One transaction: all of it or nothing.
    """
    if find_user(data["email"]):
        # Registration cannot hide that an address is taken; the rate limit blunts enumeration.
        raise Conflict(_("This email cannot be used. If it is yours, sign in or reset your password."))
    user = create_user(data["email"], data["password"], data["role"], data["name"], locale)
    user.consent_version = current_app.config["PRIVACY_NOTICE_VERSION"]
    user.consented_at = utcnow()
    key = data["key"]
    enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
    if data["enterprise_action"] == "create":
        if enterprise is not None:
            raise Conflict(_("This enterprise is already registered: ask to join it instead."))
        enterprise = Enterprise(
            key=key,
            country=data["country"],
            tax_code=key if data["country"] == "VN" else None,
            registration_no=data.get("registration_no") if data["country"] != "VN" else None,
            name_vi=data.get("name_vi") or None,
            name_en=data.get("name_en") or None,
            kind=data["kind"],
            verified=False,
        )
        enterprise.set_sectors(data.get("sectors") or [])
        db.session.add(enterprise)
        db.session.add(Membership(user=user, enterprise=enterprise, is_owner=True, status="approved"))
        db.session.flush()
        record("enterprise.registered", enterprise, {"key": key}, actor=user)
    else:
        if enterprise is None:
            raise NotFound(_("No enterprise with this tax code or registration number is registered yet."))
        membership = Membership(user=user, enterprise=enterprise, status="pending")
        db.session.add(membership)
        db.session.flush()
        for approver in approvers_of(enterprise):
            notify(approver, "membership_requested", link=url_for("auth.team", _external=True),
                   requester=user, enterprise=enterprise)
        record("membership.requested", membership, {"enterprise": key}, actor=user)
    db.session.flush()
    record("user.registered", user, {"role": user.role}, actor=user)
    # Unverified until the link sent to the address is opened (set after the insert, which would
    # otherwise apply the column's default: verified, as for accounts organizers make).
    user.email_verified_at = None
    send_verification(user)
    db.session.commit()
    return user


def approvers_of(enterprise: Enterprise) -> list[User]:
    """Who decides on joining `enterprise`: its owners, or the organizers when it has none."""
    owners = enterprise.owners
    if owners:
        return owners
    return list(db.session.scalars(select(User).where(User.role == "organizer", User.active)))


def authenticate(email: str, password: str) -> User:
    """The user these credentials open, or SignInFailed with a message that reveals nothing.

    Each wrong password counts; past the threshold the account locks for a while.
    """
    generic = _("Wrong email or password, or the account is not active.")
    user = find_user(email)
    if user is None:
        raise SignInFailed(generic)
    now = utcnow()
    if user.is_locked(now):
        minutes = max(1, -(-int((user.locked_until - now).total_seconds()) // 60))
        raise SignInFailed(_("Too many failed attempts: this account is locked. Try again in %(minutes)d "
                             "minutes.", minutes=minutes))
    if not user.check_password(password):
        user.failed_logins += 1
        if user.failed_logins >= current_app.config["LOCKOUT_THRESHOLD"]:
            user.locked_until = now + timedelta(minutes=current_app.config["LOCKOUT_MINUTES"])
            user.failed_logins = 0
            record("user.locked", user, actor=user)
        db.session.commit()
        raise SignInFailed(generic)
    if not user.active:
        raise SignInFailed(generic)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    db.session.commit()
    return user


def change_password(user: User, current: str, new: str) -> None:
    if not user.check_password(current):
        raise DomainError(_("The current password is wrong."))
    user.set_password(new)
    user.session_version += 1  # every other session is signed out; the caller renews its own
    record("user.password_changed", user, actor=user)
    db.session.commit()


def request_password_reset(email: str) -> None:
    """Send a single-use reset link if the account exists; the answer is the same either way."""
    user = find_user(email)
    if user is None or not user.active:
        return
    secret = secrets.token_urlsafe(32)
    hours = current_app.config["PASSWORD_RESET_HOURS"]
    db.session.add(
        PasswordReset(user=user, token_hash=hash_secret(secret), expires_at=utcnow() + timedelta(hours=hours))
    )
    link = url_for("auth.reset_password", token=secret, _external=True)
    notify(user, "password_reset", link=link, hours=hours)
    record("user.password_reset_requested", user, actor=user)
    db.session.commit()


def usable_reset(token: str) -> PasswordReset:
    reset = db.session.scalar(select(PasswordReset).where(PasswordReset.token_hash == hash_secret(token)))
    if reset is None or reset.used_at is not None or reset.expires_at <= utcnow():
        raise NotFound(_("This reset link is not valid any more. Ask for a new one."))
    return reset


def reset_password(token: str, new: str) -> User:
    reset = usable_reset(token)
    reset.used_at = utcnow()
    reset.user.set_password(new)
    reset.user.session_version += 1  # whoever knew the old password is signed out everywhere
    reset.user.failed_logins = 0
    if reset.user.email_verified_at is None:  # the link was opened from the mailbox: the address is proven
        reset.user.email_verified_at = utcnow()
    reset.user.locked_until = None
    record("user.password_reset", reset.user, actor=reset.user)
    db.session.commit()
    return reset.user


def pending_requests_for(user: User) -> list[Membership]:
    """The join requests `user` may decide on."""
    query = select(Membership).where(Membership.status == "pending").order_by(Membership.created_at)
    requests = db.session.scalars(query)
    return [m for m in requests if user in approvers_of(m.enterprise)]


def decide_membership(membership_id: int, approve: bool, actor: User, as_owner: bool = False) -> Membership:
    """Approve or decline a request to join; an organizer may approve the requester as the owner
    (for an enterprise that has none, so that its next requests go to someone inside it)."""
    membership = db.session.get(Membership, membership_id)
    if membership is None:
        raise NotFound(_("This request does not exist."))
    if not (actor.is_organizer or membership.enterprise.has_member(actor, owner=True)):
        raise NotAllowed(_("Only the enterprise's owner or an organizer can decide on this request."))
    if membership.status != "pending":
        raise Conflict(_("This request has already been decided."))
    if as_owner and not actor.is_organizer:
        raise NotAllowed(_("Only an organizer can make someone the owner of an enterprise."))
    membership.status = "approved" if approve else "rejected"
    membership.is_owner = approve and as_owner
    membership.decided_at = utcnow()
    notify(membership.user, "membership_decided", approved=approve, enterprise=membership.enterprise)
    record("membership.approved" if approve else "membership.rejected", membership,
           {"owner": True} if membership.is_owner else None, actor=actor)
    db.session.commit()
    return membership


def team_of(owner: User) -> list[Membership]:
    """The other approved members of the enterprises `owner` owns, whom it may make owners."""
    owned = [m.enterprise_id for m in owner.memberships if m.enterprise.has_member(owner, owner=True)]
    if not owned:
        return []
    return list(db.session.scalars(
        select(Membership).join(User)
        .where(Membership.enterprise_id.in_(owned), Membership.status == "approved", User.active,
               Membership.user_id != owner.id)
        .order_by(Membership.enterprise_id, Membership.id)
    ))


def make_owner(membership_id: int, actor: User) -> Membership:
    """An owner (or an organizer) makes an approved member an owner too: how ownership is passed on."""
    membership = db.session.get(Membership, membership_id)
    if membership is None:
        raise NotFound(_("This member does not exist."))
    if not (actor.is_organizer or membership.enterprise.has_member(actor, owner=True)):
        raise NotAllowed(_("Only the enterprise's owner or an organizer can make a member an owner."))
    if membership.status != "approved":
        raise Conflict(_("Only an approved member can become an owner."))
    membership.is_owner = True
    record("membership.made_owner", membership, actor=actor)
    db.session.commit()
    return membership


def issue_token(user: User) -> str:
    token, secret = ApiToken.issue(user)
    db.session.add(token)
    db.session.flush()
    record("token.created", token, actor=user)
    db.session.commit()
    return secret


def tokens_of(user: User) -> list[ApiToken]:
    """`user`'s API tokens, newest first, revoked ones included so that the history stays visible."""
    query = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    return list(db.session.scalars(query))


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Stop one of `user`'s own tokens at once; another user's token is as unknown as a missing one."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound(_("This token does not exist."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record("token.revoked", token, actor=user)
        db.session.commit()
    return token


def user_for_token(secret: str) -> User | None:
    """The active user behind a bearer token that is not revoked."""
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    # Recording every use would add a write to every API call; the hour is what an audit needs.
    if token.last_used_at is None or now - token.last_used_at > timedelta(hours=1):
        token.last_used_at = now
        db.session.commit()
    return token.user
