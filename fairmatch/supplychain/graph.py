"""The supply-chain graph: a networkx DiGraph plus the per-category indexes queries read.

Category nodes carry the bill of materials (an edge runs from an input to the product made
from it); enterprise nodes link to the categories they make (enterprise → category) and need
(category → enterprise). Queries never walk the whole graph: they read the indexes below,
which `upsert_enterprise` and `remove_enterprise` keep current. The graph holds only the
taxonomy in networkx: `nx`, with the enterprises too, is drawn from the indexes when asked for
(at 100,000 enterprises their nodes and edge dicts cost more memory than everything else).
"""

import sys
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx

from fairmatch.common.text import fold
from fairmatch.supplychain.certifications import NONE, PRODUCT_MARKS, UNIVERSAL_QUALITY, chains_served
from fairmatch.supplychain.model import Category, Enterprise, Need, Quantity

MAX_DEPTH = 5


class Bucket(NamedTuple):
    """What a query knows of a candidate before scoring it: the enterprises of one category are
    grouped by it, so a query takes the most promising buckets first and stops early."""

    recognized: bool  # makers: this product is a recognised key product; needers: makes one
    booth: bool
    verified: bool
    quantified: bool  # makers: capacity stated; needers: volume stated
    certified: bool  # holds the quality system every industry reads (ISO 9001)
    marked: bool  # holds a product mark of the category's sector
    chains: frozenset[str]  # sectors whose chain certifications it holds


@dataclass(frozen=True, slots=True)
class Offer:
    """What an enterprise makes in one category: total capacity and whether it is recognised."""

    capacity: Quantity | None
    recognized: bool


@dataclass(frozen=True, slots=True)
class Profile:
    """An enterprise with the derived facts matching reads on every query."""

    enterprise: Enterprise
    locality: str
    park: str
    offers: dict[str, Offer]
    needs: dict[str, Need]
    # Category → 0 when explicitly needed, 1 when a direct input of something it makes.
    wants: dict[str, int]
    lead: bool

    @property
    def key(self) -> str:
        return self.enterprise.key


_UNKNOWN = object()  # a cached value not computed yet


class CategoryIndex:
    """The enterprises linked one way to one category, by bucket and by where they are."""

    __slots__ = ("_bucket_of", "_envelope", "_tiers", "buckets", "localities", "parks")

    def __init__(self) -> None:
        self.buckets: dict[int, dict[str, None]] = {}  # by bucket number (SupplyGraph.buckets)
        self.parks: dict[str, set[str]] = {}
        self.localities: dict[str, set[str]] = {}
        self._bucket_of: dict[str, int] = {}
        self._tiers: dict[Hashable, list[tuple[tuple[float, float], list[dict[str, None]]]]] = {}
        self._envelope: Bucket | object | None = _UNKNOWN

    def __len__(self) -> int:
        return len(self._bucket_of)

    def __iter__(self) -> Iterator[str]:
        return iter(self._bucket_of)

    def add(self, profile: Profile, bucket: int) -> None:
        self._tiers.clear()
        self._envelope = _UNKNOWN
        self._bucket_of[profile.key] = bucket
        self.buckets.setdefault(bucket, {})[profile.key] = None
        for places, place in ((self.parks, profile.park), (self.localities, profile.locality)):
            if place:
                places.setdefault(place, set()).add(profile.key)

    def discard(self, profile: Profile) -> None:
        self._tiers.clear()
        self._envelope = _UNKNOWN
        bucket = self._bucket_of.pop(profile.key, None)
        if bucket is not None:
            del self.buckets[bucket][profile.key]
            for places, place in ((self.parks, profile.park), (self.localities, profile.locality)):
                places.get(place, set()).discard(profile.key)

    def tiers(
        self, signature: Hashable, ceilings: Callable[[int], tuple[float, float]]
    ) -> list[tuple[tuple[float, float], list[dict[str, None]]]]:
        """The non-empty buckets merged by equal `ceilings(bucket number)`, remembered under
        `signature` (which must determine `ceilings`) until the index changes."""
        merged = self._tiers.get(signature)
        if merged is None:
            tiers: dict[tuple[float, float], list[dict[str, None]]] = {}
            for number, keys in self.buckets.items():
                if keys:
                    tiers.setdefault(ceilings(number), []).append(keys)
            merged = self._tiers[signature] = list(tiers.items())
        return merged

    def envelope(self, buckets: list[Bucket]) -> Bucket | None:
        """The best of each field over the non-empty buckets (`buckets` numbers them): no member
        beats it on any field. None when the index is empty; remembered until the index changes."""
        if self._envelope is _UNKNOWN:
            present = [buckets[number] for number, keys in self.buckets.items() if keys]
            self._envelope = None
            if present:
                flags = (any(bucket[field] for bucket in present) for field in range(6))
                self._envelope = Bucket(*flags, frozenset().union(*(bucket.chains for bucket in present)))
        return self._envelope

    def bucket_of(self, key: str) -> int:
        """The bucket number of a key of this index."""
        return self._bucket_of[key]

    def near(self, profile: Profile) -> tuple[set[str], set[str]]:
        """Keys in the same industrial park as `profile`, and in the same locality."""
        return self.parks.get(profile.park, _NOBODY), self.localities.get(profile.locality, _NOBODY)


