"""Plain-language explanations of matches, in the reader's language.

Every template is an English msgid marked with `N_` for `pybabel extract -k N_`; `explain`
passes each one through the caller's `gettext`, so the core needs no translation framework.
"""

from collections.abc import Callable

from fairmatch.common.text import N_, mid_sentence
from fairmatch.common.vocabulary import UNIT_LABELS
from fairmatch.supplychain.graph import SupplyGraph
from fairmatch.supplychain.model import Factor, Match, Quantity

Gettext = Callable[[str], str]

ARROW = " → "
YOU_MAKE = N_("You make {category}")
YOU_NEED = N_("You need {category}")
MADE_FROM = N_("made from {category}")
MADE_WITH = N_("made with {category}")
IT_GOES_INTO = N_("it goes into {category}")
WHICH_GOES_INTO = N_("which goes into {category}")
IT_MAKES = N_("it is used to make {category}")
ALSO_MAKES = N_("also makes {categories}")
PARTNER_MAKES = N_("{name} makes {category}")
PARTNER_NEEDS = N_("{name} needs {category}")
QUANTITY = N_("{value} {unit}")
PER_YEAR = N_("{quantity}/yr")
BOOTH = N_("booth {booth}")
REQUIRES = N_("requires {certifications}")
RAISED_BY = N_("raised by: {criteria}")
LOWERED_BY = N_("lowered by: {criteria}")

# Criteria wording by factor code, for lists of suppliers and lists of customers.
CRITERIA = {
    "stated_need": (N_("you listed {category} as a need"), N_("they listed {category} as a need")),
    "indirect": (
        N_("a supplier of your suppliers, {hops} steps up the chain"),
        N_("a customer of your customers, {hops} steps down the chain"),
    ),
    "missing_certifications": (
        N_("lacks required {certifications}"),
        N_("you lack their required {certifications}"),
    ),
    "certified": (None, N_("you hold the {certifications} they require")),
    "uncertified": (N_("no quality certification listed"),) * 2,
    "capacity_covers": (
        N_("capacity {capacity} covers your {volume}"),
        N_("your capacity {capacity} covers their {volume}"),
    ),
    "capacity_short": (
        N_("capacity {capacity} is below your {volume}"),
        N_("your capacity {capacity} is below their {volume}"),
    ),
    "same_park": (N_("same industrial park ({park})"),) * 2,
    "same_locality": (N_("same locality ({locality})"),) * 2,
    "recognized_product": (
        N_("recognised key product ({category})"),
        N_("they make a recognised key product ({category})"),
    ),
    "at_fair": (None, None),
    "unverified": (N_("profile not yet verified"),) * 2,
    "mutual_trade": (N_("they also need your {category}"), N_("you also need their {category}")),
    "two_sided": (N_("a good fit both ways"),) * 2,
    "diversity": (N_("{category} already higher in the list ({count})"),) * 2,
    "expiring": (N_("{certifications} runs out within six months of the fair"), None),
}


