"""Side events: the programme, registrations with capacity and waitlist, attendance.

Capacity is one rule kept in one place: every change to who holds a seat (registering, leaving, a
new capacity) first locks the event's row, so that two requests at once cannot both take the last
seat; whoever finds the event full joins the waitlist, and the first in line moves up when a seat
frees."""

from datetime import date, datetime, time
from itertools import groupby
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, DomainError, NotAllowed, NotFound, RuleViolation
from fairmatch.events.models import EVENT_KINDS, EventRegistration, SideEvent
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.codes import read_code
from fairmatch.meetings.models import MeetingRequest
from fairmatch.meetings.services import request_meeting
from fairmatch.notifications.services import link_to, notify
from fairmatch.people.models import FairPerson
from fairmatch.people.services import person_of

FIELDS = (
    "kind",
    "title_vi",
    "title_en",
    "description_vi",
    "description_en",
    "place",
    "capacity",
    "lead_enterprise_id",
)


def event_figures(fair: Fair) -> dict:
    """The fair report's `events` figures: sessions, registered, attended (counts); None where not
    known."""
    in_fair = select(SideEvent.id).where(SideEvent.fair_id == fair.id)
    sessions = db.session.scalar(select(func.count()).select_from(in_fair.subquery()))
    registered = db.session.scalar(
        select(func.count(EventRegistration.id)).where(
            EventRegistration.event_id.in_(in_fair), EventRegistration.state == "registered"
        )
    )
    attended = db.session.scalar(
        select(func.count(EventRegistration.id)).where(
            EventRegistration.event_id.in_(in_fair), EventRegistration.attended_at.is_not(None)
        )
    )
    return {"sessions": sessions, "registered": registered, "attended": attended}


def local_moment(fair: Fair, day: date, at: time) -> datetime:
    """A day and time of the fair's zone, as the aware moment stored."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(fair.time_zone))


def local_span(fair: Fair, event: SideEvent) -> tuple[date, time, time]:
    """The event's day, start and end in the fair's zone, as the organizer typed them."""
    zone = ZoneInfo(fair.time_zone)
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    return start.date(), start.time(), end.time()


def programme(fair: Fair) -> list[tuple[date, list[SideEvent]]]:
    """The fair's events by local day, each day in time order."""
    zone = ZoneInfo(fair.time_zone)
    events = db.session.scalars(
        select(SideEvent)
        .where(SideEvent.fair_id == fair.id)
        .options(selectinload(SideEvent.lead_enterprise))
        .order_by(SideEvent.starts_at, SideEvent.id)
    )
    return [(day, list(group)) for day, group in groupby(events, key=lambda e: e.starts_at.astimezone(zone).date())]


def event_of(fair: Fair, event_id: int) -> SideEvent:
    event = db.session.get(SideEvent, event_id)
    if event is None or event.fair_id != fair.id:
        raise NotFound(_("This event is not on the fair's programme."))
    return event


def seats(event: SideEvent) -> dict[str, int]:
    """How many are registered and waiting."""
    counts = dict(
        db.session.execute(
            select(EventRegistration.state, func.count(EventRegistration.id))
            .where(EventRegistration.event_id == event.id)
            .group_by(EventRegistration.state)
        ).all()
    )
    return {"registered": counts.get("registered", 0), "waitlisted": counts.get("waitlisted", 0)}


def registrations(event: SideEvent) -> list[EventRegistration]:
    """Everyone on the event: the registered, then the waitlist, each in the order they came."""
    return list(
        db.session.scalars(
            select(EventRegistration)
            .where(EventRegistration.event_id == event.id)
            .options(
                selectinload(EventRegistration.person),
                selectinload(EventRegistration.user),
                selectinload(EventRegistration.enterprise),
            )
            .order_by(EventRegistration.state, EventRegistration.registered_at, EventRegistration.id)
        )
    )


def registrations_of(enterprise: Enterprise, fair: Fair, event: SideEvent | None = None) -> list[EventRegistration]:
    """The enterprise's registrations at the fair's events (at one event), in the programme's order."""
    query = (
        select(EventRegistration)
        .join(SideEvent)
        .where(SideEvent.fair_id == fair.id, EventRegistration.enterprise_id == enterprise.id)
        .options(selectinload(EventRegistration.event), selectinload(EventRegistration.person))
        .order_by(SideEvent.starts_at, SideEvent.id, EventRegistration.id)
    )
    if event is not None:
        query = query.where(EventRegistration.event_id == event.id)
    return list(db.session.scalars(query))


