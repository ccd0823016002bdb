"""Validation of `fairmatch-exchange/1` documents (pure: no Flask, no database).

Every problem is reported with its JSON path, e.g. `enterprises[12].tax_code: ...`, so that an
organizer can fix a whole file in one pass.
"""

import re
import unicodedata
from datetime import date

import networkx as nx

from fairmatch.enterprises.keys import foreign_key, is_valid_registration_no, is_valid_tax_code
from fairmatch.vocabulary import CERTIFICATIONS, COUNTRIES, KINDS, SECTORS, UNITS

FORMAT = "fairmatch-exchange/1"
HS_CODE = re.compile(r"^\d{4,10}$")
TEXT_LIMITS = {"name_vi": 300, "name_en": 300, "address": 500, "locality": 120,
               "industrial_park": 120, "website": 300, "description_vi": 10000,
               "description_en": 10000, "ref": 60}


def enterprise_key(entry: dict) -> str | None:
    """The stable key of an enterprise entry, or None when it has none."""
    country = entry.get("country") or "VN"
    if country == "VN":
        return entry.get("tax_code")
    registration_no = entry.get("registration_no")
    return foreign_key(country, registration_no) if registration_no else None


def validate(doc, known_categories: dict[str, list[str]]) -> list[str]:
    """All problems of `doc`; `known_categories` maps codes already stored to their inputs."""
    if not isinstance(doc, dict):
        return ["$: the document must be a JSON object"]
    problems: list[str] = []
    if doc.get("format") != FORMAT:
        problems.append(f"format: must be {FORMAT!r}")
    categories = doc.get("categories") or []
    enterprises = doc.get("enterprises") or []
    for name, value in (("categories", categories), ("enterprises", enterprises)):
        if not isinstance(value, list):
            problems.append(f"{name}: must be a list")
            return problems
    codes = dict(known_categories)
    for i, category in enumerate(categories):
        problems += _category_problems(f"categories[{i}]", category)
        if isinstance(category, dict) and isinstance(category.get("code"), str):
            codes[category["code"]] = [c for c in category.get("inputs") or [] if isinstance(c, str)]
    problems += _reference_and_cycle_problems(categories, codes)
    seen_keys: dict[str, int] = {}
    for i, entry in enumerate(enterprises):
        path = f"enterprises[{i}]"
        problems += _enterprise_problems(path, entry, codes)
        key = enterprise_key(entry) if isinstance(entry, dict) else None
        if key in seen_keys:
            problems.append(f"{path}: the same enterprise as enterprises[{seen_keys[key]}]")
        elif key:
            seen_keys[key] = i
    return problems


def _text(path: str, value, required: bool = False, limit: int = 300) -> list[str]:
    if value is None:
        return [f"{path}: is required"] if required else []
    if not isinstance(value, str):
        return [f"{path}: must be text"]
    if required and not value.strip():
        return [f"{path}: is required"]
    if len(value) > limit:
        return [f"{path}: is longer than {limit} characters"]
    return []


def _category_problems(path: str, category) -> list[str]:
    if not isinstance(category, dict):
        return [f"{path}: must be an object"]
    problems = _text(f"{path}.code", category.get("code"), required=True, limit=60)
    problems += _text(f"{path}.name_vi", category.get("name_vi"), required=True)
    problems += _text(f"{path}.name_en", category.get("name_en"), required=True)
    if category.get("sector") not in SECTORS:
        problems.append(f"{path}.sector: unknown sector {category.get('sector')!r}")
    inputs = category.get("inputs") or []
    if not isinstance(inputs, list) or not all(isinstance(c, str) for c in inputs):
        problems.append(f"{path}.inputs: must be a list of category codes")
    return problems


def _reference_and_cycle_problems(categories: list, codes: dict[str, list[str]]) -> list[str]:
    problems = []
    for i, category in enumerate(categories):
        if not isinstance(category, dict):
            continue
        for j, code in enumerate(category.get("inputs") or []):
            if isinstance(code, str) and code not in codes:
                problems.append(f"categories[{i}].inputs[{j}]: unknown category {code!r}")
            if code == category.get("code"):
                problems.append(f"categories[{i}].inputs[{j}]: a category cannot be its own input")
        parent = category.get("parent")
        if parent is not None and parent not in codes:
            problems.append(f"categories[{i}].parent: unknown category {parent!r}")
    graph = nx.DiGraph((i, o) for o, inputs in codes.items() for i in inputs if i in codes and i != o)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return problems
    loop = " → ".join([edge[0] for edge in cycle] + [cycle[0][0]])
    return [*problems, f"categories: the inputs form a cycle: {loop}"]


