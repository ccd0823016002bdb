"""Products, needs, quantities and certifications of demo enterprises.

Certifications follow what customers downstream demand: IATF 16949 where parts end up in
vehicles, ISO 15378 for pharmaceutical packaging, ISO 13485 for medical devices, GMP for drugs,
HACCP / ISO 22000 / FSSC 22000 for food, ISO/IEC 27001 for IT services.
"""

import datetime
import math
import random

from fairmatch.demo.taxonomy import Category, Taxonomy

FOOD_CERTIFICATIONS = ("HACCP", "ISO 22000", "FSSC 22000")
PRIMARY_DRUG_PACKAGING = frozenset({"PACK.BLISTER_FOIL", "PACK.GLASS_VIAL"})
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


class Context:
    """What a category is used for, seen from the families and sectors around it."""

    def __init__(self, taxonomy: Taxonomy, codes: list[str]):
        self.families: set[str] = set()
        self.sectors: set[str] = set()
        for code in codes:
            families, sectors = taxonomy.uses(code)
            self.families |= families
            self.sectors |= sectors

    @property
    def automotive(self) -> bool:
        return "automotive-motorcycle" in self.sectors

    @property
    def food(self) -> bool:
        return "FOOD" in self.families

    @property
    def medical(self) -> bool:
        return "MED" in self.families

    @property
    def drugs(self) -> bool:
        return bool({"PHAR", "BIO"} & self.families) and "pharma" in self.sectors


def is_it_service(category: Category) -> bool:
    """Software, cloud and SCADA/MES services: what ISO/IEC 27001 is about."""
    return category.service and category.family in ("IT", "AUTOM")


def required_certifications(
    rng: random.Random, need: Category, customer: list[Category], country: str = "VN"
) -> list[str]:
    """What a customer making `customer` products asks of a supplier of `need`."""
    families = {c.family for c in customer} | {need.family}
    sectors = {c.sector for c in customer} | {need.sector}
    if need.family == "PHAR":
        required = [rng.choice(("GMP-WHO", "GMP-WHO", "EU-GMP"))]
    elif need.code in PRIMARY_DRUG_PACKAGING and {"PHAR", "BIO"} & families:
        required = ["ISO 15378"]
    elif "MED" in families:
        required = ["ISO 13485"]
    elif "automotive-motorcycle" in sectors:
        required = ["IATF 16949"]
    elif "FOOD" in families or (need.family == "PACK" and "agri-food-processing" in sectors):
        required = [rng.choice(FOOD_CERTIFICATIONS)]
    elif is_it_service(need):
        required = ["ISO/IEC 27001"]
    else:
        required = ["ISO 9001"]
    if need.family in ("ELX", "ELEC") and country in ("DE", "FR") and rng.random() < 0.6:
        required.append(rng.choice(("RoHS", "CE")))
    elif need.family == "ELEC" and country == "US" and rng.random() < 0.6:
        required.append("UL")
    elif rng.random() < 0.15:
        required.append("ISO 14001")
    return required


def held_certifications(
    rng: random.Random, taxonomy: Taxonomy, products: list[Category], kind: str, household: bool
) -> list:
    """Certificates a maker holds, fitting its products' customers; some with an expiry date."""
    if household:
        return ["ISO 9001"] if rng.random() < 0.15 else []
    context = Context(taxonomy, [c.code for c in products])
    families = {c.family for c in products}
    strong = kind in ("lead", "fdi")
    # A drug maker cannot operate without GMP, nor a device maker sell without ISO 13485.
    chances = {
        "ISO 9001": 1.0 if kind == "lead" else 0.95 if strong else 0.82,
        "ISO 14001": 0.7 if kind == "fdi" else 0.35,
        "ISO 45001": 0.4 if kind == "fdi" else 0.12,
        "ISO 50001": 0.12 if kind == "lead" else 0.03,
    }
    if "PHAR" in families:
        chances["GMP-WHO"] = 1.0
        chances["EU-GMP"] = 0.25
    if "MED" in families:
        chances["ISO 13485"] = 1.0 if strong else 0.85
    elif context.medical:
        chances["ISO 13485"] = 0.3
    if {c.code for c in products} & PRIMARY_DRUG_PACKAGING and context.drugs:
        chances["ISO 15378"] = 0.6
    if context.automotive:
        chances["IATF 16949"] = 0.9 if strong and "AUTO" in families else 0.45
    if context.food and families & {"FOOD", "PACK", "BIO"}:
        chances[rng.choice(FOOD_CERTIFICATIONS)] = 0.75
    if any(is_it_service(c) for c in products):
        chances["ISO/IEC 27001"] = 0.7
    if families & {"ELX", "ELEC", "IT", "AUTOM"}:
        chances["RoHS"] = 0.4
        chances["CE"] = 0.35 if strong else 0.1
        chances["UL"] = 0.12
    held = [name for name, chance in chances.items() if rng.random() < chance]
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
        "hs_code": category.hs_code,
        "annual_capacity": quantity(capacity, category.unit),
        "min_order": quantity(capacity * rng.choice((0.0005, 0.001, 0.002, 0.005, 0.01)), category.unit),
    }
    if recognised:
        entry["recognized_key_product"] = recognised
    return {key: value for key, value in entry.items() if value is not None}


def need_entry(
    rng: random.Random, need: Category, customer: list[Category], size: float, notes: str, country: str
) -> dict:
    """One `needs[]` entry: the category, certifications asked for, yearly volume and notes."""
    return {
        "category": need.code,
        "required_certifications": required_certifications(rng, need, customer, country),
        "annual_volume": quantity(need.scale * size * rng.uniform(0.05, 0.4), need.unit),
        "notes": notes,
    }
