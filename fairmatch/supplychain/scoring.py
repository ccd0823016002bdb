"""How good one supply link is, seen by the customer and by the supplier.

A link says that a supplier's category (the first code of `path`) feeds a customer, either
because the customer listed it as a need (distance 0) or because it is an input, `distance`
steps up the bill of materials of something the customer makes (the last code of `path`).
"""

from typing import NamedTuple

from fairmatch.supplychain.certifications import NONE, certification_fit, relevant_certifications
from fairmatch.supplychain.graph import Profile, SupplyGraph
from fairmatch.supplychain.model import Need, Quantity, Weights


class Link(NamedTuple):
    """Why a supplier's category matters to a customer; `need` is set for a stated need; `kind`
    says how the first category serves the next: a material, tooling, equipment or a service."""

    path: tuple[str, ...]
    distance: int
    need: Need | None = None
    kind: str = "material"


class Assessment(NamedTuple):
    """What one link's explanation needs, and the one-way score of each side."""

    link: Link
    supplier: Profile
    customer: Profile | None
    mutual: float
    missing: frozenset[str]
    shown_certifications: frozenset[str]
    capacity: Quantity | None
    volume: Quantity | None
    capacity_fit: float
    location: float
    supplier_recognized: bool
    customer_recognized: bool
    buyer_view: float
    seller_view: float | None


def chain_of(graph: SupplyGraph, link: Link, customer: Profile | None) -> frozenset[str]:
    """The industries whose chain certifications a link calls for: its end product's sector, or
    the customer's sectors when the link names no product of the customer."""
    if len(link.path) > 1:
        return frozenset((graph.categories[link.path[-1]].sector,))
    return customer.enterprise.sectors if customer else NONE


def called_for(graph: SupplyGraph, link: Link, customer: Profile | None) -> frozenset[str]:
    """The certifications a link calls for when the customer states no requirement."""
    return relevant_certifications(chain_of(graph, link, customer), graph.categories[link.path[0]].sector)


def capacity_fit(capacity: Quantity | None, volume: Quantity | None, unknown: float) -> float:
    """1 when the capacity covers the volume, the covered share when not, `unknown` otherwise."""
    if capacity is None or volume is None or capacity.unit != volume.unit or volume.value <= 0:
        return unknown
    return min(1.0, capacity.value / volume.value)


def location_fit(a: Profile, b: Profile, weights: Weights) -> float:
    """How close two enterprises are: same industrial park, same locality, or neither."""
    if a.park and a.park == b.park:
        return weights.same_park
    if a.locality and a.locality == b.locality:
        return weights.same_locality
    return 0.0


def partner_static(weights: Weights, recognized: bool, booth: bool, verified: bool) -> float:
    """The weighted part of a one-way score that only depends on who the partner is."""
    return weights.recognized * recognized + weights.booth * booth + weights.verified * verified


def mutual_trade(supplier: Profile, customer: Profile, weights: Weights) -> float:
    """How strongly the supplier wants something the customer makes (0 when nothing)."""
    wants = supplier.wants
    wanted = [wants[code] for code in customer.offers if code in wants]
    return weights.distance[min(wanted)] if wanted else 0.0


def recognized_customer(customer: Profile, path: tuple[str, ...]) -> bool:
    """Whether the customer's product at the end of the path (else any) is a recognised one."""
    end = customer.offers.get(path[-1])
    return end.recognized if end else customer.lead


def total_weight(weights: Weights, located: bool) -> float:
    """The denominator of a one-way score; location only counts when both sides are known."""
    return (
        weights.relation
        + weights.certification
        + weights.capacity
        + weights.location * located
        + weights.recognized
        + weights.booth
        + weights.verified
    )


def assess(
    graph: SupplyGraph,
    supplier: Profile,
    customer: Profile | None,
    link: Link,
    weights: Weights,
    strict: bool,
) -> Assessment | None:
    """Score a link from both sides; None when `strict` and a required certification is missing."""
    code = link.path[0]
    offer = supplier.offers[code]
    held = supplier.enterprise.certifications
    required = link.need.required_certifications if link.need else NONE
    missing = required - held
    if missing and strict:
        return None
    serve_fit = 1.0 - len(missing) / len(required) if required else 1.0
    if required:
        fit_for_buyer, shown = serve_fit, required & held
    else:
        fit_for_buyer, shown = certification_fit(held, called_for(graph, link, customer))
    volume = link.need.annual_volume if link.need else None
    fit = capacity_fit(offer.capacity, volume, weights.unknown_capacity)
    relation = weights.distance[link.distance]
    supplier_e = supplier.enterprise
    common = weights.relation * relation + weights.capacity * fit
    location = location_fit(supplier, customer, weights) if customer else 0.0
    buyer_view = (
        common
        + weights.certification * fit_for_buyer
        + weights.location * location
        + partner_static(weights, offer.recognized, supplier_e.booth is not None, supplier_e.verified)
    ) / total_weight(weights, customer is not None)
    mutual, customer_recognized, seller_view = 0.0, False, None
    if customer is not None:
        mutual = mutual_trade(supplier, customer, weights)
        customer_recognized = recognized_customer(customer, link.path)
        customer_e = customer.enterprise
        seller_view = (
            common
            + weights.relation * (1.0 - relation) * mutual
            + weights.certification * serve_fit
            + weights.location * location
            + partner_static(weights, customer_recognized, customer_e.booth is not None, customer_e.verified)
        ) / total_weight(weights, True)
    return Assessment(
        link,
        supplier,
        customer,
        mutual,
        missing,
        shown,
        offer.capacity,
        volume,
        fit,
        location,
        offer.recognized,
        customer_recognized,
        buyer_view,
        seller_view,
    )


def combine(own: float, their: float | None, weights: Weights) -> float:
    """The pair score: the asker's view, blended with the harmonic mean of both views."""
    if their is None:
        return own
    harmonic = 2 * own * their / (own + their) if own + their > 0 else 0.0
    return (1 - weights.reciprocity) * own + weights.reciprocity * harmonic
