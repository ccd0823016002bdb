"""Unique, fictional enterprise and person names for one generated fair.

Every name is built from `name_parts`: a Vietnamese brand word (`Hòa Lạc`) or a composed foreign
one (`Hoshimura`), a trade (`Cơ khí Chính xác` / `Precision Mechanics`) and a legal form. A
`NameBook` remembers what it handed out, so no two enterprises share a name or a web domain.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from fairmatch.common.text import strip_accents
from fairmatch.demo import name_parts as parts
from fairmatch.demo.taxonomy import load_taxonomy
from fairmatch.demo.text import slugify

_ATTEMPTS = 80


@dataclass(frozen=True)
class Name:
    """An enterprise's names and the fictional domain of its website and e-mail."""

    vi: str | None
    en: str
    domain: str


@dataclass(frozen=True)
class Person:
    """A contact person and the local part of their e-mail address."""

    name: str
    mailbox: str


def _is_real(word: str) -> bool:
    return word.casefold() in parts.REAL_NAMES


def _vi_brands() -> tuple[str, ...]:
    pairs = (f"{first} {second}" for first in parts.VI_FIRST for second in parts.VI_SECOND if first != second)
    return tuple(b for b in (*pairs, *parts.VI_PLACES) if not _is_real(b))


def _foreign_brands() -> dict[str, tuple[str, ...]]:
    brands = {}
    for style, (heads, tails) in parts.FOREIGN_PARTS.items():
        words = (
            head + tail for head in heads for tail in tails if head.lower() != tail and not head.lower().endswith(tail)
        )
        brands[style] = tuple(w for w in words if not _is_real(w))
    return brands


_VI_BRANDS = _vi_brands()
_FOREIGN_BRANDS = _foreign_brands()


def trades_for(code: str) -> tuple[tuple[str, str], ...]:
    """The (Vietnamese, English) trade words that suit a maker of this category: its own, or its
    group's (a tyre-cord weaver is a textile firm, never an apparel one)."""
    return parts.TRADES_BY_CODE.get(code) or parts.GROUP_TRADES[load_taxonomy().by_code[code].parent]


