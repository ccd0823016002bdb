"""A person's rights over their data (Decree 13/2023/ND-CP): a copy of everything the fair holds
about them, and erasure of their account. What is erased and what is kept is in docs/privacy.md."""

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, or_, select

from fairmatch.audit.models import AuditEntry
from fairmatch.audit.services import record
from fairmatch.auth.models import ApiToken, PasswordReset, User
from fairmatch.booths.models import BoothReservation
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.errors import Conflict, DomainError
from fairmatch.extensions import db
from fairmatch.matching.models import SourcingRequest
from fairmatch.meetings.models import CalendarFeed, MeetingRequest
from fairmatch.notifications.models import Notification

EXPORT_FORMAT = "fairmatch-personal-data/1"
# A password hash no password can match: werkzeug cannot even parse it.
UNUSABLE_PASSWORD = "!erased"
# The reserved top-level domain .invalid: a placeholder address that can never receive mail.
ERASED_DOMAIN = "erased.invalid"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _enterprise(enterprise: Enterprise) -> dict:
    return {"key": enterprise.key, "name_vi": enterprise.name_vi, "name_en": enterprise.name_en}


def personal_data(user: User) -> dict:
    """Everything the fair holds about `user`, as one JSON-ready document; secrets are left out
    (password hash, token and link digests), their metadata is not."""

    def rows(model, *conditions, order=None):
        return db.session.scalars(select(model).where(*conditions).order_by(order or model.id)).all()

    return {
        "format": EXPORT_FORMAT,
        "exported_at": utcnow().isoformat(),
        "account": {
            "id": user.id, "email": user.email, "name": user.name, "role": user.role, "language": user.locale,
            "active": user.active, "created_at": _time(user.created_at), "last_login_at": _time(user.last_login_at),
            "failed_logins": user.failed_logins, "locked_until": _time(user.locked_until),
            "email_verified_at": _time(user.email_verified_at),
        },
        "consents": [
            {"privacy_notice_version": user.consent_version, "given_at": _time(user.consented_at)}
        ] if user.consent_version else [],
        "memberships": [
            {"enterprise": _enterprise(m.enterprise), "owner": m.is_owner, "status": m.status,
             "requested_at": _time(m.created_at), "decided_at": _time(m.decided_at)}
            for m in rows(Membership, Membership.user_id == user.id)
        ],
        "notifications": [
            {"kind": n.kind, "language": n.language, "subject": n.subject, "body": n.body, "link": n.link,
             "email": n.email, "email_state": n.email_state, "created_at": _time(n.created_at),
             "read_at": _time(n.read_at)}
            for n in rows(Notification, or_(Notification.user_id == user.id, Notification.email == user.email))
        ],
        "audit_entries": [
            {"at": _time(a.at), "action": a.action, "record_type": a.record_type, "record_id": a.record_id,
             "details": a.details}
            for a in rows(AuditEntry, AuditEntry.actor_id == user.id)
        ],
        "meeting_requests": [
            {"id": r.id, "from": _enterprise(r.sender), "to": _enterprise(r.receiver), "message": r.message,
             "state": r.state, "must_meet": r.must_meet_from, "decline_reason": r.decline_reason,
             "created_at": _time(r.created_at), "decided_at": _time(r.decided_at)}
            for r in rows(MeetingRequest, MeetingRequest.created_by_id == user.id)
        ],
        "booth_reservations": [
            {"id": r.id, "enterprise": _enterprise(r.enterprise), "booths": [b.code for b in r.booths],
             "state": r.state, "created_at": _time(r.created_at)}
            for r in rows(BoothReservation, BoothReservation.created_by_id == user.id)
        ],
        "sourcing_requests": [
            {"id": s.id, "enterprise": _enterprise(s.enterprise), "category": s.category.code, "notes": s.notes,
             "created_at": _time(s.created_at)}
            for s in rows(SourcingRequest, SourcingRequest.created_by_id == user.id)
        ],
        "api_tokens": [
            {"id": t.id, "created_at": _time(t.created_at), "last_used_at": _time(t.last_used_at),
             "revoked_at": _time(t.revoked_at)}
            for t in rows(ApiToken, ApiToken.user_id == user.id)
        ],
        "calendar_feeds": [
            {"id": f.id, "created_at": _time(f.created_at), "revoked_at": _time(f.revoked_at)}
            for f in rows(CalendarFeed, CalendarFeed.user_id == user.id)
        ],
        "password_reset_links": [
            {"created_at": _time(p.created_at), "expires_at": _time(p.expires_at), "used_at": _time(p.used_at)}
            for p in rows(PasswordReset, PasswordReset.user_id == user.id)
        ],
    }


def erasure_obstacles(user: User) -> list[str]:
    """Why `user` cannot erase the account yet (empty: nothing stands in the way)."""
    obstacles = []
    if user.is_organizer:
        others = db.session.scalar(
            select(User.id).where(User.role == "organizer", User.active, User.id != user.id).limit(1))
        if others is None:
            obstacles.append(_("You are the only organizer: another organizer must exist before your account "
                               "can be erased."))
    for membership in user.memberships:
        enterprise = membership.enterprise
        if not enterprise.has_member(user, owner=True):
            continue
        other_owners = [u for u in enterprise.owners if u.id != user.id]
        others = [u for u in enterprise.members if u.id != user.id]
        if others and not other_owners:
            name = enterprise.name_vi or enterprise.name_en
            obstacles.append(_("You are the only owner of %(name)s, which has other members: make one of them "
                               "an owner first, on the page Requests to join.", name=name))
    return obstacles


def erase_own_account(user: User, password: str) -> None:
    """The person erases their own account, proving it is them with the password."""
    if not user.check_password(password):
        raise DomainError(_("The password is wrong."))
    erase_account(user, actor=user)


def erase_account(user: User, actor: User | None = None) -> None:
    """Erase `user`'s personal data and close the account, at once and in one transaction.

    The enterprises' records stay (reservations, payments, meeting requests, audit entries), still
    pointing at the account's number, which now names nobody. `actor` is None when the
    organizer's staff run it from the command line, on a written request.
    """
    obstacles = erasure_obstacles(user)
    if obstacles:
        raise Conflict(" ".join(obstacles))
    now = utcnow()
    email = user.email
    for membership in list(user.memberships):
        contact = membership.enterprise
        if contact.contact_email and contact.contact_email.strip().lower() == email:
            contact.contact_name = contact.contact_email = contact.contact_phone = None
    db.session.execute(delete(Membership).where(Membership.user_id == user.id))
    db.session.expire(user, ["memberships"])
    db.session.execute(delete(Notification).where(or_(Notification.user_id == user.id, Notification.email == email)))
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    for model in (ApiToken, CalendarFeed):
        db.session.execute(
            model.__table__.update().where(model.user_id == user.id, model.revoked_at.is_(None)).values(revoked_at=now))
    user.email = f"erased-{user.id}@{ERASED_DOMAIN}"
    user.name = ""
    user.password_hash = UNUSABLE_PASSWORD
    user.active = False
    user.locked_until = None
    user.last_login_at = None
    record("user.erased", user, actor=actor)
    db.session.commit()
