"""Validation of `fairmatch-exchange/1` documents (pure: no Flask, no database).

Every problem is reported with its JSON path, e.g. `enterprises[12].tax_code: ...`, so that an
organizer can fix a whole file in one pass. A problem prints in English (the command line); its
message is also a marked msgid with parameters, so that the organizer console can translate it.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import networkx as nx

from fairmatch.common.keys import foreign_key, is_valid_registration_no, is_valid_tax_code
from fairmatch.common.quantities import is_quantity
from fairmatch.common.text import N_
from fairmatch.common.vocabulary import CERTIFICATIONS, COUNTRIES, INPUT_KINDS, KINDS, SECTORS, UNIT_DIMENSIONS, UNITS

FORMAT = "fairmatch-exchange/1"
HS_CODE = re.compile(r"^\d{4,10}$")
CATEGORY_HS = re.compile(r"^(\d{4}|\d{6})$")
"""A category's HS 2022 code: the 6-digit subheading, or the 4-digit heading when none fits."""
TEXT_LIMITS = {"name_vi": 300, "name_en": 300, "address": 500, "locality": 120,
               "industrial_park": 120, "website": 300, "description_vi": 10000,
               "description_en": 10000, "ref": 60}
CATEGORY_LIMITS = {"code": 60, "name_vi": 200, "name_en": 200}
CONTACT_LIMITS = {"name": 200, "email": 254, "phone": 40}
LONG_TEXT = 10000
"""Descriptions and notes: room for a page of text, not for a document."""
FOUNDED_YEARS = range(1800, 2101)
RECOGNITION_YEARS = range(2000, 2101)
DECISION_NO_LIMIT = 60


@dataclass(frozen=True)
class Problem:
    """One problem at a JSON path; `message` is an English msgid with `%(name)s` parameters."""

    path: str
    message: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.path}: {self.message % self.params if self.params else self.message}"


