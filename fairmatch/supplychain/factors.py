"""The criteria that raised or lowered a match, as data a person (or `explain`) can read."""

from fairmatch.supplychain.model import Factor
from fairmatch.supplychain.scoring import Assessment


def _recognized_category(assessment: Assessment, asker_is_customer: bool) -> str | None:
    """The partner's recognised key product that counted, if any."""
    if asker_is_customer:
        return assessment.link.path[0] if assessment.supplier_recognized else None
    if not assessment.customer_recognized:
        return None
    offers = assessment.customer.offers
    end = assessment.link.path[-1]
    return end if end in offers else min(c for c, offer in offers.items() if offer.recognized)


def _mutual_category(assessment: Assessment) -> str:
    """What the customer makes that the supplier also wants, the most wanted first."""
    wants = assessment.supplier.wants
    return min((wants[c], c) for c in assessment.customer.offers if c in wants)[1]


def factors_of(
    assessment: Assessment, asker_is_customer: bool, two_sided: bool, repeats: int, requested: bool = False
) -> tuple[Factor, ...]:
    """The factors of one match, seen by the asker (the customer, or the supplier); a sourcing
    request (`requested`) is what was asked, not a reason to cite."""
    link = assessment.link
    partner = assessment.supplier if asker_is_customer else assessment.customer
    factors = []
    if link.need is not None and not requested:
        factors.append(Factor("stated_need", "+", {"category": link.path[0]}))
    if link.distance >= 2:
        factors.append(Factor("indirect", "-", {"hops": link.distance}))
    if assessment.missing:
        factors.append(Factor("missing_certifications", "-", {"certifications": tuple(sorted(assessment.missing))}))
    shown = {"certifications": tuple(sorted(assessment.shown_certifications))}
    expiring = assessment.shown_certifications & assessment.supplier.enterprise.expiring
    if asker_is_customer:
        if assessment.shown_certifications:
            factors.append(Factor("certified", "+", shown))
        elif not assessment.missing:
            factors.append(Factor("uncertified", "-"))
        if expiring:
            factors.append(Factor("expiring", "-", {"certifications": tuple(sorted(expiring))}))
    elif link.need and link.need.required_certifications and assessment.shown_certifications:
        # Seen by the supplier, only the customer's own requirements are worth a word.
        factors.append(Factor("certified", "+", shown))
    capacity, volume = assessment.capacity, assessment.volume
    if capacity and volume and capacity.unit == volume.unit:
        code, effect = ("capacity_covers", "+") if assessment.capacity_fit >= 1 else ("capacity_short", "-")
        factors.append(Factor(code, effect, {"capacity": capacity, "volume": volume}))
    if assessment.location:
        enterprise = assessment.supplier.enterprise
        if assessment.supplier.park and assessment.supplier.park == assessment.customer.park:
            factors.append(Factor("same_park", "+", {"park": enterprise.industrial_park}))
        else:
            factors.append(Factor("same_locality", "+", {"locality": enterprise.locality}))
    recognized = _recognized_category(assessment, asker_is_customer)
    if recognized:
        factors.append(Factor("recognized_product", "+", {"category": recognized}))
    if partner.enterprise.booth:
        factors.append(Factor("at_fair", "+", {"booth": partner.enterprise.booth}))
    if not partner.enterprise.verified:
        factors.append(Factor("unverified", "-"))
    if assessment.mutual:
        factors.append(Factor("mutual_trade", "+", {"category": _mutual_category(assessment)}))
    if two_sided:
        factors.append(Factor("two_sided", "+"))
    if repeats:
        category = link.path[0] if asker_is_customer else link.path[-1]
        factors.append(Factor("diversity", "-", {"count": repeats, "category": category}))
    return tuple(factors)
