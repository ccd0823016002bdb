"""Booth sales: hold, submit, approve, pay, cancel — every rule checked here and backed by the
database (one active reservation per booth is a unique index; the enterprise row is locked while
its booth count is checked)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, selectinload

from fairmatch.audit.services import record
from fairmatch.booths.booking_rights import booths_held, check_limit, check_may_hold, check_zone
from fairmatch.booths.models import ACTIVE_STATES, Booth, BoothReservation, Payment, ReservationBooth, WaitlistEntry
from fairmatch.booths.waitlist import (
    active_reservation_of,
    lapse_offer,
    offer_of,
    offer_to_waitlist,
    reservation_link,
    waitlist_entry_of,
)
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, NotAllowed, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.floorplan import is_connected
from fairmatch.i18n import vnd
from fairmatch.notifications.services import notify
from fairmatch.support.services import apply_support, return_support

# Which state may follow which; anything else is refused.
TRANSITIONS = {
    "held": {"submitted", "cancelled", "expired"},
    "submitted": {"approved", "rejected", "cancelled"},
    "approved": {"confirmed", "cancelled"},
    "confirmed": {"cancelled"},
    "rejected": set(),
    "cancelled": set(),
    "expired": set(),
}
# A booth's status in the public API's words (INTERFACES.md: pending covers submitted and approved).
STATUS_OF_STATE = {"held": "held", "submitted": "pending", "approved": "pending", "confirmed": "confirmed"}


@dataclass(frozen=True)
class BoothView:
    """A booth as the plan shows it: its status and, when taken, by whom."""

    booth: Booth
    status: str  # available, held, pending, confirmed, blocked
    reservation: BoothReservation | None

    @property
    def stage(self) -> str:
        """What the pages show (`plan.BOOTH_STATUSES`): the status, with an approved application told
        apart from one still awaiting the organizer's decision."""
        if self.status == "pending" and self.reservation is not None and self.reservation.state == "approved":
            return "approved"
        return self.status

    def is_held_by(self, enterprise: Enterprise | None) -> bool:
        """Whether the booth is `enterprise`'s: held, applied for or confirmed."""
        reservation = self.reservation
        return enterprise is not None and reservation is not None and reservation.enterprise_id == enterprise.id

    @property
    def exhibitor(self) -> Enterprise | None:
        return self.reservation.enterprise if self.reservation and self.status == "confirmed" else None


def plan_of(fair: Fair, now: datetime | None = None) -> list[BoothView]:
    """Every booth of `fair` with its live status; holds that ran out are released first."""
    expire_holds(now)
    # The booth and its reservation's state come from one statement: read in two, a reservation
    # cancelled in between (PostgreSQL gives each statement its own snapshot) showed an active
    # booth with an ended reservation.
    active = {
        item.booth_id: item.reservation
        for item in db.session.scalars(
            select(ReservationBooth)
            .join(BoothReservation)
            .where(ReservationBooth.active, BoothReservation.fair_id == fair.id,
                   BoothReservation.state.in_(STATUS_OF_STATE))
            .options(contains_eager(ReservationBooth.reservation).selectinload(BoothReservation.enterprise))
        )
    }
    booths = db.session.scalars(
        select(Booth).where(Booth.fair_id == fair.id).options(selectinload(Booth.hall)).order_by(Booth.id)
    )
    return [booth_view(booth, active.get(booth.id)) for booth in booths]


def booth_view(booth: Booth, reservation: BoothReservation | None) -> BoothView:
    """The booth as the plan shows it: blocked, free, or at the stage of its active reservation."""
    if booth.blocked:
        return BoothView(booth, "blocked", reservation)
    if reservation is None:
        return BoothView(booth, "available", None)
    return BoothView(booth, STATUS_OF_STATE[reservation.state], reservation)


def booth_by_code(fair: Fair, code: str) -> Booth:
    booth = db.session.scalar(select(Booth).where(Booth.fair_id == fair.id, Booth.code == code))
    if booth is None:
        raise NotFound(_("There is no booth %(code)s.", code=code))
    return booth


def reservation_for(reservation_id: int, user) -> BoothReservation:
    """The reservation, if `user` may see it: a member of its enterprise or an organizer."""
    reservation = db.session.get(BoothReservation, reservation_id)
    if reservation is None:
        raise NotFound(_("This reservation does not exist."))
    if not (user.is_organizer or reservation.enterprise.has_member(user)):
        raise NotAllowed(_("Only members of this enterprise can do this."))
    return reservation


