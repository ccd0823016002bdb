"""The check-in desk: a scanned badge checks its person in (once per fair: when, and who scanned), a
scanned meeting code marks the meeting held. Every scan, refused ones too, goes into the desk's log, so
that each operator sees their last scans and what each gave."""

from flask_babel import gettext as _
from sqlalchemy import func, select

from fairmatch.audit.services import record
from fairmatch.auth.models import User
from fairmatch.database import utcnow
from fairmatch.errors import DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings import day
from fairmatch.meetings.codes import read_code
from fairmatch.meetings.models import Arrival
from fairmatch.people.badges import role_and_booths
from fairmatch.people.models import PERSON_ROLE_LABELS, DeskScan, FairPerson

RECENT = 10


def check_in(fair: Fair, code: str, actor) -> dict:
    """What the code was: `{"meeting": …}` now held, `{"badge": person, "first", "role", "booths"}` for a
    person's badge, or `{"person", "arrival", "first"}` for an older badge of a user account. An unknown or
    forged code is logged, then refused."""
    found = read_code(code)
    kind, number = found if found else (None, 0)
    if kind == "meeting":
        try:
            meeting = day.meeting_for(number, fair)
            day.mark(meeting, "held", actor)
        except DomainError:
            db.session.rollback()
            _log(fair, code, actor, "unknown")
            db.session.commit()
            raise
        request = meeting.request
        _log(fair, code, actor, "meeting", subject=f"{request.sender.name('vi')} · {request.receiver.name('vi')}")
        db.session.commit()
        return {"meeting": meeting}
    if kind == "person":
        return _check_in_person(fair, code, number, actor)
    person = db.session.get(User, number) if kind == "badge" else None
    if person is None or not person.active:
        _log(fair, code, actor, "unknown")
        db.session.commit()
        if kind is None:
            raise RuleViolation(_("This code is not a fairmatch badge or meeting code. Scan it again or type it."))
        raise RuleViolation(_("This badge belongs to no active account."))
    arrival = db.session.scalar(select(Arrival).where(Arrival.fair_id == fair.id, Arrival.user_id == person.id))
    first = arrival is None
    if first:
        arrival = Arrival(fair_id=fair.id, user_id=person.id, recorded_by_id=actor.id)
        db.session.add(arrival)
        record("arrival.recorded", person, actor=actor)
    _log(fair, code, actor, "ok" if first else "again", subject=person.name or person.email)
    db.session.commit()
    return {"person": person, "arrival": arrival, "first": first}


def _check_in_person(fair: Fair, code: str, number: int, actor) -> dict:
    # The row is locked so that two desks scanning the same badge at once record one check-in.
    person = db.session.scalar(select(FairPerson).where(FairPerson.id == number).with_for_update())
    if person is None or person.fair_id != fair.id:
        _log(fair, code, actor, "unknown")
        db.session.commit()
        raise RuleViolation(
            _("This badge is not on this fair's lists: the person was removed, or the badge is from another edition.")
        )
    first = person.checked_in_at is None
    if first:
        person.checked_in_at, person.checked_in_by_id = utcnow(), actor.id
        record("person.checked_in", person, actor=actor)
    _log(fair, code, actor, "ok" if first else "again", person=person)
    db.session.commit()
    role, booths = role_and_booths(person, fair)
    return {"badge": person, "first": first, "role": role, "role_label": PERSON_ROLE_LABELS[role], "booths": booths}


def _log(fair: Fair, code: str, actor, result: str, *, person: FairPerson | None = None, subject: str = "") -> None:
    if person is not None:
        firm = person.enterprise.name("vi") if person.enterprise else person.organization
        subject = " · ".join(part for part in (person.full_name, firm) if part)
    db.session.add(
        DeskScan(
            fair_id=fair.id,
            scanned_by_id=actor.id,
            code=" ".join(code.split())[:100],
            result=result,
            person_id=person.id if person else None,
            subject=subject[:400],
        )
    )


def recent_scans(fair: Fair, actor, limit: int = RECENT) -> list[DeskScan]:
    """This operator's last scans at this fair, the newest first."""
    return list(
        db.session.scalars(
            select(DeskScan)
            .where(DeskScan.fair_id == fair.id, DeskScan.scanned_by_id == actor.id)
            .order_by(DeskScan.scanned_at.desc(), DeskScan.id.desc())
            .limit(limit)
        )
    )


def arrival_count(fair: Fair) -> int:
    """People checked in so far: badged people, and accounts scanned from older badges."""
    people = db.session.scalar(
        select(func.count(FairPerson.id)).where(FairPerson.fair_id == fair.id, FairPerson.checked_in_at.is_not(None))
    )
    return people + db.session.scalar(select(func.count(Arrival.id)).where(Arrival.fair_id == fair.id))
