"""Deals: the value of an outcome in its currency and in đồng at the organizer's rate, its product
category and whether the partner is domestic or foreign; the fair's exchange rates."""

from dataclasses import dataclass

from babel.numbers import get_currency_name, list_currencies
from flask_babel import gettext as _
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.enterprises.models import Category, Enterprise, Need, Product
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language
from fairmatch.meetings.models import PARTNER_ORIGINS, ExchangeRate

VALUE_MAX = 999_999_999_999
"""The largest deal value accepted, in any currency (twelve digits, as the forms' whole-number
field takes): far above any deal at the fair."""
RATE_MAX = 1_000_000_000
"""The largest rate (đồng per unit) accepted: within the database's integer column."""


@dataclass(frozen=True)
class Money:
    """An amount in whole units of `currency`, with the rate used and its value in đồng."""

    value: int
    currency: str
    rate_vnd: int

    @property
    def value_vnd(self) -> int:
        return self.value * self.rate_vnd


@dataclass(frozen=True)
class Deal:
    """What a side says about the deal besides its kind; every part is optional."""

    value: int | None = None
    currency: str = "VND"
    category_id: int | None = None
    partner_origin: str | None = None  # None: derived from the partner's country


def is_currency(code: str) -> bool:
    return code in list_currencies()


def currency_label(code: str) -> str:
    return f"{code} · {get_currency_name(code, locale=language())}"


def rates_of(fair: Fair) -> dict[str, int]:
    """The fair's foreign currencies and their rates (đồng per unit), by code."""
    rows = db.session.scalars(
        select(ExchangeRate).where(ExchangeRate.fair_id == fair.id).order_by(ExchangeRate.currency)
    )
    return {row.currency: row.vnd_per_unit for row in rows}


def set_rate(fair: Fair, currency: str, vnd_per_unit: int | None, actor) -> None:
    """Set (or, with None, remove) the fair's rate for a foreign currency. Deals already recorded
    keep the rate they were converted at."""
    currency = currency.strip().upper()
    if currency == "VND" or not is_currency(currency):
        raise RuleViolation(_("Give a foreign currency as its three-letter ISO 4217 code, e.g. USD or JPY."))
    if vnd_per_unit is not None and not 0 < vnd_per_unit <= RATE_MAX:
        raise RuleViolation(_("Give the rate as a whole number of đồng per unit, from 1 to 1,000,000,000."))
    row = db.session.scalar(
        select(ExchangeRate).where(ExchangeRate.fair_id == fair.id, ExchangeRate.currency == currency)
    )
    if vnd_per_unit is None:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(
            ExchangeRate(fair_id=fair.id, currency=currency, vnd_per_unit=vnd_per_unit, updated_by_id=actor.id)
        )
    else:
        row.vnd_per_unit, row.updated_by_id = vnd_per_unit, actor.id
    record("fair.exchange_rate", fair, {"currency": currency, "vnd_per_unit": vnd_per_unit}, actor=actor)
    db.session.commit()


def money(fair: Fair, value: int, currency: str) -> Money:
    """`value` in `currency` with today's rate of the fair; refused for a currency it has no rate for."""
    if not 0 <= value <= VALUE_MAX:
        raise RuleViolation(_("Give the value as a whole number, at most 999,999,999,999."))
    if currency == "VND":
        return Money(value, "VND", 1)
    rate = rates_of(fair).get(currency)
    if rate is None:
        raise RuleViolation(
            _("The organizer has set no exchange rate for %(currency)s: give the value in đồng.", currency=currency)
        )
    return Money(value, currency, rate)


def currencies_of(fair: Fair) -> list[str]:
    """The currencies a value can be given in: đồng, then those the organizer set a rate for."""
    return ["VND", *rates_of(fair)]


def deal_categories(*enterprises: Enterprise) -> list[Category]:
    """The product categories a deal between these enterprises is likely about: what they make
    and what they need."""
    ids = [e.id for e in enterprises]
    made = select(Product.category_id).where(Product.enterprise_id.in_(ids))
    needed = select(Need.category_id).where(Need.enterprise_id.in_(ids))
    return list(db.session.scalars(select(Category).where(Category.id.in_(made.union(needed))).order_by(Category.code)))


def describe(answer, fair: Fair, deal: Deal, partner: Enterprise) -> None:
    """Write `deal` on an outcome row: value converted now, category, the partner's origin."""
    if deal.partner_origin not in (None, *PARTNER_ORIGINS):
        raise RuleViolation(_("Say whether the partner is domestic or foreign."))
    if deal.category_id is not None and db.session.get(Category, deal.category_id) is None:
        raise RuleViolation(_("Choose a product category from the list."))
    converted = money(fair, deal.value, deal.currency) if deal.value is not None else None
    answer.value, answer.currency, answer.rate_vnd, answer.value_vnd = (
        (converted.value, converted.currency, converted.rate_vnd, converted.value_vnd) if converted else (None,) * 4
    )
    answer.category_id = deal.category_id
    origin = deal.partner_origin or ("foreign" if partner.country != "VN" else "domestic")
    answer.partner_foreign = origin == "foreign"
