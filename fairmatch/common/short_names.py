"""Short names that stay distinct: enterprise names shortened for a dense table (the meetings grid)
so that two firms never read alike.

A Vietnamese name leads with its legal form and line of business and ends with the firm's own name
("Công ty CP Đầu tư và Phát triển Sao Mai" → "Sao Mai"); an English or foreign name leads with its
own name and ends with the legal form ("Sao Mai Investment JSC" → "Sao Mai Investment"). Each name
keeps the fewest words, taken from the end that carries the firm's own name, that no other name shown
shares; two names equal once their legal forms are dropped keep their full names, and two equal full
names are told apart by their keys.
"""

import re
import unicodedata
from collections.abc import Iterable

# Legal forms that open a Vietnamese name, the longest first (matched without case).
VIETNAMESE_FORMS = (
    "tổng công ty cổ phần",
    "tổng công ty tnhh",
    "tổng công ty",
    "tập đoàn",
    "công ty trách nhiệm hữu hạn một thành viên",
    "công ty trách nhiệm hữu hạn",
    "công ty tnhh một thành viên",
    "công ty tnhh mtv",
    "công ty tnhh",
    "công ty cổ phần",
    "công ty cp",
    "công ty hợp danh",
    "công ty",
    "chi nhánh",
    "văn phòng đại diện",
    "hộ kinh doanh",
    "hợp tác xã",
    "htx",
    "doanh nghiệp tư nhân",
    "dntn",
)
# Legal forms that close a foreign or English name.
FOREIGN_FORMS = re.compile(
    r"[\s,]+(one member co\.?,? ltd\.?|co\.?,? ltd\.?|company limited|joint stock company|jsc|corporation|corp\.?|"
    r"inc\.?|ltd\.?|llc|gmbh|k\.k\.|pte\.? ltd\.?|s\.a\.|ag|plc|co\.)$",
    re.IGNORECASE,
)
SHORTEST = 2  # words: a Vietnamese firm's own name is rarely shorter


def _words(name: str) -> tuple[list[str], bool]:
    """The name's words without its legal forms, and whether its own name comes last."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    own_name_last = False
    stripped = True
    while stripped:
        stripped = False
        for form in VIETNAMESE_FORMS:
            if text.lower().startswith(form + " "):
                text, own_name_last, stripped = text[len(form) + 1 :], True, True
                break
    while (found := FOREIGN_FORMS.search(text)) and found.start() > 0:
        text = text[: found.start()]
    return text.split(), own_name_last


def _part(words: list[str], count: int, own_name_last: bool) -> tuple[str, ...]:
    return tuple(words[-count:] if own_name_last else words[:count])


def _whole(part: tuple[str, ...], own_name_last: bool) -> bool:
    """Whether a part starts (or ends) on a whole word: a Vietnamese word of several syllables
    capitalises only its first ("Phát triển"), and a part never ends on "and"."""
    if own_name_last:
        return not part[0][:1].islower()
    return part[-1].casefold() not in ("and", "&", "và", "of")


def short_names(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """For (key, full name) pairs, each key's shortest distinctive name among all of them; the same
    input always gives the same names, whatever its order."""
    people = sorted(set(names))
    parsed = {key: _words(name) for key, name in people}
    shorts: dict[str, str] = {}
    for key, name in people:
        words, last = parsed[key]
        if not words:
            shorts[key] = name
            continue
        for count in range(min(SHORTEST, len(words)), len(words) + 1):
            if count < len(words) and not _whole(_part(words, count, last), last):
                continue
            mine = [w.casefold() for w in _part(words, count, last)]
            shared = any(
                other != key and len(their) >= count and [w.casefold() for w in _part(their, count, their_last)] == mine
                for other, (their, their_last) in parsed.items()
            )
            if not shared:
                shorts[key] = " ".join(_part(words, count, last))
                break
        else:
            shorts[key] = " ".join(words)
    # Equal once shortened (a name that is the whole tail of another, or the same name twice): the
    # full names, and the key when even those are equal.
    by_short: dict[str, list[str]] = {}
    for key, short in shorts.items():
        by_short.setdefault(short.casefold(), []).append(key)
    full = dict(people)
    for keys in by_short.values():
        if len(keys) > 1:
            fulls = [full[k].casefold() for k in keys]
            for k in keys:
                shorts[k] = full[k] if fulls.count(full[k].casefold()) == 1 else f"{full[k]} ({k})"
    return shorts