def is_web_address(value: str) -> bool:
    """An http(s) address with a host name: never `javascript:` or another scheme."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in (parts.hostname or "") and " " not in value


def _one_of(value, allowed) -> bool:
    return isinstance(value, str) and value in allowed


def enterprise_key(entry: dict) -> str | None:
    """The stable key of an enterprise entry, or None when it has none."""
    country = entry.get("country") or "VN"
    if country == "VN":
        tax_code = entry.get("tax_code")
        return tax_code if isinstance(tax_code, str) else None
    registration_no = entry.get("registration_no")
    if not isinstance(country, str) or not isinstance(registration_no, str) or not registration_no:
        return None
    return foreign_key(country, registration_no)


def validate(doc, known_categories: dict[str, list[str]]) -> list[Problem]:
    """All problems of `doc`; `known_categories` maps codes already stored to their inputs."""
    if not isinstance(doc, dict):
        return [Problem("$", N_("the document must be a JSON object"))]
    problems: list[Problem] = []
    if doc.get("format") != FORMAT:
        problems.append(Problem("format", N_("must be %(value)r"), {"value": FORMAT}))
    categories = doc.get("categories") or []
    enterprises = doc.get("enterprises") or []
    for name, value in (("categories", categories), ("enterprises", enterprises)):
        if not isinstance(value, list):
            problems.append(Problem(name, N_("must be a list")))
            return problems
    codes = dict(known_categories)
    parents: dict[str, str] = {}
    for i, category in enumerate(categories):
        problems += _category_problems(f"categories[{i}]", category)
        if isinstance(category, dict) and isinstance(category.get("code"), str):
            codes[category["code"]] = [code for code, _, _ in input_links(category)]
            if isinstance(category.get("parent"), str):
                parents[category["code"]] = category["parent"]
    problems += _reference_problems(categories, codes)
    problems += _unit_fit_problems(categories)
    loop = input_cycle(codes)
    if loop:
        problems.append(Problem("categories", N_("the inputs form a cycle: %(loop)s"), {"loop": " → ".join(loop)}))
    loop = parent_cycle(parents)
    if loop:
        problems.append(Problem("categories", N_("the parents form a cycle: %(loop)s"), {"loop": " → ".join(loop)}))
    seen_keys: dict[str, int] = {}
    for i, entry in enumerate(enterprises):
        path = f"enterprises[{i}]"
        problems += _enterprise_problems(path, entry, codes)
        key = enterprise_key(entry) if isinstance(entry, dict) else None
        if key in seen_keys:
            problems.append(Problem(path, N_("the same enterprise as enterprises[%(index)d]"),
                                    {"index": seen_keys[key]}))
        elif key:
            seen_keys[key] = i
    return problems


def read_input(entry) -> tuple[str, str, dict | None] | None:
    """An input entry as (code, kind, per_unit): a plain code is a material of unknown quantity.
    None when the entry is neither a code nor an object with one."""
    if isinstance(entry, str):
        return entry, "material", None
    if isinstance(entry, dict) and isinstance(entry.get("code"), str):
        return entry["code"], entry.get("kind", "material"), entry.get("per_unit")
    return None


def input_links(category: dict) -> list[tuple[str, str, dict | None]]:
    """The readable input entries of a category object."""
    return [link for link in map(read_input, _as_list(category.get("inputs"))) if link is not None]


def input_cycle(codes: dict[str, list[str]]) -> list[str] | None:
    """A loop of `inputs` (`A → B → A`: A is made from B, which is made from A), or None."""
    graph = nx.DiGraph((o, i) for o, inputs in codes.items() for i in inputs if i in codes and i != o)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    return [edge[0] for edge in cycle] + [cycle[0][0]]


def parent_cycle(parents: dict[str, str]) -> list[str] | None:
    """A loop of `parent` links (`A → B → A`), or None."""
    for start in parents:
        seen = [start]
        while (parent := parents.get(seen[-1])) is not None:
            if parent in seen:
                return [*seen[seen.index(parent):], parent]
            seen.append(parent)
    return None


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def _text(path: str, value, required: bool = False, limit: int = 300) -> list[Problem]:
    if value is None:
        return [Problem(path, N_("is required"))] if required else []
    if not isinstance(value, str):
        return [Problem(path, N_("must be text"))]
    if required and not value.strip():
        return [Problem(path, N_("is required"))]
    if len(value) > limit:
        return [Problem(path, N_("is longer than %(limit)d characters"), {"limit": limit})]
    return []


def _category_problems(path: str, category) -> list[Problem]:
    if not isinstance(category, dict):
        return [Problem(path, N_("must be an object"))]
    problems = []
    for name, limit in CATEGORY_LIMITS.items():
        problems += _text(f"{path}.{name}", category.get(name), required=True, limit=limit)
    if not _one_of(category.get("sector"), SECTORS):
        problems.append(Problem(f"{path}.sector", N_("unknown sector %(value)r"), {"value": category.get("sector")}))
    hs = category.get("hs")
    if hs is not None and (not isinstance(hs, str) or not CATEGORY_HS.match(hs)):
        problems.append(Problem(f"{path}.hs", N_("must be an HS 2022 code: 6 digits, or the 4-digit heading")))
    inputs = category.get("inputs") or []
    if not isinstance(inputs, list):
        problems.append(Problem(f"{path}.inputs", N_("must be a list of category codes")))
    else:
        seen: set[str] = set()
        for j, entry in enumerate(inputs):
            problems += _input_problems(f"{path}.inputs[{j}]", entry, seen)
    parent = category.get("parent")
    if parent is not None and not isinstance(parent, str):
        problems.append(Problem(f"{path}.parent", N_("must be a category code")))
    return problems


def _input_problems(path: str, entry, seen: set[str]) -> list[Problem]:
    link = read_input(entry)
    if link is None:
        return [Problem(path, N_('must be a category code or {"code", "kind", "per_unit"}'))]
    code, kind, per_unit = link
    problems = []
    if code in seen:
        problems.append(Problem(path, N_("%(value)r is listed twice"), {"value": code}))
    seen.add(code)
    if isinstance(entry, dict):
        unknown = sorted(set(entry) - {"code", "kind", "per_unit"})
        if unknown:
            problems.append(Problem(path, N_("unknown field %(value)r"), {"value": unknown[0]}))
    if not _one_of(kind, INPUT_KINDS):
        problems.append(Problem(f"{path}.kind", N_("unknown kind of input %(value)r (use %(kinds)s)"),
                                {"value": kind, "kinds": ", ".join(INPUT_KINDS)}))
    if per_unit is not None:
        if kind != "material":
            problems.append(Problem(f"{path}.per_unit", N_("only a material goes into a product by quantity")))
        problems += _quantity_problems(f"{path}.per_unit", per_unit, positive=True)
    return problems


def _unit_fit_problems(categories: list) -> list[Problem]:
    """An input is counted in one dimension everywhere (mass, count, length…): 0.6 t of steel in a
    transformer and 40 m of steel in another product cannot both be true of one category."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, str]] = {}
    for i, category in enumerate(categories):
        if not isinstance(category, dict) or not isinstance(category.get("inputs"), list):
            continue
        for j, entry in enumerate(category["inputs"]):
            link = read_input(entry)
            per_unit = link[2] if link else None
            unit = per_unit.get("unit") if isinstance(per_unit, dict) else None
            if unit not in UNIT_DIMENSIONS:
                continue
            path = f"categories[{i}].inputs[{j}].per_unit.unit"
            known = first.setdefault(link[0], (UNIT_DIMENSIONS[unit], path))
            if known[0] != UNIT_DIMENSIONS[unit]:
                problems.append(Problem(path, N_("%(value)r does not fit: %(code)s is counted in %(other)s at %(at)s"),
                                        {"value": unit, "code": link[0], "other": known[0], "at": known[1]}))
    return problems