def reservations_of(enterprise: Enterprise, fair: Fair) -> list[BoothReservation]:
    expire_holds()
    return list(
        db.session.scalars(
            select(BoothReservation)
            .where(BoothReservation.enterprise_id == enterprise.id, BoothReservation.fair_id == fair.id)
            .order_by(BoothReservation.created_at.desc(), BoothReservation.id.desc())
        )
    )


def reserve_booths(
    enterprise: Enterprise, codes: list[str], actor, *, override_reason: str | None = None, now: datetime | None = None
) -> BoothReservation:
    """Hold `codes` (one booth, or several adjacent ones) for `enterprise` for the fair's hold time.

    Raises NotFound (unknown booth), Conflict (taken, held or blocked) or RuleViolation (booth
    limit, zone, not adjacent). Only an organizer may override a zone rule, with a reason.
    """
    check_may_hold(enterprise, actor)
    now = now or utcnow()
    fair = require_current_fair()
    expire_holds(now)
    booths = _booths_for(fair, codes)
    _check_placement(enterprise, booths, actor, override_reason)
    _lock_and_check_limit(enterprise, fair, len(booths))
    reservation = BoothReservation(
        fair_id=fair.id,
        enterprise_id=enterprise.id,
        state="held",
        expires_at=now + timedelta(minutes=fair.booth_hold_minutes),
        created_by_id=actor.id,
        zone_override_reason=override_reason or None,
        items=[ReservationBooth(booth=b, active=True) for b in _in_lock_order(booths)],
    )
    db.session.add(reservation)
    _flush_or_conflict(booths)
    record("reservation.held", reservation, {"booths": [b.code for b in booths]}, actor=actor)
    db.session.commit()
    return reservation


def _booths_for(fair: Fair, codes: list[str]) -> list[Booth]:
    if not codes:
        raise RuleViolation(_("Choose at least one booth."))
    unique = list(dict.fromkeys(codes))
    booths = [booth_by_code(fair, code) for code in unique]
    blocked = [b.code for b in booths if b.blocked]
    if blocked:
        raise Conflict(_("Booth %(codes)s is not for sale.", codes=", ".join(blocked)))
    taken = [b.code for b in booths if active_reservation_of(b) is not None]
    if taken:
        raise Conflict(_("Booth %(codes)s is already taken or held.", codes=", ".join(taken)))
    return booths


def _check_placement(enterprise: Enterprise, booths: list[Booth], actor, override_reason: str | None) -> None:
    if len({b.hall_id for b in booths}) > 1 or not is_connected([b.rect for b in booths]):
        raise RuleViolation(_("Booths reserved together must be next to each other in one hall."))
    check_zone(enterprise, booths, actor, override_reason)


def _lock_and_check_limit(enterprise: Enterprise, fair: Fair, adding: int, keeping: int = 0) -> None:
    """Lock the enterprise's row, so that two requests cannot both pass the limit, then count."""
    db.session.execute(select(Enterprise.id).where(Enterprise.id == enterprise.id).with_for_update())
    check_limit(fair, booths_held(enterprise, fair) - keeping, adding)


def _in_lock_order(booths: list[Booth]) -> list[Booth]:
    """Booths in the order their rows are written: always by id, so that two requests for
    overlapping booths wait on the same first booth instead of each holding one the other needs
    (a deadlock on PostgreSQL, seen about once in ten runs of the concurrency test)."""
    return sorted(booths, key=lambda booth: booth.id)


def _flush_or_conflict(booths: list[Booth]) -> None:
    """Write now: the unique index refuses a booth that another request took a moment ago."""
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(
            _("Booth %(codes)s was just taken by someone else.", codes=", ".join(b.code for b in booths))
        ) from error


def move_to(reservation: BoothReservation, state: str, now: datetime) -> None:
    if state not in TRANSITIONS[reservation.state]:
        raise Conflict(_("This reservation cannot go from %(a)s to %(b)s.", a=reservation.state, b=state))
    reservation.state = state
    if state not in ACTIVE_STATES:
        return_support(reservation)
        reservation.ended_at = now
        reservation.expires_at = None
        for item in reservation.items:
            item.active = False


