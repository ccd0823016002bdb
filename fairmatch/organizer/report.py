"""What the fair produced, counted once for the report page and the report PDF: booths sold, exhibitors, meetings
held and missed, their outcomes, the supplier links formed and the chain gaps that remain."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.booths.letterhead import document_number, fair_letterhead
from fairmatch.booths.models import Booth
from fairmatch.booths.queries import exhibitor_booths
from fairmatch.common.vocabulary import KINDS, SECTORS
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_date, number, vnd
from fairmatch.matching.reports import GapLine, gap_lines
from fairmatch.meetings.models import ON_AGENDA, OUTCOME_LABELS, OUTCOMES, POSITIVE_OUTCOMES, Meeting, MeetingRequest
from fairmatch.organizer.documents import main_sector
from fairmatch.printing import ReportBar, ReportDocument, ReportFigure, ReportSection, report_pdf

LEAD_KINDS = ("lead", "fdi")
PRINTED_GAPS = 30
"""The printed report lists the most wanted gaps; the supply-chain report has them all."""
SUPPLIER_KINDS = ("supplier",)
DEALS = ("contract", "mou")


@dataclass(frozen=True)
class Tally:
    key: str  # a sector, kind or outcome code
    label: str
    count: int
    value_vnd: int = 0


@dataclass(frozen=True)
class SupplierLink:
    """A held meeting between a lead (or FDI) enterprise and a supporting-industry supplier that either side says
    led somewhere: its best outcome."""

    lead: str
    supplier: str
    outcome: str
    on: date  # the day of the meeting, at the fair


@dataclass(frozen=True)
class FairReport:
    booths_by_sector: list[Tally]
    booths_sold: int
    booths_total: int
    booth_value_vnd: int
    exhibitors_by_kind: list[Tally]
    exhibitors: int
    meetings_on_agenda: int
    meetings_held: int
    meetings_no_show: int
    meetings_unmarked: int
    outcomes: list[Tally]  # reports, one per side per meeting
    quotation_meetings: int
    deal_meetings: int
    links: list[SupplierLink]
    gaps: list[GapLine]


def fair_report(fair: Fair, lang: str) -> FairReport:
    """The fair's results as they stand in the database now (names and labels in `lang`)."""
    return FairReport(**_booths(fair, lang), **_meetings(fair, lang), gaps=gap_lines(lang))