_NOBODY: set[str] = set()
_EMPTY_INDEX = CategoryIndex()


def _add(a: Quantity | None, b: Quantity | None) -> Quantity | None:
    if a is None or b is None:
        return a or b
    return Quantity(a.value + b.value, a.unit) if a.unit == b.unit else a


def _profile(enterprise: Enterprise, categories: dict[str, Category]) -> Profile:
    offers: dict[str, Offer] = {}
    for product in enterprise.products:
        known = offers.get(product.category)
        if known is None:
            offers[product.category] = Offer(product.annual_capacity, product.recognized)
        else:
            offers[product.category] = Offer(
                _add(known.capacity, product.annual_capacity),
                known.recognized or product.recognized,
            )
    needs: dict[str, Need] = {}
    for need in enterprise.needs:
        known = needs.get(need.category)
        if known is not None:
            need = Need(
                need.category,
                known.required_certifications | need.required_certifications,
                _add(known.annual_volume, need.annual_volume),
            )
        needs[need.category] = need
    wants = {code: 1 for made in offers for code in categories[made].direct_inputs}
    wants.update(dict.fromkeys(needs, 0))
    return Profile(
        enterprise=enterprise,
        locality=sys.intern(fold(enterprise.locality)),  # a few dozen places, shared by thousands
        park=sys.intern(fold(enterprise.industrial_park)),
        offers=offers,
        needs=needs,
        wants=wants,
        lead=any(offer.recognized for offer in offers.values()),
    )


def _cat(code: str) -> tuple[str, str]:
    return ("category", code)


def _ent(key: str) -> tuple[str, str]:
    return ("enterprise", key)


