"""A new fair edition from an earlier one: its settings (`fairmatch.fairs`) and its floor plan
(`fairmatch.booths.layout`), in one transaction.

The product taxonomy and the enterprises are global (not per edition), so nothing of them is
copied. Reservations, payments, the waitlist and meetings belong to their edition and stay there.
"""

from datetime import date

from fairmatch.audit.services import record
from fairmatch.booths.layout import copy_floor_plan
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import new_edition


def copy_edition(source: Fair, actor, *, name_vi: str, name_en: str, starts_on: date, ends_on: date) -> Fair:
    """A new edition (not current) with `source`'s halls, booths and settings; nothing sold is copied."""
    fair = new_edition(source, name_vi=name_vi, name_en=name_en, starts_on=starts_on, ends_on=ends_on)
    booths = copy_floor_plan(source, fair)
    db.session.flush()
    record("fair.created", fair, {"copied_from": source.id, "booths": booths}, actor=actor)
    db.session.commit()
    return fair