def _number(value: float, lang: str) -> str:
    """`1,200.5` in English, `1.200,5` in Vietnamese; whole numbers without decimals."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


class _Writer:
    """Formats names, quantities and templates for one graph, language and gettext."""

    def __init__(self, graph: SupplyGraph, gettext: Gettext, lang: str):
        self.graph, self.gettext, self.lang = graph, gettext, lang

    def say(self, template: str, **values: object) -> str:
        return self.gettext(template).format(**values)

    def category(self, code: str) -> str:
        return mid_sentence(self.graph.category_name(code, self.lang))

    def quantity(self, quantity: Quantity) -> str:
        labels = UNIT_LABELS.get(quantity.unit)
        unit = labels[self.lang != "vi"] if labels else quantity.unit
        return self.say(QUANTITY, value=_number(quantity.value, self.lang), unit=unit)

    def value(self, name: str, value: object) -> str:
        if name == "category":
            return self.category(value)
        if isinstance(value, Quantity):
            return self.quantity(value)
        if isinstance(value, tuple):
            return ", ".join(value)
        return str(value)

    def criterion(self, factor: Factor, direction: str) -> str | None:
        template = CRITERIA[factor.code][direction == "customers"]
        if template is None:
            return None
        return self.say(template, **{k: self.value(k, v) for k, v in factor.values.items()})


def _supplier_chain(writer: _Writer, match: Match, perspective_key: str | None) -> list[str]:
    path = match.path
    asker = writer.graph.profiles.get(perspective_key) if perspective_key else None
    if len(path) == 1 or asker is None or path[-1] not in asker.offers:
        steps = [writer.say(YOU_NEED, category=writer.category(path[0]))]
    else:
        steps = [writer.say(YOU_MAKE, category=writer.category(path[-1]))]
        for hop, code in enumerate(reversed(path[:-1])):
            last = hop == len(path) - 2
            template = MADE_WITH if last and match.relation != "material" else MADE_FROM
            steps.append(writer.say(template, category=writer.category(code)))
    name = writer.graph.enterprise_name(match.key, writer.lang)
    steps.append(writer.say(PARTNER_MAKES, name=name, category=writer.category(path[0])))
    return steps


def _customer_chain(writer: _Writer, match: Match, stated: bool) -> list[str]:
    path = match.path
    steps = [writer.say(YOU_MAKE, category=writer.category(path[0]))]
    name = writer.graph.enterprise_name(match.key, writer.lang)
    if stated:
        steps.append(writer.say(PARTNER_NEEDS, name=name, category=writer.category(path[0])))
        return steps
    for hop, code in enumerate(path[1:]):
        template = WHICH_GOES_INTO if hop else IT_MAKES if match.relation != "material" else IT_GOES_INTO
        steps.append(writer.say(template, category=writer.category(code)))
    steps.append(writer.say(PARTNER_MAKES, name=name, category=writer.category(path[-1])))
    return steps


def _details(writer: _Writer, match: Match, factors: dict[str, Factor], perspective_key: str | None) -> list[str]:
    """The partner's facts that follow its name: certifications, quantity a year, booth."""
    partner = writer.graph.profiles[match.key]
    details = []
    if match.direction == "suppliers":
        if "certified" in factors:
            details.append(", ".join(factors["certified"].values["certifications"]))
        capacity = partner.offers[match.path[0]].capacity
        if capacity:
            details.append(writer.say(PER_YEAR, quantity=writer.quantity(capacity)))
        asker = writer.graph.profiles.get(perspective_key) if perspective_key else None
        others = sorted(c for c in partner.offers if c != match.path[0] and asker and c in asker.wants)
        if others:
            details.append(writer.say(ALSO_MAKES, categories=", ".join(writer.category(c) for c in others)))
    elif match.path[0] in partner.needs:
        need = partner.needs[match.path[0]]
        if need.annual_volume:
            details.append(writer.say(PER_YEAR, quantity=writer.quantity(need.annual_volume)))
        if need.required_certifications:
            certifications = ", ".join(sorted(need.required_certifications))
            details.append(writer.say(REQUIRES, certifications=certifications))
    if partner.enterprise.booth:
        details.append(writer.say(BOOTH, booth=partner.enterprise.booth))
    return details


def explain(match: Match, graph: SupplyGraph, perspective_key: str | None, gettext: Gettext, lang: str = "en") -> str:
    """One sentence: the chain from the asker to the partner, its facts, and what moved the score."""
    writer = _Writer(graph, gettext, lang)
    factors = {factor.code: factor for factor in match.factors}
    if match.direction == "suppliers":
        steps = _supplier_chain(writer, match, perspective_key)
    else:
        steps = _customer_chain(writer, match, "stated_need" in factors)
    sentence = ARROW.join(steps)
    details = _details(writer, match, factors, perspective_key)
    if details:
        sentence += ", " + ", ".join(details)
    for effect, template in (("+", RAISED_BY), ("-", LOWERED_BY)):
        criteria = [writer.criterion(f, match.direction) for f in match.factors if f.effect == effect]
        criteria = [c for c in criteria if c]
        if criteria:
            sentence += "; " + writer.say(template, criteria=", ".join(criteria))
    return sentence + "."


def to_json(
    match: Match,
    rank: int,
    graph: SupplyGraph,
    perspective_key: str | None,
    gettext: Gettext,
    lang: str = "en",
) -> dict:
    """The `matches` object of INTERFACES.md; `tax_code` is null for a foreign enterprise."""
    enterprise = graph.enterprise(match.key)
    return {
        "rank": rank,
        "key": match.key,
        "tax_code": match.key if enterprise.country == "VN" else None,
        "name": graph.enterprise_name(match.key, lang),
        "score": round(match.score, 4),
        "explanation": explain(match, graph, perspective_key, gettext, lang),
        "path": list(match.path),
        "tier": match.tier,
        "relation": match.relation,
    }
