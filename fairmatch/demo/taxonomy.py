"""The demo fair's supply-chain taxonomy: categories, bills of materials and generator hints.

The data lives in `taxonomy.json`; besides the exchange fields each category carries hints for
the generator (HS code, unit, typical yearly output, whether lead enterprises make it, product
names), which never reach the exchange document.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from graphlib import TopologicalSorter
from importlib import resources

from fairmatch.demo.text import nfc


@dataclass(frozen=True)
class Category:
    """One product category and how the generator should use it."""

    code: str
    name_vi: str
    name_en: str
    sector: str
    parent: str | None
    inputs: tuple[str, ...]
    hs_code: str | None = None
    unit: str = "units"
    scale: int = 1000
    final: bool = False
    variants: tuple[tuple[str, str], ...] = ()
    family: str = field(init=False, repr=False)
    """The code's prefix (`MECH`, `PACK`, ...), which decides trade names and affinities."""

    def __post_init__(self):
        object.__setattr__(self, "family", self.code.split(".", 1)[0])

    @property
    def service(self) -> bool:
        """A service (plating, software, cloud) rather than goods: it has no HS code."""
        return self.hs_code is None

    def exchange(self) -> dict:
        """The category as a `fairmatch-exchange/1` object."""
        return {
            "code": self.code,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "sector": self.sector,
            "parent": self.parent,
            "inputs": list(self.inputs),
        }


class Taxonomy:
    """Categories with the supply-chain graph precomputed in both directions."""

    def __init__(self, categories: list[Category]):
        self.categories = tuple(categories)
        self.by_code = {category.code: category for category in categories}
        self.groups = frozenset(c.parent for c in categories if c.parent)
        users: dict[str, list[str]] = {c.code: [] for c in categories}
        for category in categories:
            for code in category.inputs:
                users[code].append(category.code)
        self.users = {code: tuple(found) for code, found in users.items()}
        order = tuple(TopologicalSorter({c.code: c.inputs for c in categories}).static_order())
        self._upstream = self._closure(order, lambda code: self.by_code[code].inputs)
        self._downstream = self._closure(order[::-1], lambda code: self.users[code])
        self.products = tuple(c for c in categories if c.code not in self.groups)
        self.finals = tuple(c for c in self.products if c.final)
        self.inputs = tuple(c for c in self.products if self.users[c.code])
        self._uses: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    @staticmethod
    def _closure(order, neighbours) -> dict[str, frozenset[str]]:
        closure: dict[str, frozenset[str]] = {}
        for code in order:
            reached = set(neighbours(code))
            for near in neighbours(code):
                reached |= closure[near]
            closure[code] = frozenset(reached)
        return closure

    def upstream(self, code: str) -> frozenset[str]:
        """Every category that goes, directly or further up the chain, into this one."""
        return self._upstream[code]

    def downstream(self, code: str) -> frozenset[str]:
        """Every category this one goes into, directly or further down the chain."""
        return self._downstream[code]

    def uses(self, code: str) -> tuple[frozenset[str], frozenset[str]]:
        """The families and sectors of this category and of everything it goes into."""
        found = self._uses.get(code)
        if found is None:
            reached = [self.by_code[near] for near in self._downstream[code] | {code}]
            found = frozenset(c.family for c in reached), frozenset(c.sector for c in reached)
            self._uses[code] = found
        return found

    def exchange(self) -> list[dict]:
        """All categories as `fairmatch-exchange/1` objects."""
        return [category.exchange() for category in self.categories]


@cache
def load_taxonomy() -> Taxonomy:
    """The curated taxonomy shipped with the package (loaded once)."""
    raw = json.loads(resources.files("fairmatch.demo").joinpath("taxonomy.json").read_text("utf-8"))
    categories = [
        Category(
            code=item["code"],
            name_vi=nfc(item["name_vi"]),
            name_en=item["name_en"],
            sector=item["sector"],
            parent=item["parent"],
            inputs=tuple(item["inputs"]),
            hs_code=item.get("hs_code"),
            unit=item.get("unit", "units"),
            scale=item.get("scale", 1000),
            final=item.get("final", False),
            variants=tuple((nfc(vi), en) for vi, en in item.get("variants", ())),
        )
        for item in raw["categories"]
    ]
    return Taxonomy(categories)
