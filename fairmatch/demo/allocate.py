"""Who makes what and who needs what in the demo fair.

An `Allocator` hands out product categories so that the fair is matchable: lead enterprises make
final products, suppliers cover the inputs of those products first, and every category has a cap
on local makers (four per 300 enterprises). Some inputs are deliberately scarce (one local maker)
and some are chain gaps (none), as in Hanoi's real supply chains. One firm's products share one
trade (a paint maker makes paints, a brewery beer), so its name never contradicts them; a firm
needs only what goes directly into, or is used to make, what it makes; and every end product a
lead makes has buyers (dealers, distributors, hospital and pharmacy chains, exporters).
"""

import math
import random
from collections import Counter

from fairmatch.demo.names import trades_for
from fairmatch.demo.taxonomy import Category, Taxonomy

CHAIN_GAPS = frozenset(
    {"MAT.ELEC_STEEL", "ELX.IC_CHIPS", "PHAR.API", "ENER.PV_CELL", "CHEM.MEDICAL_PP", "TEX.COTTON_FIBRE"}
)
"""Inputs no local enterprise makes: Vietnam imports them, so they are import-substitution targets."""

SCARCE = frozenset(
    {
        "MECH.BEARINGS",
        "CHEM.INSULATING_OIL",
        "AUTOM.SERVO_MOTOR",
        "ADV.MAGNET",
        "ELX.LCD_MODULE",
        "ADV.SOLAR_GLASS",
        "ENER.BATTERY_CELL",
        "BIO.CULTURE_MEDIA",
        "PACK.GLASS_VIAL",
        "MOULD.DIE_CASTING",
    }
)
"""Inputs with a single local maker per 300 enterprises: a fragile link in the chain."""

LEAD_FAMILIES = {
    "ELEC": 6,
    "MECH": 3,
    "FOOD": 5,
    "PHAR": 3,
    "MED": 1,
    "TEX": 3,
    "AUTO": 3,
    "IT": 3,
    "ENER": 2,
    "AGRI": 3,
    "BIO": 2,
    "AUTOM": 2,
    "PLAS": 1,
    "RUB": 1,
    "CHEM": 1,
    "ADV": 1,
    "ELX": 1,
    "MAT": 1,
}
FDI_FAMILIES = {
    "ELX": 6,
    "MECH": 3,
    "AUTO": 3,
    "TEX": 2,
    "PLAS": 2,
    "ELEC": 2,
    "MOULD": 1,
    "CAST": 1,
    "RUB": 1,
    "PACK": 1,
    "AUTOM": 1,
    "IT": 2,
    "ENER": 1,
    "MED": 1,
}
SUPPLIER_FAMILIES = {
    "MECH": 6,
    "CAST": 3,
    "FORG": 1,
    "MOULD": 3,
    "PLAS": 4,
    "RUB": 2,
    "PACK": 4,
    "ELX": 3,
    "ELEC": 2,
    "SURF": 2,
    "MAT": 2,
    "CHEM": 2,
    "TEX": 3,
    "FOOD": 2,
    "AUTO": 2,
    "AUTOM": 1,
    "ADV": 1,
    "BIO": 1,
    "PHAR": 1,
    "MED": 1,
    "ENER": 1,
    "IT": 1,
}
OTHER_FAMILIES = {"FOOD": 4, "BIO": 2, "ADV": 1, "AUTOM": 1, "IT": 1, "AGRI": 1, "PLAS": 1, "MECH": 1}
BUYER_FAMILIES = {
    "TEX": 4,
    "FOOD": 4,
    "ELEC": 4,
    "ELX": 3,
    "MECH": 3,
    "AUTO": 3,
    "PLAS": 2,
    "RUB": 1,
    "PHAR": 2,
    "MED": 1,
    "ENER": 2,
    "AGRI": 1,
    "IT": 1,
    "AUTOM": 1,
    "PACK": 1,
    "CHEM": 1,
    "BIO": 1,
    "MAT": 1,
    "CAST": 1,
}


def weighted_sample(rng: random.Random, items: list, weights: list[float], count: int) -> list:
    """Up to `count` distinct items, each drawn with probability proportional to its weight."""
    items, weights, chosen = list(items), list(weights), []
    while items and len(chosen) < count:
        index = rng.choices(range(len(items)), weights)[0]
        chosen.append(items.pop(index))
        weights.pop(index)
    return chosen


