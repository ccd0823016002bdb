"""The fair report as a PDF: the same figures and notes as the report page (fairmatch/organizer/report.py),
with bar charts."""

from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from fairmatch.booths.letterhead import document_number, fair_letterhead
from fairmatch.database import utcnow
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_date, number, vnd
from fairmatch.organizer.report import NOTES, PRINTED_CHAINS, PRINTED_GAPS, fair_report, shown
from fairmatch.printing import ReportBar, ReportDocument, ReportFigure, ReportSection, report_pdf


def report_document(fair: Fair, lang: str) -> bytes:
    """`fair_report` as a PDF: the same figures and notes as the report page, with bar charts."""
    report = fair_report(fair, lang)
    register, events = report.register, report.events
    sections = (
        ReportSection(
            _("Booths sold by sector"),
            note=str(NOTES["booths"]),
            figures=(
                ReportFigure(_("Booths sold"), f"{number(report.booths_sold)} / {number(report.booths_total)}"),
                ReportFigure(_("Value of booths sold (list price)"), vnd(report.booth_value_vnd)),
                ReportFigure(_("Support granted"), vnd(report.booth_support_vnd)),
                ReportFigure(_("Exhibitors"), number(report.exhibitors)),
            ),
            bars=tuple(
                ReportBar(t.label, t.count, f"{number(t.count)} · {vnd(t.value_vnd)}") for t in report.booths_by_sector
            ),
        ),
        ReportSection(
            _("Support granted per rule"),
            note=str(NOTES["support"]),
            headings=(_("Support rule"), _("Booths supported"), _("Support granted")),
            rows=tuple((t.label, number(t.count), vnd(t.value_vnd)) for t in report.support),
            col_widths=(6, 2, 3),
            aligns=("L", "R", "R"),
            empty=_("No support rule is set for this fair."),
        ),
        ReportSection(
            _("Recognised key products: who took part"),
            note=str(NOTES["register"]),
            figures=(
                ReportFigure(_("Enterprises in the register"), shown(register["recognised_enterprises"])),
                ReportFigure(_("Invited"), shown(register["invited"])),
                ReportFigure(_("Registered"), shown(register["registered"])),
                ReportFigure(_("Exhibiting"), shown(register["exhibiting"])),
                ReportFigure(_("Share of the register exhibiting"), report.register_share),
            ),
        ),
        ReportSection(
            _("Exhibitors by kind"),
            bars=tuple(ReportBar(t.label, t.count, number(t.count)) for t in report.exhibitors_by_kind),
        ),
        ReportSection(
            _("Meetings"),
            note=str(NOTES["meetings"]),
            figures=(
                ReportFigure(_("Meeting requests"), number(report.requests)),
                ReportFigure(_("Requests accepted"), number(report.requests_accepted)),
                ReportFigure(_("On the agendas"), number(report.meetings_on_agenda)),
                ReportFigure(_("Meetings held"), number(report.meetings_held)),
                ReportFigure(_("No-shows"), number(report.meetings_no_show)),
                ReportFigure(_("Not marked yet"), number(report.meetings_unmarked)),
                ReportFigure(_("Meetings with a quotation"), number(report.quotation_meetings)),
                ReportFigure(_("Meetings with a contract or MoU"), number(report.deal_meetings)),
            ),
        ),
        ReportSection(
            _("Outcomes reported"),
            note=_("One report per side of each held meeting."),
            bars=tuple(ReportBar(t.label, t.count, number(t.count)) for t in report.outcomes),
        ),
        ReportSection(
            _("Deals and links formed"),
            note=str(NOTES["deals"]),
            figures=(
                ReportFigure(_("Deals"), number(report.deals)),
                ReportFigure(_("Value of deals"), shown(report.deal_value_vnd, money=True)),
                ReportFigure(_("Domestic links"), number(report.domestic_links)),
                ReportFigure(_("Import-substitution links"), number(report.import_substitution_links)),
            ),
            bars=tuple(ReportBar(t.label, t.count, number(t.count)) for t in report.deals_by_kind),
        ),
        ReportSection(
            _("Results by sector"),
            note=str(NOTES["sectors"]),
            headings=(_("Sector"), _("Exhibitors"), _("Meetings"), _("Deals"), _("Value of deals")),
            rows=tuple(
                (s.label, number(s.exhibitors), number(s.meetings), number(s.deals), shown(s.value_vnd, True))
                for s in report.by_sector
            ),
            col_widths=(6, 2, 2, 2, 3),
            aligns=("L", "R", "R", "R", "R"),
            empty=_("Nothing here."),
        ),
        ReportSection(
            _("Results by production chain"),
            note=str(NOTES["chains"])
            + " "
            + _(
                "The %(shown)d chains with the most deals of %(total)d.",
                shown=min(PRINTED_CHAINS, len(report.chains)),
                total=len(report.chains),
            ),
            headings=(
                _("Lead enterprise"),
                _("Enterprises in the chain"),
                _("Exhibitors"),
                _("Booths"),
                _("Meetings"),
                _("Deals"),
                _("Value of deals"),
            ),
            rows=tuple(
                (
                    c.lead,
                    number(c.members),
                    number(c.exhibitors),
                    number(c.booths),
                    number(c.meetings),
                    number(c.deals),
                    shown(c.value_vnd, True),
                )
                for c in report.chains[:PRINTED_CHAINS]
            ),
            col_widths=(5, 2.5, 2.5, 1.5, 2, 1.5, 3),
            aligns=("L", "R", "R", "R", "R", "R", "R"),
            empty=_("No lead enterprise took part yet."),
        ),
        ReportSection(
            _("Links formed per lead enterprise"),
            note=str(NOTES["nuclei"]),
            headings=(_("Lead enterprise"), _("Links formed"), _("Partners"), _("Vietnamese suppliers drawn in")),
            rows=tuple((n.lead, number(n.links), number(n.partners), number(n.local_suppliers)) for n in report.nuclei),
            col_widths=(7, 2, 2, 3),
            aligns=("L", "R", "R", "R"),
            empty=_("No lead enterprise formed a link yet."),
        ),
        ReportSection(
            _("New supplier links"),
            note=_(
                "Held meetings between a lead or FDI enterprise and a supporting-industry supplier with a "
                "positive outcome reported by either side."
            ),
            headings=(_("Date"), _("Lead enterprise"), _("Supplier"), _("Best outcome")),
            rows=tuple((local_date(link.on, "short"), link.lead, link.supplier, link.outcome) for link in report.links),
            col_widths=(2, 6, 6, 3),
            aligns=("L", "L", "L", "L"),
            empty=_("No supplier link is reported yet."),
        ),
        ReportSection(
            _("Follow-up after the fair"),
            note=str(NOTES["follow_up"]),
            headings=(_("Round"), _("Sent"), _("Answered"), _("Contracts")),
            rows=tuple(
                (label, shown(figures["sent"]), shown(figures["answered"]), shown(figures["contracts"]))
                for label, figures in report.follow_up_rounds
            ),
            col_widths=(4, 2, 2, 2),
            aligns=("L", "R", "R", "R"),
        ),
        ReportSection(
            _("Side events"),
            note=str(NOTES["events"]),
            figures=(
                ReportFigure(_("Sessions"), shown(events["sessions"])),
                ReportFigure(_("Registered"), shown(events["registered"])),
                ReportFigure(_("Attended"), shown(events["attended"])),
            ),
        ),
        ReportSection(
            _("Remaining chain gaps"),
            note=_(
                "Inputs that lead enterprises and FDI plants need and at most one Vietnamese-owned supplier "
                "makes: where a Vietnamese firm could replace an import. The HS code pairs each with import "
                "figures."
            )
            + " "
            + _(
                "The %(shown)d most wanted of %(total)d; all of them are in the supply-chain report (CSV, Excel).",
                shown=min(PRINTED_GAPS, len(report.gaps)),
                total=len(report.gaps),
            ),
            headings=(
                _("Category"),
                _("HS code"),
                _("Leads and FDI plants that need it"),
                _("Vietnamese-owned suppliers"),
                _("FDI suppliers in Vietnam"),
                _("Lead enterprises"),
            ),
            rows=tuple(
                (g.name, g.hs, number(g.leads), number(g.suppliers), number(g.fdi_suppliers), g.first_leads)
                for g in report.gaps[:PRINTED_GAPS]
            ),
            col_widths=(4, 1.5, 2, 2, 2, 5),
            aligns=("L", "L", "R", "R", "R", "L"),
            empty=_("No chain gap: every input has suppliers."),
        ),
    )
    today = utcnow().astimezone(ZoneInfo(fair.time_zone)).date()
    # A report is numbered by the organizer's clerk when it is issued: the number is left for them to fill in.
    letterhead = fair_letterhead(fair, document_number("......", fair.report_code, lang), today, lang)
    document = ReportDocument(
        _("Fair report"), f"{fair.name(lang)} · {fair.venue(lang)}", local_date(today), sections, letterhead=letterhead
    )
    return report_pdf(document, _("Page {page}/{pages}"))
