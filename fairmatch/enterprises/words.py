"""Words for directory search (pure, no Flask): folding, splitting, accent keys and one-typo variants.

Stored search text and typed queries go through the same `words`, so that `Cơ khí, Hòa Lạc`
and `co khi hoa lac` meet as the same four words; and through the same `accent_keys`, so that
`đường` typed with its marks ranks `Đường` before `Dương`.
"""

import re
import unicodedata

from fairmatch.common.text import fold

_SEPARATORS = re.compile(r"[\W_]+")
# A word with its marks: letters and digits, and the combining marks NFC leaves uncomposed.
_MARKED_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# The five Vietnamese tones (huyền, sắc, hỏi, ngã, nặng); every other mark (ơ, ư, â, ê, ô, ă) and
# đ stay in the word. A tone may sit on either vowel of `oa`, `oe`, `uy` (`hòa`/`hoà`): the key
# names it once, before the word, so that both spellings, and a word typed without its tone so
# far (`đươ`, as Telex types it), meet.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
ACCENT_KEY_MARK = "~"
"""Starts every accent key, a character no folded word holds: the two kinds never match each other.
With its tone digit, a key is never `correctable`, so it stays out of the typo vocabulary."""
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SHORTEST_CORRECTED = 3
"""Words shorter than this are never corrected: too many short words are one typo apart."""
SEARCH_TEXT_BYTES = 2000
"""Search text stays within what a PostgreSQL B-tree index entry can hold."""


def words(text: str | None) -> list[str]:
    """The folded words of `text`, in order: `Cơ khí (Hòa Lạc)` → `['co', 'khi', 'hoa', 'lac']`."""
    return _SEPARATORS.sub(" ", fold(text)).split()


def accent_keys(text: str | None) -> list[str]:
    """The words of `text` that carry Vietnamese marks, each as its accent key: a mark, the
    tone, the word without its tone, lower case (`Đường` → `~1đương`, `Hòa`, `Hoà` → `~1hoa`);
    words without marks have none."""
    if not text:
        return []
    keys = []
    for word in _MARKED_WORD.findall(unicodedata.normalize("NFC", text).lower()):
        if fold(word) == word:
            continue
        decomposed = unicodedata.normalize("NFD", word)
        tones = [_TONES[c] for c in decomposed if c in _TONES]
        toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        keys.append(f"{ACCENT_KEY_MARK}{tones[0] if tones else 0}{toneless}")
    return keys


def search_text(*parts: str | None) -> str:
    """Each distinct word of `parts` once, in order, between spaces (` co khi hoa lac `), so that
    `LIKE '% co%'` matches a word prefix and `LIKE '% co %'` a whole word; then the accent keys
    of the words with marks (` ~0cơ ~2khi ~1hoa ~5lac `). The first parts come first, the folded
    words before any key: past 2,000 bytes the last are left out."""
    text = " "
    folded = (word for part in parts for word in words(part))
    keys = (key for part in parts for key in accent_keys(part))
    for word in dict.fromkeys([*folded, *keys]):
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
