"""Which certifications matter to a buyer, beyond the ones it explicitly requires.

A quality system counts for the industries it certifies: ISO 9001 everywhere, IATF 16949 in
automotive chains, GMP, ISO 13485 and ISO 15378 in pharmaceutical and medical ones, HACCP and
the ISO 22000 family in food chains, ISO/IEC 27001 in IT. A carton maker's FSSC 22000 is worth a
word to a dairy, not to an electrical firm.
"""

from functools import lru_cache

# The quality system every industry reads.
UNIVERSAL_QUALITY = frozenset({"ISO 9001"})
# What a customer's industry expects from its whole supply chain: its own quality systems.
CHAIN_CERTIFICATIONS = {
    "automotive-motorcycle": frozenset({"IATF 16949"}),
    "pharma": frozenset({"ISO 13485", "GMP-WHO", "EU-GMP", "ISO 15378"}),
    "biotech": frozenset({"ISO 13485", "GMP-WHO", "EU-GMP"}),
    "agri-food-processing": frozenset({"HACCP", "ISO 22000", "FSSC 22000"}),
    "it": frozenset({"ISO/IEC 27001"}),
}
# Every quality system, whatever industry it certifies.
QUALITY_SYSTEMS = UNIVERSAL_QUALITY.union(*CHAIN_CERTIFICATIONS.values())
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
    """With no explicit requirement: half for a quality system that counts here (ISO 9001, or one
    the chain calls for), half for a relevant mark or chain certification (all for the quality
    system when nothing else is relevant); and the certifications that earned it."""
    quality, expected = held & (UNIVERSAL_QUALITY | (relevant & QUALITY_SYSTEMS)), held & relevant
    if relevant:
        return (bool(quality) + bool(expected)) / 2, quality | expected
    return float(bool(quality)), quality