def application_gaps(enterprise: Enterprise) -> list[str]:
    """What the profile still lacks before a booth application can be submitted."""
    gaps = []
    if not enterprise.name_vi and not enterprise.name_en:
        gaps.append(_("the enterprise's name"))
    if not enterprise.sector_codes:
        gaps.append(_("at least one sector"))
    if not (enterprise.address or enterprise.locality):
        gaps.append(_("the address"))
    if not (enterprise.contact_name and (enterprise.contact_email or enterprise.contact_phone)):
        gaps.append(_("a contact person with an email or phone number"))
    if enterprise.kind != "buyer" and not enterprise.products:
        gaps.append(_("at least one product"))
    return gaps


def submit(reservation: BoothReservation, actor, now: datetime | None = None) -> BoothReservation:
    """Turn a hold into an application for the organizer, if the profile is complete enough."""
    now = now or utcnow()
    if reservation.state == "held" and reservation.expires_at <= now:
        expire_holds(now)
        raise Conflict(_("The hold ran out and the booths were released. Reserve them again."))
    gaps = application_gaps(reservation.enterprise)
    if gaps:
        raise RuleViolation(_("Complete the profile first: %(items)s.", items=", ".join(gaps)))
    fair = db.session.get(Fair, reservation.fair_id)
    move_to(reservation, "submitted", now)
    reservation.submitted_at = now
    reservation.expires_at = None
    reservation.price_vnd = sum(b.price_vnd for b in reservation.booths)
    reservation.vat_percent = fair.vat_percent
    apply_support(reservation, actor)
    entry = waitlist_entry_of(reservation)
    if entry is not None:
        entry.state = "placed"
    record("reservation.submitted", reservation, actor=actor)
    db.session.commit()
    return reservation


def cancel(reservation: BoothReservation, actor, now: datetime | None = None) -> BoothReservation:
    """Give the booths back; a paid booth can only be cancelled by the organizer."""
    now = now or utcnow()
    if reservation.state == "confirmed" and not actor.is_organizer:
        raise NotAllowed(_("A paid booth can only be cancelled by the organizer."))
    freed = reservation.booths
    move_to(reservation, "cancelled", now)
    lapse_offer(reservation)
    record("reservation.cancelled", reservation, actor=actor)
    offer_to_waitlist(freed, now)
    db.session.commit()
    return reservation


def withdraw_offer(entry: WaitlistEntry, actor) -> BoothReservation:
    """An organizer takes back the booth on offer to a waitlisted enterprise; it goes to the next in line."""
    if not actor.is_organizer:
        raise NotAllowed(_("Only an organizer can withdraw an offer."))
    offer = offer_of(entry)
    if offer is None:
        raise Conflict(_("No booth is on offer to this enterprise now."))
    return cancel(offer, actor)


def leave_waitlist(entry: WaitlistEntry, actor) -> WaitlistEntry:
    """Take the enterprise off the waitlist; a booth on offer to it goes to the next in line."""
    if not (actor.is_organizer or entry.enterprise.has_member(actor)):
        raise NotAllowed(_("Only members of this enterprise can do this."))
    if entry.state not in ("waiting", "offered"):
        raise Conflict(_("This waitlist entry has already ended."))
    offer = offer_of(entry)
    entry.state = "withdrawn"
    record("waitlist.left", entry, actor=actor)
    if offer is not None:
        freed = offer.booths
        move_to(offer, "cancelled", utcnow())
        record("reservation.cancelled", offer, actor=actor)
        offer_to_waitlist(freed)
    db.session.commit()
    return entry


def approve(reservation: BoothReservation, actor, now: datetime | None = None) -> BoothReservation:
    """Accept the application; a booth the programme pays in full has nothing to pay, so it is confirmed at once."""
    now = now or utcnow()
    move_to(reservation, "approved", now)
    reservation.decided_at, reservation.decided_by_id = now, actor.id
    record("reservation.approved", reservation, actor=actor)
    if reservation.total_vnd == 0:
        _confirm(reservation, now)
    else:
        for member in reservation.enterprise.members:
            notify(member, "reservation_approved", reservation=reservation, link=reservation_link(reservation))
    db.session.commit()
    return reservation


def reject(reservation: BoothReservation, actor, reason: str, now: datetime | None = None) -> BoothReservation:
    now = now or utcnow()
    if not reason.strip():
        raise RuleViolation(_("Give the reason for the rejection: the exhibitor will read it."))
    freed = reservation.booths
    move_to(reservation, "rejected", now)
    reservation.decided_at, reservation.decided_by_id, reservation.decision_reason = now, actor.id, reason
    for member in reservation.enterprise.members:
        notify(member, "reservation_rejected", reservation=reservation, reason=reason,
               link=reservation_link(reservation))
    record("reservation.rejected", reservation, {"reason": reason}, actor=actor)
    offer_to_waitlist(freed, now)
    db.session.commit()
    return reservation


