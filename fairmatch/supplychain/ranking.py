"""Ranked partners in three directions: suppliers, customers, and a buyer's sourcing request.

Each direction turns the asker's profile into groups of candidates that share a link (see
`search`), takes the strongest pool, and re-ranks it so that one category cannot fill the list.
"""

from collections.abc import Callable, Iterable, Iterator

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
    """The link to a maker of the path's end, unless it states a need (scored with the need)."""
    return lambda customer: None if link.path[0] in customer.needs else link


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
    depth: int = 3,
    strict: bool = True,
) -> list[Match]:
    """Who can supply `key`: makers of its stated needs and of its products' inputs to `depth`."""
    _check(graph, weights, limit, depth)
    customer = graph.profiles[key]
    links: dict[str, Link] = {}
    for made in sorted(customer.offers):
        for code, path in graph.upstream(made).items():
            distance = len(path) - 1
            known = links.get(code)
            if distance <= depth and (known is None or (distance, path) < (known.distance, known.path)):
                links[code] = Link(path, distance)
    for code, need in customer.needs.items():
        links[code] = Link(links[code].path if code in links else (code,), 0, need)
    ordered = sorted(links.values(), key=lambda link: (link.distance, link.path))
    groups = (_supplier_group(graph, weights, customer, link) for link in ordered)
    return _rank(graph, groups, Query(customer, True, limit, weights, strict))


def rank_customers(
    graph: SupplyGraph,
    key: str,
    limit: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    depth: int = 3,
    strict: bool = True,
) -> list[Match]:
    """Who would buy from `key`: those who need what it makes, or make something made from it."""
    _check(graph, weights, limit, depth)
    supplier = graph.profiles[key]
    groups = _customer_groups(graph, supplier, weights, depth)
    return _rank(graph, groups, Query(supplier, False, limit, weights, strict))


def _customer_groups(graph: SupplyGraph, supplier: Profile, weights: Weights, depth: int) -> Iterator[Group]:
    """The supplier's candidate customers, nearest link first: stated needs, then inputs."""
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
        yield Group(weights.distance[0], graph.needers(code), _stated_link(graph, code), serve, capacity, their)
    paths = sorted(
        (len(path) - 1, path)
        for code in supplier.offers
        for path in graph.downstream(code).values()
        if len(path) - 1 <= depth
    )
    for distance, path in paths:
        link = Link(path, distance)
        fit, _ = certification_fit(enterprise.certifications, called_for(graph, link, None))
        their = static[path[0]] + weights.certification * fit
        index = graph.producers(path[-1])
        yield Group(weights.distance[distance], index, _bom_link(link), serve, (unknown, unknown), their)


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
    return _rank(graph, groups, Query(buyer, True, limit, weights, strict))


def _rank(graph: SupplyGraph, groups: Iterable[Group], query: Query) -> list[Match]:
    """The strongest pool, re-ranked so each repeat of a category costs a factor `diversity`."""
    w = query.weights
    seen: dict[str, int] = {}
    ranked = []
    for key, score, assessment in strongest(graph, groups, query):
        path = assessment.link.path
        category = path[0] if query.asker_is_customer else path[-1]
        repeats = seen.get(category, 0)
        seen[category] = repeats + 1
        ranked.append((score * w.diversity**repeats, key, assessment, repeats if w.diversity < 1 else 0))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    matches = []
    for final, key, assessment, repeats in ranked[: query.limit]:
        own, their = query.views(assessment)
        two_sided = their is not None and min(own, their) >= w.two_sided_min
        factors = factors_of(assessment, query.asker_is_customer, two_sided, repeats)
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
            )
        )
    return matches