def _reference_problems(categories: list, codes: dict[str, list[str]]) -> list[Problem]:
    problems = []
    for i, category in enumerate(categories):
        if not isinstance(category, dict):
            continue
        for j, entry in enumerate(_as_list(category.get("inputs"))):
            code = (read_input(entry) or (None,))[0]
            if isinstance(code, str) and code not in codes:
                problems.append(Problem(f"categories[{i}].inputs[{j}]", N_("unknown category %(value)r"),
                                        {"value": code}))
            if code == category.get("code"):
                problems.append(Problem(f"categories[{i}].inputs[{j}]", N_("a category cannot be its own input")))
        parent = category.get("parent")
        if isinstance(parent, str) and parent not in codes:
            problems.append(Problem(f"categories[{i}].parent", N_("unknown category %(value)r"), {"value": parent}))
    return problems


def _enterprise_problems(path: str, entry, codes: dict) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(path, N_("must be an object"))]
    problems = _identity_problems(path, entry)
    for name, limit in TEXT_LIMITS.items():
        problems += _text(f"{path}.{name}", entry.get(name), limit=limit)
    if not _one_of(entry.get("kind"), KINDS):
        problems.append(Problem(f"{path}.kind", N_("must be one of %(values)s"), {"values": ", ".join(KINDS)}))
    for j, sector in enumerate(_list(entry, "sectors", path, problems)):
        if not _one_of(sector, SECTORS):
            problems.append(Problem(f"{path}.sectors[{j}]", N_("unknown sector %(value)r"), {"value": sector}))
    for j, market in enumerate(_list(entry, "export_markets", path, problems)):
        if not _one_of(market, COUNTRIES):
            problems.append(Problem(f"{path}.export_markets[{j}]", N_("unknown ISO 3166-1 country code %(value)r"),
                                    {"value": market}))
    problems += _number_problems(path, entry)
    website = entry.get("website")
    if isinstance(website, str) and website and not is_web_address(website):
        problems.append(Problem(f"{path}.website", N_("must be an http:// or https:// address")))
    contact = entry.get("contact")
    if contact is not None:
        if not isinstance(contact, dict):
            problems.append(Problem(f"{path}.contact", N_("must be an object")))
        else:
            for name, limit in CONTACT_LIMITS.items():
                problems += _text(f"{path}.contact.{name}", contact.get(name), limit=limit)
    for j, certification in enumerate(_list(entry, "certifications", path, problems)):
        problems += _certification_problems(f"{path}.certifications[{j}]", certification)
    for j, product in enumerate(_list(entry, "products", path, problems)):
        problems += _product_problems(f"{path}.products[{j}]", product, codes)
    for j, need in enumerate(_list(entry, "needs", path, problems)):
        problems += _need_problems(f"{path}.needs[{j}]", need, codes)
    return problems


def _identity_problems(path: str, entry: dict) -> list[Problem]:
    country = entry.get("country") or "VN"
    if not _one_of(country, COUNTRIES):
        return [Problem(f"{path}.country", N_("unknown ISO 3166-1 country code %(value)r"), {"value": country})]
    if country == "VN":
        problems = []
        tax_code = entry.get("tax_code")
        if not isinstance(tax_code, str) or not is_valid_tax_code(tax_code):
            problems.append(Problem(
                f"{path}.tax_code",
                N_("%(value)r is not a valid tax code "
                   "(10 digits with a correct check digit, 10-3 digits for a branch, or 12 digits)"),
                {"value": tax_code},
            ))
        return problems + _text(f"{path}.name_vi", entry.get("name_vi"), required=True)
    problems = []
    registration_no = entry.get("registration_no")
    if not isinstance(registration_no, str) or not is_valid_registration_no(registration_no):
        problems.append(
            Problem(f"{path}.registration_no", N_("a foreign enterprise needs its home registration number"))
        )
    if not (entry.get("name_en") or entry.get("name_vi")):
        problems.append(Problem(f"{path}.name_en", N_("is required for a foreign enterprise")))
    return problems


