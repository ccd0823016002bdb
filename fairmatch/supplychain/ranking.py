"""Ranked partners in three directions: suppliers, customers, and a buyer's sourcing request.

Each direction turns the asker's profile into groups of candidates that share a link (see
`search`), takes the strongest pool, and re-ranks it so that one category cannot fill a list
that spans several. A list leads with tier 1 (stated needs, direct inputs and the tooling,
equipment and services a product is made with; or, for a supplier, its direct customers); the
suppliers' suppliers (customers' customers) only fill what room is left, marked with their tier.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from fairmatch.supplychain.certifications import CHAIN_CERTIFICATIONS, PRODUCT_MARKS, certification_fit
from fairmatch.supplychain.factors import factors_of
from fairmatch.supplychain.graph import Profile, SupplyGraph
from fairmatch.supplychain.model import Match, Need, SourcingRequest, Weights
from fairmatch.supplychain.scoring import Link, called_for, chain_of, partner_static, recognized_customer
from fairmatch.supplychain.search import CertificationRule, Group, Query, strongest

DEFAULT_WEIGHTS = Weights()


def _check(graph: SupplyGraph, weights: Weights, limit: int, depth: int = 1) -> None:
    deepest = min(graph.max_depth, len(weights.distance) - 1)
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if not 1 <= depth <= deepest:
        raise ValueError(f"depth must be between 1 and {deepest}")


def _path_to_products(graph: SupplyGraph, code: str, customer: Profile) -> tuple[str, ...]:
    """The shortest BOM path from `code` to something the customer makes, else just `code`."""
    downstream = graph.downstream(code)
    paths = [downstream[made] for made in customer.offers if made in downstream]
    return min(paths, key=lambda p: (len(p), p)) if paths else (code,)


def _fixed_link(link: Link) -> Callable[[Profile], Link]:
    """The same link for every candidate of a group."""
    return lambda _: link


def _stated_link(graph: SupplyGraph, code: str) -> Callable[[Profile], Link]:
    """The link to a customer that listed `code` as a need, with the need's requirements."""
    return lambda customer: Link(_path_to_products(graph, code, customer), 0, customer.needs[code])


def _bom_link(link: Link) -> Callable[[Profile], Link | None]:
    """The link to a maker of the path's end, unless it states a need for the first category
    (scored with the need), buys a category in between finished, or makes the first one itself."""
    return lambda customer: None if (any(code in customer.needs for code in link.path[:-1])
                                     or link.path[0] in customer.offers) else link


def _supplier_group(graph: SupplyGraph, weights: Weights, customer: Profile | None, link: Link) -> Group:
    """Makers of the link's category, as candidates for this customer (None: anonymous)."""
    code, need, unknown = link.path[0], link.need, weights.unknown_capacity
    if need and need.required_certifications:
        certification = CertificationRule(1.0)
    else:
        marks = bool(PRODUCT_MARKS.get(graph.categories[code].sector))
        certification = CertificationRule(
            None, marks, chain_of(graph, link, customer).intersection(CHAIN_CERTIFICATIONS)
        )
    capacity = (1.0, unknown) if need and need.annual_volume else (unknown, unknown)
    their = 0.0
    if customer is not None:
        enterprise = customer.enterprise
        recognized = recognized_customer(customer, link.path)
        static = partner_static(weights, recognized, enterprise.booth is not None, enterprise.verified)
        their = static + weights.certification
    relation = weights.distance[link.distance]
    return Group(relation, graph.producers(code), _fixed_link(link), certification, capacity, their)


def rank_suppliers(
    graph: SupplyGraph,
    key: str,
    limit: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    depth: int = 1,
    strict: bool = True,
) -> list[Match]:
    """Who can supply `key`: makers of its stated needs, of its products' direct inputs and of what
    they are made with; with `depth` above 1, its suppliers' suppliers too (never through a
    category it states it buys: it buys that finished)."""
    _check(graph, weights, limit, depth)
    customer = graph.profiles[key]
    links: dict[str, Link] = {}
    for made in sorted(customer.offers):
        candidates = [Link(path, len(path) - 1) for path in graph.upstream(made).values()
                      if not any(code in customer.needs for code in path[1:-1])]
        candidates += [Link((code, made), 1, kind=kind) for code, kind in graph.categories[made].means]
        for link in candidates:
            if link.path[0] in customer.offers:
                continue  # it makes that itself: other makers of it are its competitors, not its suppliers
            known = links.get(link.path[0])
            if link.distance <= depth and (known is None or (link.distance, link.path) < (known.distance, known.path)):
                links[link.path[0]] = link
    for code, need in customer.needs.items():
        known = links.get(code)
        links[code] = Link(known.path, 0, need, known.kind) if known else Link((code,), 0, need)
    ordered = sorted(links.values(), key=lambda link: (link.distance, link.path))
    query = Query(customer, True, limit, weights, strict)
    return _by_tier(graph, [(link.distance, _supplier_group(graph, weights, customer, link)) for link in ordered],
                    query)


def rank_customers(
    graph: SupplyGraph,
    key: str,
    limit: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    depth: int = 1,
    strict: bool = True,
) -> list[Match]:
    """Who would buy from `key`: those who need what it makes, or make something made from (or
    with) it; with `depth` above 1, its customers' customers too."""
    _check(graph, weights, limit, depth)
    supplier = graph.profiles[key]
    groups = list(_customer_groups(graph, supplier, weights, depth))
    return _by_tier(graph, groups, Query(supplier, False, limit, weights, strict))


