"""Which demo enterprise each demo account acts for (pure: the same answer for the seeded
database and for a test that only generates the document)."""

from collections import Counter


def showcase_enterprises(doc: dict) -> dict[str, str]:
    """The key of the enterprise each demo account acts for, by kind: the first Vietnamese lead
    and buyer by key, and the Vietnamese supplier company whose first product has the most local makers,
    so that a sourcing request for it shows several ranked suppliers side by side."""
    vietnamese = sorted((e for e in doc["enterprises"] if e.get("country", "VN") == "VN"), key=lambda e: e["tax_code"])
    makers = Counter(code for e in doc["enterprises"] for code in {p["category"] for p in e["products"]})
    # A company (10-digit tax code), not a household workshop or a branch.
    suppliers = [e for e in vietnamese if e["kind"] == "supplier" and e["products"] and len(e["tax_code"]) == 10]
    supplier = max(suppliers, key=lambda e: makers[e["products"][0]["category"]])  # first of the best, by key
    return {
        "lead": next(e["tax_code"] for e in vietnamese if e["kind"] == "lead"),
        "supplier": supplier["tax_code"],
        "buyer": next(e["tax_code"] for e in vietnamese if e["kind"] == "buyer"),
    }
