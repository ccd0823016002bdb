"""Which days an enterprise will be at the fair, and the slots in which it cannot meet: both stored
as its unavailable slots (a day it does not attend has every slot blocked), which the scheduler
receives as forbidden slots. An AttendanceAnswer records that the days question was answered."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, or_, select

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import Conflict, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import day_text, language, span_text
from fairmatch.meetings.models import AttendanceAnswer, Meeting, MeetingRequest, Unavailability
from fairmatch.meetings.schedule import live_meetings, slots_of


def set_availability(
    enterprise: Enterprise, fair: Fair, unavailable: set[str], actor, days: set[date] | None = None
) -> None:
    """Replace the slots in which the enterprise cannot meet; with `days`, also answer "which days will
    you be at the fair?": every slot of the other days is blocked too."""
    _replace_availability(enterprise, fair, unavailable, actor, days)
    db.session.commit()


def attend_days(enterprise: Enterprise, fair: Fair, days: set[date], actor) -> None:
    """Answer "which days will you be at the fair?" keeping the slots already blocked on the days
    attended (a day attended that was wholly blocked is free again). The caller commits, so that
    accepting a request saves its answer and the days at once."""
    blocked = blocked_slots(fair, enterprise.id)
    kept = {
        slot_id
        for d, ids in slots_by_day(fair).items()
        if d in days and not ids <= blocked
        for slot_id in ids & blocked
    }
    _replace_availability(enterprise, fair, kept, actor, days)


def slots_by_day(fair: Fair) -> dict[date, set[str]]:
    """The ids of the fair's meeting slots, by day, the days in order."""
    by_day: dict[date, set[str]] = {}
    for slot in slots_of(fair):
        by_day.setdefault(slot.day, set()).add(slot.id)
    return by_day


def blocked_slots(fair: Fair, enterprise_id: int) -> set[str]:
    """The slots in which the enterprise said it cannot meet."""
    return set(
        db.session.scalars(
            select(Unavailability.slot_id).where(
                Unavailability.fair_id == fair.id, Unavailability.enterprise_id == enterprise_id
            )
        )
    )


def attended_days(fair: Fair, enterprise_id: int) -> list[date]:
    """The days on which the enterprise will be at the fair: those with a slot it did not block."""
    blocked = blocked_slots(fair, enterprise_id)
    return [d for d, ids in slots_by_day(fair).items() if not ids <= blocked]


def answered_days(fair: Fair, enterprise_id: int) -> bool:
    """Whether the enterprise already said which days it will be at the fair."""
    return (
        db.session.scalar(
            select(AttendanceAnswer.id).where(
                AttendanceAnswer.fair_id == fair.id, AttendanceAnswer.enterprise_id == enterprise_id
            )
        )
        is not None
    )


def _replace_availability(
    enterprise: Enterprise, fair: Fair, unavailable: set[str], actor, days: set[date] | None
) -> None:
    if not unavailable <= {s.id for s in slots_of(fair)}:
        raise RuleViolation(_("Choose among the fair's meeting slots."))
    if days is not None:
        unavailable = unavailable | _days_away(enterprise, fair, unavailable, days)
    db.session.execute(
        delete(Unavailability).where(Unavailability.fair_id == fair.id, Unavailability.enterprise_id == enterprise.id)
    )
    db.session.add_all(
        Unavailability(fair_id=fair.id, enterprise_id=enterprise.id, slot_id=slot_id) for slot_id in sorted(unavailable)
    )
    details = {"unavailable_slots": len(unavailable)}
    if days is not None:
        answer = db.session.scalar(
            select(AttendanceAnswer).where(
                AttendanceAnswer.fair_id == fair.id, AttendanceAnswer.enterprise_id == enterprise.id
            )
        )
        if answer is None:
            answer = AttendanceAnswer(fair_id=fair.id, enterprise_id=enterprise.id)
            db.session.add(answer)
        answer.answered_at, answer.answered_by_id = utcnow(), actor.id
        details["days"] = [d.isoformat() for d in sorted(days)]
    record("availability.changed", enterprise, details, actor=actor)


def _days_away(enterprise: Enterprise, fair: Fair, unavailable: set[str], days: set[date]) -> set[str]:
    """Every slot of the days the enterprise will not attend, once the days it ticked keep the rules:
    at least one day, each with a free slot, and no published meeting of it on a day it leaves out."""
    by_day = slots_by_day(fair)
    if not days:
        raise RuleViolation(_("Tick at least one day on which you will be at the fair."))
    if not days <= by_day.keys():
        raise RuleViolation(_("Choose among the fair's days."))
    lang = language()
    for d in sorted(days):
        if by_day[d] <= unavailable:
            raise RuleViolation(
                _(
                    "You will be at the fair on %(day)s, but no slot of that day is left free: free "
                    "a slot or untick the day.",
                    day=day_text(d, lang, weekday=True),
                )
            )
    away = {slot_id for d, ids in by_day.items() if d not in days for slot_id in ids}
    clashes = db.session.scalars(
        live_meetings(fair)
        .join(MeetingRequest)
        .where(
            Meeting.state == "published",
            Meeting.slot_id.in_(away),
            or_(MeetingRequest.from_enterprise_id == enterprise.id, MeetingRequest.to_enterprise_id == enterprise.id),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    if clashes:
        named = "; ".join(
            _(
                "%(time)s with %(name)s",
                time=span_text(m.starts_at, m.ends_at, lang),
                name=_other_side(m, enterprise).name(lang),
            )
            for m in clashes
        )
        raise Conflict(
            ngettext(
                "A published meeting is on a day you left out: %(meetings)s. Cancel it on your agenda first, or keep "
                "that day ticked.",
                "Published meetings are on days you left out: %(meetings)s. Cancel them on your agenda first, or keep "
                "those days ticked.",
                len(clashes),
                meetings=named,
            )
        )
    return away


def _other_side(meeting: Meeting, enterprise: Enterprise) -> Enterprise:
    request = meeting.request
    return request.receiver if request.from_enterprise_id == enterprise.id else request.sender