def _label(vocabulary: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    names = vocabulary.get(code)
    return (names[1] if lang == "en" else names[0]) if names else code


def _booths(fair: Fair, lang: str) -> dict:
    """Booths sold by the sector of their zone (the exhibitor's main sector for a booth without one), their value
    at list price, and the exhibitors by kind."""
    booths = exhibitor_booths(fair.id)
    exhibitors = db.session.scalars(
        select(Enterprise).where(Enterprise.id.in_(booths)).options(selectinload(Enterprise.sectors))
    ).all()
    sold: Counter = Counter()
    value: Counter = Counter()
    for enterprise in exhibitors:
        for booth in booths[enterprise.id]:
            sector = booth.zone if booth.zone in SECTORS else main_sector(enterprise)
            sold[sector] += 1
            value[sector] += booth.price_vnd
    total = db.session.scalar(select(func.count()).select_from(Booth).where(Booth.fair_id == fair.id)) or 0
    kinds = Counter(e.kind for e in exhibitors)
    return {
        "booths_by_sector": [Tally(code, _label(SECTORS, code, lang), sold[code], value[code])
                             for code in SECTORS if sold[code]],
        "booths_sold": sum(sold.values()),
        "booths_total": total,
        "booth_value_vnd": sum(value.values()),
        "exhibitors_by_kind": [Tally(kind, _label(KINDS, kind, lang), kinds[kind]) for kind in KINDS if kinds[kind]],
        "exhibitors": len(exhibitors),
    }


def _meetings(fair: Fair, lang: str) -> dict:
    outcome_labels = {kind: str(label) for kind, label in OUTCOME_LABELS.items()}
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
        .options(selectinload(Meeting.outcomes),
                 selectinload(Meeting.request).selectinload(MeetingRequest.sender),
                 selectinload(Meeting.request).selectinload(MeetingRequest.receiver))
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    held = [m for m in meetings if m.state == "held"]
    reports = Counter(o.outcome for m in held for o in m.outcomes)
    links = []
    for meeting in held:
        said = {o.outcome for o in meeting.outcomes}
        best = next((outcome for outcome in POSITIVE_OUTCOMES if outcome in said), None)
        pair = (meeting.request.sender, meeting.request.receiver)
        lead = next((e for e in pair if e.kind in LEAD_KINDS), None)
        supplier = next((e for e in pair if e.kind in SUPPLIER_KINDS), None)
        if best and lead and supplier:
            on = meeting.starts_at.astimezone(ZoneInfo(fair.time_zone)).date()
            links.append(SupplierLink(lead.name(lang), supplier.name(lang), outcome_labels[best], on))
    return {
        "meetings_on_agenda": len(meetings),
        "meetings_held": len(held),
        "meetings_no_show": sum(m.state == "no_show" for m in meetings),
        "meetings_unmarked": sum(m.state == "published" for m in meetings),
        "outcomes": [Tally(o, outcome_labels[o], reports[o]) for o in OUTCOMES],
        "quotation_meetings": sum(any(o.outcome == "quotation" for o in m.outcomes) for m in held),
        "deal_meetings": sum(any(o.outcome in DEALS for o in m.outcomes) for m in held),
        "links": links,
    }


def report_document(fair: Fair, lang: str) -> bytes:
    """`fair_report` as a PDF: the same figures as the report page, with bar charts."""
    report = fair_report(fair, lang)
    sections = (
        ReportSection(
            _("Booths sold by sector"),
            note=_("Booths count under the sector of their zone, or of their exhibitor when they have none."),
            figures=(ReportFigure(_("Booths sold"), f"{number(report.booths_sold)} / {number(report.booths_total)}"),
                     ReportFigure(_("Value of booths sold (list price)"), vnd(report.booth_value_vnd)),
                     ReportFigure(_("Exhibitors"), number(report.exhibitors))),
            bars=tuple(ReportBar(t.label, t.count, f"{number(t.count)} · {vnd(t.value_vnd)}")
                       for t in report.booths_by_sector),
        ),
        ReportSection(_("Exhibitors by kind"),
                      bars=tuple(ReportBar(t.label, t.count, number(t.count)) for t in report.exhibitors_by_kind)),
        ReportSection(
            _("Meetings"),
            figures=(ReportFigure(_("On the agendas"), number(report.meetings_on_agenda)),
                     ReportFigure(_("Meetings held"), number(report.meetings_held)),
                     ReportFigure(_("No-shows"), number(report.meetings_no_show)),
                     ReportFigure(_("Not marked yet"), number(report.meetings_unmarked)),
                     ReportFigure(_("Meetings with a quotation"), number(report.quotation_meetings)),
                     ReportFigure(_("Meetings with a contract or MoU"), number(report.deal_meetings))),
        ),
        ReportSection(_("Outcomes reported"), note=_("One report per side of each held meeting."),
                      bars=tuple(ReportBar(t.label, t.count, number(t.count)) for t in report.outcomes)),
        ReportSection(
            _("New supplier links"),
            note=_("Held meetings between a lead or FDI enterprise and a supporting-industry supplier with a "
                   "positive outcome reported by either side."),
            headings=(_("Date"), _("Lead enterprise"), _("Supplier"), _("Best outcome")),
            rows=tuple((local_date(link.on, "short"), link.lead, link.supplier, link.outcome) for link in report.links),
            col_widths=(2, 6, 6, 3), aligns=("L", "L", "L", "L"), empty=_("No supplier link is reported yet."),
        ),
        ReportSection(
            _("Remaining chain gaps"),
            note=_("Inputs that lead enterprises and FDI plants need and at most one Vietnamese-owned supplier "
                   "makes: where a Vietnamese firm could replace an import. The HS code pairs each with import "
                   "figures.") + " " + _("The %(shown)d most wanted of %(total)d; all of them are in the supply-chain "
                                          "report (CSV, Excel).", shown=min(PRINTED_GAPS, len(report.gaps)),
                                          total=len(report.gaps)),
            headings=(_("Category"), _("HS code"), _("Leads and FDI plants that need it"),
                      _("Vietnamese-owned suppliers"), _("FDI suppliers in Vietnam"), _("Lead enterprises")),
            rows=tuple((g.name, g.hs, number(g.leads), number(g.suppliers), number(g.fdi_suppliers), g.first_leads)
                       for g in report.gaps[:PRINTED_GAPS]),
            col_widths=(4, 1.5, 2, 2, 2, 5), aligns=("L", "L", "R", "R", "R", "L"),
            empty=_("No chain gap: every input has suppliers."),
        ),
    )
    today = utcnow().astimezone(ZoneInfo(fair.time_zone)).date()
    # A report is numbered by the organizer's clerk when it is issued: the number is left for them to fill in.
    letterhead = fair_letterhead(fair, document_number("......", fair.report_code, lang), today, lang)
    document = ReportDocument(_("Fair report"), f"{fair.name(lang)} · {fair.venue(lang)}", local_date(today),
                              sections, letterhead=letterhead)
    return report_pdf(document, _("Page {page}/{pages}"))