class Allocator:
    """Chooses each enterprise's products and needs, keeping count of local makers."""

    def __init__(self, taxonomy: Taxonomy, rng: random.Random, enterprises: int):
        self.taxonomy = taxonomy
        self.rng = rng
        self.makers: Counter[str] = Counter()
        self.cap = max(4, math.ceil(4 * enterprises / 300))
        self.scarce_cap = max(1, enterprises // 300)
        self._finals = self._by_family(taxonomy.finals)
        makeable = [c for c in taxonomy.products if c.code not in CHAIN_GAPS]
        self._makeable = self._by_family(makeable)
        # Foreign investors come to Hanoi to manufacture, not to sell services or raw materials,
        # and what they make has inputs they would like to source locally.
        self._fdi_makeable = self._by_family([c for c in makeable if c.inputs and not c.service])
        self._products = self._by_family(taxonomy.products)
        self._inputs = self._by_family([c for c in taxonomy.inputs if c.code not in CHAIN_GAPS])
        self._coverage: list[Category] = []
        self._bom: set[str] = set()
        self.buyers: Counter[str] = Counter()
        self._unbought: list[str] = []
        self._lead_sectors: list[str] | None = None

    @staticmethod
    def _by_family(categories) -> dict[str, list[Category]]:
        families: dict[str, list[Category]] = {}
        for category in categories:
            families.setdefault(category.family, []).append(category)
        return families

    def is_open(self, code: str) -> bool:
        """Whether another local maker of this category keeps the fair within its caps."""
        if code in CHAIN_GAPS:
            return False
        return self.makers[code] < (self.scarce_cap if code in SCARCE else self.cap)

    def _pick(self, pool: list[Category], count: int, prefer_bom: bool = False) -> list[Category]:
        candidates = [c for c in pool if self.is_open(c.code)]
        # Squaring the count fills uncovered inputs first without forbidding a second source.
        weights = [
            (3.0 if prefer_bom and c.code in self._bom else 1.0) / (1 + self.makers[c.code]) ** 2 for c in candidates
        ]
        return weighted_sample(self.rng, candidates, weights, count)

    def _family(self, weights: dict[str, int], pools: dict[str, list[Category]]) -> str:
        """A family drawn by weight, preferring one where some category is still open."""
        families = [f for f in weights if pools.get(f)]
        while families:
            family = self.rng.choices(families, [weights[f] for f in families])[0]
            if any(self.is_open(c.code) for c in pools[family]):
                return family
            families.remove(family)
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def _count(self, weights: tuple[int, ...]) -> int:
        return self.rng.choices(range(1, len(weights) + 1), weights)[0]

    def _one_trade(self, first: Category, pool: list[Category], count: int) -> list[Category]:
        """`first` and up to `count - 1` more of `pool` in the same trade, for one firm to make."""
        trade = trades_for(first.code)
        same = [c for c in pool if c is not first and trades_for(c.code) == trade]
        return [first, *self._pick(same, count - 1)]

    def _record(self, products: list[Category]) -> list[Category]:
        for category in products:
            self.makers[category.code] += 1
        return products

    def lead_products(self) -> list[Category]:
        """1–4 final products of one trade, as a lead enterprise makes; the first leads cover
        every sector that has end products, so that each of the programme's sectors has a lead."""
        if self._lead_sectors is None:
            self._lead_sectors = sorted({c.sector for c in self.taxonomy.finals})
            self.rng.shuffle(self._lead_sectors)
        if self._lead_sectors:
            sector = self._lead_sectors.pop()
            first = self.rng.choice([c for c in self.taxonomy.finals if c.sector == sector])
        else:
            family = self._family(LEAD_FAMILIES, self._finals)
            first = (self._pick(self._finals[family], 1) or [self.rng.choice(self._finals[family])])[0]
        pool = self._finals[first.family]
        return self._record(self._one_trade(first, pool, self._count((35, 35, 20, 10))))

    def fdi_products(self) -> list[Category]:
        """1–3 products of one family: components or finished goods of a foreign-invested plant."""
        family = self._family(FDI_FAMILIES, self._fdi_makeable)
        pool = self._fdi_makeable[family]
        first = (self._pick(pool, 1) or [self.rng.choice(pool)])[0]
        return self._record(self._one_trade(first, pool, self._count((45, 35, 20))))

    def plan_supplier_coverage(self, lead_products: list[Category]) -> None:
        """Queue the inputs of the leads' products so that suppliers cover them first."""
        for category in lead_products:
            self._bom |= self.taxonomy.upstream(category.code) | {code for code, _ in category.means}
        supplier_codes = {c.code for pool in self._inputs.values() for c in pool}
        bom = sorted(self._bom & supplier_codes)
        self.rng.shuffle(bom)
        # Scarce inputs come first so that even a small fair shows single-supplier links.
        bom.sort(key=lambda code: code not in SCARCE)
        self._coverage = [self.taxonomy.by_code[code] for code in bom]
        self._coverage.reverse()

    def supplier_products(self) -> list[Category]:
        """1–4 input categories of one family, the first one from the coverage queue if any."""
        primary = None
        while self._coverage and primary is None:
            candidate = self._coverage.pop()
            if not self.makers[candidate.code] and self.is_open(candidate.code):
                primary = candidate
        if primary is None:
            family = self._family(SUPPLIER_FAMILIES, self._inputs)
            found = self._pick(self._inputs[family], 1, prefer_bom=True)
            primary = found[0] if found else self.rng.choice(self._inputs[family])
        self.makers[primary.code] += 1
        trade = trades_for(primary.code)
        siblings = [c for c in self._inputs.get(primary.family, ())
                    if c is not primary and trades_for(c.code) == trade]
        extra = self._pick(siblings, self._count((30, 35, 25, 10)) - 1, prefer_bom=True)
        return [primary, *self._record(extra)]

    def workshop_product(self, codes: frozenset[str]) -> list[Category]:
        """The one product of a household workshop, among the simple trades in `codes`."""
        pool = [self.taxonomy.by_code[code] for code in sorted(codes)]
        return self._record(self._pick(pool, 1) or [self.rng.choice(pool)])

    def forget(self, categories: list[Category]) -> None:
        """Take back categories an enterprise turned out not to make after all."""
        for category in categories:
            self.makers[category.code] -= 1

    def other_products(self) -> list[Category]:
        """1–2 products of a cooperative, a technology spin-off or a small maker-trader."""
        family = self._family(OTHER_FAMILIES, self._makeable)
        pool = self._makeable[family]
        first = (self._pick(pool, 1) or [self.rng.choice(pool)])[0]
        return self._record(self._one_trade(first, pool, self._count((60, 40))))

    def maker_needs(self, products: list[Category]) -> list[Category]:
        """1–4 categories that go directly into these products or are used to make them (tooling,
        equipment, services); never a material further up the chain."""
        made = {c.code for c in products}
        codes = sorted({code for c in products for code in c.direct_inputs} - made)
        # What goes into the product in a known quantity is what a buyer plans and states first.
        weights = [3.0 if any(code in c.per_unit for c in products) else 1.0 for code in codes]
        chosen = weighted_sample(self.rng, codes, weights, self._count((20, 35, 30, 15)))
        return [self.taxonomy.by_code[code] for code in chosen]

    def plan_buyers(self, made: list[Category]) -> None:
        """Queue what the leads and FDI plants make and no firm of the fair uses (end products,
        and components made for export), so that buyers cover each first."""
        used = {code for category in made for code in category.direct_inputs}
        self._unbought = sorted({c.code for c in made if c.final or c.code not in used})
        self.rng.shuffle(self._unbought)

    def buyer_needs(self) -> list[Category]:
        """1–4 categories a buyer sources: an end product nobody buys yet if any (a dealer, a
        distributor, a hospital chain), then more of the same trade that local enterprises make."""
        while self._unbought and self.buyers[self._unbought[-1]]:
            self._unbought.pop()
        if self._unbought:
            first = self.taxonomy.by_code[self._unbought.pop()]
        else:
            family = self._family(BUYER_FAMILIES, self._makeable)
            candidates = self._products[family]
            weights = [3.0 if self.makers[c.code] else 0.5 for c in candidates]
            first = weighted_sample(self.rng, candidates, weights, 1)[0]
        trade = trades_for(first.code)
        same = [c for c in self._products[first.family] if c is not first and trades_for(c.code) == trade]
        weights = [3.0 if self.makers[c.code] else 0.5 for c in same]
        chosen = [first, *weighted_sample(self.rng, same, weights, self._count((35, 35, 20, 10)) - 1)]
        for category in chosen:
            self.buyers[category.code] += 1
        return chosen
