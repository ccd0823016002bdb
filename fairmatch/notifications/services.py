"""Notify users: render the message in the recipient's language and store it in the outbox."""

from flask import current_app, has_request_context, render_template, url_for
from flask_babel import force_locale
from sqlalchemy import func, select

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification


def notify(user, kind: str, *, link: str | None = None, email: bool = True, **params) -> Notification:
    """Store a `kind` message for `user`, rendered from `templates/notifications/<kind>.txt`.

    The template's first line is the subject, in the recipient's language (the account's, never
    the page the sender is reading); an account in a language the site does not offer reads
    Vietnamese. Delivery by email happens later, from the outbox.
    """
    language = user.locale if user.locale in current_app.config["LANGUAGES"] else "vi"
    return notify_address(user.email, language, kind, user=user, link=link, email=email, **params)


def notify_address(address: str, language: str, kind: str, *, user=None, link: str | None = None, email: bool = True,
                   **params) -> Notification:
    """`notify` for an address that may have no account (an enterprise of the recognised-products
    register, say), in `language`."""
    with force_locale(language):
        text = render_template(f"notifications/{kind}.txt", user=user, link=link, **params)
    subject, _, body = text.strip().partition("\n")
    message = Notification(
        user=user,
        email=address,
        language=language,
        kind=kind,
        subject=subject.strip(),
        body=body.strip(),
        link=link,
        email_state="pending" if email else "none",
    )
    db.session.add(message)
    return message


def link_to(endpoint: str, **values) -> str:
    """An absolute link for a message: from the request being served, or from PUBLIC_URL when the
    message is written by a command."""
    if has_request_context():
        return url_for(endpoint, _external=True, **values)
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        return url_for(endpoint, _external=True, **values)


def unread_count(user) -> int:
    return db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def messages_for(user, limit: int = 100) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_all_read(user) -> None:
    for message in messages_for(user):
        if message.read_at is None:
            message.read_at = utcnow()
    db.session.commit()
