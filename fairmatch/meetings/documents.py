"""Agendas as documents: PDF (one participant, every participant, every table, the master grid) and
iCalendar. Each meeting on paper carries its check-in code, as a QR code and as text."""

import hashlib
import hmac
import uuid
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event
from markupsafe import Markup
from sqlalchemy import select

from fairmatch.common.short_names import short_names
from fairmatch.enterprises.models import Enterprise
from fairmatch.events.models import SideEvent
from fairmatch.events.services import agenda_events
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_date, local_time, time_span
from fairmatch.meetings.codes import meeting_code
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest
from fairmatch.meetings.schedule import agenda_of, slots_of
from fairmatch.printing import (
    Agenda,
    AgendaLabels,
    AgendaLine,
    GridDay,
    GridLabels,
    GridRow,
    MeetingGrid,
    agendas_pdf,
    meeting_grid_pdf,
    qr_svg,
)


def _place(meeting: Meeting) -> str:
    return _("Table %(table)s", table=meeting.table) if meeting.table else _("Booth %(code)s", code=meeting.booth)


def _when(meeting: Meeting) -> str:
    """`09:00–09:30, thứ Năm 15/10/2026`: the one style of a meeting's time (fairmatch.i18n), the day held on one
    line by no-break spaces when a narrow column wraps it."""
    start, _comma, day = time_span(meeting.starts_at, meeting.ends_at).partition(", ")
    return f"{start}, {day.replace(' ', chr(0xA0))}" if day else start


def _other(meeting: Meeting, enterprise_id: int) -> Enterprise:
    request = meeting.request
    return request.receiver if request.from_enterprise_id == enterprise_id else request.sender


def _labels(document: str) -> AgendaLabels:
    return AgendaLabels(
        document=document,
        time=_("Time"),
        place=_("Place"),
        counterpart=_("With"),
        code=_("Check-in code"),
        empty=_("No meeting is scheduled yet."),
        page=_("Page {page}/{pages}"),
    )


def meeting_qr_codes(meetings: list[Meeting]) -> dict[int, tuple[str, Markup]]:
    """Each meeting's check-in code and its QR code as an inline SVG image with a spoken name."""
    codes = {}
    for meeting in meetings:
        code = meeting_code(meeting.id)
        codes[meeting.id] = (code, Markup(qr_svg(code, _("QR code of check-in code %(code)s", code=code))))
    return codes


def _agenda(enterprise: Enterprise, fair: Fair, lang: str) -> Agenda:
    lines = tuple(
        AgendaLine(_when(m), _place(m), _other(m, enterprise.id).name(lang), meeting_code(m.id))
        for m in agenda_of(enterprise.id, fair)
    )
    return Agenda(enterprise.name(lang), f"{fair.name(lang)} · {fair.venue(lang)}", lines)


def agenda_pdf(enterprise: Enterprise, fair: Fair, lang: str) -> bytes:
    return agendas_pdf([_agenda(enterprise, fair, lang)], _labels(_("Agenda")))


def all_agendas_pdf(fair: Fair, lang: str) -> bytes:
    """Every participant's agenda, one per page, in name order."""
    published = select(Meeting.request_id).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
    pairs = db.session.execute(
        select(MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id).where(
            MeetingRequest.id.in_(published)
        )
    )
    ids = {enterprise_id for pair in pairs for enterprise_id in pair}
    found = db.session.scalars(select(Enterprise).where(Enterprise.id.in_(ids)))
    enterprises = sorted(found, key=lambda e: e.name(lang))
    return agendas_pdf([_agenda(e, fair, lang) for e in enterprises], _labels(_("Agendas")))


def table_sheets_pdf(fair: Fair, lang: str) -> bytes:
    """One sheet per B2B table (and per booth hosting meetings) listing its meetings in time order."""
    by_place: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA)).order_by(Meeting.starts_at)
    ):
        by_place[_place(meeting)].append(meeting)
    sheets = [
        Agenda(
            place,
            fair.name(lang),
            tuple(
                AgendaLine(
                    _when(m),
                    place,
                    f"{m.request.sender.name(lang)} – {m.request.receiver.name(lang)}",
                    meeting_code(m.id),
                )
                for m in meetings
            ),
        )
        for place, meetings in sorted(by_place.items())
    ]
    return agendas_pdf(sheets, _labels(_("Meeting tables")))


