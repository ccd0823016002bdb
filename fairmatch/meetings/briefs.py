"""What the meeting pages say about the other side: whether a request is already open with an
enterprise (so that "Request a meeting" turns into the request's state), who a requester is, and
when an accepted meeting takes place."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from flask import g
from sqlalchemy import or_, select

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.services import current_fair
from fairmatch.i18n import day_text, fair_zone, language
from fairmatch.matching.services import explanations_between
from fairmatch.meetings.models import ON_AGENDA, REQUEST_STATE_LABELS, Meeting, MeetingRequest


@dataclass(frozen=True)
class AskState:
    """What the request-a-meeting partial shows for one enterprise: the form, or the open request."""

    key: str
    anchor: str
    request: MeetingRequest | None = None
    incoming: bool = False

    @property
    def state_label(self) -> str:
        return str(REQUEST_STATE_LABELS[self.request.state]) if self.request else ""


def anchor_of(key: str) -> str:
    """An HTML id for the partial of enterprise `key` (keys of foreign firms hold any character)."""
    return "ask-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def ask_state(enterprise: Enterprise | None, key: str) -> AskState | None:
    """For a reader acting for `enterprise`: None when it cannot ask `key` for a meeting (no
    enterprise, its own, no current fair), else the open request between the two, if any. The open
    requests are read once per page, however many cards it shows."""
    if enterprise is None or enterprise.key == key:
        return None
    if "open_meeting_requests" not in g:
        fair = current_fair()
        g.open_meeting_requests = None if fair is None else _open_requests(enterprise, fair.id)
    if g.open_meeting_requests is None:
        return None
    found = g.open_meeting_requests.get(key)
    return AskState(key, anchor_of(key), found, found is not None and found.to_enterprise_id == enterprise.id)


def _open_requests(enterprise: Enterprise, fair_id: int) -> dict[str, MeetingRequest]:
    """The enterprise's open requests at the fair, by the other side's key (one query for a page of cards)."""
    requests = db.session.scalars(
        select(MeetingRequest).where(
            MeetingRequest.fair_id == fair_id,
            MeetingRequest.state.in_(("pending", "accepted")),
            or_(MeetingRequest.from_enterprise_id == enterprise.id, MeetingRequest.to_enterprise_id == enterprise.id),
        )
    )
    return {(r.receiver if r.from_enterprise_id == enterprise.id else r.sender).key: r for r in requests}


@dataclass
class Requester:
    """Who asked for a meeting, as the receiver needs to know before answering."""

    makes: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    booths: list[str] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (direction, explanation), as matching says


def requesters(requests: list[MeetingRequest], enterprise: Enterprise, fair_id: int, lang: str) -> dict[int, Requester]:
    """For each request sent to `enterprise`: what the sender makes and needs, its booths at the
    fair, and why it matches `enterprise` (the supply-chain explanation, read by `enterprise`)."""
    incoming = [r for r in requests if r.to_enterprise_id == enterprise.id]
    if not incoming:
        return {}
    booths = exhibitor_booths(fair_id)
    reasons = explanations_between(enterprise.key, {r.sender.key for r in incoming}, lang)
    briefs = {}
    for r in incoming:
        sender = r.sender
        briefs[r.id] = Requester(
            makes=_unique(
                f"{p.name(lang)} ({p.category.name(lang)})" if p.name(lang) else p.category.name(lang)
                for p in sender.products
            ),
            needs=_unique(n.category.name(lang) for n in sender.needs),
            booths=[b.code for b in booths.get(sender.id, [])],
            reasons=reasons.get(sender.key, []),
        )
    return briefs


def _unique(names) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


def day_label(when: datetime) -> str:
    """The day of a UTC time at the fair in the reader's language: "thứ Năm 15/10/2026" (fairmatch.i18n)."""
    return day_text(when.astimezone(fair_zone()).date(), language(), weekday=True)


@dataclass(frozen=True)
class Scheduled:
    meeting: Meeting
    day: str  # the meeting's day at the fair, in the reader's language: "thứ Năm 15/10/2026"


def scheduled(requests: list[MeetingRequest]) -> dict[int, Scheduled]:
    """The meeting on the agendas (published, held or missed) of each of these requests that has one;
    drafts stay out until the organizer publishes the schedule."""
    ids = [r.id for r in requests if r.state == "accepted"]
    if not ids:
        return {}
    meetings = db.session.scalars(select(Meeting).where(Meeting.request_id.in_(ids), Meeting.state.in_(ON_AGENDA)))
    return {m.request_id: Scheduled(m, day_label(m.starts_at)) for m in meetings}
