"""Text helpers shared by matching and search: accent folding and the translation marker."""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def N_(message: str) -> str:
    """Mark a message for extraction (`pybabel extract -k N_`); return it unchanged."""
    return message


def fold(text: str | None) -> str:
    """Accent- and case-insensitive form: `Cơ khí  Đông Anh` → `co khi dong anh`."""
    return _fold(text) if text else ""


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    # Cached: localities, parks and search words repeat across thousands of profiles.
    return _SPACES.sub(" ", strip_accents(text).lower()).strip()


@lru_cache(maxsize=8192)
def strip_accents(text: str) -> str:
    """The text without Vietnamese diacritics, case kept: `Hòa Lạc` → `Hoa Lac`, `Đông Anh` → `Dong Anh`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: its first letter lowered, unless its first word is an
    acronym or written with capitals inside (`PV modules`, `IoT devices`, `LED lighting`)."""
    first = name.split(" ", 1)[0]
    if any(letter.isupper() for letter in first[1:]):
        return name
    return name[:1].lower() + name[1:]
