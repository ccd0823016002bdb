"""The check-in desk: a scanned badge records that its holder has arrived (once per fair), a
scanned meeting code marks the meeting held."""

from flask_babel import gettext as _
from sqlalchemy import func, select

from fairmatch.audit.services import record
from fairmatch.auth.models import User
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings import day
from fairmatch.meetings.codes import read_code
from fairmatch.meetings.models import Arrival


def check_in(fair: Fair, code: str, actor) -> dict:
    """What the code was: `{"meeting": …}` now held, or `{"person", "arrival", "first"}`."""
    found = read_code(code)
    if found is None:
        raise RuleViolation(_("This code is not a fairmatch badge or meeting code. Scan it again or type it."))
    kind, number = found
    if kind == "meeting":
        meeting = day.meeting_for(number, fair)
        day.mark(meeting, "held", actor)
        return {"meeting": meeting}
    person = db.session.get(User, number)
    if person is None or not person.active:
        raise RuleViolation(_("This badge belongs to no active account."))
    arrival = db.session.scalar(select(Arrival).where(Arrival.fair_id == fair.id, Arrival.user_id == person.id))
    first = arrival is None
    if first:
        arrival = Arrival(fair_id=fair.id, user_id=person.id, recorded_by_id=actor.id)
        db.session.add(arrival)
        record("arrival.recorded", person, actor=actor)
        db.session.commit()
    return {"person": person, "arrival": arrival, "first": first}


def arrival_count(fair: Fair) -> int:
    return db.session.scalar(select(func.count(Arrival.id)).where(Arrival.fair_id == fair.id))