def record_payment(
    reservation: BoothReservation, actor, amount_vnd: int, paid_on: date, reference: str = "",
    now: datetime | None = None,
) -> BoothReservation:
    """Book a (full or partial) payment; paid in full confirms the reservation."""
    now = now or utcnow()
    if reservation.state != "approved":
        raise Conflict(_("Payments are recorded for approved, unpaid reservations only."))
    outstanding = reservation.total_vnd - reservation.paid_vnd
    if amount_vnd <= 0 or amount_vnd > outstanding:
        raise RuleViolation(
            _("The amount must be more than zero and at most the outstanding %(amount)s.", amount=vnd(outstanding))
        )
    reservation.payments.append(
        Payment(amount_vnd=amount_vnd, paid_on=paid_on, reference=reference or None, recorded_by_id=actor.id)
    )
    record("reservation.payment", reservation, {"amount_vnd": amount_vnd}, actor=actor)
    if reservation.paid_vnd >= reservation.total_vnd:
        _confirm(reservation, now)
    db.session.commit()
    return reservation


def _confirm(reservation: BoothReservation, now: datetime) -> None:
    move_to(reservation, "confirmed", now)
    reservation.confirmed_at = now
    for member in reservation.enterprise.members:
        notify(member, "reservation_confirmed", reservation=reservation, link=reservation_link(reservation))


# A transfer's content as a bank statement shows it: `HC01-00042`, or with the dash turned into a space or dropped
# (some banks strip punctuation), in any case, amid other words.
_REFERENCE = re.compile(r"HC\s*(\d+)\s*[-_.\s]\s*(\d+)|HC(\d{2})(\d{5})\b", re.IGNORECASE)


def reservation_by_reference(reference: str) -> BoothReservation | None:
    """The reservation whose transfer reference (`BoothReservation.payment_reference`) a payment quotes, or None
    when the text names none or one that does not exist."""
    found = _REFERENCE.search(reference or "")
    if found is None:
        return None
    fair_id, reservation_id = (int(n) for n in (found.group(1, 2) if found.group(1) else found.group(3, 4)))
    reservation = db.session.get(BoothReservation, reservation_id)
    return reservation if reservation is not None and reservation.fair_id == fair_id else None


def move(reservation: BoothReservation, codes: list[str], actor, reason: str = "") -> BoothReservation:
    """Put an active reservation on other booths (organizer); the freed ones go to the waitlist."""
    if not reservation.is_active:
        raise Conflict(_("Only an active reservation can be moved."))
    fair = db.session.get(Fair, reservation.fair_id)
    old = reservation.booths
    for item in reservation.items:
        item.active = False
    db.session.flush()
    booths = _booths_for(fair, codes)
    _check_placement(reservation.enterprise, booths, actor, reason)
    _lock_and_check_limit(reservation.enterprise, fair, len(booths))
    reservation.items.extend(ReservationBooth(booth=b, active=True) for b in _in_lock_order(booths))
    if reason:
        reservation.zone_override_reason = reason
    _flush_or_conflict(booths)
    if reservation.state in ("submitted", "approved"):  # priced after the flush: a booth taken meanwhile is a Conflict
        reservation.price_vnd = sum(b.price_vnd for b in booths)
        apply_support(reservation, actor)
        if reservation.state == "approved" and reservation.paid_vnd >= reservation.total_vnd:
            _confirm(reservation, utcnow())
    record("reservation.moved", reservation, {"from": [b.code for b in old], "to": [b.code for b in booths],
                                              "reason": reason}, actor=actor)
    offer_to_waitlist([b for b in old if b not in booths])
    db.session.commit()
    return reservation


def expire_holds(now: datetime | None = None) -> int:
    """Release every hold whose time is up and offer the freed booths; returns how many expired."""
    now = now or utcnow()
    query = (
        select(BoothReservation)
        .where(BoothReservation.state == "held", BoothReservation.expires_at <= now)
        .order_by(BoothReservation.id)
        .with_for_update(skip_locked=True)
    )
    due = list(db.session.scalars(query))
    for reservation in due:
        freed = reservation.booths
        move_to(reservation, "expired", now)
        lapse_offer(reservation)
        record("reservation.expired", reservation, actor=None)
        offer_to_waitlist(freed, now)
    if due:
        db.session.commit()
    return len(due)
