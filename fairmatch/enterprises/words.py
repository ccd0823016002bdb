"""Words for directory search (pure, no Flask): folding, splitting and one-typo variants.

Stored search text and typed queries go through the same `words`, so that `Cơ khí, Hòa Lạc`
and `co khi hoa lac` meet as the same four words.
"""

import re

from fairmatch.common.text import fold

_SEPARATORS = re.compile(r"[\W_]+")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SHORTEST_CORRECTED = 3
"""Words shorter than this are never corrected: too many short words are one typo apart."""
SEARCH_TEXT_BYTES = 2000
"""Search text stays within what a PostgreSQL B-tree index entry can hold."""


def words(text: str | None) -> list[str]:
    """The folded words of `text`, in order: `Cơ khí (Hòa Lạc)` → `['co', 'khi', 'hoa', 'lac']`."""
    return _SEPARATORS.sub(" ", fold(text)).split()


def search_text(*parts: str | None) -> str:
    """Each distinct word of `parts` once, in order, between spaces (` co khi hoa lac `), so that
    `LIKE '% co%'` matches a word prefix and `LIKE '% co %'` a whole word. The first parts come
    first: past 2,000 bytes the last words are left out."""
    text = " "
    for word in dict.fromkeys(word for part in parts for word in words(part)):
        if len(text.encode()) + len(word.encode()) + 1 > SEARCH_TEXT_BYTES:
            break
        text += word + " "
    return text if text != " " else ""


def correctable(word: str) -> bool:
    """Only letter words of a sensible length go into the vocabulary that corrects typos;
    codes with digits (tax codes, HS codes) must be typed right."""
    return SHORTEST_CORRECTED <= len(word) <= 60 and not any(c.isdigit() for c in word)


def one_typo_variants(word: str) -> set[str]:
    """Every word one deletion, insertion, substitution or swap of neighbours away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaced = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserted = {a + c + b for a, b in splits for c in _ALPHABET}
    return (deleted | swapped | replaced | inserted) - {word}