def _customer_groups(
    graph: SupplyGraph, supplier: Profile, weights: Weights, depth: int
) -> Iterator[tuple[int, Group]]:
    """The supplier's candidate customers with their distance, nearest link first: stated needs,
    then makers of what is made from (or with) its products."""
    unknown, enterprise = weights.unknown_capacity, supplier.enterprise
    # Seen by the supplier, certification is whether it meets the customer's requirements.
    serve = CertificationRule(1.0)
    static = {
        code: partner_static(weights, offer.recognized, enterprise.booth is not None, enterprise.verified)
        for code, offer in supplier.offers.items()
    }
    for code, offer in sorted(supplier.offers.items()):
        capacity = (1.0, unknown) if offer.capacity else (unknown, unknown)
        their = static[code] + weights.certification
        yield 0, Group(weights.distance[0], graph.needers(code), _stated_link(graph, code), serve, capacity, their)
    links = sorted(
        [Link(path, len(path) - 1) for code in supplier.offers for path in graph.downstream(code).values()
         if len(path) - 1 <= depth]
        + [Link((code, made), 1, kind=kind) for code in supplier.offers for made, kind in graph.used_with(code)],
        key=lambda link: (link.distance, link.path),
    )
    for link in links:
        fit, _ = certification_fit(enterprise.certifications, called_for(graph, link, None))
        their = static[link.path[0]] + weights.certification * fit
        index = graph.producers(link.path[-1])
        group = Group(weights.distance[link.distance], index, _bom_link(link), serve, (unknown, unknown), their)
        yield link.distance, group


def rank_for_request(
    graph: SupplyGraph,
    request: SourcingRequest,
    limit: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    strict: bool = True,
) -> list[Match]:
    """Who can fill a sourcing request; a known `buyer_key` adds location and the two-sided view."""
    if request.category not in graph.categories:
        raise KeyError(request.category)
    _check(graph, weights, limit)
    buyer = graph.profiles[request.buyer_key] if request.buyer_key else None
    need = Need(request.category, frozenset(request.required_certifications), request.volume)
    path = _path_to_products(graph, request.category, buyer) if buyer else (request.category,)
    link = Link(path, 0, need)
    groups = [_supplier_group(graph, weights, buyer, link)]
    # One category asked for: every candidate makes it, so no diversity, and the request itself is
    # no reason to cite.
    return _rank(graph, groups, Query(buyer, True, limit, weights, strict), diverse=False, requested=True)


def _by_tier(graph: SupplyGraph, groups: list[tuple[int, Group]], query: Query) -> list[Match]:
    """Tier 1 first (stated needs and direct links); each deeper tier fills the room left, each
    partner once, at its nearest tier."""
    matches = _rank(graph, [group for distance, group in groups if distance <= 1], query)
    for tier in sorted({distance for distance, _ in groups if distance > 1}):
        room = query.limit - len(matches)
        if room <= 0:
            break
        listed = {match.key for match in matches}
        wider = Query(query.asker, query.asker_is_customer, room + len(listed), query.weights, query.strict)
        deeper = _rank(graph, [group for distance, group in groups if distance == tier], wider)
        matches += [match for match in deeper if match.key not in listed][:room]
    return matches


def _rank(graph: SupplyGraph, groups: Iterable[Group], query: Query, diverse: bool = True,
          requested: bool = False) -> list[Match]:
    """The strongest pool, re-ranked so each repeat of a category costs a factor `diversity`."""
    w = query.weights
    diversity = w.diversity if diverse else 1.0
    seen: dict[str, int] = {}
    ranked = []
    for key, score, assessment in strongest(graph, groups, query):
        path = assessment.link.path
        category = path[0] if query.asker_is_customer else path[-1]
        repeats = seen.get(category, 0)
        seen[category] = repeats + 1
        ranked.append((score * diversity**repeats, key, assessment, repeats if diversity < 1 else 0))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    matches = []
    for final, key, assessment, repeats in ranked[: query.limit]:
        own, their = query.views(assessment)
        two_sided = their is not None and min(own, their) >= w.two_sided_min
        factors = factors_of(assessment, query.asker_is_customer, two_sided, repeats, requested)
        matches.append(
            Match(
                key=key,
                score=final,
                path=assessment.link.path,
                factors=factors,
                two_sided=two_sided,
                own=own,
                their=their,
                direction="suppliers" if query.asker_is_customer else "customers",
                tier=max(1, assessment.link.distance),
                relation=assessment.link.kind,
            )
        )
    return matches


@dataclass(frozen=True, slots=True)
class Unmet:
    """A stated need whose required certifications no maker holds: the closest makers, each with
    what it lacks, so the buyer can ask one to certify or relax the requirement."""

    category: str
    required: frozenset[str]
    closest: tuple[tuple[str, frozenset[str]], ...]


def unmet_needs(graph: SupplyGraph, key: str, closest: int = 3) -> list[Unmet]:
    """The asker's needs with a requirement no other maker meets, with the closest makers."""
    asker = graph.profiles[key]
    unmet = []
    for code, need in sorted(asker.needs.items()):
        required = need.required_certifications
        makers = [maker for maker in graph.producers(code) if maker != key]
        if not required or any(required <= graph.enterprise(maker).certifications for maker in makers):
            continue
        wanted = SourcingRequest(code, required, need.annual_volume, key)
        near = [m.key for m in rank_for_request(graph, wanted, limit=closest + 1, strict=False) if m.key != key]
        unmet.append(Unmet(code, required, tuple(
            (maker, required - graph.enterprise(maker).certifications) for maker in near[:closest])))
    return unmet