def agenda_events(enterprise: Enterprise, fair: Fair) -> list[tuple[SideEvent, list[EventRegistration]]]:
    """For the agenda and its calendar: each event the enterprise has someone on, with its people."""
    mine = registrations_of(enterprise, fair)
    return [(event, list(group)) for event, group in groupby(mine, key=lambda r: r.event)]


def _lock(event: SideEvent) -> None:
    """Lock the event's row: registrations, departures and capacity changes of one event go one at a time."""
    db.session.execute(select(SideEvent.id).where(SideEvent.id == event.id).with_for_update())


def _registered_count(event: SideEvent) -> int:
    return db.session.scalar(
        select(func.count(EventRegistration.id)).where(
            EventRegistration.event_id == event.id, EventRegistration.state == "registered"
        )
    )


def register(
    event: SideEvent, enterprise: Enterprise, actor, person_id: int | None = None, now: datetime | None = None
) -> EventRegistration:
    """Put one of the enterprise's fair people (`person_id`) or, for an enterprise that has named none,
    the member's own account on the event: registered while seats remain, otherwise on the waitlist."""
    fair = db.session.get(Fair, event.fair_id)
    if (now or utcnow()) >= event.ends_at:
        raise RuleViolation(_("This event is over; registration is closed."))
    has_people = db.session.scalar(
        select(FairPerson.id).where(FairPerson.fair_id == fair.id, FairPerson.enterprise_id == enterprise.id).limit(1)
    )
    if person_id is not None:
        person = person_of(enterprise, fair, person_id)
        who = {"person_id": person.id}
    elif has_people is not None:
        raise RuleViolation(_("Choose who of your enterprise's people will attend."))
    else:
        who = {"user_id": actor.id}
    _lock(event)
    taken = _registered_count(event)
    registration = EventRegistration(
        event_id=event.id,
        enterprise_id=enterprise.id,
        state="registered" if taken < event.capacity else "waitlisted",
        **who,
    )
    db.session.add(registration)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(_("This person is already on the event's list.")) from error
    record("event.registered", registration, {"event": event.id, "state": registration.state}, actor=actor)
    db.session.commit()
    return registration


def registration_for(event: SideEvent, registration_id: int, actor) -> EventRegistration:
    registration = db.session.get(EventRegistration, registration_id)
    if registration is None or registration.event_id != event.id:
        raise NotFound(_("There is no such registration."))
    if not (actor.is_organizer or registration.enterprise.has_member(actor)):
        raise NotAllowed(_("Only members of this enterprise can do this."))
    return registration


def leave(registration: EventRegistration, actor) -> EventRegistration | None:
    """Take a person off the event; a freed seat goes to the first on the waitlist, who is told.
    Returns the registration promoted, if any."""
    event = registration.event
    _lock(event)
    had_seat = registration.state == "registered"
    record("event.left", registration, {"event": event.id}, actor=actor)
    db.session.delete(registration)
    db.session.flush()
    promoted = _promote(event) if had_seat else []
    db.session.commit()
    return promoted[0] if promoted else None


def _promote(event: SideEvent, limit: int = 1) -> list[EventRegistration]:
    """Move the first `limit` of the waitlist up to free seats (the event's row is locked) and tell them."""
    free = min(limit, event.capacity - _registered_count(event))
    if free <= 0:
        return []
    line = list(
        db.session.scalars(
            select(EventRegistration)
            .where(EventRegistration.event_id == event.id, EventRegistration.state == "waitlisted")
            .order_by(EventRegistration.registered_at, EventRegistration.id)
            .limit(free)
        )
    )
    for registration in line:
        registration.state = "registered"
        record("event.promoted", registration, {"event": event.id}, actor=None)
        readers = [registration.user] if registration.user else registration.enterprise.members
        for reader in readers:
            notify(
                reader,
                "event_promoted",
                event=event,
                name=registration.name,
                link=link_to("events.event", event_id=event.id),
            )
    return line


