"""The waitlist: a booth that is freed goes, as a time-limited hold, to the first enterprise in
line that it fits and may have (the booking rules of `booking_rights`).

A booth is never offered to an enterprise that already had it and let it go (its hold ran out, it
cancelled, its application was rejected or the organizer moved it elsewhere): otherwise a 15-minute
hold left to run out came straight back as a waitlist offer of many hours."""

from datetime import datetime, timedelta

from flask import url_for
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.booths.booking_rights import booths_held, check_may_have, check_may_hold
from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth, WaitlistEntry
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.notifications.services import notify


def active_reservation_of(booth: Booth) -> BoothReservation | None:
    item = db.session.scalar(
        select(ReservationBooth).where(ReservationBooth.booth_id == booth.id, ReservationBooth.active)
    )
    return item.reservation if item else None


def join_waitlist(
    enterprise: Enterprise, actor, booth_type: str | None, zone: str | None, max_price_vnd: int | None
) -> WaitlistEntry:
    check_may_hold(enterprise, actor)
    fair = require_current_fair()
    entry = WaitlistEntry(
        fair_id=fair.id,
        enterprise_id=enterprise.id,
        booth_type=booth_type or None,
        zone=zone or None,
        max_price_vnd=max_price_vnd or None,
    )
    db.session.add(entry)
    db.session.flush()
    record("waitlist.joined", entry, actor=actor)
    db.session.commit()
    return entry


def offer_to_waitlist(booths: list[Booth], now: datetime | None = None) -> list[BoothReservation]:
    """Offer each freed booth to the first waiting enterprise it fits, as a hold that lasts the
    fair's offer time; the enterprise is told in-app and by email. The caller commits."""
    now = now or utcnow()
    offers = []
    for booth in booths:
        if booth.blocked or active_reservation_of(booth) is not None:
            continue
        fair = db.session.get(Fair, booth.fair_id)
        waiting = db.session.scalars(
            select(WaitlistEntry)
            .where(WaitlistEntry.fair_id == booth.fair_id, WaitlistEntry.state == "waiting")
            .order_by(WaitlistEntry.created_at, WaitlistEntry.id)
        )
        for entry in waiting:
            enterprise = entry.enterprise
            if not entry.fits(booth) or _let_go(enterprise, booth) or not _may_have(enterprise, booth, fair):
                continue
            offer = BoothReservation(
                fair_id=fair.id,
                enterprise_id=enterprise.id,
                state="held",
                expires_at=now + timedelta(hours=fair.waitlist_offer_hours),
                waitlist_entry_id=entry.id,
                items=[ReservationBooth(booth=booth, active=True)],
            )
            db.session.add(offer)
            entry.state = "offered"
            db.session.flush()
            for member in enterprise.members:
                notify(member, "waitlist_offer", booth=booth, reservation=offer, link=reservation_link(offer))
            record("waitlist.offered", entry, {"booth": booth.code}, actor=None)
            offers.append(offer)
            break
    return offers


def _let_go(enterprise: Enterprise, booth: Booth) -> bool:
    """Whether `enterprise` had `booth` once and no longer has it."""
    return (
        db.session.scalar(
            select(ReservationBooth.id)
            .join(BoothReservation)
            .where(
                ReservationBooth.booth_id == booth.id,
                ReservationBooth.active.is_(False),
                BoothReservation.enterprise_id == enterprise.id,
            )
            .limit(1)
        )
        is not None
    )


def _may_have(enterprise: Enterprise, booth: Booth, fair: Fair) -> bool:
    try:
        check_may_have(enterprise, [booth], fair, booths_held(enterprise, fair))
    except DomainError:
        return False
    return True


def waitlist_of_enterprise(enterprise: Enterprise, fair: Fair) -> list[tuple[WaitlistEntry, int | None]]:
    """The enterprise's waitlist entries at `fair`, the newest first, each with its place in line
    (1 = next to be offered a booth) while it is waiting."""
    waiting = list(
        db.session.scalars(
            select(WaitlistEntry.id)
            .where(WaitlistEntry.fair_id == fair.id, WaitlistEntry.state == "waiting")
            .order_by(WaitlistEntry.created_at, WaitlistEntry.id)
        )
    )
    entries = db.session.scalars(
        select(WaitlistEntry)
        .where(WaitlistEntry.fair_id == fair.id, WaitlistEntry.enterprise_id == enterprise.id)
        .order_by(WaitlistEntry.created_at.desc(), WaitlistEntry.id.desc())
    )
    return [(e, waiting.index(e.id) + 1 if e.id in waiting else None) for e in entries]


def offer_of(entry: WaitlistEntry) -> BoothReservation | None:
    """The hold offered to this entry, while it lasts."""
    return db.session.scalar(
        select(BoothReservation).where(BoothReservation.waitlist_entry_id == entry.id, BoothReservation.state == "held")
    )


def waitlist_entry_of(reservation: BoothReservation) -> WaitlistEntry | None:
    return db.session.get(WaitlistEntry, reservation.waitlist_entry_id) if reservation.waitlist_entry_id else None


def lapse_offer(reservation: BoothReservation) -> None:
    entry = waitlist_entry_of(reservation)
    if entry is not None and entry.state == "offered":
        entry.state = "lapsed"


def reservation_link(reservation: BoothReservation) -> str:
    return url_for("booths.reservation", reservation_id=reservation.id, _external=True)
