"""Agendas as documents: PDF (one participant, every participant, every table) and iCalendar."""

from collections import defaultdict
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from icalendar import Calendar, Event
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.i18n import local_datetime, local_time
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.schedule import agenda_of
from fairmatch.organizer.models import Fair
from fairmatch.printing import Agenda, AgendaLabels, AgendaLine, agendas_pdf


def _place(meeting: Meeting) -> str:
    return _("Table %(table)s", table=meeting.table) if meeting.table else _("Booth %(code)s", code=meeting.booth)


def _when(meeting: Meeting) -> str:
    return f"{local_datetime(meeting.starts_at, 'short')}–{local_time(meeting.ends_at)}"


def _other(meeting: Meeting, enterprise_id: int) -> Enterprise:
    request = meeting.request
    return request.receiver if request.from_enterprise_id == enterprise_id else request.sender


def _labels(document: str) -> AgendaLabels:
    return AgendaLabels(document=document, time=_("Time"), place=_("Place"), counterpart=_("With"),
                        empty=_("No meeting is scheduled yet."), page=_("Page {page}/{pages}"))


def _agenda(enterprise: Enterprise, fair: Fair, lang: str) -> Agenda:
    lines = tuple(AgendaLine(_when(m), _place(m), _other(m, enterprise.id).name(lang))
                  for m in agenda_of(enterprise.id, fair))
    return Agenda(enterprise.name(lang), f"{fair.name(lang)} · {fair.venue(lang)}", lines)


def agenda_pdf(enterprise: Enterprise, fair: Fair, lang: str) -> bytes:
    return agendas_pdf([_agenda(enterprise, fair, lang)], _labels(_("Agenda")))


def all_agendas_pdf(fair: Fair, lang: str) -> bytes:
    """Every participant's agenda, one per page, in name order."""
    published = select(Meeting.request_id).where(Meeting.fair_id == fair.id, Meeting.state == "published")
    pairs = db.session.execute(
        select(MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id)
        .where(MeetingRequest.id.in_(published))
    )
    ids = {enterprise_id for pair in pairs for enterprise_id in pair}
    found = db.session.scalars(select(Enterprise).where(Enterprise.id.in_(ids)))
    enterprises = sorted(found, key=lambda e: e.name(lang))
    return agendas_pdf([_agenda(e, fair, lang) for e in enterprises], _labels(_("Agendas")))


def table_sheets_pdf(fair: Fair, lang: str) -> bytes:
    """One sheet per B2B table (and per booth hosting meetings) listing its meetings in time order."""
    by_place: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state == "published").order_by(Meeting.starts_at)
    ):
        by_place[_place(meeting)].append(meeting)
    sheets = [
        Agenda(place, fair.name(lang), tuple(
            AgendaLine(_when(m), place, f"{m.request.sender.name(lang)} – {m.request.receiver.name(lang)}")
            for m in meetings))
        for place, meetings in sorted(by_place.items())
    ]
    return agendas_pdf(sheets, _labels(_("Meeting tables")))


def agenda_ics(enterprise: Enterprise, fair: Fair, lang: str) -> bytes:
    """The agenda as iCalendar: one event per meeting with a stable UID, so that a calendar that
    imports it again updates the events instead of duplicating them."""
    calendar = Calendar()
    calendar.add("prodid", "-//fairmatch//agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{fair.name(lang)} – {enterprise.name(lang)}")
    calendar.add("x-wr-timezone", fair.time_zone)
    zone = ZoneInfo(fair.time_zone)
    for meeting in agenda_of(enterprise.id, fair):
        event = Event()
        event.add("uid", f"meeting-{meeting.id}@fairmatch")
        event.add("summary", _("Meeting with %(name)s", name=_other(meeting, enterprise.id).name(lang)))
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        event.add("dtend", meeting.ends_at.astimezone(zone))
        event.add("dtstamp", meeting.published_at or meeting.starts_at)
        event.add("location", f"{_place(meeting)}, {fair.venue(lang)}")
        calendar.add_component(event)
    return calendar.to_ical()
