"""Small text helpers for the demo fair: NFC, accent folding, slugs and list phrases."""

import re
import unicodedata

from fairmatch.common.text import strip_accents

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """The text in Unicode NFC, the only form the demo fair emits."""
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """A lowercase ASCII slug with hyphens, for fictional web and e-mail domains."""
    return _NON_SLUG.sub("-", strip_accents(text).lower()).strip("-")


def join_phrases(items: list[str], conjunction: str) -> str:
    """`a, b và c` / `a, b and c` — a natural list in either language."""
    if len(items) <= 1:
        return "".join(items)
    # Names such as "Tủ điện trung thế, hạ thế" carry commas of their own.
    separator = "; " if any("," in item for item in items) else ", "
    return f"{separator.join(items[:-1])} {conjunction} {items[-1]}"