class SupplyGraph:
    """Categories, enterprises and their links, indexed for fast matching queries."""

    def __init__(self, categories: Iterable[Category], max_depth: int = MAX_DEPTH):
        self.max_depth = max_depth
        self.categories = {c.code: c for c in sorted(categories, key=lambda c: c.code)}
        self.taxonomy = nx.DiGraph()
        for code, category in self.categories.items():
            self.taxonomy.add_node(_cat(code), sector=category.sector)
        used_with: dict[str, list[tuple[str, str]]] = {}
        for code, category in self.categories.items():
            for source, kind in [*((s, "input") for s in sorted(category.inputs)), *sorted(category.means)]:
                if source not in self.categories:
                    raise ValueError(f"{code}: unknown input category {source}")
                self.taxonomy.add_edge(_cat(source), _cat(code), relation=kind)
                if kind != "input":
                    used_with.setdefault(source, []).append((code, kind))
        self._used_with = {code: tuple(users) for code, users in used_with.items()}
        taxonomy = self.taxonomy
        materials = nx.subgraph_view(taxonomy, filter_edge=lambda a, b: taxonomy.edges[a, b]["relation"] == "input")
        self._upstream = {code: self._bom_paths(materials, code, upstream=True) for code in self.categories}
        self._downstream = {code: self._bom_paths(materials, code, upstream=False) for code in self.categories}
        self.profiles: dict[str, Profile] = {}
        # Buckets are numbered so that indexes and queries handle small ints, not tuples.
        self.buckets: list[Bucket] = []
        self._bucket_numbers: dict[Bucket, int] = {}
        self._producers: dict[str, CategoryIndex] = {}
        self._needers: dict[str, CategoryIndex] = {}
        self._nx: nx.DiGraph | None = None

    def _bom_paths(self, materials: nx.DiGraph, code: str, upstream: bool) -> dict[str, tuple[str, ...]]:
        # Only material edges are walked: the tool steel of a mould is nothing to the mould's user.
        view = materials.reverse(copy=False) if upstream else materials
        paths = nx.single_source_shortest_path(view, _cat(code), cutoff=self.max_depth)
        found = {}
        for (_, other), path in paths.items():
            if other != code:
                codes = tuple(node[1] for node in path)
                found[other] = codes[::-1] if upstream else codes
        return found

    def upstream(self, code: str) -> dict[str, tuple[str, ...]]:
        """Inputs of `code` up to max_depth, each with its shortest path (input … code)."""
        return self._upstream[code]

    def downstream(self, code: str) -> dict[str, tuple[str, ...]]:
        """Categories made from `code` up to max_depth, each with its path (code … product)."""
        return self._downstream[code]

    def used_with(self, code: str) -> tuple[tuple[str, str], ...]:
        """The categories made with `code` as tooling, equipment or a service: (product, kind)."""
        return self._used_with.get(code, ())

    def producers(self, code: str) -> CategoryIndex:
        """Enterprises making `code`."""
        return self._producers.get(code, _EMPTY_INDEX)

    def needers(self, code: str) -> CategoryIndex:
        """Enterprises stating a need for `code` (their bucket's "recognised": makes a key product)."""
        return self._needers.get(code, _EMPTY_INDEX)

    def __contains__(self, key: str) -> bool:
        return key in self.profiles

    def __len__(self) -> int:
        return len(self.profiles)

    def enterprise(self, key: str) -> Enterprise:
        """The enterprise with this key; KeyError when unknown."""
        return self.profiles[key].enterprise

    def _number(self, bucket: Bucket) -> int:
        number = self._bucket_numbers.get(bucket)
        if number is None:
            number = self._bucket_numbers[bucket] = len(self.buckets)
            self.buckets.append(bucket)
        return number

    def upsert_enterprise(self, enterprise: Enterprise) -> None:
        """Add an enterprise or replace its previous profile, products and needs."""
        for code in [p.category for p in enterprise.products] + [n.category for n in enterprise.needs]:
            if code not in self.categories:
                raise ValueError(f"{enterprise.key}: unknown category {code}")
        self.remove_enterprise(enterprise.key)
        self._nx = None
        profile = _profile(enterprise, self.categories)
        self.profiles[enterprise.key] = profile
        held = enterprise.certifications
        certified, chains = not held.isdisjoint(UNIVERSAL_QUALITY), chains_served(held)

        def bucket(code: str, recognized: bool, quantified: bool) -> int:
            marked = not held.isdisjoint(PRODUCT_MARKS.get(self.categories[code].sector, NONE))
            booth = enterprise.booth is not None
            return self._number(Bucket(recognized, booth, enterprise.verified, quantified, certified, marked, chains))

        for code, offer in profile.offers.items():
            number = bucket(code, offer.recognized, offer.capacity is not None)
            self._producers.setdefault(code, CategoryIndex()).add(profile, number)
        for code, need in profile.needs.items():
            number = bucket(code, profile.lead, need.annual_volume is not None)
            self._needers.setdefault(code, CategoryIndex()).add(profile, number)

    def remove_enterprise(self, key: str) -> None:
        """Forget an enterprise and its links; an unknown key is ignored."""
        profile = self.profiles.pop(key, None)
        if profile is None:
            return
        self._nx = None
        for index, codes in ((self._producers, profile.offers), (self._needers, profile.needs)):
            for code in codes:
                index[code].discard(profile)

    def category_name(self, code: str, lang: str) -> str:
        """The category's name in `lang` (`vi` or `en`), falling back to the other, then the code."""
        category = self.categories[code]
        first, second = (category.name_vi, category.name_en)[:: 1 if lang == "vi" else -1]
        return first or second or code

    def enterprise_name(self, key: str, lang: str) -> str:
        """The enterprise's name in `lang`, falling back to the other language."""
        enterprise = self.enterprise(key)
        first, second = (enterprise.name_vi, enterprise.name_en)[:: 1 if lang == "vi" else -1]
        return first or second or key

    # Last in the class: below this the name `nx` is the property, not the module.
    @property
    def nx(self) -> nx.DiGraph:
        """The whole graph in networkx: the taxonomy, and each enterprise linked to what it makes
        and needs. Drawn on first use after a change, for analysis; queries read the indexes."""
        if self._nx is None:
            whole = self.taxonomy.copy()
            for key, profile in self.profiles.items():
                node = _ent(key)
                whole.add_node(node, kind=profile.enterprise.kind)
                whole.add_edges_from(((node, _cat(code)) for code in profile.offers), relation="makes")
                whole.add_edges_from(((_cat(code), node) for code in profile.needs), relation="needs")
            self._nx = whole
        return self._nx


def build_graph(
    categories: Iterable[Category], enterprises: Iterable[Enterprise], max_depth: int = MAX_DEPTH
) -> SupplyGraph:
    """A graph of this taxonomy and these enterprises, indexes ready for queries."""
    graph = SupplyGraph(categories, max_depth=max_depth)
    for enterprise in enterprises:
        graph.upsert_enterprise(enterprise)
    return graph
