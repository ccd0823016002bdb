"""What the fair produced against the programme's targets, counted once for the report page, the report PDF and
`report --json`: booths sold and the support granted, who of the recognised register took part, meetings and the
deals they led to (by sector, by chain, per lead enterprise), domestic links and import substitution, follow-up,
side events, and the chain gaps that remain. docs/report.md defines every figure."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.booths.models import Booth
from fairmatch.booths.queries import exhibitor_booths
from fairmatch.common.vocabulary import KINDS, SECTORS
from fairmatch.enterprises.models import Enterprise
from fairmatch.events.services import event_figures
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import number, vnd
from fairmatch.matching.graph import supply_graph
from fairmatch.matching.reports import GapLine, gap_lines
from fairmatch.meetings.followup import follow_up_figures
from fairmatch.meetings.models import (
    ON_AGENDA,
    OUTCOME_LABELS,
    OUTCOMES,
    POSITIVE_OUTCOMES,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
)
from fairmatch.organizer.documents import main_sector
from fairmatch.register.services import register_figures
from fairmatch.supplychain.graph import SupplyGraph
from fairmatch.supplychain.reports import LEAD_KINDS, local_makers, vietnamese_owned
from fairmatch.support.services import support_by_rule

PRINTED_GAPS = 30
"""The printed report lists the most wanted gaps; the supply-chain report has them all."""
PRINTED_CHAINS = 30
SUPPLIER_KINDS = ("supplier",)
DEALS = ("contract", "mou")


# How each figure is computed, in the reader's language: printed under it on the page and in the PDF.
NOTES = {
    "booths": _l(
        "Booths count under the sector of their zone, or of their exhibitor when they have none. Booths "
        "sold are those of confirmed reservations; their value is at list price, whoever pays it: the "
        "exhibitor or the programme's support."
    ),
    "support": _l(
        "Per booth pricing rule the programme funds: the booths it covers and the amount granted (list "
        "price minus what the exhibitor pays)."
    ),
    "register": _l(
        "Enterprises with a product in the city's register of recognised key industrial products; "
        "invited, registered and exhibiting at this fair; the share is exhibiting divided by all "
        "enterprises in the register."
    ),
    "meetings": _l(
        "Requests: every meeting request sent for this fair, whatever its answer. On the agendas: "
        "meetings published, held or marked as no-show."
    ),
    "deals": _l(
        "A deal is a held meeting with a positive outcome (contract, MoU, quotation or follow-up) reported "
        "by either side, counted once under its strongest outcome. Its value is the largest value either "
        "side recorded, in VND at the organizer's rate; the total adds the deals that have a value. A domestic "
        "link is a deal between two Vietnamese-owned enterprises (registered in Vietnam, not FDI) that no side "
        "recorded as with a foreign partner. An import-substitution link is a domestic link in which one side "
        "needs, or uses as a direct input, a category the other makes (the category recorded with the deal, "
        "when there is one) and no other Vietnamese-owned enterprise makes: before it, that input could only "
        "come from an FDI plant or from abroad."
    ),
    "sectors": _l(
        "Exhibitors under their main sector; a meeting on the agendas or a deal under the main sector "
        "of each side (once when both share it), so a deal between two sectors counts in both."
    ),
    "chains": _l(
        "A chain is a lead or FDI enterprise that took part in the fair, the enterprises that make what "
        "it needs or uses as inputs, and those that need what it makes, on the supply-chain graph. Its "
        "meetings and deals are those between two enterprises of the chain; chains overlap."
    ),
    "nuclei": _l(
        "Deals a lead or FDI enterprise is a side of, its distinct partners, and how many of them are "
        "Vietnamese-owned enterprises that make something it needs: the suppliers it drew in."
    ),
    "follow_up": _l(
        "Three and six months after the fair each side of a deal is asked what became of it: forms "
        "sent, answered, and answers that report a contract signed."
    ),
    "events": _l(
        "Conferences, supply–demand connection sessions, workshops and training of the fair: sessions "
        "held, people registered (not counting the waiting list) and people checked in."
    ),
}


@dataclass(frozen=True)
class Tally:
    key: str  # a sector, kind or outcome code, or a support rule's name
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
class SectorLine:
    key: str
    label: str
    exhibitors: int
    meetings: int
    deals: int
    value_vnd: int | None


@dataclass(frozen=True)
class ChainLine:
    """A lead enterprise's production chain: the lead, the enterprises that make what it wants and those that want
    what it makes, on the supply graph; the meetings and deals between two of them."""

    lead: str
    members: int
    exhibitors: int
    booths: int
    meetings: int
    deals: int
    value_vnd: int | None


@dataclass(frozen=True)
class NucleusLine:
    """The links a lead enterprise formed: deals it is a side of, with how many partners, and how many of those
    are Vietnamese-owned firms making something it wants (its suppliers drawn in)."""

    lead: str
    links: int
    partners: int
    local_suppliers: int


@dataclass(frozen=True)
class Deal:
    """A held meeting with a positive outcome: its strongest outcome, the value and the product categories either
    side recorded, and whether either side said its partner is foreign."""

    sides: tuple[str, str]  # enterprise keys
    kind: str
    value_vnd: int | None
    categories: frozenset[str]  # category codes; empty when no side recorded one
    foreign_partner: bool


@dataclass(frozen=True)
class FairReport:
    booths_by_sector: list[Tally]
    booths_sold: int
    booths_total: int
    booth_value_vnd: int
    booth_support_vnd: int
    support: list[Tally]  # per support rule: booths supported, VND granted
    exhibitors_by_kind: list[Tally]
    exhibitors: int
    register: dict
    requests: int
    requests_accepted: int
    meetings_on_agenda: int
    meetings_held: int
    meetings_no_show: int
    meetings_unmarked: int
    outcomes: list[Tally]  # reports, one per side per meeting
    quotation_meetings: int
    deal_meetings: int
    deals: int
    deals_by_kind: list[Tally]
    deal_value_vnd: int | None  # None when there are deals and none has a value recorded
    domestic_links: int
    import_substitution_links: int
    by_sector: list[SectorLine]
    chains: list[ChainLine]
    nuclei: list[NucleusLine]
    links: list[SupplierLink]
    follow_up: dict
    events: dict
    gaps: list[GapLine]

    @property
    def notes(self) -> dict:
        """How each figure is computed, for the page to print under it."""
        return NOTES

    @property
    def follow_up_rounds(self) -> list[tuple[str, dict]]:
        """The follow-up figures by round, each with its name in the current language."""
        return [
            (_("3 months after the fair"), self.follow_up["m3"]),
            (_("6 months after the fair"), self.follow_up["m6"]),
        ]

    @property
    def register_share(self) -> str:
        """The share of the register exhibiting, as a percentage in the current language."""
        return share(self.register["share_exhibiting"])


def fair_report(fair: Fair, lang: str) -> FairReport:
    """The fair's results as they stand in the database now (names and labels in `lang`)."""
    booths = exhibitor_booths(fair.id)
    exhibitors = _enterprises(booths)
    support = [Tally(name, name, count, granted) for name, count, granted in support_by_rule(fair)]
    return FairReport(
        **_booths(fair, booths, exhibitors, lang),
        booth_support_vnd=sum(t.value_vnd for t in support),
        support=support,
        register=register_figures(fair),
        **_meetings(fair, booths, exhibitors, lang),
        follow_up=follow_up_figures(fair),
        events=event_figures(fair),
        gaps=gap_lines(lang),
    )


