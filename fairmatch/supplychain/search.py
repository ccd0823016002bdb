"""Best-first search for the strongest candidates of a query, without scoring the weak ones.

A query is a sequence of groups, nearest link first: candidates that share one link to the asker
(a category at one distance). The graph's buckets say what each candidate of a group can at
most score, so whole buckets are taken best first across all groups and left alone once their
ceiling cannot enter the pool (the `pool` × `limit` best distinct candidates); closeness and
mutual trade, which depend on the asker, are looked up for the few candidates they concern.
The pruning is exact: a skipped candidate could not have entered the pool.
"""

import bisect
import heapq
import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from fairmatch.supplychain.graph import Bucket, CategoryIndex, Profile, SupplyGraph
from fairmatch.supplychain.model import Weights
from fairmatch.supplychain.scoring import (
    Assessment,
    Link,
    assess,
    combine,
    mutual_trade,
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
        chain = not self.chains.isdisjoint(bucket.chains)  # a chain certification is a quality system too
        expected = (self.marks and bucket.marked) or chain
        return ((bucket.certified or chain) + expected) / 2


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


def _mutual_ceiling(graph: SupplyGraph, query: Query) -> float:
    """The strongest mutual trade any candidate can have with the asker (see `_mutual_values`)."""
    asker, strength = query.asker, query.weights.distance
    if asker is None:
        return 0.0
    if query.asker_is_customer:
        if any(graph.needers(made) for made in asker.offers):
            return strength[0]
        users = (path[-1] for made in asker.offers for path in graph.downstream(made).values() if len(path) == 2)
        return strength[1] if any(graph.producers(user) for user in users) else 0.0
    distances = [distance for code, distance in asker.wants.items() if graph.producers(code)]
    return strength[min(distances)] if distances else 0.0


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


_DECIMALS = 6  # scores are kept to 1e-6, so that equal criteria give equal scores and ties go by key
_MARGIN = 1e-12  # absorbs floating-point differences between a ceiling's arithmetic and a score's


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


class _Read:
    """A group being walked: its tiers, the largest parts of any of them (ceilings grow with each
    part, so these bound every tier), and the keys its lift entry already scored."""

    __slots__ = ("group", "lifted", "most", "tiers")

    def __init__(self, group: Group, tiers: list[tuple[float, tuple[float, float], list[dict[str, None]]]]):
        self.group, self.tiers, self.lifted = group, tiers, set()
        self.most = (max(parts[0] for _, parts, _ in tiers), max(parts[1] for _, parts, _ in tiers))


_LIFT = -1  # the heap entry of a group's lift, not of one of its tiers


class _Search:
    """One query's best-first walk (see the module docstring).

    A heap holds, for every group read so far, its tiers (buckets merged by equal ceilings) at
    their ceiling without closeness or mutual trade, and one lift entry at the highest ceiling
    that closeness and mutual trade could give. The best entry is taken first, so the pool fills
    with strong candidates early and its bar rises fast; the walk ends when neither the best
    entry left nor any group not read yet can beat the bar.
    """

    def __init__(self, graph: SupplyGraph, query: Query):
        self.graph, self.query, self.w = graph, query, query.weights
        asker, w = query.asker, query.weights
        self.located = asker is not None
        self.denominator = total_weight(w, self.located)
        self.near_park = w.location * w.same_park if asker and asker.park else 0.0
        self.near_locality = w.location * w.same_locality if asker and asker.locality else 0.0
        self.near = max(self.near_park, self.near_locality)
        self.mutual_ceiling = _mutual_ceiling(graph, query)
        self._mutual: dict[str, float] | None = None
        self.pool = _Pool(w.pool * query.limit)
        self.best: dict[str, tuple[float, Assessment]] = {}
        self._parts: dict[tuple, tuple[float, float]] = {}
        # The weights that bucket ceilings depend on: part of every cache key.
        self._token = (w.recognized, w.booth, w.verified, w.certification, w.capacity, w.unknown_capacity)
        self._heap: list[tuple[float, int, _Read, int]] = []  # (-ceiling, order, group, tier or _LIFT)
        self._order = itertools.count()

    @property
    def mutual(self) -> dict[str, float]:
        """Candidates trading both ways with the asker, by strength; built on first use."""
        if self._mutual is None:
            self._mutual = _mutual_values(self.graph, self.query)
        return self._mutual

    def run(self, groups: Iterable[Group]) -> list[tuple[str, float, Assessment]]:
        waiting, relation = iter(groups), math.inf
        upcoming = next(waiting, None)
        while True:
            # Read groups while one could hold something at least as good as the best entry.
            while upcoming is not None:
                if upcoming.relation > relation:
                    raise ValueError("groups must come nearest link first")
                relation = upcoming.relation
                most = self._most(relation)
                if most < self.pool.floor:
                    upcoming = None  # later groups are no nearer: none can do better
                elif self._heap and most < -self._heap[0][0]:
                    break
                else:
                    self._read(upcoming)
                    upcoming = next(waiting, None)
            if not self._heap or -self._heap[0][0] < self.pool.floor:
                break
            _, _, read, tier = heapq.heappop(self._heap)
            if tier == _LIFT:
                self._lift(read)
            else:
                self._tier(read, tier)
        ranked = sorted(self.best.items(), key=lambda item: (-item[1][0], item[0]))[: self.pool.size]
        return [(key, score, assessment) for key, (score, assessment) in ranked]

    def _most(self, relation: float) -> float:
        """The best score any candidate of any group at this relation could reach."""
        w = self.w
        partner = partner_static(w, True, True, True)
        parts = (partner + w.certification + w.capacity, w.capacity)
        mutual_part = w.relation * (1.0 - relation) * self.mutual_ceiling
        return self._bound(relation, partner + w.certification, parts, self.near, mutual_part)

    def _push(self, ceiling: float, read: _Read, tier: int) -> None:
        heapq.heappush(self._heap, (-ceiling, next(self._order), read, tier))

    def _ceiling(self, group: Group, parts: tuple[float, float], place: float, mutual_part: float) -> float:
        """The quantized ceiling of a candidate's score from the parts of both views."""
        return self._bound(group.relation, group.their, parts, place, mutual_part)

    def _bound(
        self, relation: float, their_part: float, parts: tuple[float, float], place: float, mutual_part: float
    ) -> float:
        """The quantized ceiling of a score whose parts are at most these, for both views."""
        w, denominator, asker_is_customer = self.w, self.denominator, self.query.asker_is_customer
        base = w.relation * relation + place
        own = (base + parts[0] + (0.0 if asker_is_customer else mutual_part)) / denominator
        if not self.located:
            return round(own + _MARGIN, _DECIMALS)
        their = (base + their_part + parts[1] + (mutual_part if asker_is_customer else 0.0)) / denominator
        return round(combine(own, their, w) + _MARGIN, _DECIMALS)

    def _parts_of(self, group: Group, number: int) -> tuple[float, float]:
        """The ceiling parts of a bucket (by number) under this group's rules."""
        signature = (self._token, group.certification, group.capacity, number)
        if signature not in self._parts:
            self._parts[signature] = _ceilings(self.w, group, self.graph.buckets[number])
        return self._parts[signature]

    def _mutual_most(self, group: Group) -> float:
        return self.w.relation * (1.0 - group.relation) * self.mutual_ceiling

    def _read(self, group: Group) -> None:
        """Put the group's tiers, and its lift, on the heap (those that can still beat the bar)."""
        floor, mutual_most = self.pool.floor, self._mutual_most(group)
        envelope = group.index.envelope(self.graph.buckets)
        if envelope is None or self._ceiling(group, _ceilings(self.w, group, envelope), self.near, mutual_most) < floor:
            return
        signature = (self._token, group.certification, group.capacity)
        tiers = [
            (self._ceiling(group, parts, 0.0, 0.0), parts, members)
            for parts, members in group.index.tiers(signature, lambda number: self._parts_of(group, number))
        ]
        if not tiers:
            return
        read = _Read(group, tiers)
        for position, (plain, _, _) in enumerate(tiers):
            if plain >= floor:
                self._push(plain, read, position)
        if self.near or mutual_most:
            lifted = self._ceiling(group, read.most, self.near, mutual_most)
            if lifted >= floor:
                self._push(lifted, read, _LIFT)

    def _tier(self, read: _Read, position: int) -> None:
        """Score the tier's candidates that can beat the bar (the lift already took its own)."""
        plain, _, members = read.tiers[position]
        for keys in members:
            for key in keys:
                if key not in read.lifted and not self.pool.closed_to(plain, key):
                    self._score(read.group, key)

    def _lift(self, read: _Read) -> None:
        """Score the group's candidates that closeness or mutual trade lifts over the bar."""
        group, floor, mutual_most = read.group, self.pool.floor, self._mutual_most(read.group)
        # Close candidates are few, so they are always checked; trading ones only when trade
        # alone can still lift a tier over the bar (else a lifted one is close as well).
        by_trade = bool(mutual_most) and self._ceiling(group, read.most, 0.0, mutual_most) >= floor
        for key in self._liftable(group, trading=by_trade):
            if self._lifted(group, key):
                read.lifted.add(key)
                self._score(group, key)

    def _lifted(self, group: Group, key: str) -> bool:
        """Whether closeness and mutual trade can lift this candidate into the pool."""
        asker = self.query.asker
        if asker is None or key == asker.key:
            return False
        park_keys, locality_keys = group.index.near(asker)
        place = self.near_park if key in park_keys else self.near_locality if key in locality_keys else 0.0
        mutual_part = 0.0
        if self.mutual_ceiling and group.relation < 1.0:
            candidate = self.graph.profiles[key]
            pair = (candidate, asker) if self.query.asker_is_customer else (asker, candidate)
            mutual_part = self.w.relation * (1.0 - group.relation) * mutual_trade(*pair, self.w)
        if not (place or mutual_part):
            return False
        parts = self._parts_of(group, group.index.bucket_of(key))
        return not self.pool.closed_to(self._ceiling(group, parts, place, mutual_part), key)

    def _liftable(self, group: Group, trading: bool) -> set[str]:
        """The group's candidates close to the asker, and (when `trading`) those trading both
        ways with it."""
        asker, index = self.query.asker, group.index
        if asker is None:
            return set()
        park_keys, locality_keys = index.near(asker)
        found = park_keys | locality_keys
        if trading:
            smaller, larger = sorted((self.mutual, index), key=len)
            found.update(key for key in smaller if key in larger)
        return found

    def _score(self, group: Group, key: str) -> None:
        query, asker = self.query, self.query.asker
        if asker is not None and key == asker.key:
            return
        candidate = self.graph.profiles[key]
        link = group.link_of(candidate)
        if link is None:
            return
        supplier, customer = (candidate, asker) if query.asker_is_customer else (asker, candidate)
        assessment = assess(self.graph, supplier, customer, link, self.w, query.strict)
        if assessment is None:
            return
        score = combine(*query.views(assessment), self.w)
        if assessment.missing:
            score *= self.w.flag_penalty
        score = round(score, _DECIMALS)
        known = self.best.get(key)
        if known is None or score > known[0]:
            self.best[key] = (score, assessment)
        if known is None:
            self.pool.add(score, key)


def strongest(graph: SupplyGraph, groups: Iterable[Group], query: Query) -> list[tuple[str, float, Assessment]]:
    """The pool: the best distinct candidates as (key, score, assessment), best first; `groups`
    come nearest link first (non-increasing relation), so the walk can stop at the first hopeless one."""
    return _Search(graph, query).run(groups)
