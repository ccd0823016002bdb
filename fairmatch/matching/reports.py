"""The organizer's supply-chain reports as tables: chain gaps (import-substitution opportunities),
nuclei (leads and their local suppliers) and supplier hubs, in the reader's language."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from fairmatch.i18n import input_kind_label
from fairmatch.matching.graph import supply_graph
from fairmatch.supplychain import gap_report, nucleus_report, supplier_hubs
from fairmatch.web.responses import safe_cell


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    header: list[str]
    rows: list[list]


def _names(graph, keys, lang: str) -> str:
    return "; ".join(graph.enterprise_name(k, lang) for k in keys)


FIRST_LEADS = 4


def _first(graph, keys, lang: str) -> str:
    """The first few names, and how many more (`A; B; C; D +21`)."""
    shown = _names(graph, keys[:FIRST_LEADS], lang)
    return f"{shown} +{len(keys) - FIRST_LEADS}" if len(keys) > FIRST_LEADS else shown


def _categories(graph, codes, lang: str) -> str:
    return "; ".join(graph.category_name(c, lang) for c in codes)


@dataclass(frozen=True)
class GapLine:
    """One chain gap as the organizer reads it, on the dashboard, the fair report and here."""

    code: str
    name: str
    hs: str
    relation: str  # tooling, equipment or service, in the reader's language; "" for a material
    leads: int  # leads and FDI plants that need it
    fdi_leads: int  # of which FDI plants
    suppliers: int  # Vietnamese-owned makers
    fdi_suppliers: int  # FDI plants in Vietnam that make it
    lead_names: str
    supplier_names: str
    first_leads: str  # the first few leads' names, and how many more: for the printed report


def gap_lines(lang: str, limit: int | None = None) -> list[GapLine]:
    """The chain gaps, the most wanted first: where a Vietnamese firm could replace an import."""
    graph = supply_graph()
    return [
        GapLine(g.category, graph.category_name(g.category, lang), g.hs or "",
                input_kind_label(g.relation) if g.relation != "material" else "", len(g.leads),
                sum(graph.enterprise(k).kind == "fdi" for k in g.leads), len(g.suppliers), len(g.fdi_suppliers),
                _names(graph, g.leads, lang), _names(graph, (*g.suppliers, *g.fdi_suppliers), lang),
                _first(graph, g.leads, lang))
        for g in gap_report(graph)[:limit]
    ]


def supply_chain_reports(lang: str) -> list[Report]:
    """Gaps first (inputs that no Vietnamese-owned supplier, or only one, makes, by how many leads and
    FDI plants want them)."""
    graph = supply_graph()
    gaps = Report("gaps", str(_l("Chain gaps")), [
        str(_l("Category code")), str(_l("HS code")), str(_l("Category")), str(_l("Input")),
        str(_l("Leads and FDI plants that need it")), str(_l("of which FDI plants")),
        str(_l("Vietnamese-owned suppliers")), str(_l("FDI suppliers in Vietnam")), str(_l("Lead enterprises")),
        str(_l("Suppliers")),
    ], [
        [g.code, g.hs, g.name, g.relation, g.leads, g.fdi_leads, g.suppliers, g.fdi_suppliers, g.lead_names,
         g.supplier_names]
        for g in gap_lines(lang)
    ])
    nuclei = Report("nuclei", str(_l("Lead enterprises as nuclei")), [
        str(_l("Key")), str(_l("Lead enterprise")), str(_l("Linked local suppliers")), str(_l("Inputs covered")),
        str(_l("Inputs without a local supplier")),
    ], [
        [n.key, graph.enterprise_name(n.key, lang), len(n.suppliers), len(n.covered),
         _categories(graph, n.uncovered, lang)]
        for n in nucleus_report(graph)
    ])
    hubs = Report("hubs", str(_l("Supplier hubs")), [
        str(_l("Key")), str(_l("Supplier")), str(_l("Leads it can serve")), str(_l("Categories")),
    ], [
        [h.key, graph.enterprise_name(h.key, lang), len(h.leads), _categories(graph, h.categories, lang)]
        for h in supplier_hubs(graph)
    ])
    return [Report(r.slug, r.title, r.header, [[safe_cell(v) for v in row] for row in r.rows])
            for r in (gaps, nuclei, hubs)]