class NameBook:
    """Hands out names that are unique within one generated fair."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._domains: set[str] = set()
        self._names: set[str] = set()

    def _claim(self, build: Callable[[str], tuple[str | None, str, str]], brands) -> Name:
        """Try random brand words until `build(brand)` yields an unused (vi, en, slug)."""
        rng = self._rng
        for attempt in range(_ATTEMPTS * 2):
            brand = rng.choice(brands)
            if attempt >= _ATTEMPTS and brands is _VI_BRANDS:
                # Crowded trades (thousands of firms) get a third syllable: "Minh Tâm Phát".
                brand = f"{brand} {rng.choice(parts.VI_THIRD)}"
            vi, en, slug = build(brand)
            keys = {en.casefold()} | ({vi.casefold()} if vi else set())
            if slug not in self._domains and not keys & self._names:
                self._domains.add(slug)
                self._names |= keys
                return Name(vi, en, slug)
        raise RuntimeError("ran out of fictional names")

    def _vi_company(self, trade, form, pattern_vi, pattern_en, tag) -> Name:
        trade_vi, trade_en = trade
        form_vi, form_en = form

        def build(brand):
            brand_en = strip_accents(brand)
            vi = pattern_vi.format(form=form_vi, trade=trade_vi, brand=brand)
            en = pattern_en.format(form=form_en, trade=trade_en, brand=brand_en)
            return vi, en, slugify(f"{brand_en} {trade_en} {tag}")

        return self._claim(build, _VI_BRANDS)

    def company(self, code: str, *, lead: bool = False) -> Name:
        """A domestic manufacturer whose main product is in category `code`."""
        form = self._rng.choice(parts.LEAD_FORMS if lead else parts.DOMESTIC_FORMS)
        trade = self._rng.choice(trades_for(code))
        return self._vi_company(trade, form, "{form} {trade} {brand}", "{brand} {trade} {form}", "")

    def branch(self, code: str, city_vi: str, city_en: str) -> Name:
        """The local branch of a domestic company headquartered in another province."""
        form = self._rng.choice(parts.DOMESTIC_FORMS[:2])
        trade = self._rng.choice(trades_for(code))
        return self._vi_company(
            trade,
            form,
            "Chi nhánh {form} {trade} {brand} tại " + city_vi,
            "{brand} {trade} {form} – " + city_en + " Branch",
            "branch",
        )

    def household(self, code: str) -> Name:
        """A household business (hộ kinh doanh) workshop."""
        trade = self._rng.choice(trades_for(code))
        return self._vi_company(
            trade,
            ("", ""),
            "Hộ kinh doanh Xưởng {trade} {brand}",
            "{brand} {trade} Workshop (household business)",
            "workshop",
        )

    def manufacturer_trader(self, code: str) -> Name:
        """A small firm that both makes and trades goods in category `code`."""
        trade = self._rng.choice(trades_for(code))
        form = self._rng.choice(parts.DOMESTIC_FORMS[1:])
        return self._vi_company(
            trade,
            form,
            "{form} Sản xuất và Thương mại {trade} {brand}",
            "{brand} {trade} Manufacturing and Trading {form}",
            "mfg-trading",
        )

    def technology_firm(self, code: str) -> Name:
        """A research-institute spin-off applying and transferring technology."""
        trade = self._rng.choice(trades_for(code))
        form = self._rng.choice(parts.DOMESTIC_FORMS[1:])
        return self._vi_company(
            trade, form, "{form} Ứng dụng {trade} {brand}", "{brand} Applied {trade} {form}", "applied"
        )

    def cooperative(self, code: str) -> Name:
        """An agricultural cooperative (hợp tác xã)."""
        words = parts.COOP_WORDS.get(code, parts.COOP_DEFAULT)
        return self._vi_company(
            self._rng.choice(words),
            ("", ""),
            "Hợp tác xã {trade} {brand}",
            "{brand} {trade} Cooperative",
            "coop",
        )

    def domestic_buyer(self, sector: str) -> Name:
        """A Vietnamese trading or distribution company sourcing for a sector."""
        sector_vi, sector_en = parts.SECTOR_WORDS[sector]
        word_vi, word_en = self._rng.choice(parts.BUYER_WORDS)
        form = self._rng.choice(parts.DOMESTIC_FORMS[:2])
        trade = (f"{word_vi} {sector_vi}", f"{sector_en} {word_en}")
        return self._vi_company(trade, form, "{form} {trade} {brand}", "{brand} {trade} {form}", "")

    def fdi(self, country: str, code: str) -> Name:
        """The Vietnamese subsidiary of a fictional foreign group (`… Việt Nam` / `… Vina`)."""
        trade_vi, trade_en = self._rng.choice(trades_for(code))

        def build(brand):
            if country == "KR":
                vi = f"Công ty TNHH {brand} {trade_en} Vina"
                en = f"{brand} {trade_en} Vina Co., Ltd."
            else:
                vi = f"Công ty TNHH {trade_vi} {brand} Việt Nam"
                en = f"{brand} {trade_en} Vietnam Co., Ltd."
            return vi, en, slugify(f"{brand} {trade_en} vn")

        return self._claim(build, _FOREIGN_BRANDS[parts.BRAND_STYLE[country]])

    def foreign_buyer(self, country: str, sector: str) -> Name:
        """A foreign importer or sourcing company; it has an English name only."""
        sector_en = parts.SECTOR_WORDS[sector][1]
        word = self._rng.choice(parts.FOREIGN_BUYER_WORDS)
        suffix = self._rng.choice(parts.FOREIGN_SUFFIXES[country])

        def build(brand):
            return None, f"{brand} {sector_en} {word} {suffix}", slugify(f"{brand} {sector_en} {word}")

        return self._claim(build, _FOREIGN_BRANDS[parts.BRAND_STYLE[country]])

    def foreign_brand(self, name: Name) -> str:
        """The group's brand word inside an FDI or foreign name (its first word)."""
        return name.en.split(" ", 1)[0]

    def vietnamese_person(self) -> Person:
        """A Vietnamese contact; the mailbox follows the common `tuannv` convention."""
        rng = self._rng
        middles, givens = rng.choice((parts.VI_MALE, parts.VI_FEMALE))
        surname, middle, given = rng.choice(parts.VI_SURNAMES), rng.choice(middles), rng.choice(givens)
        mailbox = strip_accents(given + surname[0] + middle[0]).lower()
        return Person(f"{surname} {middle} {given}", mailbox)

    def foreign_person(self, country: str) -> Person:
        """A contact person named in the style of the country."""
        style = "SG" if country == "SG" else parts.BRAND_STYLE[country]
        givens, families = parts.FOREIGN_PEOPLE[style]
        given, family = self._rng.choice(givens), self._rng.choice(families)
        mailbox = f"{strip_accents(given)}.{strip_accents(family)}".lower().replace("-", "").replace(" ", "")
        if style in parts.FAMILY_NAME_FIRST:
            return Person(f"{family} {given}", mailbox)
        return Person(f"{given} {family}", mailbox)
