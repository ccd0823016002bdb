"""Products, needs, quantities and certifications of demo enterprises.

Certifications come from the maker's own industry (the taxonomy's hint per category): IATF 16949
for automotive parts, ISO 15378 for primary packaging of medicines, ISO 13485 for medical
devices, GMP for drugs, HACCP / ISO 22000 / FSSC 22000 for food, ISO/IEC 27001 for IT services.
A customer asks its suppliers for its own industry's quality system where they hold one.
"""

import datetime
import math
import random

from fairmatch.demo.taxonomy import Category, Taxonomy
from fairmatch.supplychain.certifications import CHAIN_CERTIFICATIONS

PRIMARY_DRUG_PACKAGING = frozenset({"PACK.BLISTER_FOIL", "PACK.BLISTER_FILM", "PACK.GLASS_VIAL", "PACK.RUBBER_STOPPER",
                                    "PACK.ALU_SEAL"})
"""Packaging in direct contact with medicines, the scope of ISO 15378."""
_MARKS = frozenset({"CE", "UL", "RoHS"})
_VALID_FROM, _VALID_DAYS = datetime.date(2026, 11, 1), 790
_LAPSED_FROM, _LAPSED_DAYS = datetime.date(2025, 6, 1), 480


def nice_number(value: float) -> int:
    """Round to two significant digits, at least 1: 1234567 → 1200000."""
    if value < 10:
        return max(1, round(value))
    step = 10 ** (int(math.log10(value)) - 1)
    return int(round(value / step) * step)


def quantity(value: float, unit: str) -> dict:
    """A `{"value", "unit"}` quantity with a round value."""
    return {"value": nice_number(value), "unit": unit}


def quantity_at_most(value: float, unit: str) -> dict:
    """A round quantity that never exceeds `value` (two significant digits, rounded down)."""
    step = 10.0 ** (math.floor(math.log10(value)) - 1)
    rounded = math.floor(value / step) * step
    return {"value": int(rounded) if rounded >= 10 else round(rounded, 6), "unit": unit}


def required_certifications(
    rng: random.Random, need: Category, customer: list[Category], country: str = "VN"
) -> list[str]:
    """What a customer making `customer` products asks of a supplier of `need`: its own industry's
    quality system when makers of `need` hold it (IATF 16949 for a motorcycle maker's parts, GMP
    for a drug maker's ingredients, ISO 15378 for its vials), else ISO 9001 where that is usual."""
    chain = frozenset().union(*(CHAIN_CERTIFICATIONS.get(c.sector, frozenset()) for c in customer))
    held = need.certifications
    relevant = [name for name in held if name in chain]
    if relevant:
        required = [relevant[0] if len(relevant) == 1 or rng.random() < 0.7 else rng.choice(relevant)]
    else:
        required = ["ISO 9001"] if "ISO 9001" in held else []
    marks = [name for name in held if name in _MARKS]
    if marks and country in ("FR", "JP", "KR") and rng.random() < 0.4:
        required.append(rng.choice(marks))
    elif "ISO 14001" in held and rng.random() < 0.15:
        required.append("ISO 14001")
    return required


def trader_requirements(rng: random.Random, need: Category, makers: int) -> list[str]:
    """What a dealer, distributor or exporter asks of the maker: ISO 9001 now and then, where
    makers of the category usually hold it and it has several to choose from (with a single
    local maker it takes what there is); the goods' own marks and approvals are its concern."""
    return ["ISO 9001"] if makers >= 2 and "ISO 9001" in need.certifications and rng.random() < 0.3 else []


# How likely a maker holds a certificate its industry expects, by kind of firm: (lead, FDI, other).
_QUALITY_CHANCE = (1.0, 0.95, 0.8)
_CHANCES = {
    "ISO 14001": (0.35, 0.7, 0.25),
    "ISO 45001": (0.12, 0.4, 0.08),
    "ISO 50001": (0.12, 0.05, 0.02),
    "EU-GMP": (0.25, 0.4, 0.1),
    "CE": (0.35, 0.5, 0.1),
    "UL": (0.12, 0.2, 0.05),
    "RoHS": (0.4, 0.6, 0.25),
}


