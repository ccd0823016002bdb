"""The directory's window on the floor plan: who exhibits at the current fair, and at which booth.

An enterprise "has a booth" once its reservation is confirmed (paid): that is when it appears on
the plan, so the directory says the same.
"""

from collections.abc import Iterable

from sqlalchemy import Select, select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.extensions import db
from fairmatch.organizer.models import Fair


def _confirmed() -> Select:
    current = select(Fair.id).where(Fair.is_current).scalar_subquery()
    return (
        select(BoothReservation.enterprise_id, Booth.code)
        .join(ReservationBooth, ReservationBooth.reservation_id == BoothReservation.id)
        .join(Booth, Booth.id == ReservationBooth.booth_id)
        .where(BoothReservation.fair_id == current, BoothReservation.state == "confirmed", ReservationBooth.active)
    )


def booth_holders() -> Select:
    """A SELECT of the ids of enterprises with a confirmed booth at the current fair."""
    return select(_confirmed().subquery().c.enterprise_id)


def booth_codes(enterprise_ids: Iterable[int]) -> dict[int, str]:
    """The booth code (e.g. `A12`; the first, when several) of each of these enterprises that exhibits."""
    ids = list(enterprise_ids)
    if not ids:
        return {}
    rows = db.session.execute(_confirmed().where(BoothReservation.enterprise_id.in_(ids))).all()
    codes: dict[int, str] = {}
    for enterprise_id, code in sorted(rows, key=lambda row: (row[0], len(row[1]), row[1])):
        codes.setdefault(enterprise_id, code)
    return codes