def _enterprise_problems(path: str, entry, codes: dict) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{path}: must be an object"]
    problems: list[str] = []
    country = entry.get("country") or "VN"
    if country not in COUNTRIES:
        problems.append(f"{path}.country: unknown ISO 3166-1 country code {country!r}")
    elif country == "VN":
        tax_code = entry.get("tax_code")
        if not isinstance(tax_code, str) or not is_valid_tax_code(tax_code):
            problems.append(
                f"{path}.tax_code: {tax_code!r} is not a valid tax code "
                "(10 digits with a correct check digit, 10-3 digits for a branch, or 12 digits)"
            )
        problems += _text(f"{path}.name_vi", entry.get("name_vi"), required=True)
    else:
        registration_no = entry.get("registration_no")
        if not isinstance(registration_no, str) or not is_valid_registration_no(registration_no):
            problems.append(f"{path}.registration_no: a foreign enterprise needs its home registration number")
        if not (entry.get("name_en") or entry.get("name_vi")):
            problems.append(f"{path}.name_en: is required for a foreign enterprise")
    for field, limit in TEXT_LIMITS.items():
        problems += _text(f"{path}.{field}", entry.get(field), limit=limit)
    if entry.get("kind") not in KINDS:
        problems.append(f"{path}.kind: must be one of {', '.join(KINDS)}")
    for j, sector in enumerate(_list(entry, "sectors", path, problems)):
        if sector not in SECTORS:
            problems.append(f"{path}.sectors[{j}]: unknown sector {sector!r}")
    for j, market in enumerate(_list(entry, "export_markets", path, problems)):
        if market not in COUNTRIES:
            problems.append(f"{path}.export_markets[{j}]: unknown ISO 3166-1 country code {market!r}")
    for field in ("founded_year", "employees"):
        value = entry.get(field)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            problems.append(f"{path}.{field}: must be a whole number")
    contact = entry.get("contact")
    if contact is not None:
        if not isinstance(contact, dict):
            problems.append(f"{path}.contact: must be an object")
        else:
            for field in ("name", "email", "phone"):
                problems += _text(f"{path}.contact.{field}", contact.get(field), limit=200)
    for j, certification in enumerate(_list(entry, "certifications", path, problems)):
        problems += _certification_problems(f"{path}.certifications[{j}]", certification)
    for j, product in enumerate(_list(entry, "products", path, problems)):
        problems += _product_problems(f"{path}.products[{j}]", product, codes)
    for j, need in enumerate(_list(entry, "needs", path, problems)):
        problems += _need_problems(f"{path}.needs[{j}]", need, codes)
    return problems


def _list(entry: dict, field: str, path: str, problems: list[str]) -> list:
    value = entry.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{path}.{field}: must be a list")
        return []
    return value


def _certification_problems(path: str, certification) -> list[str]:
    if isinstance(certification, dict):
        name, expires_on = certification.get("name"), certification.get("expires_on")
        if expires_on is not None and not _is_iso_date(expires_on):
            return [f"{path}.expires_on: must be a date like 2027-06-30"]
    else:
        name = certification
    if name not in CERTIFICATIONS:
        return [f"{path}: unknown certification {name!r}"]
    return []


def _is_iso_date(value) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _quantity_problems(path: str, quantity) -> list[str]:
    if quantity is None:
        return []
    if not isinstance(quantity, dict):
        return [f"{path}: must be {{\"value\", \"unit\"}}"]
    value = quantity.get("value")
    problems = []
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        problems.append(f"{path}.value: must be a number ≥ 0")
    if quantity.get("unit") not in UNITS:
        problems.append(f"{path}.unit: unknown unit {quantity.get('unit')!r} (use {', '.join(UNITS)})")
    return problems


def _category_reference(path: str, code, codes: dict) -> list[str]:
    return [] if isinstance(code, str) and code in codes else [f"{path}: unknown category {code!r}"]


def _product_problems(path: str, product, codes: dict) -> list[str]:
    if not isinstance(product, dict):
        return [f"{path}: must be an object"]
    problems = _category_reference(f"{path}.category", product.get("category"), codes)
    if not (product.get("name_vi") or product.get("name_en")):
        problems.append(f"{path}.name_vi: a product needs a name")
    for field in ("name_vi", "name_en"):
        problems += _text(f"{path}.{field}", product.get(field))
    problems += _text(f"{path}.description", product.get("description"), limit=10000)
    hs_code = product.get("hs_code")
    if hs_code is not None and (not isinstance(hs_code, str) or not HS_CODE.match(hs_code)):
        problems.append(f"{path}.hs_code: must be 4 to 10 digits")
    problems += _quantity_problems(f"{path}.annual_capacity", product.get("annual_capacity"))
    problems += _quantity_problems(f"{path}.min_order", product.get("min_order"))
    recognized = product.get("recognized_key_product")
    if recognized not in (None, False) and (
        not isinstance(recognized, dict)
        or not isinstance(recognized.get("year"), int)
        or not isinstance(recognized.get("decision_no"), str)
    ):
        problems.append(f"{path}.recognized_key_product: must be false or {{\"year\", \"decision_no\"}}")
    return problems


def _need_problems(path: str, need, codes: dict) -> list[str]:
    if not isinstance(need, dict):
        return [f"{path}: must be an object"]
    problems = _category_reference(f"{path}.category", need.get("category"), codes)
    for j, name in enumerate(_list(need, "required_certifications", path, problems)):
        if name not in CERTIFICATIONS:
            problems.append(f"{path}.required_certifications[{j}]: unknown certification {name!r}")
    problems += _quantity_problems(f"{path}.annual_volume", need.get("annual_volume"))
    problems += _text(f"{path}.notes", need.get("notes"), limit=10000)
    return problems


def normalize_text(value):
    """NFC for every string in a JSON value, so that stored text compares equal to typed text."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [normalize_text(v) for v in value]
    if isinstance(value, dict):
        return {k: normalize_text(v) for k, v in value.items()}
    return value