def held_certifications(
    rng: random.Random, taxonomy: Taxonomy, products: list[Category], kind: str, household: bool
) -> list:
    """Certificates a maker holds: those its products' industry expects (the taxonomy's hint),
    the quality systems nearly always, environmental and market marks less often; some with an
    expiry date."""
    if household:
        return ["ISO 9001"] if rng.random() < 0.15 else []
    column = {"lead": 0, "fdi": 1}.get(kind, 2)
    typical = dict.fromkeys(name for category in products for name in category.certifications)
    held = [name for name in typical if rng.random() < _CHANCES.get(name, _QUALITY_CHANCE)[column]]
    return [_with_expiry(rng, name) for name in held]


def _with_expiry(rng: random.Random, name: str):
    # Marks such as CE have no expiry; one dated certificate in ten has lapsed before the
    # mid-October 2026 fair, so that renewal warnings have something to show.
    if name in _MARKS or rng.random() < 0.55:
        return name
    start, days = (_LAPSED_FROM, _LAPSED_DAYS) if rng.random() < 0.1 else (_VALID_FROM, _VALID_DAYS)
    expires_on = start + datetime.timedelta(days=rng.randrange(days))
    return {"name": name, "expires_on": expires_on.isoformat()}


def product_names(rng: random.Random, category: Category, room: int) -> list[tuple[str, str]]:
    """One or, for categories with several variants and room left, two product names."""
    if not category.variants:
        return [(category.name_vi, category.name_en)]
    count = 2 if room > 1 and len(category.variants) > 1 and rng.random() < 0.25 else 1
    return rng.sample(list(category.variants), count)


def product_entry(
    rng: random.Random, category: Category, name: tuple[str, str], size: float, recognised: dict | None
) -> dict:
    """One `products[]` entry with capacity and minimum order in the category's unit."""
    capacity = category.scale * size * rng.uniform(0.4, 2.5)
    entry = {
        "name_vi": name[0],
        "name_en": name[1],
        "category": category.code,
        "hs_code": category.hs,
        "annual_capacity": quantity(capacity, category.unit),
        "min_order": quantity(capacity * rng.choice((0.0005, 0.001, 0.002, 0.005, 0.01)), category.unit),
    }
    if recognised:
        entry["recognized_key_product"] = recognised
    return {key: value for key, value in entry.items() if value is not None}


def volume_used(taxonomy: Taxonomy, need: Category, made: list[dict]) -> dict | None:
    """How much of `need` a maker's stated output uses a year, from the taxonomy's per-unit
    quantities; None when no product states it (a tooling, equipment or service need, or a
    material of unknown share)."""
    total, unit = 0.0, None
    for product in made:
        per_unit = taxonomy.by_code[product["category"]].per_unit.get(need.code)
        if per_unit is None or product["annual_capacity"]["unit"] != taxonomy.by_code[product["category"]].unit:
            continue
        total += product["annual_capacity"]["value"] * per_unit[0]
        unit = per_unit[1]
    return {"value": total, "unit": unit} if unit else None


def need_entry(rng: random.Random, need: Category, customer: list[Category], size: float, notes: str, country: str,
               used: dict | None = None, makers: int = 0) -> dict:
    """One `needs[]` entry: the category, certifications asked for, yearly volume and notes. A
    maker (`used` known or not: `customer` lists what it makes) asks for a share of what its own
    output uses, or states no volume when that is unknown; a trader sizes to its own scale."""
    if used is not None:
        volume = quantity_at_most(used["value"] * rng.uniform(0.3, 0.9), used["unit"])
    elif need.service or customer != [need]:
        volume = None
    else:
        volume = quantity(need.scale * size * rng.uniform(0.05, 0.4), need.unit)
    entry = {
        "category": need.code,
        "required_certifications": (required_certifications(rng, need, customer, country) if customer != [need]
                                    else trader_requirements(rng, need, makers)),
        "annual_volume": volume,
        "notes": notes,
    }
    return {key: value for key, value in entry.items() if value is not None}
