"""Who may book what: booths are reserved, and waitlists joined, by an organizer or by an exhibitor
acting for the enterprise (the one membership rule, `Enterprise.has_member`), whose enterprise names
its sectors, in its sectors' zones (or open booths), up to the fair's booth limit.

Each rule is one `check_*` function that raises the refusal the user reads. The service calls them
when it books; the plan and the booth page ask the same functions beforehand (`refusal_for_booth`),
so that a booth that would be refused says why before anyone clicks."""

from flask_babel import gettext as _
from sqlalchemy import func, select

from fairmatch.auth.verification import require_verified_email
from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import DomainError, NotAllowed, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair


def check_may_book(enterprise: Enterprise, actor) -> None:
    if actor.is_organizer:
        return
    if actor.role != "exhibitor":
        raise NotAllowed(_("Only exhibitors can reserve booths."))
    require_verified_email(actor)
    if not enterprise.has_member(actor):
        raise NotAllowed(_("Only members of this enterprise can do this."))


def check_has_sector(enterprise: Enterprise, actor) -> None:
    """Booths are laid out by sector and an application names one: an enterprise that has none
    cannot hold a booth yet (an organizer booking for it may)."""
    if not enterprise.sector_codes and not (actor is not None and actor.is_organizer):
        raise RuleViolation(
            _("Your enterprise has no sector yet. Add its sectors to its profile: booths are placed by sector.")
        )


def check_may_hold(enterprise: Enterprise, actor) -> None:
    """Whether `actor` may hold booths (or wait for one) for `enterprise` at all."""
    check_may_book(enterprise, actor)
    check_has_sector(enterprise, actor)


def check_zone(enterprise: Enterprise, booths: list[Booth], actor, override_reason: str | None = None) -> None:
    """A booth in a sector zone is for enterprises of that sector; only an organizer overrides it, with a reason."""
    wrong_zone = [b for b in booths if b.zone and b.zone not in enterprise.sector_codes]
    if wrong_zone and not (actor is not None and actor.is_organizer and override_reason):
        raise RuleViolation(
            _(
                "Booth %(codes)s is in a zone for another sector. Choose a booth in your sector's zone "
                "or an open booth, or ask the organizer.",
                codes=", ".join(b.code for b in wrong_zone),
            )
        )


def booths_held(enterprise: Enterprise, fair: Fair) -> int:
    """How many booths the enterprise holds, has applied for or has at `fair`."""
    return db.session.scalar(
        select(func.count(ReservationBooth.id))
        .join(BoothReservation)
        .where(
            ReservationBooth.active,
            BoothReservation.enterprise_id == enterprise.id,
            BoothReservation.fair_id == fair.id,
        )
    )


def check_limit(fair: Fair, held: int, adding: int) -> None:
    if held + adding > fair.max_booths_per_enterprise:
        raise RuleViolation(
            _("An enterprise may have at most %(n)d booths at this fair.", n=fair.max_booths_per_enterprise)
            + " "
            + _("Yours has %(held)d already.", held=held)
        )


def check_may_have(enterprise: Enterprise, booths: list[Booth], fair: Fair, held: int, actor=None) -> None:
    """The rules of the booths themselves (sector, zone, limit), for a booking or, with no actor,
    a waitlist offer."""
    check_has_sector(enterprise, actor)
    check_zone(enterprise, booths, actor)
    check_limit(fair, held, len(booths))


def refusal_for_booth(enterprise: Enterprise | None, actor, booth: Booth, fair: Fair, held: int) -> str | None:
    """Why `actor` could not hold this free `booth` for `enterprise` now, in the user's words, or None
    when the booking would pass; `held` is `booths_held(enterprise, fair)`. The very checks that
    `reserve_booths` enforces."""
    try:
        if enterprise is None:
            raise NotAllowed(_("Your account does not act for an approved enterprise yet."))
        check_may_book(enterprise, actor)
        check_may_have(enterprise, [booth], fair, held, actor)
    except DomainError as refusal:
        return refusal.message
    return None