def meeting_grid_document(fair: Fair, lang: str) -> bytes:
    """The master grid of the meetings on the agendas (published, held, no-show; drafts left out): a row per
    slot of each day, a column per B2B table and per booth hosting meetings, the two short names in each cell."""
    meetings = list(
        db.session.scalars(
            select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA)).order_by(Meeting.starts_at)
        )
    )
    # The scheduler numbers each slot's tables from T01, so the tables in use are T01 up to the busiest slot's.
    width = max(2, len(str(fair.meeting_tables)))
    used = {m.table for m in meetings if m.table}
    busiest = max((int(t[1:]) for t in used if t[1:].isdigit()), default=0)
    tables = [f"T{n:0{width}d}" for n in range(1, busiest + 1)]
    tables += sorted(used - set(tables))
    booths = sorted({m.booth for m in meetings if m.booth}, key=lambda code: (len(code), code))
    columns = {("table", t): i for i, t in enumerate(tables)}
    columns |= {("booth", b): len(tables) + i for i, b in enumerate(booths)}
    times: dict[str, tuple[datetime, datetime]] = {s.id: (s.starts_at, s.ends_at) for s in slots_of(fair)}
    cells: dict[str, list[str]] = defaultdict(lambda: [""] * len(columns))
    # The page's shortest names that no two firms share, as on the web grid (common.short_names).
    firms = {e.key: e.name(lang) for m in meetings for e in (m.request.sender, m.request.receiver)}
    short = short_names(firms.items())
    for m in meetings:
        times.setdefault(m.slot_id, (m.starts_at, m.ends_at))
        place = ("table", m.table) if m.table else ("booth", m.booth)
        cells[m.slot_id][columns[place]] = f"{short[m.request.sender.key]} – {short[m.request.receiver.key]}"
    days: dict[str, list[GridRow]] = defaultdict(list)
    for slot_id, (starts_at, ends_at) in sorted(times.items(), key=lambda item: item[1]):
        day = local_date(starts_at.astimezone(ZoneInfo(fair.time_zone)).date(), "full")
        days[day[:1].upper() + day[1:]].append(GridRow(f"{local_time(starts_at)}–{local_time(ends_at)}",
                                                       tuple(cells[slot_id])))
    grid = MeetingGrid(
        title=_("Meeting grid"),
        subtitle=f"{fair.name(lang)} · {fair.venue(lang)}",
        note=_("Meetings on the agendas: published, held and no-show. Draft meetings are not shown."),
        places=(*tables, *(_("Booth %(code)s", code=b) for b in booths)),
        days=tuple(GridDay(day, tuple(rows)) for day, rows in days.items()),
    )
    return meeting_grid_pdf(
        grid, GridLabels(time=_("Time"), empty=_("No meeting is on the agendas yet."), page=_("Page {page}/{pages}"))
    )


def calendar_uid(fair: Fair, meeting: Meeting) -> str:
    """The iCalendar UID of a meeting (see `stable_uid`)."""
    return stable_uid(fair, f"meeting/{meeting.id}")


def stable_uid(fair: Fair, thing: str) -> str:
    """The iCalendar UID of a meeting or side event: the same at every download (a calendar that
    imports the file again updates the event), and unique across installations, since two
    installations number their meetings alike. The installation is named by a digest of its secret
    key, never the key."""
    secret = current_app.config["SECRET_KEY"].encode()
    installation = hmac.new(secret, b"fairmatch:calendar", hashlib.sha256).hexdigest()
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:fairmatch:{installation}")
    return str(uuid.uuid5(namespace, f"fair/{fair.id}/{thing}"))


def agenda_ics(enterprise: Enterprise, fair: Fair, lang: str) -> bytes:
    """The agenda as iCalendar, written in `lang` (the account's language) whatever page asked for
    it: one event per meeting, its time in the fair's zone with the VTIMEZONE that RFC 5545
    requires for it, and a stable UID (see `calendar_uid`)."""
    with force_locale(lang):
        calendar = Calendar()
        calendar.add("prodid", "-//fairmatch//agenda//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", f"{fair.name(lang)} – {enterprise.name(lang)}")
        calendar.add("x-wr-timezone", fair.time_zone)
        zone = ZoneInfo(fair.time_zone)
        for meeting in agenda_of(enterprise.id, fair):
            other = _other(meeting, enterprise.id)
            place = _place(meeting)
            event = Event()
            event.add("uid", calendar_uid(fair, meeting))
            event.add("summary", _("Meeting with %(name)s", name=other.name(lang)))
            event.add("dtstart", meeting.starts_at.astimezone(zone))
            event.add("dtend", meeting.ends_at.astimezone(zone))
            event.add("dtstamp", meeting.published_at or meeting.starts_at)
            event.add("location", f"{place}, {fair.venue(lang)}")
            event.add(
                "description",
                "\n".join(
                    (
                        _("Meeting with %(name)s", name=other.name(lang)),
                        f"{_('Place')}: {place}, {fair.venue(lang)}",
                        f"{_('Check-in code')}: {meeting_code(meeting.id)}",
                        fair.name(lang),
                    )
                ),
            )
            calendar.add_component(event)
        for side_event, people in agenda_events(enterprise, fair):
            names = [r.name for r in people if r.state == "registered"]
            if names:
                calendar.add_component(_side_event(fair, side_event, names, lang, zone))
        calendar.add_missing_timezones()
    return calendar.to_ical()


def _side_event(fair: Fair, side_event: SideEvent, names: list[str], lang: str, zone: ZoneInfo) -> Event:
    """A side event the enterprise has people registered for, with who attends."""
    event = Event()
    event.add("uid", stable_uid(fair, f"event/{side_event.id}"))
    event.add("summary", side_event.title(lang))
    event.add("dtstart", side_event.starts_at.astimezone(zone))
    event.add("dtend", side_event.ends_at.astimezone(zone))
    event.add("dtstamp", side_event.created_at)
    event.add("location", f"{side_event.place}, {fair.venue(lang)}")
    event.add(
        "description",
        "\n".join((side_event.label(), _("Registered: %(names)s", names=", ".join(names)), fair.name(lang))),
    )
    return event
