"""The organizer's supply-chain reports as tables: chain gaps (import-substitution opportunities),
nuclei (leads and their local suppliers) and supplier hubs, in the reader's language."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

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


def _categories(graph, codes, lang: str) -> str:
    return "; ".join(graph.category_name(c, lang) for c in codes)


def supply_chain_reports(lang: str) -> list[Report]:
    """Gaps first (inputs that no local supplier, or only one, makes, by how many leads want them)."""
    graph = supply_graph()
    gaps = Report("gaps", str(_l("Chain gaps")), [
        str(_l("Category code")), str(_l("Category")), str(_l("Leads that need it")), str(_l("Local suppliers")),
        str(_l("Lead enterprises")), str(_l("Suppliers")),
    ], [
        [g.category, graph.category_name(g.category, lang), len(g.leads), len(g.suppliers),
         _names(graph, g.leads, lang), _names(graph, g.suppliers, lang)]
        for g in gap_report(graph)
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
