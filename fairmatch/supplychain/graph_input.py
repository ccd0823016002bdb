"""Read a `fairmatch-exchange/1` document into matching inputs (no validation: see the importer)."""

from fairmatch.common.keys import foreign_key
from fairmatch.supplychain.model import Category, Enterprise, Need, Product, Quantity


def _quantity(data: dict | None) -> Quantity | None:
    return Quantity(float(data["value"]), data["unit"]) if data else None


def _certification_names(items: list | None) -> frozenset[str]:
    """Names of the certifications, whether written plainly or as `{"name", "expires_on"}`."""
    return frozenset(item["name"] if isinstance(item, dict) else item for item in items or ())


def _enterprise(data: dict) -> Enterprise:
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
        certifications=_certification_names(data.get("certifications")),
        products=products,
        needs=needs,
        country=country,
    )


def from_exchange(doc: dict) -> tuple[list[Category], list[Enterprise]]:
    """Categories and enterprises of a document; imported enterprises count as verified."""
    categories = [
        Category(
            code=c["code"],
            sector=c.get("sector") or "other",
            inputs=tuple(c.get("inputs") or ()),
            name_vi=c.get("name_vi") or "",
            name_en=c.get("name_en") or "",
        )
        for c in doc.get("categories") or ()
    ]
    return categories, [_enterprise(e) for e in doc.get("enterprises") or ()]
