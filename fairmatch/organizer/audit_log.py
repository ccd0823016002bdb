"""The audit log for organizers: filtered by person, record, action and time, newest first, a page
at a time."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.i18n import fair_zone

PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditFilters:
    person: str = ""  # part of the actor's email address
    record_type: str = ""
    record_id: str = ""
    action: str = ""
    since: date | None = None  # fair-local days, both included
    until: date | None = None
    page: int = 1

    @classmethod
    def from_args(cls, args) -> tuple["AuditFilters", dict[str, str]]:
        """The filters from a query string, and a message for each date that could not be read."""
        errors, days = {}, {}
        for name in ("since", "until"):
            typed = args.get(name, "").strip()
            try:
                days[name] = date.fromisoformat(typed) if typed else None
            except ValueError:
                days[name] = None
                errors[name] = _("Enter a date such as 2026-10-15.")
        page = args.get("page", "1")
        return cls(
            person=args.get("person", "").strip()[:200],
            record_type=args.get("record_type", "").strip()[:40],
            record_id=args.get("record_id", "").strip()[:60],
            action=args.get("action", "").strip()[:60],
            page=int(page) if page.isdigit() and 0 < len(page) < 6 and int(page) > 0 else 1,
            **days,
        ), errors

    @property
    def narrowed(self) -> bool:
        return bool(self.person or self.record_type or self.record_id or self.action or self.since or self.until)

    def args(self, **changes) -> dict[str, str]:
        """The query string of these filters (with `changes`), for the pager's links."""
        values = {"person": self.person, "record_type": self.record_type, "record_id": self.record_id,
                  "action": self.action, "since": self.since.isoformat() if self.since else "",
                  "until": self.until.isoformat() if self.until else "", "page": str(self.page)} | changes
        return {k: str(v) for k, v in values.items() if v not in ("", None)}


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    filters: AuditFilters
    actions: list[str]
    record_types: list[str]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, fair_zone()).astimezone(UTC)


def audit_page(filters: AuditFilters) -> AuditPage:
    conditions = []
    if filters.person:
        pattern = "%" + filters.person.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(AuditEntry.actor_id.in_(
            select(User.id).where(func.lower(User.email).like(pattern, escape="\\"))))
    if filters.record_type:
        conditions.append(AuditEntry.record_type == filters.record_type)
    if filters.record_id:
        conditions.append(AuditEntry.record_id == filters.record_id)
    if filters.action:
        conditions.append(AuditEntry.action == filters.action)
    if filters.since:
        conditions.append(AuditEntry.at >= _start_of(filters.since))
    if filters.until:
        conditions.append(AuditEntry.at < _start_of(filters.until + timedelta(days=1)))
    total = db.session.scalar(select(func.count(AuditEntry.id)).where(*conditions))
    entries = db.session.scalars(
        select(AuditEntry).where(*conditions).options(selectinload(AuditEntry.actor))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(PAGE_SIZE).offset((filters.page - 1) * PAGE_SIZE)
    )
    actions = db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    types = db.session.scalars(select(AuditEntry.record_type).distinct().order_by(AuditEntry.record_type))
    return AuditPage(list(entries), total, filters, list(actions), list(types))


def readable(value) -> str:
    """A detail's value as a person reads it: lists joined, nothing shown as an empty dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {readable(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