def save_event(fair: Fair, actor, event: SideEvent | None = None, *, day: date, start: time, end: time, **fields):
    """Add an event to the programme, or change one. Capacity never goes below the people registered;
    a larger one lets the waitlist move up."""
    if fields.get("kind") not in EVENT_KINDS:
        raise RuleViolation(_("Choose the kind of event."))
    starts_at, ends_at = local_moment(fair, day, start), local_moment(fair, day, end)
    if ends_at <= starts_at:
        raise RuleViolation(_("The event must end after it starts."))
    lead_id = fields.get("lead_enterprise_id")
    if lead_id is not None and db.session.get(Enterprise, lead_id) is None:
        raise RuleViolation(_("Choose a lead enterprise from the list."))
    if event is None:
        event = SideEvent(fair_id=fair.id)
        db.session.add(event)
    else:
        _lock(event)
        taken = _registered_count(event)
        if fields["capacity"] < taken:
            raise RuleViolation(
                _(
                    "%(taken)d people are registered already: the capacity cannot be less. "
                    "Ask some to leave first, or keep %(taken)d seats.",
                    taken=taken,
                )
            )
    for name in FIELDS:
        setattr(event, name, fields.get(name))
    event.starts_at, event.ends_at = starts_at, ends_at
    db.session.flush()
    _promote(event, limit=event.capacity)
    record("event.saved", event, {"title": event.title_vi, "capacity": event.capacity}, actor=actor)
    db.session.commit()
    return event


def check_in(event: SideEvent, code: str, actor, now: datetime | None = None) -> tuple[EventRegistration, bool]:
    """Mark a registered person's attendance from their badge (a fair person's, or an older account
    badge): (registration, first time). The mark is one conditional update, so two desks scanning
    the same badge at once record it once. Forged codes, removed people and people not registered
    (or only waiting) are refused."""
    found = read_code(code)
    if found is None or found[0] not in ("person", "badge"):
        raise RuleViolation(_("This code is not a fairmatch badge. Scan it again or type it."))
    kind, number = found
    column = EventRegistration.person_id if kind == "person" else EventRegistration.user_id
    registration = db.session.scalar(
        select(EventRegistration).where(EventRegistration.event_id == event.id, column == number)
    )
    if registration is None:
        if kind == "person" and db.session.get(FairPerson, number) is None:
            raise RuleViolation(_("This badge belongs to nobody on the fair's lists: the person was removed."))
        raise RuleViolation(_("This person is not registered for this event."))
    if registration.state != "registered":
        raise RuleViolation(_("This person is on the waitlist, not registered: there is no seat for them yet."))
    marked = db.session.execute(
        update(EventRegistration)
        .where(EventRegistration.id == registration.id, EventRegistration.attended_at.is_(None))
        .values(attended_at=now or utcnow(), attended_by_id=actor.id)
    ).rowcount
    if marked:
        record("event.attended", registration, {"event": event.id}, actor=actor)
    db.session.commit()
    db.session.refresh(registration)
    return registration, bool(marked)


def propose_meetings(event: SideEvent, actor) -> tuple[int, list[str]]:
    """After a connection session: a pending meeting request from each registered supplier that has
    none with the presenting lead enterprise at this fair, for the lead to answer as usual. Returns how
    many were created and, for those refused (e.g. a supplier at its limit of open requests), why."""
    lead = event.lead_enterprise
    if event.kind != "connection" or lead is None:
        raise RuleViolation(_("Only a connection session with a presenting lead enterprise can propose meetings."))
    asked = select(MeetingRequest.id).where(
        MeetingRequest.fair_id == event.fair_id,
        or_(
            and_(MeetingRequest.from_enterprise_id == Enterprise.id, MeetingRequest.to_enterprise_id == lead.id),
            and_(MeetingRequest.from_enterprise_id == lead.id, MeetingRequest.to_enterprise_id == Enterprise.id),
        ),
    )
    suppliers = db.session.scalars(
        select(Enterprise)
        .where(
            Enterprise.id.in_(
                select(EventRegistration.enterprise_id).where(
                    EventRegistration.event_id == event.id, EventRegistration.state == "registered"
                )
            ),
            Enterprise.id != lead.id,
            Enterprise.kind != "buyer",
            ~asked.exists(),
        )
        .order_by(Enterprise.id)
    ).all()
    message = _("Proposed by the organizer after the connection session “%(title)s”.", title=event.title_vi)
    created, refused = 0, []
    for supplier in suppliers:
        try:
            request_meeting(supplier, lead.key, actor, message)
        except DomainError as refusal:
            db.session.rollback()
            refused.append(f"{supplier.name_vi}: {refusal.message}")
        else:
            created += 1
    record("event.meetings_proposed", event, {"created": created}, actor=actor)
    db.session.commit()
    return created, refused
