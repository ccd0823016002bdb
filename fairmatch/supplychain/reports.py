"""What the fair's supply chains look like as a whole: gaps, nuclei and supplier hubs.

A lead (a maker of key products, or an FDI plant) "wants" a category when it lists it as a need,
when it is a direct input of something the lead makes, or the tooling, equipment or a service it
is made with; unless the lead makes it itself. The fair's question is where a Vietnamese firm
can replace an import, so a local supplier is a Vietnamese-owned enterprise (registered in
Vietnam, not an FDI plant, not the lead itself); FDI plants that make the category are counted
apart.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from fairmatch.supplychain.graph import SupplyGraph

LEAD_KINDS = ("lead", "fdi")


@dataclass(frozen=True, slots=True)
class Gap:
    """An input leads want that at most one Vietnamese-owned supplier makes: where a Vietnamese
    firm could replace an import. `hs` pairs it with import figures; `relation` says whether it
    goes into the product (`material`) or is tooling, equipment or a service."""

    category: str
    leads: tuple[str, ...]
    suppliers: tuple[str, ...]
    fdi_suppliers: tuple[str, ...] = ()
    hs: str | None = None
    relation: str = "material"


@dataclass(frozen=True, slots=True)
class Nucleus:
    """A lead and the local suppliers linked to it, with the wanted categories nobody local makes."""

    key: str
    suppliers: tuple[str, ...]
    covered: tuple[str, ...]
    uncovered: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hub:
    """A supplier and the leads it can serve, with the categories that link them."""

    key: str
    leads: tuple[str, ...]
    categories: tuple[str, ...]


def local_makers(graph: SupplyGraph, code: str) -> list[str]:
    """Vietnamese-owned enterprises that make `code`, in key order."""
    return sorted(key for key in graph.producers(code) if vietnamese_owned(graph, key))


def fdi_makers(graph: SupplyGraph, code: str) -> list[str]:
    """FDI plants in Vietnam that make `code`, in key order."""
    return sorted(key for key in graph.producers(code) if graph.enterprise(key).kind == "fdi")


def vietnamese_owned(graph: SupplyGraph, key: str) -> bool:
    enterprise = graph.enterprise(key)
    return enterprise.country == "VN" and enterprise.kind != "fdi"


def relation_of(graph: SupplyGraph, lead: str, code: str) -> str:
    """How `code` serves what the lead makes: `material` unless it is only tooling, equipment or a service."""
    kinds = {kind for made in graph.profiles[lead].offers for means, kind in graph.categories[made].means
             if means == code}
    materials = any(code in graph.categories[made].inputs for made in graph.profiles[lead].offers)
    return "material" if materials or not kinds or code in graph.profiles[lead].needs else min(kinds)


def _lead_wants(graph: SupplyGraph, lead_kinds: tuple[str, ...]) -> Iterator[tuple[str, str, list[str]]]:
    """(lead, wanted category, its Vietnamese-owned suppliers other than the lead), in key order."""
    makers_of: dict[str, list[str]] = {}
    for key in sorted(graph.profiles):
        profile = graph.profiles[key]
        if profile.enterprise.kind not in lead_kinds:
            continue
        for code in sorted(profile.wants):
            if code not in profile.offers:
                if code not in makers_of:
                    makers_of[code] = local_makers(graph, code)
                yield key, code, [s for s in makers_of[code] if s != key]


def gap_report(graph: SupplyGraph, lead_kinds: tuple[str, ...] = LEAD_KINDS, max_suppliers: int = 1) -> list[Gap]:
    """Wanted inputs with at most `max_suppliers` Vietnamese-owned makers, the most wanted first."""
    leads: dict[str, list[str]] = defaultdict(list)
    suppliers: dict[str, list[str]] = {}
    relations: dict[str, set[str]] = defaultdict(set)
    for lead, code, makers in _lead_wants(graph, lead_kinds):
        leads[code].append(lead)
        suppliers[code] = sorted(set(suppliers.get(code, [])) | set(makers))
        relations[code].add(relation_of(graph, lead, code))
    gaps = [
        Gap(code, tuple(leads[code]), tuple(makers), tuple(fdi_makers(graph, code)), graph.categories[code].hs,
            "material" if "material" in relations[code] else min(relations[code]))
        for code, makers in suppliers.items()
        if len(makers) <= max_suppliers
    ]
    return sorted(gaps, key=lambda g: (-len(g.leads), len(g.suppliers), g.category))


def nucleus_report(graph: SupplyGraph, lead_kinds: tuple[str, ...] = LEAD_KINDS) -> list[Nucleus]:
    """Leads ranked by how many distinct local suppliers make what they want."""
    linked: dict[str, tuple[set, list, list]] = {}
    for lead, code, makers in _lead_wants(graph, lead_kinds):
        suppliers, covered, uncovered = linked.setdefault(lead, (set(), [], []))
        suppliers.update(makers)
        (covered if makers else uncovered).append(code)
    nuclei = [
        Nucleus(lead, tuple(sorted(suppliers)), tuple(covered), tuple(uncovered))
        for lead, (suppliers, covered, uncovered) in linked.items()
    ]
    return sorted(nuclei, key=lambda n: (-len(n.suppliers), n.key))


def supplier_hubs(graph: SupplyGraph, lead_kinds: tuple[str, ...] = LEAD_KINDS, min_leads: int = 2) -> list[Hub]:
    """Local suppliers that can serve at least `min_leads` leads, the widest first."""
    served: dict[str, tuple[set, set]] = {}
    for lead, code, makers in _lead_wants(graph, lead_kinds):
        for maker in makers:
            leads, codes = served.setdefault(maker, (set(), set()))
            leads.add(lead)
            codes.add(code)
    hubs = [
        Hub(key, tuple(sorted(leads)), tuple(sorted(codes)))
        for key, (leads, codes) in served.items()
        if len(leads) >= min_leads
    ]
    return sorted(hubs, key=lambda h: (-len(h.leads), h.key))
