"""Which certifications matter to a buyer, beyond the ones it explicitly requires."""

from functools import lru_cache

# Certifications that show a managed quality system, whatever the industry.
QUALITY_SYSTEMS = frozenset(
    {"ISO 9001", "IATF 16949", "ISO 13485", "ISO 15378", "GMP-WHO", "EU-GMP"}
    | {"HACCP", "ISO 22000", "FSSC 22000", "ISO/IEC 27001"}
)
# What a customer's industry expects from its whole supply chain.
CHAIN_CERTIFICATIONS = {
    "automotive-motorcycle": frozenset({"IATF 16949"}),
    "pharma": frozenset({"ISO 13485", "GMP-WHO", "EU-GMP", "ISO 15378"}),
    "biotech": frozenset({"ISO 13485", "GMP-WHO", "EU-GMP"}),
    "agri-food-processing": frozenset({"HACCP", "ISO 22000", "FSSC 22000"}),
    "it": frozenset({"ISO/IEC 27001"}),
}
# Market marks that belong to the product itself, by the category's sector.
PRODUCT_MARKS = dict.fromkeys(("electrical-electronics", "energy", "automation"), frozenset({"CE", "UL", "RoHS"}))
NONE: frozenset[str] = frozenset()


def chains_served(held: frozenset[str]) -> frozenset[str]:
    """The sectors whose chain certifications these certifications include."""
    return frozenset(sector for sector, wanted in CHAIN_CERTIFICATIONS.items() if not held.isdisjoint(wanted))


@lru_cache(maxsize=4096)
def relevant_certifications(chain_sectors: frozenset[str], category_sector: str) -> frozenset[str]:
    """What a category of this sector calls for, in a chain ending in these sectors."""
    chain = [CHAIN_CERTIFICATIONS.get(sector, NONE) for sector in chain_sectors]
    return PRODUCT_MARKS.get(category_sector, NONE).union(*chain)


def certification_fit(held: frozenset[str], relevant: frozenset[str]) -> tuple[float, frozenset[str]]:
    """With no explicit requirement: half for a quality system, half for a relevant mark or
    chain certification (all for the quality system when nothing else is relevant); and the
    certifications that earned it."""
    quality, expected = held & QUALITY_SYSTEMS, held & relevant
    if relevant:
        return (bool(quality) + bool(expected)) / 2, quality | expected
    return float(bool(quality)), quality
