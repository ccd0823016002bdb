"""Best-first search for the strongest candidates of a query, without scoring the weak ones.

A query is a list of groups: candidates that share one link to the asker (a category at one
distance). Inside a group the graph's buckets say what each candidate can at most score;
buckets are visited best first and left as soon as their ceiling cannot enter the pool, the
`pool` × `limit` best distinct candidates. The pruning is exact: a skipped candidate could not
have entered the pool.
"""

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from fairmatch.supplychain.certifications import CHAIN_CERTIFICATIONS
from fairmatch.supplychain.graph import Bucket, CategoryIndex, Profile, SupplyGraph
from fairmatch.supplychain.model import Weights
from fairmatch.supplychain.scoring import (
    Assessment,
    Link,
    assess,
    combine,
    partner_static,
    total_weight,
)


class CertificationRule(NamedTuple):
    """How the asker's view rates a candidate's certifications in one group: a `fixed` ceiling,
    or the quality system plus a product mark (`marks`) or a chain certification of one of
    `chains` (see `certification_fit`)."""

    fixed: float | None
    marks: bool = False
    chains: frozenset[str] = frozenset()

    def ceiling(self, bucket: Bucket) -> float:
        """The exact certification criterion of every candidate of the bucket, or a bound."""
        if self.fixed is not None:
            return self.fixed
        if not (self.marks or self.chains):
            return float(bucket.certified)
        expected = (self.marks and bucket.marked) or not self.chains.isdisjoint(bucket.chains)
        return (bucket.certified + expected) / 2


@dataclass(frozen=True, slots=True)
class Group:
    """Candidates sharing a link; `link_of` gives one candidate's link, or None to skip it.

    `certification` and `capacity` (for a bucket with and without a stated quantity) bound those
    criteria of the asker's view; `their` bounds what the partner's view gives for the asker
    besides relation, place and capacity (which both views share).
    """

    relation: float
    index: CategoryIndex
    link_of: Callable[[Profile], Link | None]
    certification: CertificationRule
    capacity: tuple[float, float]
    their: float


@dataclass(frozen=True, slots=True)
class Query:
    """Who asks (None for an anonymous buyer), on which side, and how."""

    asker: Profile | None
    asker_is_customer: bool
    limit: int
    weights: Weights
    strict: bool

    def views(self, assessment: Assessment) -> tuple[float, float | None]:
        """The asker's one-way score of the partner, and the partner's of the asker."""
        if self.asker_is_customer:
            return assessment.buyer_view, assessment.seller_view
        return assessment.seller_view, assessment.buyer_view


def _mutual_values(graph: SupplyGraph, query: Query) -> dict[str, float]:
    """Candidates whose supplier side also wants what the customer side makes, by strength (the
    index-based twin of `mutual_trade`, so a query can bound it without reading profiles)."""
    asker, strength = query.asker, query.weights.distance
    if asker is None:
        return {}
    if query.asker_is_customer:
        sources = [(graph.needers(made), strength[0]) for made in asker.offers]
        sources += [
            (graph.producers(user), strength[1])
            for made in asker.offers
            for user, path in graph.downstream(made).items()
            if len(path) == 2
        ]
    else:
        sources = [(graph.producers(code), strength[distance]) for code, distance in asker.wants.items()]
    values: dict[str, float] = {}
    for index, value in sources:
        for key in index:
            if value > values.get(key, 0.0):
                values[key] = value
    return values


def _lifted(keys: dict[str, None], *sources: set[str] | dict[str, float]) -> list[str]:
    """The keys that are also in one of the sources, in key order (walks the smaller side)."""
    found: set[str] = set()
    for source in sources:
        if len(source) < len(keys):
            found.update(key for key in source if key in keys)
        else:
            found.update(key for key in keys if key in source)
    return sorted(found)


def _ceilings(weights: Weights, group: Group, bucket: Bucket) -> tuple[float, float]:
    """What a candidate of this bucket can add to the asker's view besides relation and place,
    and the part of it that capacity, shared by both views, contributes."""
    capacity = weights.capacity * group.capacity[not bucket.quantified]
    own = (
        partner_static(weights, bucket.recognized, bucket.booth, bucket.verified)
        + weights.certification * group.certification.ceiling(bucket)
        + capacity
    )
    return own, capacity


def _quantize(score: float) -> float:
    """Scores are kept to 1e-6, so that equal criteria give equal scores and ties go by key."""
    return round(score, 6)


def _ceiling_of(bound: float) -> float:
    """The most a quantized score can be when the score is at most `bound` (rounding is monotone;
    the margin absorbs floating-point differences between the bound and the score's arithmetic)."""
    return _quantize(bound + 1e-12)


