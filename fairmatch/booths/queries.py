"""Booth queries other pages read: who exhibits at a fair and at which booth (the directory,
the catalogue, the report), and how many booths each edition has sold.

An enterprise "has a booth" once its reservation is confirmed (paid): that is when it appears on
the plan, so the directory says the same.
"""

from collections.abc import Iterable

from sqlalchemy import Select, func, select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth, WaitlistEntry
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair


def _confirmed(fair_id: int | None = None) -> Select:
    fair = fair_id if fair_id is not None else select(Fair.id).where(Fair.is_current).scalar_subquery()
    return (
        select(BoothReservation.enterprise_id, Booth.code)
        .join(ReservationBooth, ReservationBooth.reservation_id == BoothReservation.id)
        .join(Booth, Booth.id == ReservationBooth.booth_id)
        .where(BoothReservation.fair_id == fair, BoothReservation.state == "confirmed", ReservationBooth.active)
    )


def booth_holders() -> Select:
    """A SELECT of the ids of enterprises with a confirmed booth at the current fair."""
    return select(_confirmed().subquery().c.enterprise_id)


def booth_codes(enterprise_ids: Iterable[int] | None = None, fair_id: int | None = None) -> dict[int, str]:
    """The booth code (e.g. `A12`; the first, when several) of each of these enterprises that
    exhibits, or of every exhibitor when `enterprise_ids` is None; at the current fair by default."""
    query = _confirmed(fair_id)
    if enterprise_ids is not None:
        ids = list(enterprise_ids)
        if not ids:
            return {}
        query = query.where(BoothReservation.enterprise_id.in_(ids))
    rows = db.session.execute(query).all()
    codes: dict[int, str] = {}
    for enterprise_id, code in sorted(rows, key=lambda row: (row[0], len(row[1]), row[1])):
        codes.setdefault(enterprise_id, code)
    return codes


def exhibitor_booths(fair_id: int | None = None) -> dict[int, list[Booth]]:
    """Every exhibitor's confirmed booths (A2 before A10), by enterprise id; at the current fair by default."""
    query = _confirmed(fair_id).with_only_columns(BoothReservation.enterprise_id, Booth)
    booths: dict[int, list[Booth]] = {}
    for enterprise_id, booth in db.session.execute(query):
        booths.setdefault(enterprise_id, []).append(booth)
    for held in booths.values():
        held.sort(key=lambda booth: (len(booth.code), booth.code))
    return booths


def booth_counts() -> dict[int, tuple[int, int]]:
    """Per edition: (booths, booths taken by a confirmed reservation)."""
    booths = dict(db.session.execute(select(Booth.fair_id, func.count(Booth.id)).group_by(Booth.fair_id)).all())
    confirmed = dict(db.session.execute(
        select(BoothReservation.fair_id, func.count(BoothReservation.id))
        .where(BoothReservation.state == "confirmed").group_by(BoothReservation.fair_id)
    ).all())
    return {fair_id: (n, confirmed.get(fair_id, 0)) for fair_id, n in booths.items()}


def reservations_in(fair: Fair) -> list[BoothReservation]:
    """Every reservation of the edition, the oldest first: the organizer's queues."""
    return list(db.session.scalars(
        select(BoothReservation).where(BoothReservation.fair_id == fair.id).order_by(BoothReservation.created_at)
    ))


def waitlist_of(fair: Fair) -> list[WaitlistEntry]:
    """The edition's waitlist in the order the enterprises joined it."""
    return list(db.session.scalars(
        select(WaitlistEntry).where(WaitlistEntry.fair_id == fair.id).order_by(WaitlistEntry.created_at)
    ))
