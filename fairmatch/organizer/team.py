"""The organizer team: invite a colleague, let the invitee set a password, deactivate or
reactivate a colleague, and decide on joining an enterprise that has no owner to decide."""

import secrets
from datetime import timedelta

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.auth.models import User, hash_secret
from fairmatch.auth.services import find_user
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Membership
from fairmatch.errors import Conflict, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.notifications.services import notify
from fairmatch.organizer.models import OrganizerInvitation

# Long enough to reach a colleague back from a trip; short enough that a forgotten link dies.
INVITATION_DAYS = 7


def organizers() -> list[tuple[User, str, OrganizerInvitation | None]]:
    """Every organizer account, the active ones first, with its state (`active`, `invited`,
    `deactivated`, or `lapsed` for an invitation that ran out) and its open invitation."""
    people = db.session.scalars(
        select(User).where(User.role == "organizer").order_by(User.active.desc(), User.name, User.email)
    )
    rows = []
    for user in people:
        invitation = None if user.active else open_invitation_of(user)
        if user.active:
            state = "active"
        elif awaits_acceptance(user):
            state = "invited" if invitation else "lapsed"
        else:
            state = "deactivated"
        rows.append((user, state, invitation))
    return rows


def open_invitation_of(user: User) -> OrganizerInvitation | None:
    invitation = db.session.scalar(
        select(OrganizerInvitation).where(OrganizerInvitation.user_id == user.id)
        .order_by(OrganizerInvitation.id.desc())
    )
    return invitation if invitation is not None and invitation.is_open else None


def invite_organizer(email: str, name: str, locale: str, actor: User) -> OrganizerInvitation:
    """Create an inactive organizer account for `email` and send it a link to set a password.

    Inviting again someone who has not accepted yet replaces the earlier link. An address that
    already belongs to an account (an exhibitor, a buyer, an active organizer) is refused: one
    person, one account.
    """
    user = find_user(email)
    if user is not None and not awaits_acceptance(user):
        raise Conflict(_("This address already has an account: invite another address."))
    if user is None:
        user = User(email=email.strip().lower(), name=name, role="organizer", locale=locale, active=False)
        # Nobody knows this password: the invitee sets one through the link.
        user.set_password(secrets.token_urlsafe(32))
        db.session.add(user)
    for earlier in db.session.scalars(select(OrganizerInvitation).where(
            OrganizerInvitation.user_id == user.id, OrganizerInvitation.accepted_at.is_(None),
            OrganizerInvitation.revoked_at.is_(None))):
        earlier.revoked_at = utcnow()
    secret = secrets.token_urlsafe(32)
    days = INVITATION_DAYS
    invitation = OrganizerInvitation(user=user, token_hash=hash_secret(secret), invited_by_id=actor.id,
                                     expires_at=utcnow() + timedelta(days=days))
    db.session.add(invitation)
    db.session.flush()
    notify(user, "organizer_invited", link=url_for("organizer_team.accept", token=secret, _external=True),
           inviter=actor, days=days)
    record("organizer.invited", user, {"email": user.email}, actor=actor)
    db.session.commit()
    return invitation


def awaits_acceptance(user: User) -> bool:
    """An organizer invited but not yet in: inactive, invited, and no invitation accepted."""
    if user.role != "organizer" or user.active:
        return False
    accepted = db.session.scalars(
        select(OrganizerInvitation.accepted_at).where(OrganizerInvitation.user_id == user.id)
    ).all()
    return bool(accepted) and all(at is None for at in accepted)


def usable_invitation(token: str) -> OrganizerInvitation:
    invitation = db.session.scalar(
        select(OrganizerInvitation).where(OrganizerInvitation.token_hash == hash_secret(token))
    )
    if invitation is None or not invitation.is_open:
        raise NotFound(_("This invitation is not valid any more. Ask the organizer team for a new one."))
    return invitation


def accept_invitation(token: str, name: str, password: str) -> User:
    """Set the invitee's name and password and open the account."""
    invitation = usable_invitation(token)
    user = invitation.user
    user.name = name
    user.set_password(password)
    user.active = True
    invitation.accepted_at = utcnow()
    record("organizer.joined", user, actor=user)
    db.session.commit()
    return user


def set_organizer_active(user: User, active: bool, actor: User) -> User:
    """Deactivate a colleague (never oneself, never the last active organizer), or reactivate one.

    The active organizers' rows are locked while counting, so that two organizers cannot
    deactivate each other at the same moment and leave the fair with none.
    """
    if user.role != "organizer":
        raise NotFound(_("There is no organizer with this account."))
    if not active:
        if user.id == actor.id:
            raise RuleViolation(_("You cannot deactivate your own account: ask a colleague."))
        still_active = list(db.session.scalars(
            select(User.id).where(User.role == "organizer", User.active).with_for_update()
        ))
        if user.id in still_active and len(still_active) <= 1:
            raise RuleViolation(_("The fair needs at least one active organizer."))
    elif awaits_acceptance(user):
        raise Conflict(_("This person has not accepted the invitation yet: invite them again instead."))
    user.active = active
    if not active:
        for invitation in db.session.scalars(select(OrganizerInvitation).where(
                OrganizerInvitation.user_id == user.id, OrganizerInvitation.accepted_at.is_(None),
                OrganizerInvitation.revoked_at.is_(None))):
            invitation.revoked_at = utcnow()
    record("organizer.reactivated" if active else "organizer.deactivated", user, actor=actor)
    db.session.commit()
    return user


def organizer_by_id(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.role != "organizer":
        raise NotFound(_("There is no organizer with this account."))
    return user


def ownerless_requests() -> list[Membership]:
    """Requests to join an enterprise that has no active owner: the organizers decide them."""
    pending = db.session.scalars(
        select(Membership).where(Membership.status == "pending").order_by(Membership.created_at, Membership.id)
    )
    return [m for m in pending if not m.enterprise.owners]

