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
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D").lower()
    return _SPACES.sub(" ", bare).strip()
