"""Fair editions: a new edition starts from a copy of an earlier one's halls, booths, zones,
prices and meeting settings; past editions stay as they were, readable; one edition is current.

The product taxonomy and the enterprises are global (not per edition), so nothing of them is
copied. Reservations, payments, the waitlist and meetings belong to their edition and stay there.
"""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.booths.models import Booth, BoothReservation, Hall
from fairmatch.errors import Conflict, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.organizer.models import Fair

# What a new edition takes over from the edition it copies, besides its names and dates.
COPIED_SETTINGS = (
    "venue_vi", "venue_en", "time_zone", "meeting_slot_minutes", "meeting_tables", "meetings_at_booths",
    "meeting_sessions", "booth_hold_minutes", "waitlist_offer_hours", "max_booths_per_enterprise", "vat_percent",
    "payment_days", "organizer_name", "organizer_address", "bank_name", "bank_account_no", "bank_account_name",
)


def editions() -> list[Fair]:
    """Every edition, the latest first."""
    return list(db.session.scalars(select(Fair).order_by(Fair.starts_on.desc(), Fair.id.desc())))


def edition_by_id(fair_id: int) -> Fair:
    fair = db.session.get(Fair, fair_id)
    if fair is None:
        raise NotFound(_("There is no such fair edition."))
    return fair


def booth_counts() -> dict[int, tuple[int, int]]:
    """Per edition: (booths, booths taken by a confirmed reservation)."""
    booths = dict(db.session.execute(select(Booth.fair_id, func.count(Booth.id)).group_by(Booth.fair_id)).all())
    confirmed = dict(db.session.execute(
        select(BoothReservation.fair_id, func.count(BoothReservation.id))
        .where(BoothReservation.state == "confirmed").group_by(BoothReservation.fair_id)
    ).all())
    return {fair_id: (n, confirmed.get(fair_id, 0)) for fair_id, n in booths.items()}


def copy_edition(source: Fair, actor, *, name_vi: str, name_en: str, starts_on: date, ends_on: date) -> Fair:
    """A new edition (not current) with `source`'s halls, booths and settings; nothing sold is copied."""
    if ends_on < starts_on:
        raise RuleViolation(_("The fair cannot end before it starts."))
    fair = Fair(name_vi=name_vi, name_en=name_en, starts_on=starts_on, ends_on=ends_on, is_current=False,
                **{name: _copy(getattr(source, name)) for name in COPIED_SETTINGS})
    db.session.add(fair)
    booths = 0
    for hall in db.session.scalars(select(Hall).where(Hall.fair_id == source.id).order_by(Hall.id)):
        new_hall = Hall(fair=fair, code=hall.code, name_vi=hall.name_vi, name_en=hall.name_en,
                        width_m=hall.width_m, depth_m=hall.depth_m, entrances=_copy(hall.entrances))
        db.session.add(new_hall)
        for booth in hall.booths:
            db.session.add(Booth(fair=fair, hall=new_hall, code=booth.code, x_m=booth.x_m, y_m=booth.y_m,
                                 width_m=booth.width_m, depth_m=booth.depth_m, type=booth.type,
                                 price_vnd=booth.price_vnd, zone=booth.zone, blocked=booth.blocked))
            booths += 1
    db.session.flush()
    record("fair.created", fair, {"copied_from": source.id, "booths": booths}, actor=actor)
    db.session.commit()
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
