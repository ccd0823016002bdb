"""Plain input and output data of the matching engine (no framework types)."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount in one of the exchange units (`units`, `sets`, `kg`, `t`, `m`, `m2`, `m3`, `l`)."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Category:
    """A product category of the taxonomy. `inputs` are the materials it is made from (its bill of
    materials: what the supply chain walks up, tier by tier), `per_unit` how much of some of them
    goes into one unit, and `means` the tooling, equipment and services it is made with, each
    `(code, kind)`: a supplier of those serves this maker only, not the makers further down."""

    code: str
    sector: str
    inputs: tuple[str, ...] = ()
    name_vi: str = ""
    name_en: str = ""
    hs: str | None = None
    per_unit: tuple[tuple[str, "Quantity"], ...] = ()
    means: tuple[tuple[str, str], ...] = ()

    @property
    def direct_inputs(self) -> tuple[str, ...]:
        """Everything a maker of this category buys for it: materials, tooling, equipment, services."""
        return (*self.inputs, *(code for code, _ in self.means))


@dataclass(frozen=True, slots=True)
class Product:
    """Something an enterprise makes, in one category."""

    category: str
    name_vi: str = ""
    name_en: str = ""
    annual_capacity: Quantity | None = None
    recognized: bool = False


@dataclass(frozen=True, slots=True)
class Need:
    """A category an enterprise says it buys, with what a supplier must hold and how much."""

    category: str
    required_certifications: frozenset[str] = frozenset()
    annual_volume: Quantity | None = None


@dataclass(frozen=True, slots=True)
class Enterprise:
    """An enterprise profile as the matcher sees it; `country` other than VN means foreign."""

    key: str
    name_vi: str
    name_en: str
    kind: str
    sectors: frozenset[str] = frozenset()
    locality: str | None = None
    industrial_park: str | None = None
    verified: bool = True
    booth: str | None = None
    certifications: frozenset[str] = frozenset()
    products: tuple[Product, ...] = ()
    needs: tuple[Need, ...] = ()
    country: str = "VN"
    # Certifications valid at the fair but running out soon after it: counted, and said so.
    expiring: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class SourcingRequest:
    """A buyer's request: one category, the certifications it requires and an annual volume."""

    category: str
    required_certifications: frozenset[str] = frozenset()
    volume: Quantity | None = None
    buyer_key: str | None = None


@dataclass(frozen=True, slots=True)
class Weights:
    """Every number the score depends on; docs/matching.md explains each one."""

    relation: float = 0.50
    certification: float = 0.15
    capacity: float = 0.05
    location: float = 0.10
    recognized: float = 0.08
    booth: float = 0.04
    verified: float = 0.08
    # Relation strength by distance: explicit need, direct input, input of an input, ...
    distance: tuple[float, ...] = (1.0, 0.7, 0.4, 0.2, 0.1, 0.05)
    same_park: float = 1.0
    same_locality: float = 0.75
    unknown_capacity: float = 0.5
    reciprocity: float = 0.3
    two_sided_min: float = 0.7
    flag_penalty: float = 0.5
    diversity: float = 0.85
    pool: int = 2


@dataclass(frozen=True, slots=True)
class Factor:
    """One criterion that raised (`+`) or lowered (`-`) a match, with the values it names."""

    code: str
    effect: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Match:
    """A ranked partner: `path` runs from the supplier's category to the customer's product.

    `own` is the asker's one-way score of the partner, `their` the partner's one-way score of
    the asker (None when the asker is anonymous); `score` is what the list is ordered by.
    `direction` is `suppliers` when `key` supplies the asker, `customers` when it buys.
    """

    key: str
    score: float
    path: tuple[str, ...]
    factors: tuple[Factor, ...]
    two_sided: bool
    own: float = 0.0
    their: float | None = None
    direction: str = "suppliers"
    # 1: a stated need, a direct input or a direct customer; 2 and more: your suppliers' suppliers
    # (or your customers' customers), as many steps away.
    tier: int = 1
    # How the link serves the product: `material` (goes into it), `tooling`, `equipment`, `service`.
    relation: str = "material"