def _enterprises(booths: dict[int, list[Booth]]) -> list[Enterprise]:
    return db.session.scalars(
        select(Enterprise).where(Enterprise.id.in_(booths)).options(selectinload(Enterprise.sectors))
    ).all()


def _label(vocabulary: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    names = vocabulary.get(code)
    return (names[1] if lang == "en" else names[0]) if names else code


def _booths(fair: Fair, booths: dict[int, list[Booth]], exhibitors: list[Enterprise], lang: str) -> dict:
    """Booths sold by the sector of their zone (the exhibitor's main sector for a booth without one), their value
    at list price, and the exhibitors by kind."""
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
        "booths_by_sector": [
            Tally(code, _label(SECTORS, code, lang), sold[code], value[code]) for code in SECTORS if sold[code]
        ],
        "booths_sold": sum(sold.values()),
        "booths_total": total,
        "booth_value_vnd": sum(value.values()),
        "exhibitors_by_kind": [Tally(kind, _label(KINDS, kind, lang), kinds[kind]) for kind in KINDS if kinds[kind]],
        "exhibitors": len(exhibitors),
    }


def _meetings(fair: Fair, booths: dict[int, list[Booth]], exhibitors: list[Enterprise], lang: str) -> dict:
    outcome_labels = {kind: str(label) for kind, label in OUTCOME_LABELS.items()}
    side = selectinload(Meeting.request)
    meetings = db.session.scalars(
        select(Meeting)
        .where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
        .options(
            selectinload(Meeting.outcomes).selectinload(MeetingOutcome.category),
            side.selectinload(MeetingRequest.sender).selectinload(Enterprise.sectors),
            side.selectinload(MeetingRequest.receiver).selectinload(Enterprise.sectors),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    requests = dict(
        db.session.execute(
            select(MeetingRequest.state, func.count())
            .where(MeetingRequest.fair_id == fair.id)
            .group_by(MeetingRequest.state)
        ).all()
    )
    held = [m for m in meetings if m.state == "held"]
    reports = Counter(o.outcome for m in held for o in m.outcomes)
    links = []
    deals = []
    for meeting in held:
        said = {o.outcome for o in meeting.outcomes}
        best = next((outcome for outcome in POSITIVE_OUTCOMES if outcome in said), None)
        if best is None:
            continue
        pair = (meeting.request.sender, meeting.request.receiver)
        deals.append(_deal(meeting, best))
        lead = next((e for e in pair if e.kind in LEAD_KINDS), None)
        supplier = next((e for e in pair if e.kind in SUPPLIER_KINDS), None)
        if lead and supplier:
            on = meeting.starts_at.astimezone(ZoneInfo(fair.time_zone)).date()
            links.append(SupplierLink(lead.name(lang), supplier.name(lang), outcome_labels[best], on))
    graph = supply_graph()
    pairs = [(m.request.sender.key, m.request.receiver.key) for m in meetings]
    sector_of = {e.key: main_sector(e) for m in meetings for e in (m.request.sender, m.request.receiver)}
    sector_of |= {e.key: main_sector(e) for e in exhibitors}
    booths_of = {e.key: len(booths[e.id]) for e in exhibitors}
    kinds = Counter(deal.kind for deal in deals)
    domestic = [deal for deal in deals if not deal.foreign_partner and all(_local(graph, key) for key in deal.sides)]
    return {
        "requests": sum(requests.values()),
        "requests_accepted": requests.get("accepted", 0),
        "meetings_on_agenda": len(meetings),
        "meetings_held": len(held),
        "meetings_no_show": sum(m.state == "no_show" for m in meetings),
        "meetings_unmarked": sum(m.state == "published" for m in meetings),
        "outcomes": [Tally(o, outcome_labels[o], reports[o]) for o in OUTCOMES],
        "quotation_meetings": sum(any(o.outcome == "quotation" for o in m.outcomes) for m in held),
        "deal_meetings": sum(any(o.outcome in DEALS for o in m.outcomes) for m in held),
        "deals": len(deals),
        "deals_by_kind": [Tally(kind, outcome_labels[kind], kinds[kind]) for kind in POSITIVE_OUTCOMES],
        "deal_value_vnd": _total(deals),
        "domestic_links": len(domestic),
        "import_substitution_links": sum(_substitutes_import(graph, deal) for deal in domestic),
        "by_sector": _by_sector(sector_of, booths_of, pairs, deals, lang),
        "chains": _chains(graph, booths_of, pairs, deals, lang),
        "nuclei": _nuclei(graph, deals, lang),
        "links": links,
    }


def _deal(meeting: Meeting, kind: str) -> Deal:
    """The deal of a held meeting; its value is the largest either side recorded, since both sides usually report
    the same contract and adding their two reports would count it twice."""
    outcomes = meeting.outcomes
    return Deal(
        (meeting.request.sender.key, meeting.request.receiver.key),
        kind,
        max((o.value_vnd for o in outcomes if o.value_vnd is not None), default=None),
        frozenset(o.category.code for o in outcomes if o.category is not None),
        any(o.partner_foreign for o in outcomes),
    )


def _total(deals: list[Deal]) -> int | None:
    """The value of `deals`: the sum of the values recorded, or None when there are deals and none has a value."""
    values = [deal.value_vnd for deal in deals if deal.value_vnd is not None]
    return sum(values) if values or not deals else None


def _local(graph: SupplyGraph, key: str) -> bool:
    return key in graph and vietnamese_owned(graph, key)


def _substitutes_import(graph: SupplyGraph, deal: Deal) -> bool:
    """True when one side wants (needs, or uses as a direct input) a category the other makes and no other
    Vietnamese-owned firm makes it: before this link the buyer could only get it from an FDI plant or abroad. When
    a side recorded the deal's product category, only that category counts."""
    first, second = deal.sides
    for buyer, supplier in ((first, second), (second, first)):
        wanted = graph.profiles[buyer].wants.keys() & graph.profiles[supplier].offers.keys()
        if deal.categories:
            wanted &= deal.categories
        if any(not set(local_makers(graph, code)) - {buyer, supplier} for code in wanted):
            return True
    return False


def _by_sector(
    sector_of: dict[str, str], booths_of: dict[str, int], pairs: list[tuple[str, str]], deals: list[Deal], lang: str
) -> list[SectorLine]:
    """Exhibitors under their main sector; a meeting or a deal under the main sector of each side (once when both
    share it), so that a deal between two sectors counts in both."""
    exhibitors = Counter(sector_of[key] for key in booths_of)
    meetings = Counter(sector for pair in pairs for sector in {sector_of[key] for key in pair})
    dealt: dict[str, list[Deal]] = defaultdict(list)
    for deal in deals:
        for sector in {sector_of[key] for key in deal.sides}:
            dealt[sector].append(deal)
    return [
        SectorLine(
            code, _label(SECTORS, code, lang), exhibitors[code], meetings[code], len(dealt[code]), _total(dealt[code])
        )
        for code in SECTORS
        if exhibitors[code] or meetings[code]
    ]


def _chains(
    graph: SupplyGraph, booths_of: dict[str, int], pairs: list[tuple[str, str]], deals: list[Deal], lang: str
) -> list[ChainLine]:
    """The chain of every lead (or FDI) enterprise that exhibited or met at the fair, the most deals first."""
    wanted_by: dict[str, set[str]] = defaultdict(set)
    for key, profile in graph.profiles.items():
        for code in profile.wants:
            wanted_by[code].add(key)
    taking_part = set(booths_of) | {key for pair in pairs for key in pair}
    chains = []
    for lead in sorted(taking_part):
        if lead not in graph or graph.enterprise(lead).kind not in LEAD_KINDS:
            continue
        profile = graph.profiles[lead]
        members = {lead}
        for code in profile.wants:
            members.update(graph.producers(code))
        for code in profile.offers:
            members.update(wanted_by[code])
        inside = [deal for deal in deals if set(deal.sides) <= members]
        chains.append(
            ChainLine(
                graph.enterprise_name(lead, lang),
                len(members),
                sum(key in booths_of for key in members),
                sum(booths_of.get(key, 0) for key in members),
                sum(set(pair) <= members for pair in pairs),
                len(inside),
                _total(inside),
            )
        )
    return sorted(chains, key=lambda c: (-c.deals, -c.meetings, c.lead))


def _nuclei(graph: SupplyGraph, deals: list[Deal], lang: str) -> list[NucleusLine]:
    """Per lead (or FDI) enterprise with at least one deal: its deals, partners, and the partners that are
    Vietnamese-owned firms making something it wants; the most links first."""
    partners: dict[str, list[str]] = defaultdict(list)
    for deal in deals:
        for lead, partner in (deal.sides, deal.sides[::-1]):
            if lead in graph and graph.enterprise(lead).kind in LEAD_KINDS:
                partners[lead].append(partner)
    lines = []
    for lead, keys in partners.items():
        wants = graph.profiles[lead].wants.keys()
        suppliers = {key for key in keys if _local(graph, key) and wants & graph.profiles[key].offers.keys()}
        lines.append(NucleusLine(graph.enterprise_name(lead, lang), len(keys), len(set(keys)), len(suppliers)))
    return sorted(lines, key=lambda n: (-n.links, n.lead))


def shown(value: int | float | None, money: bool = False) -> str:
    """A figure as the reader sees it; one not known yet says so rather than showing 0."""
    if value is None:
        return _("not known yet")
    return vnd(value) if money else number(value)


def share(value: float | None) -> str:
    return _("not known yet") if value is None else f"{number(round(value * 100, 1))} %"
