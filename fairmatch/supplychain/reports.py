"""What the fair's supply chains look like as a whole: gaps, nuclei and supplier hubs.

A lead "wants" a category when it lists it as a need or when it is a direct input of something
the lead makes, unless the lead makes it itself. A local supplier is a Vietnamese enterprise
(not the lead itself) that makes the category.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from fairmatch.supplychain.graph import SupplyGraph

LEAD_KINDS = ("lead",)


@dataclass(frozen=True, slots=True)
class Gap:
    """An input leads want that at most one local supplier makes: an import-substitution lead."""

    category: str
    leads: tuple[str, ...]
    suppliers: tuple[str, ...]


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
    """Vietnamese enterprises that make `code`, in key order."""
    return sorted(key for key in graph.producers(code) if graph.enterprise(key).country == "VN")


def _lead_wants(graph: SupplyGraph, lead_kinds: tuple[str, ...]) -> Iterator[tuple[str, str, list[str]]]:
    """(lead, wanted category, its local suppliers other than the lead), in key order."""
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
    """Wanted inputs with at most `max_suppliers` local makers, the most wanted first."""
    leads: dict[str, list[str]] = defaultdict(list)
    suppliers: dict[str, list[str]] = {}
    for lead, code, makers in _lead_wants(graph, lead_kinds):
        leads[code].append(lead)
        suppliers[code] = sorted(set(suppliers.get(code, [])) | set(makers))
    gaps = [
        Gap(code, tuple(leads[code]), tuple(makers))
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
