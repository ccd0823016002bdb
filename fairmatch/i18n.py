"""Language choice and locale-aware formatting: Vietnamese first, English second.

The language comes from `?lang=` (remembered in the session and on the user's account), then the
signed-in user's choice, then Vietnamese. Times are stored in UTC and shown in the fair's zone.
"""

import unicodedata
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.numbers import format_currency, format_decimal
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

from fairmatch.extensions import babel, db


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_language)
    app.before_request(remember_language)
    app.add_template_filter(time_span)


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


# One style per kind of value, on every page and document (issue #15). Vietnamese writes dates as numbers,
# day first ("15/10/2026"); English spells the month, so that 07/12 cannot be read as July ("15 October 2026").
# Times are on the 24-hour clock in both languages ("09:00"), as the fair's programme prints them.
VI_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_text(day: date, lang: str, *, weekday: bool = False) -> str:
    """A calendar day: `15/10/2026` or `thứ Năm 15/10/2026`; `15 October 2026` or `Thursday 15 October 2026`."""
    if lang == "en":
        text = f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
        return f"{EN_WEEKDAYS[day.weekday()]} {text}" if weekday else text
    text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{VI_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def official_date(day: date, lang: str) -> str:
    """The date of an official document: `ngày 05 tháng 02 năm 2026` (Decree 30/2020/NĐ-CP: a zero before days
    under 10 and before months 1 and 2), in English `5 February 2026`."""
    if lang == "en":
        return day_text(day, lang)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date, lang: str) -> str:
    """The line above an official letter or report: `Hà Nội, ngày 15 tháng 10 năm 2026`."""
    when = official_date(day, lang)
    return f"{place}, {when}" if place else when[:1].upper() + when[1:]


def _in_zone(value: datetime) -> datetime:
    return value.astimezone(fair_zone())


def clock(value: datetime | None) -> str:
    """A time of day in the fair's zone, on the 24-hour clock in both languages: `09:00`."""
    return "" if value is None else _in_zone(value).strftime("%H:%M")


def moment_text(value: datetime, lang: str) -> str:
    """A point in time: `09:00, 15/10/2026` or `09:00, 15 October 2026` (the fair's zone)."""
    local = _in_zone(value)
    return f"{local:%H:%M}, {day_text(local.date(), lang)}"


def span_text(starts_at: datetime, ends_at: datetime, lang: str) -> str:
    """A meeting's time: `09:00–09:30, thứ Năm 15/10/2026` (`Thursday 15 October 2026` in English); a span over
    midnight names both days."""
    start, end = _in_zone(starts_at), _in_zone(ends_at)
    if start.date() != end.date():
        return f"{moment_text(starts_at, lang)} – {moment_text(ends_at, lang)}"
    return f"{start:%H:%M}–{end:%H:%M}, {day_text(start.date(), lang, weekday=True)}"


def local_datetime(value: datetime | None, form: str = "medium") -> str:
    """A UTC datetime shown in the fair's time zone: `09:00, 15/10/2026`. `form` is kept for older callers;
    every form gives the one style of the site."""
    return "" if value is None else moment_text(value, language())


def local_date(value: date | None, form: str = "medium") -> str:
    """A day in the page's language: `15/10/2026`; `form="full"` adds the weekday (`thứ Năm 15/10/2026`)."""
    return "" if value is None else day_text(value, language(), weekday=form == "full")


def local_time(value: datetime | None, form: str = "short") -> str:
    """A time of day in the fair's zone: `09:00`."""
    return clock(value)


def time_span(starts_at: datetime | None, ends_at: datetime | None) -> str:
    """A meeting's time in the page's language (see `span_text`)."""
    if starts_at is None or ends_at is None:
        return local_datetime(starts_at)
    return span_text(starts_at, ends_at, language())


def nfc(text: str | None) -> str | None:
    """Normalise typed text to NFC so that ế typed as e + two marks is stored as one ế."""
    return None if text is None else unicodedata.normalize("NFC", text).strip()