_BEST = Bucket(True, True, True, True, True, True, frozenset(CHAIN_CERTIFICATIONS))


class _Pool:
    """The first scores of the best distinct candidates so far, best first; the last is the bar.

    Only first scores enter (a candidate reached again through a better link keeps its place),
    so the bar never rises above the true pool's last score and pruning stays exact.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: list[tuple[float, str]] = []  # (-score, key): ties go by key
        self.floor, self.floor_key = -1.0, ""

    def add(self, score: float, key: str) -> None:
        bisect.insort(self.entries, (-score, key))
        if len(self.entries) > self.size:
            self.entries.pop()
        if len(self.entries) == self.size:
            self.floor, self.floor_key = -self.entries[-1][0], self.entries[-1][1]

    def closed_to(self, ceiling: float, key: str) -> bool:
        """True when a candidate scoring at most `ceiling` cannot get in (ties go by key)."""
        return ceiling < self.floor or (ceiling == self.floor and key > self.floor_key)


def strongest(graph: SupplyGraph, groups: list[Group], query: Query) -> list[tuple[str, float, Assessment]]:
    """The pool: the best distinct candidates as (key, score, assessment), best first."""
    w, asker = query.weights, query.asker
    located = asker is not None
    denominator = total_weight(w, located)
    near_park = w.location * w.same_park if asker and asker.park else 0.0
    near_locality = w.location * w.same_locality if asker and asker.locality else 0.0
    near = max(near_park, near_locality)
    mutual = _mutual_values(graph, query)
    mutual_ceiling = max(mutual.values(), default=0.0)
    pool = _Pool(w.pool * query.limit)
    best: dict[str, tuple[float, Assessment]] = {}
    parts_of: dict[tuple, tuple[float, float]] = {}

    def ceiling(group: Group, parts: tuple[float, float], extra: float, mutual_part: float) -> float:
        """The quantized ceiling of a candidate's score from the parts of both views."""
        base = w.relation * group.relation + extra
        own = base + parts[0] + (0.0 if query.asker_is_customer else mutual_part)
        if not located:
            return _ceiling_of(own / denominator)
        their = base + group.their + parts[1] + (mutual_part if query.asker_is_customer else 0.0)
        return _ceiling_of(combine(own / denominator, their / denominator, w))

    for group in sorted(groups, key=lambda g: -g.relation):
        mutual_weight = w.relation * (1.0 - group.relation)
        most = ceiling(group, _ceilings(w, group, _BEST), near, mutual_weight * mutual_ceiling)
        if most < pool.floor:
            continue
        park_keys, locality_keys = group.index.near(asker) if asker else ((), ())
        ordered = []
        for bucket, keys in group.index.buckets.items():
            if keys:
                signature = (group.certification, group.capacity, bucket)
                if signature not in parts_of:
                    parts_of[signature] = _ceilings(w, group, bucket)
                ordered.append((parts_of[signature], keys))
        ordered.sort(key=lambda item: (-item[0][0], -item[0][1]))
        for parts, keys in ordered:
            if ceiling(group, parts, near, mutual_weight * mutual_ceiling) < pool.floor:
                break
            plain = ceiling(group, parts, 0.0, 0.0)
            # Below the bar, only candidates that closeness or mutual trade lift can get in.
            tried = _lifted(keys, park_keys, locality_keys, mutual) if plain < pool.floor else keys
            for key in tried:
                if plain <= pool.floor and pool.closed_to(plain, key):
                    # Only closeness or mutual trade can still lift this one into the pool.
                    place = near_park if key in park_keys else near_locality if key in locality_keys else 0.0
                    mutual_part = mutual_weight * mutual.get(key, 0.0)
                    if not (place or mutual_part) or pool.closed_to(ceiling(group, parts, place, mutual_part), key):
                        continue
                if asker is not None and key == asker.key:
                    continue
                candidate = graph.profiles[key]
                link = group.link_of(candidate)
                if link is None:
                    continue
                supplier, customer = (candidate, asker) if query.asker_is_customer else (asker, candidate)
                assessment = assess(graph, supplier, customer, link, w, query.strict)
                if assessment is None:
                    continue
                score = combine(*query.views(assessment), w)
                if assessment.missing:
                    score *= w.flag_penalty
                score = _quantize(score)
                known = best.get(key)
                if known is None or score > known[0]:
                    best[key] = (score, assessment)
                if known is None:
                    pool.add(score, key)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[: pool.size]
    return [(key, score, assessment) for key, (score, assessment) in ranked]
