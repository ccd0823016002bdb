"""The current edition and the editions: which one booth sales and meetings act on, the list of
them, a new one with an earlier one's settings, and the switch of the current one.

A new edition's halls and booths are the floor plan's business (`fairmatch.booths.layout`); the
organizer's console puts the two together (`fairmatch.organizer.editions`).
"""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.errors import Conflict, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair

# What a new edition takes over from the edition it copies, besides its names and dates.
COPIED_SETTINGS = (
    "venue_vi", "venue_en", "time_zone", "meeting_slot_minutes", "meeting_tables", "meetings_at_booths",
    "meeting_sessions", "booth_hold_minutes", "waitlist_offer_hours", "max_booths_per_enterprise", "vat_percent",
    "payment_days", "organizer_name", "organizer_address", "bank_name", "bank_account_no", "bank_account_name",
    "bank_bin", "document_parent_body", "document_issuing_body", "payment_request_code", "report_code",
    "document_place",
)


def current_fair() -> Fair | None:
    """The edition an organizer marked current, if any."""
    return db.session.scalar(select(Fair).where(Fair.is_current))


def require_current_fair() -> Fair:
    """The current edition, or a 404 that says no fair is open yet."""
    fair = current_fair()
    if fair is None:
        raise NotFound(_("No fair is open for booth sales yet."))
    return fair


def editions() -> list[Fair]:
    """Every edition, the latest first."""
    return list(db.session.scalars(select(Fair).order_by(Fair.starts_on.desc(), Fair.id.desc())))


def edition_by_id(fair_id: int) -> Fair:
    fair = db.session.get(Fair, fair_id)
    if fair is None:
        raise NotFound(_("There is no such fair edition."))
    return fair


def new_edition(source: Fair, *, name_vi: str, name_en: str, starts_on: date, ends_on: date) -> Fair:
    """A new edition (not current, not yet committed) with `source`'s settings."""
    if ends_on < starts_on:
        raise RuleViolation(_("The fair cannot end before it starts."))
    fair = Fair(name_vi=name_vi, name_en=name_en, starts_on=starts_on, ends_on=ends_on, is_current=False,
                **{name: _copy(getattr(source, name)) for name in COPIED_SETTINGS})
    db.session.add(fair)
    return fair


def _copy(value):
    """JSON settings (lists of dicts) copied, so that the two editions never share one object."""
    if isinstance(value, list):
        return [dict(item) if isinstance(item, dict) else item for item in value]
    return value


def mark_current(fair: Fair, actor) -> Fair:
    """Make `fair` the edition that booth sales, the plan and meetings act on; the one before it
    stays as it is, readable. The partial unique index keeps it to one current edition."""
    if fair.is_current:
        return fair
    previous = db.session.scalar(select(Fair.id).where(Fair.is_current))
    db.session.execute(update(Fair).where(Fair.is_current).values(is_current=False))
    db.session.flush()
    fair.is_current = True
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(_("Another organizer changed the current edition at the same moment. Try again.")) from error
    record("fair.marked_current", fair, {"previous": previous}, actor=actor)
    db.session.commit()
    return fair
