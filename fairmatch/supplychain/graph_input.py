"""Read a `fairmatch-exchange/1` document into matching inputs (no validation: see the importer)."""

from datetime import date, timedelta

from fairmatch.common.exchange_validation import input_links
from fairmatch.common.keys import foreign_key
from fairmatch.supplychain.model import Category, Enterprise, Need, Product, Quantity

EXPIRING_WITHIN = timedelta(days=183)
"""A certificate that runs out this soon after the fair is still counted, and said to be expiring."""


def _quantity(data: dict | None) -> Quantity | None:
    return Quantity(float(data["value"]), data["unit"]) if data else None


def _certification_names(items: list | None) -> frozenset[str]:
    """Names of the certifications, whether written plainly or as `{"name", "expires_on"}`."""
    return frozenset(item["name"] if isinstance(item, dict) else item for item in items or ())


def valid_certifications(held: list[tuple[str, date | None]], on: date) -> tuple[frozenset[str], frozenset[str]]:
    """The certifications valid on `on` (no expiry known, or running at least to that day), and
    those of them that run out within about six months after it."""
    valid = {name: expires for name, expires in held if expires is None or expires >= on}
    soon = on + EXPIRING_WITHIN
    return frozenset(valid), frozenset(name for name, expires in valid.items() if expires and expires <= soon)


def category_of(code: str, sector: str, name_vi: str, name_en: str, hs: str | None,
                links: list[tuple[str, str, Quantity | None]]) -> Category:
    """A category from its typed input relations, (code, kind, per-unit quantity or None)."""
    materials = [(c, q) for c, kind, q in links if kind == "material"]
    return Category(
        code=code, sector=sector, inputs=tuple(c for c, _ in materials), name_vi=name_vi, name_en=name_en, hs=hs,
        per_unit=tuple((c, q) for c, q in materials if q is not None),
        means=tuple((c, kind) for c, kind, _ in links if kind != "material"),
    )


def _held(items: list | None) -> list[tuple[str, date | None]]:
    return [(item["name"], date.fromisoformat(item["expires_on"]) if item.get("expires_on") else None)
            if isinstance(item, dict) else (item, None) for item in items or ()]


def _enterprise(data: dict, on: date) -> Enterprise:
    country = data.get("country") or "VN"
    key = data["tax_code"] if country == "VN" else foreign_key(country, data["registration_no"])
    products = tuple(
        Product(
            category=p["category"],
            name_vi=p.get("name_vi") or "",
            name_en=p.get("name_en") or "",
            annual_capacity=_quantity(p.get("annual_capacity")),
            recognized=bool(p.get("recognized_key_product")),
        )
        for p in data.get("products") or ()
    )
    needs = tuple(
        Need(
            category=n["category"],
            required_certifications=_certification_names(n.get("required_certifications")),
            annual_volume=_quantity(n.get("annual_volume")),
        )
        for n in data.get("needs") or ()
    )
    valid, expiring = valid_certifications(_held(data.get("certifications")), on)
    return Enterprise(
        key=key,
        name_vi=data.get("name_vi") or "",
        name_en=data.get("name_en") or "",
        kind=data["kind"],
        sectors=frozenset(data.get("sectors") or ()),
        locality=data.get("locality"),
        industrial_park=data.get("industrial_park"),
        verified=True,
        booth=None,
        certifications=valid,
        products=products,
        needs=needs,
        country=country,
        expiring=expiring,
    )


def from_exchange(doc: dict, on: date | None = None) -> tuple[list[Category], list[Enterprise]]:
    """Categories and enterprises of a document; imported enterprises count as verified, and a
    certificate counts when valid on `on` (today by default)."""
    categories = [
        category_of(c["code"], c.get("sector") or "other", c.get("name_vi") or "", c.get("name_en") or "", c.get("hs"),
                    [(code, kind, _quantity(per_unit)) for code, kind, per_unit in input_links(c)])
        for c in doc.get("categories") or ()
    ]
    return categories, [_enterprise(e, on or date.today()) for e in doc.get("enterprises") or ()]
