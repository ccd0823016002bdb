"""The demo fair's supply-chain taxonomy: categories, typed and quantified bills of materials,
and generator hints.

The data lives in `taxonomy.json` (`docs/taxonomy.md` tells its chains and sources); besides the
exchange fields (code, names, sector, parent, HS code, inputs) each category carries hints for
the generator (unit, typical yearly output, whether lead enterprises make it, product names,
the certificates its makers hold), which never reach the exchange document.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from graphlib import TopologicalSorter
from importlib import resources

from fairmatch.common.exchange_validation import input_links
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
    """The materials it is made from: its bill of materials."""
    hs: str | None = None
    unit: str = "units"
    scale: int = 1000
    final: bool = False
    variants: tuple[tuple[str, str], ...] = ()
    per_unit: dict[str, tuple[float, str]] = field(default_factory=dict)
    """How much of some materials goes into one unit: code → (value, unit)."""
    means: tuple[tuple[str, str], ...] = ()
    """The tooling, equipment and services it is made with: (code, kind)."""
    certifications: tuple[str, ...] = ()
    """The certificates a maker of this category holds, as its industry expects."""
    family: str = field(init=False, repr=False)
    """The code's prefix (`MECH`, `PACK`, ...), which decides trade names and affinities."""

    def __post_init__(self):
        object.__setattr__(self, "family", self.code.split(".", 1)[0])

    def __hash__(self) -> int:
        return hash(self.code)

    @property
    def service(self) -> bool:
        """A service (plating, software, cloud) rather than goods: it has no HS code."""
        return self.hs is None

    @property
    def direct_inputs(self) -> tuple[str, ...]:
        """Everything a maker of this category buys for it: materials, tooling, equipment, services."""
        return (*self.inputs, *(code for code, _ in self.means))

    def exchange(self) -> dict:
        """The category as a `fairmatch-exchange/1` object."""
        entries: list = []
        for code in self.inputs:
            if code in self.per_unit:
                value, unit = self.per_unit[code]
                entries.append({"code": code, "per_unit": {"value": value, "unit": unit}})
            else:
                entries.append(code)
        entries += [{"code": code, "kind": kind} for code, kind in self.means]
        entry = {"code": self.code, "name_vi": self.name_vi, "name_en": self.name_en, "sector": self.sector,
                 "parent": self.parent}
        if self.hs:
            entry["hs"] = self.hs
        return entry | {"inputs": entries}


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
        used_with: dict[str, list[str]] = {c.code: [] for c in categories}
        for category in categories:
            for code, _ in category.means:
                used_with[code].append(category.code)
        self.used_with = {code: tuple(found) for code, found in used_with.items()}
        """Categories made with each one as tooling, equipment or a service."""
        order = tuple(TopologicalSorter({c.code: c.inputs for c in categories}).static_order())
        self._upstream = self._closure(order, lambda code: self.by_code[code].inputs)
        self._downstream = self._closure(order[::-1], lambda code: self.users[code])
        self.products = tuple(c for c in categories if c.code not in self.groups)
        self.finals = tuple(c for c in self.products if c.final)
        self.inputs = tuple(c for c in self.products if self.users[c.code] or self.used_with[c.code])

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

    def exchange(self) -> list[dict]:
        """All categories as `fairmatch-exchange/1` objects."""
        return [category.exchange() for category in self.categories]


@cache
def load_taxonomy() -> Taxonomy:
    """The curated taxonomy shipped with the package (loaded once)."""
    raw = json.loads(resources.files("fairmatch.demo").joinpath("taxonomy.json").read_text("utf-8"))
    categories = []
    for item in raw["categories"]:
        links = input_links(item)
        materials = [(code, per_unit) for code, kind, per_unit in links if kind == "material"]
        categories.append(Category(
            code=item["code"],
            name_vi=nfc(item["name_vi"]),
            name_en=item["name_en"],
            sector=item["sector"],
            parent=item["parent"],
            inputs=tuple(code for code, _ in materials),
            hs=item.get("hs"),
            unit=item.get("unit", "units"),
            scale=item.get("scale", 1000),
            final=item.get("final", False),
            variants=tuple((nfc(vi), en) for vi, en in item.get("variants", ())),
            per_unit={code: (per_unit["value"], per_unit["unit"]) for code, per_unit in materials if per_unit},
            means=tuple((code, kind) for code, kind, _ in links if kind != "material"),
            certifications=tuple(item.get("certifications", ())),
        ))
    return Taxonomy(categories)
