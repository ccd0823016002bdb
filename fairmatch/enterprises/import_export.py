"""Import and export of `fairmatch-exchange/1`: all or nothing, idempotent, round trip exact."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.common import exchange_validation as exchange
from fairmatch.enterprises.models import (
    Category,
    CategoryInput,
    Enterprise,
    Need,
    Product,
)
from fairmatch.extensions import db

PROGRESS_EVERY = 200
"""Enterprises written (flushed) between two calls of an import's progress callback."""

OPTIONAL_FIELDS = ("ref", "name_vi", "name_en", "address", "locality", "industrial_park",
                   "founded_year", "employees", "website", "description_vi", "description_en")


class ImportRefused(Exception):
    """The document has problems; nothing was written. Each problem prints as `path: message`."""

    def __init__(self, problems: list[exchange.Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    categories_added: int
    categories_updated: int
    enterprises_added: int
    enterprises_updated: int
    enterprises_unchanged: int


def import_document(doc, actor=None, *, commit: bool = True,
                    progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Validate `doc` whole, then write it in one transaction; raise ImportRefused on any problem.

    Enterprises are matched by key; a changed one has its products and needs replaced by the
    document's; an unchanged one is not touched, so importing twice changes nothing.
    With `commit=False` the writes are left to the caller's transaction (a background job commits
    them with its end). `progress(done, total)` is told every PROGRESS_EVERY enterprises written.
    """
    categories = {c.code: c for c in db.session.scalars(select(Category).options(selectinload(Category.input_links)))}
    doc = exchange.normalize_text(doc)
    problems = exchange.validate(doc, {code: [link.code for link in c.input_links] for code, c in categories.items()})
    if problems:
        raise ImportRefused(problems)
    try:
        cat_added, cat_updated = _write_categories(doc.get("categories") or [], categories)
        counts = _write_enterprises(doc.get("enterprises") or [], categories, progress)
        summary = ImportSummary(cat_added, cat_updated, *counts)
        if cat_added or cat_updated or counts[0] or counts[1]:
            db.session.flush()
            record("exchange.imported", _Document(), summary.__dict__, actor=actor)
        if commit:
            db.session.commit()
        else:
            db.session.flush()
    except Exception:
        db.session.rollback()
        raise
    return summary


class _Document:
    """Stands for the imported file in the audit log."""

    id = "import"


def _write_categories(entries: list[dict], categories: dict[str, Category]) -> tuple[int, int]:
    added: set[str] = set()
    changed: set[str] = set()
    for entry in entries:
        category = categories.get(entry["code"])
        wanted = (entry["name_vi"], entry["name_en"], entry["sector"], entry.get("hs"))
        if category is None:
            category = Category(code=entry["code"], name_vi=wanted[0], name_en=wanted[1], sector=wanted[2],
                                hs=wanted[3])
            db.session.add(category)
            categories[entry["code"]] = category
            added.add(entry["code"])
        elif (category.name_vi, category.name_en, category.sector, category.hs) != wanted:
            category.name_vi, category.name_en, category.sector, category.hs = wanted
            changed.add(entry["code"])
    db.session.flush()
    for entry in entries:
        category = categories[entry["code"]]
        parent = categories.get(entry.get("parent")) if entry.get("parent") else None
        inputs = sorted(input_entry(*link) for link in exchange.input_links(entry))
        stored_inputs = [] if entry["code"] in added else links_of(category)
        if category.parent_id == (parent.id if parent else None) and stored_inputs == inputs:
            continue
        category.parent = parent
        db.session.execute(CategoryInput.__table__.delete().where(CategoryInput.output_id == category.id))
        db.session.add_all(_link(category, categories, item) for item in inputs)
        db.session.expire(category, ["inputs", "input_links"])
        changed.add(entry["code"])
    return len(added), len(changed - added)


def input_entry(code: str, kind: str, per_unit: dict | None) -> tuple:
    """An input relation as compared and stored: (code, kind, per-unit value, per-unit unit)."""
    return (code, kind, float(per_unit["value"]), per_unit["unit"]) if per_unit else (code, kind, None, None)


def links_of(category: Category) -> list[tuple]:
    """The category's stored input relations, in the form `input_entry` gives."""
    return sorted((link.code, link.kind, link.per_unit_value, link.per_unit_unit) for link in category.input_links)


def _link(category: Category, categories: dict[str, Category], item: tuple) -> CategoryInput:
    code, kind, value, unit = item
    return CategoryInput(output_id=category.id, input_id=categories[code].id, kind=kind, per_unit_value=value,
                         per_unit_unit=unit)


def export_input(code: str, kind: str, value: float | None, unit: str | None) -> str | dict:
    """An input as the format writes it: the plain code for a material of unknown quantity."""
    if kind == "material" and unit is None:
        return code
    entry: dict = {"code": code}
    if kind != "material":
        entry["kind"] = kind
    if unit is not None:
        entry["per_unit"] = {"value": _number(value), "unit": unit}
    return entry


def _write_enterprises(entries: list[dict], categories: dict[str, Category],
                       progress: Callable[[int, int], None] | None = None) -> tuple[int, int, int]:
    keys = [exchange.enterprise_key(e) for e in entries]
    existing = {
        e.key: e
        for e in db.session.scalars(
            select(Enterprise).where(Enterprise.key.in_(keys)).options(*_full_profile())
        )
    }
    added = updated = unchanged = 0
    total = len(entries)
    for done, (key, entry) in enumerate(zip(keys, entries, strict=True)):
        if done % PROGRESS_EVERY == 0 and done:
            # Written batch by batch (still one transaction), so that the progress told is the work done.
            db.session.flush()
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        wanted = canonical_entry(entry)
        enterprise = existing.get(key)
        if enterprise is not None and export_enterprise(enterprise) == wanted:
            unchanged += 1
            continue
        if enterprise is None:
            enterprise = Enterprise(key=key, verified=True)
            _fill(enterprise, wanted, categories)
            # Added once whole: adding it first would cascade through the session on every append.
            db.session.add(enterprise)
            added += 1
        else:
            _fill(enterprise, wanted, categories)
            updated += 1
    db.session.flush()
    if progress is not None:
        progress(total, total)
    return added, updated, unchanged


def _full_profile():
    return (
        selectinload(Enterprise.sectors),
        selectinload(Enterprise.certifications),
        selectinload(Enterprise.products).selectinload(Product.category),
        selectinload(Enterprise.needs).selectinload(Need.category),
    )


def _fill(enterprise: Enterprise, entry: dict, categories: dict[str, Category]) -> None:
    enterprise.country = entry.get("country", "VN")
    enterprise.tax_code = entry.get("tax_code")
    enterprise.registration_no = entry.get("registration_no")
    enterprise.kind = entry["kind"]
    for field in OPTIONAL_FIELDS:
        setattr(enterprise, field, entry.get(field))
    contact = entry.get("contact", {})
    enterprise.contact_name = contact.get("name")
    enterprise.contact_email = contact.get("email")
    enterprise.contact_phone = contact.get("phone")
    enterprise.export_markets = entry.get("export_markets", [])
    enterprise.set_sectors(entry.get("sectors", []))
    enterprise.set_certifications(dict(_certification(c) for c in entry.get("certifications", [])))
    enterprise.products = [_product(p, categories) for p in entry.get("products", [])]
    enterprise.needs = [
        Need(
            category=categories[n["category"]],
            volume_value=n.get("annual_volume", {}).get("value"),
            volume_unit=n.get("annual_volume", {}).get("unit"),
            required_certifications=n.get("required_certifications", []),
            notes=n.get("notes"),
        )
        for n in entry.get("needs", [])
    ]


def _certification(entry: str | dict) -> tuple[str, date | None]:
    if isinstance(entry, str):
        return entry, None
    return entry["name"], date.fromisoformat(entry["expires_on"]) if entry.get("expires_on") else None


def _product(entry: dict, categories: dict[str, Category]) -> Product:
    recognized = entry.get("recognized_key_product") or {}
    return Product(
        category=categories[entry["category"]],
        name_vi=entry.get("name_vi"),
        name_en=entry.get("name_en"),
        description=entry.get("description"),
        hs_code=entry.get("hs_code"),
        capacity_value=entry.get("annual_capacity", {}).get("value"),
        capacity_unit=entry.get("annual_capacity", {}).get("unit"),
        min_order_value=entry.get("min_order", {}).get("value"),
        min_order_unit=entry.get("min_order", {}).get("unit"),
        recognized_year=recognized.get("year"),
        recognized_decision_no=recognized.get("decision_no"),
        # An organizer's file is the official list: its recognitions count as verified.
        recognized_verified=bool(recognized),
    )


def _drop_empty(value):
    """Absent and null mean the same: remove nulls, empty lists and empty objects."""
    if isinstance(value, dict):
        cleaned = {k: _drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, [], {}, False) or k == "value"}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def canonical_entry(entry: dict) -> dict:
    """The form in which export writes an enterprise entry, so that entries compare exactly."""
    entry = _drop_empty(entry)
    entry.setdefault("country", "VN")
    if "sectors" in entry:
        entry["sectors"] = sorted(set(entry["sectors"]))
    if "certifications" in entry:
        entry["certifications"] = sorted(
            (c if isinstance(c, str) or "expires_on" in c else c["name"] for c in entry["certifications"]),
            key=lambda c: c if isinstance(c, str) else c["name"],
        )
    for item in entry.get("products", []) + entry.get("needs", []):
        for field in ("annual_capacity", "min_order", "annual_volume"):
            if field in item:
                item[field] = {"value": _number(item[field]["value"]), "unit": item[field]["unit"]}
    return entry


def _quantity(value, unit) -> dict | None:
    return None if unit is None else {"value": _number(value), "unit": unit}


def export_enterprise(enterprise: Enterprise) -> dict:
    entry = {
        "tax_code": enterprise.tax_code,
        "country": enterprise.country,
        "registration_no": enterprise.registration_no,
        "kind": enterprise.kind,
        **{field: getattr(enterprise, field) for field in OPTIONAL_FIELDS},
        "sectors": enterprise.sector_codes,
        "contact": {
            "name": enterprise.contact_name,
            "email": enterprise.contact_email,
            "phone": enterprise.contact_phone,
        },
        "certifications": [
            {"name": c.name, "expires_on": c.expires_on.isoformat()} if c.expires_on else c.name
            for c in enterprise.certifications
        ],
        "export_markets": enterprise.export_markets,
        "products": [
            {
                "name_vi": p.name_vi,
                "name_en": p.name_en,
                "category": p.category.code,
                "description": p.description,
                "hs_code": p.hs_code,
                "annual_capacity": _quantity(p.capacity_value, p.capacity_unit),
                "min_order": _quantity(p.min_order_value, p.min_order_unit),
                "recognized_key_product": (
                    {"year": p.recognized_year, "decision_no": p.recognized_decision_no}
                    if p.recognized_year is not None
                    else None
                ),
            }
            for p in enterprise.products
        ],
        "needs": [
            {
                "category": n.category.code,
                "required_certifications": n.required_certifications,
                "annual_volume": _quantity(n.volume_value, n.volume_unit),
                "notes": n.notes,
            }
            for n in enterprise.needs
        ],
    }
    return canonical_entry(entry)


def export_document() -> dict:
    """The whole taxonomy and every enterprise, in a stable order."""
    categories = db.session.scalars(
        select(Category).options(selectinload(Category.input_links), selectinload(Category.parent))
        .order_by(Category.code)
    )
    enterprises = db.session.scalars(select(Enterprise).options(*_full_profile()).order_by(Enterprise.key))
    return {
        "format": exchange.FORMAT,
        "categories": [
            _drop_empty(
                {
                    "code": c.code,
                    "name_vi": c.name_vi,
                    "name_en": c.name_en,
                    "sector": c.sector,
                    "parent": c.parent.code if c.parent else None,
                    "hs": c.hs,
                }
            )
            | {"inputs": [export_input(*link) for link in links_of(c)]}
            for c in categories
        ],
        "enterprises": [export_enterprise(e) for e in enterprises],
    }
