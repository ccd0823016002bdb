"""The lists of people at the fair: who may add, change or remove whom, how many, and until when.

Every rule is checked here, whoever calls: an enterprise names at most its limit (staff per confirmed
booth for an exhibitor, delegates for a buyer) while its row is locked, so two requests at once
cannot both pass; after the fair's deadline only organizers change the lists."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.booths.models import BoothReservation, ReservationBooth
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import fair_zone, local_date
from fairmatch.people.models import ENTERPRISE_ROLES, FairPerson

FIELDS = ("full_name", "position", "phone", "organization")


@dataclass(frozen=True)
class Allowance:
    """What an enterprise may name at a fair: `role` (exhibitor or buyer, None for neither) and how many."""

    role: str | None
    limit: int
    booths: int


def confirmed_booths(enterprise: Enterprise, fair: Fair) -> int:
    """How many booths the enterprise has confirmed (paid) at `fair`."""
    return db.session.scalar(
        select(func.count(ReservationBooth.id))
        .join(BoothReservation)
        .where(
            ReservationBooth.active,
            BoothReservation.state == "confirmed",
            BoothReservation.enterprise_id == enterprise.id,
            BoothReservation.fair_id == fair.id,
        )
    )


def allowance(enterprise: Enterprise, fair: Fair) -> Allowance:
    """An exhibitor names `staff_per_booth` people per confirmed booth; a buyer without a booth names
    `delegates_per_buyer` delegates; any other enterprise nobody (until it has a confirmed booth)."""
    booths = confirmed_booths(enterprise, fair)
    if booths:
        return Allowance("exhibitor", booths * fair.staff_per_booth, booths)
    if enterprise.kind == "buyer":
        return Allowance("buyer", fair.delegates_per_buyer, 0)
    return Allowance(None, 0, 0)


def lists_open(fair: Fair, now: datetime | None = None) -> bool:
    """Whether enterprises still change their own lists: until the end of the deadline day, fair time."""
    if fair.people_due_on is None:
        return True
    return (now or utcnow()).astimezone(fair_zone()).date() <= fair.people_due_on


def check_may_change(fair: Fair, actor, now: datetime | None = None) -> None:
    """Organizers change any list at any time; members only until the deadline."""
    if actor.is_organizer or lists_open(fair, now):
        return
    raise RuleViolation(
        _("The list closed on %(date)s. To change it now, ask the organizer.", date=local_date(fair.people_due_on))
    )


def people_of(enterprise: Enterprise, fair: Fair) -> list[FairPerson]:
    return list(
        db.session.scalars(
            select(FairPerson)
            .where(FairPerson.fair_id == fair.id, FairPerson.enterprise_id == enterprise.id)
            .order_by(FairPerson.created_at, FairPerson.id)
        )
    )


def person_of(enterprise: Enterprise | None, fair: Fair, person_id: int) -> FairPerson:
    """The person `person_id` of this enterprise's list (of the organizer's own lists when None)."""
    person = db.session.get(FairPerson, person_id)
    if person is None or person.fair_id != fair.id or person.enterprise_id != (enterprise.id if enterprise else None):
        raise NotFound(_("There is no such person on this list."))
    return person


def _lock_and_count(enterprise: Enterprise, fair: Fair) -> int:
    """Lock the enterprise's row, so that two requests cannot both pass the limit, then count."""
    db.session.execute(select(Enterprise.id).where(Enterprise.id == enterprise.id).with_for_update())
    return db.session.scalar(
        select(func.count(FairPerson.id)).where(
            FairPerson.fair_id == fair.id, FairPerson.enterprise_id == enterprise.id
        )
    )


def add_person(
    enterprise: Enterprise,
    fair: Fair,
    actor,
    *,
    full_name: str,
    position: str = "",
    phone: str = "",
    now: datetime | None = None,
) -> FairPerson:
    """Add one of the enterprise's staff or delegates, within its allowance and before the deadline."""
    check_may_change(fair, actor, now)
    rights = allowance(enterprise, fair)
    if rights.role is None:
        raise RuleViolation(_("Booth staff can be named once the enterprise has a confirmed booth."))
    named = _lock_and_count(enterprise, fair)
    if named >= rights.limit:
        message = (
            _(
                "The list is full: %(limit)d people, %(per)d per confirmed booth. Remove someone first.",
                limit=rights.limit,
                per=fair.staff_per_booth,
            )
            if rights.role == "exhibitor"
            else _("The list is full: %(limit)d delegates. Remove someone first.", limit=rights.limit)
        )
        raise RuleViolation(message)
    person = FairPerson(
        fair_id=fair.id,
        enterprise_id=enterprise.id,
        role=rights.role,
        full_name=full_name,
        position=position,
        phone=phone,
    )
    db.session.add(person)
    db.session.flush()
    record("person.added", person, {"enterprise": enterprise.key, "name": full_name}, actor=actor)
    db.session.commit()
    return person


def add_visitor(
    fair: Fair, actor, *, role: str, full_name: str, organization: str = "", position: str = "", phone: str = ""
) -> FairPerson:
    """The organizer adds a guest, a journalist or one of its own staff."""
    if not actor.is_organizer:
        raise RuleViolation(_("Only the organizer adds guests, press and organizer staff."))
    if role in ENTERPRISE_ROLES:
        raise RuleViolation(_("Exhibitors' staff and buyers' delegates are added on their enterprise's list."))
    person = FairPerson(
        fair_id=fair.id, role=role, full_name=full_name, organization=organization, position=position, phone=phone
    )
    db.session.add(person)
    db.session.flush()
    record("person.added", person, {"role": role, "name": full_name}, actor=actor)
    db.session.commit()
    return person


def update_person(person: FairPerson, fair: Fair, actor, now: datetime | None = None, **fields) -> FairPerson:
    """Change a person's details (name, position, phone, organization; the role of the organizer's
    own guests, press and staff)."""
    check_may_change(fair, actor, now)
    editable = (*FIELDS, "role")
    changed = {name: value for name, value in fields.items() if name in editable and getattr(person, name) != value}
    for name, value in changed.items():
        setattr(person, name, value)
    if changed:
        record("person.changed", person, {"fields": sorted(changed)}, actor=actor)
    db.session.commit()
    return person


def remove_person(person: FairPerson, fair: Fair, actor, now: datetime | None = None) -> None:
    check_may_change(fair, actor, now)
    record("person.removed", person, {"name": person.full_name}, actor=actor)
    db.session.delete(person)
    db.session.commit()


def everyone(fair: Fair) -> list[FairPerson]:
    """Every person of the fair: enterprises' people by enterprise, then the organizer's lists."""
    return list(
        db.session.scalars(
            select(FairPerson)
            .where(FairPerson.fair_id == fair.id)
            .options(selectinload(FairPerson.enterprise))
            .order_by(FairPerson.enterprise_id.is_(None), FairPerson.enterprise_id, FairPerson.role, FairPerson.id)
        )
    )


def update_settings(fair: Fair, actor, *, staff_per_booth: int, delegates_per_buyer: int, due_on) -> None:
    fair.staff_per_booth, fair.delegates_per_buyer, fair.people_due_on = staff_per_booth, delegates_per_buyer, due_on
    record(
        "fair.people_settings",
        fair,
        {
            "staff_per_booth": staff_per_booth,
            "delegates_per_buyer": delegates_per_buyer,
            "due_on": due_on.isoformat() if due_on else None,
        },
        actor=actor,
    )
    db.session.commit()