def _number_problems(path: str, entry: dict) -> list[Problem]:
    problems = []
    for name in ("founded_year", "employees"):
        value = entry.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            problems.append(Problem(f"{path}.{name}", N_("must be a whole number")))
    founded = entry.get("founded_year")
    if isinstance(founded, int) and not isinstance(founded, bool) and founded >= 0 and founded not in FOUNDED_YEARS:
        problems.append(Problem(f"{path}.founded_year", N_("must be between %(low)d and %(high)d"),
                                {"low": FOUNDED_YEARS[0], "high": FOUNDED_YEARS[-1]}))
    return problems


def _list(entry: dict, name: str, path: str, problems: list[Problem]) -> list:
    value = entry.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(f"{path}.{name}", N_("must be a list")))
        return []
    return value


def _certification_problems(path: str, certification) -> list[Problem]:
    if isinstance(certification, dict):
        name, expires_on = certification.get("name"), certification.get("expires_on")
        if expires_on is not None and not _is_iso_date(expires_on):
            return [Problem(f"{path}.expires_on", N_("must be a date like 2027-06-30"))]
    else:
        name = certification
    if not _one_of(name, CERTIFICATIONS):
        return [Problem(path, N_("unknown certification %(value)r"), {"value": name})]
    return []


def _is_iso_date(value) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _quantity_problems(path: str, quantity, positive: bool = False) -> list[Problem]:
    if quantity is None:
        return []
    if not isinstance(quantity, dict):
        return [Problem(path, N_('must be {"value", "unit"}'))]
    value = quantity.get("value")
    problems = []
    if not is_quantity(value):
        problems.append(Problem(f"{path}.value", N_("must be a number more than 0") if positive
                                else N_("must be a number ≥ 0")))
    elif positive and value == 0:
        problems.append(Problem(f"{path}.value", N_("must be a number more than 0")))
    if not _one_of(quantity.get("unit"), UNITS):
        problems.append(Problem(f"{path}.unit", N_("unknown unit %(value)r (use %(units)s)"),
                                {"value": quantity.get("unit"), "units": ", ".join(UNITS)}))
    return problems


def _category_reference(path: str, code, codes: dict) -> list[Problem]:
    if isinstance(code, str) and code in codes:
        return []
    return [Problem(path, N_("unknown category %(value)r"), {"value": code})]


def _product_problems(path: str, product, codes: dict) -> list[Problem]:
    if not isinstance(product, dict):
        return [Problem(path, N_("must be an object"))]
    problems = _category_reference(f"{path}.category", product.get("category"), codes)
    if not (product.get("name_vi") or product.get("name_en")):
        problems.append(Problem(f"{path}.name_vi", N_("a product needs a name")))
    for name in ("name_vi", "name_en"):
        problems += _text(f"{path}.{name}", product.get(name))
    problems += _text(f"{path}.description", product.get("description"), limit=LONG_TEXT)
    hs_code = product.get("hs_code")
    if hs_code is not None and (not isinstance(hs_code, str) or not HS_CODE.match(hs_code)):
        problems.append(Problem(f"{path}.hs_code", N_("must be 4 to 10 digits")))
    problems += _quantity_problems(f"{path}.annual_capacity", product.get("annual_capacity"))
    problems += _quantity_problems(f"{path}.min_order", product.get("min_order"))
    recognized = product.get("recognized_key_product")
    if recognized in (None, False):
        return problems
    claim = f"{path}.recognized_key_product"
    if (
        not isinstance(recognized, dict)
        or not isinstance(recognized.get("year"), int)
        or isinstance(recognized.get("year"), bool)
        or not isinstance(recognized.get("decision_no"), str)
    ):
        return [*problems, Problem(claim, N_('must be false or {"year", "decision_no"}'))]
    if recognized["year"] not in RECOGNITION_YEARS:
        problems.append(Problem(f"{claim}.year", N_("must be between %(low)d and %(high)d"),
                                {"low": RECOGNITION_YEARS[0], "high": RECOGNITION_YEARS[-1]}))
    return problems + _text(f"{claim}.decision_no", recognized["decision_no"], required=True, limit=DECISION_NO_LIMIT)


def _need_problems(path: str, need, codes: dict) -> list[Problem]:
    if not isinstance(need, dict):
        return [Problem(path, N_("must be an object"))]
    problems = _category_reference(f"{path}.category", need.get("category"), codes)
    for j, name in enumerate(_list(need, "required_certifications", path, problems)):
        if not _one_of(name, CERTIFICATIONS):
            problems.append(Problem(f"{path}.required_certifications[{j}]", N_("unknown certification %(value)r"),
                                    {"value": name}))
    problems += _quantity_problems(f"{path}.annual_volume", need.get("annual_volume"))
    problems += _text(f"{path}.notes", need.get("notes"), limit=LONG_TEXT)
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
