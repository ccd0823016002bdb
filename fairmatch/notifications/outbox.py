"""The organizer's view of the outbox: every message, filtered by email state, kind and recipient."""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from fairmatch.extensions import db
from fairmatch.notifications.models import EMAIL_STATES, Notification

PER_PAGE = 50

KIND_LABELS = {
    "password_reset": _l("Password reset"),
    "deal_follow_up": _l("Deal follow-up (3 and 6 months)"),
    "event_promoted": _l("A seat at a side event, from the waitlist"),
    "register_invitation": _l("Invitation to the fair (recognised products register)"),
    "membership_requested": _l("Request to join an enterprise"),
    "membership_decided": _l("Decision on joining an enterprise"),
    "verification_decided": _l("Verification decision"),
    "claim_decided": _l("Key product decision"),
    "reservation_approved": _l("Booth approved: payment request"),
    "reservation_confirmed": _l("Booth confirmed"),
    "reservation_rejected": _l("Booth application not accepted"),
    "waitlist_offer": _l("Waitlist offer"),
    "meeting_requested": _l("Meeting request"),
    "meeting_answered": _l("Answer to a meeting request"),
    "meeting_cancelled": _l("Meeting request cancelled"),
    "meeting_scheduled": _l("Meeting scheduled"),
    "meeting_moved": _l("Meeting moved"),
    "meeting_slot_cancelled": _l("Meeting taken off the agenda"),
    "organizer_invited": _l("Invitation to the organizer team"),
    "verify_email": _l("Email address confirmation"),
}


@dataclass
class OutboxFilters:
    state: str = ""
    kind: str = ""
    recipient: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> OutboxFilters:
        """Filters from the query string; values that mean nothing are ignored, not refused."""
        state = args.get("state", "")
        page = args.get("page", "1")
        return cls(
            state=state if state in EMAIL_STATES else "",
            kind=args.get("kind", "").strip()[:40],
            recipient=args.get("recipient", "").strip()[:254],
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )


@dataclass
class OutboxPage:
    messages: list[Notification]
    total: int
    page: int
    pages: int
    counts: dict[str, int]
    kinds: list[str]


def outbox_page(filters: OutboxFilters) -> OutboxPage:
    """One page of messages, newest first, with the number of messages in each email state."""
    query = select(Notification)
    if filters.state:
        query = query.where(Notification.email_state == filters.state)
    if filters.kind:
        query = query.where(Notification.kind == filters.kind)
    if filters.recipient:
        query = query.where(func.lower(Notification.email).contains(filters.recipient.lower(), autoescape=True))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(filters.page, pages)
    messages = list(db.session.scalars(
        query.order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(PER_PAGE).offset((page - 1) * PER_PAGE)
    ))
    counts = dict.fromkeys(EMAIL_STATES, 0)
    counts.update(db.session.execute(
        select(Notification.email_state, func.count(Notification.id)).group_by(Notification.email_state)
    ).all())
    kinds = sorted(set(KIND_LABELS) | set(db.session.scalars(select(Notification.kind).distinct())))
    return OutboxPage(messages, total, page, pages, counts, kinds)


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
