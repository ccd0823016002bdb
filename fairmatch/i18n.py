"""Language choice and locale-aware formatting: Vietnamese first, English second.

The language comes from `?lang=` (remembered in the session and on the user's account), then the
signed-in user's choice, then Vietnamese. Times are stored in UTC and shown in the fair's zone.
"""

import unicodedata
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_currency, format_decimal
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

from fairmatch.extensions import babel, db


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_language)
    app.before_request(remember_language)


def select_language() -> str:
    if not has_request_context():
        return "en"  # the command line speaks English (INTERFACES.md)
    languages = current_app.config["LANGUAGES"]
    chosen = request.args.get("lang") or session.get("lang")
    if chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_language() -> None:
    chosen = request.args.get("lang")
    if chosen not in current_app.config["LANGUAGES"]:
        return
    session["lang"] = chosen
    if current_user.is_authenticated and current_user.locale != chosen:
        current_user.locale = chosen
        db.session.commit()


def language() -> str:
    """The language of the current request: `vi` or `en`."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def sector_label(code: str | None) -> str:
    """A sector's name in the current language (the code itself when unknown)."""
    from fairmatch.common.vocabulary import SECTORS

    names = SECTORS.get(code or "")
    if names is None:
        return code or ""
    return names[1] if language() == "en" else names[0]


def unit_label(code: str | None) -> str:
    """A unit's name in the current language, e.g. `cái` for `units` (the code itself when unknown)."""
    from fairmatch.common.vocabulary import UNIT_LABELS

    names = UNIT_LABELS.get(code or "")
    if names is None:
        return code or ""
    return names[1] if language() == "en" else names[0]


def fair_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def vnd(amount: int | None) -> str:
    """Whole Vietnamese đồng: `15.000.000 ₫` in Vietnamese, `₫15,000,000` in English."""
    if amount is None:
        return ""
    return _currency(amount, language())


def input_kind_label(code: str) -> str:
    """How an input serves a product (material, tooling, equipment, service), in the current language."""
    from fairmatch.common.vocabulary import INPUT_KINDS

    names = INPUT_KINDS.get(code, (code, code))
    return names[1] if language() == "en" else names[0]


def number(value: float | int | None) -> str:
    """A number in the page's language; one beyond what any form accepts (stored before the
    limits, or by hand) still shows, in scientific notation, rather than breaking the page."""
    if value is None:
        return ""
    if abs(value) > 1e18:
        return f"{value:.3g}"
    return _decimal(value, language())


# A page such as the floor plan formats the same few prices and areas hundreds of times, and
# Babel's formatting is not cheap: remember the recent answers.
@lru_cache(maxsize=4096)
def _currency(amount: int, locale: str) -> str:
    return format_currency(amount, "VND", locale=locale)


@lru_cache(maxsize=4096)
def _decimal(value: float | int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def local_datetime(value: datetime | None, form: str = "medium") -> str:
    """A UTC datetime shown in the fair's time zone in the current language."""
    if value is None:
        return ""
    return format_datetime(value, form, tzinfo=fair_zone(), locale=language())


def local_date(value: date | None, form: str = "medium") -> str:
    return "" if value is None else format_date(value, form, locale=language())


def local_time(value: datetime | None, form: str = "short") -> str:
    return "" if value is None else format_time(value, form, tzinfo=fair_zone(), locale=language())


def nfc(text: str | None) -> str | None:
    """Normalise typed text to NFC so that ế typed as e + two marks is stored as one ế."""
    return None if text is None else unicodedata.normalize("NFC", text).strip()
