"""Finding enterprises: the directory search shared by the pages, the exports and the API.

Every typed word must begin a word of the enterprise's search text (names, key, locality,
industrial park, product names), accents and case ignored. When that finds nothing, each word
may also be one typo away from a word that some enterprise uses (`mechancs` → `mechanics`).
Marks typed are not thrown away: by relevance, the enterprises that spell the words with the
typed marks come first (`đường`: Đường before Dương), the others after them. A query with no
letter or digit at all (an emoji, punctuation) finds nothing, rather than everything.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import selectinload

from fairmatch.auth.verification import unconfirmed_enterprises
from fairmatch.booths.queries import booth_codes, booth_holders
from fairmatch.enterprises.models import Certification, Enterprise, EnterpriseSector, Product, SearchTerm
from fairmatch.enterprises.words import accent_keys, correctable, one_typo_variants, words
from fairmatch.extensions import db

PAGE_SIZE = 24
SORTS = ("relevance", "name", "newest")
MAX_WORDS = 8


@dataclass(frozen=True)
class DirectoryQuery:
    q: str = ""
    sector: str = ""
    kind: str = ""
    certification: str = ""
    locality: str = ""
    recognized: bool = False
    booth: bool = False
    sort: str = ""
    page: int = 1

    @property
    def effective_sort(self) -> str:
        """Relevance when words are typed, else by name; an unknown choice falls back the same way."""
        if self.sort in SORTS and (self.sort != "relevance" or self.q.strip()):
            return self.sort
        return "relevance" if self.q.strip() else "name"


@dataclass(frozen=True)
class DirectoryPage:
    items: list[Enterprise]
    total: int
    page: int
    pages: int
    approximate: bool = False
    """True when the words were found only after correcting a typo."""
    booths: dict[int, str] = field(default_factory=dict)
    recognized: set[int] = field(default_factory=set)
    """Ids of the listed enterprises that make a verified recognised key product."""
    unsearchable: bool = False
    """True when the query holds no letter or digit to search by (an emoji, punctuation)."""


# Words and accent keys hold only letters, digits, marks and `~` (see `words`, `accent_keys`): no
# `%`, `_` or backslash to escape in a pattern.
def _has_word_starting(word: str):
    return Enterprise.search_text.like(f"% {word}%")


def _has_word(word: str):
    return Enterprise.search_text.like(f"% {word} %")


def filtered(query: DirectoryQuery) -> Select:
    """The ids of the enterprises passing the filters of `query`, before any words are matched.

    Ids, not whole rows: sorting and counting narrow rows stays fast; the page's rows load after.
    An enterprise registered by someone whose email is not verified yet is never listed.
    """
    statement = select(Enterprise.id).where(Enterprise.id.not_in(unconfirmed_enterprises()))
    if query.sector:
        statement = statement.where(
            Enterprise.id.in_(select(EnterpriseSector.enterprise_id).where(EnterpriseSector.sector == query.sector))
        )
    if query.kind:
        statement = statement.where(Enterprise.kind == query.kind)
    if query.certification:
        # An expired certificate does not qualify a supplier.
        valid = or_(Certification.expires_on.is_(None), Certification.expires_on >= date.today())
        statement = statement.where(
            Enterprise.id.in_(
                select(Certification.enterprise_id).where(Certification.name == query.certification, valid)
            )
        )
    if query.locality.strip():
        statement = statement.where(Enterprise.locality_folded == " ".join(words(query.locality)))
    if query.recognized:
        statement = statement.where(
            exists().where(Product.enterprise_id == Enterprise.id, Product.recognized_verified.is_(True))
        )
    if query.booth:
        statement = statement.where(Enterprise.id.in_(booth_holders()))
    return statement


def corrections(typed: list[str]) -> dict[str, set[str]]:
    """For each typed word that can be corrected, the known words one typo away from it."""
    variants = {word: one_typo_variants(word) for word in typed if correctable(word)}
    candidates = set().union(*variants.values()) if variants else set()
    if not candidates:
        return {}
    known = set(
        db.session.scalars(
            select(SearchTerm.term).where(SearchTerm.term.in_(bindparam("terms", expanding=True))),
            {"terms": sorted(candidates)},
        )
    )
    return {word: found for word, options in variants.items() if (found := options & known)}


def _known_beginnings(typed: list[str]) -> set[str]:
    """The typed words that begin some word of the vocabulary, among those it can hold; one
    indexed look-up. A word outside it cannot match, so the exact search need not scan for it."""
    checked = [w for w in typed if correctable(w)]
    if not checked:
        return set()
    found = db.session.execute(
        select(*(exists().where(SearchTerm.term >= w, SearchTerm.term < w[:-1] + chr(ord(w[-1]) + 1)) for w in checked))
    ).one()
    return {w for w, hit in zip(checked, found, strict=True) if hit}


def _strict(query: DirectoryQuery, typed: list[str]) -> Select:
    """Every typed word starts a word of the enterprise's search text."""
    return _ordered(filtered(query).where(*(_has_word_starting(w) for w in typed)), query, typed)


def _corrected_ids(query: DirectoryQuery, typed: list[str], known: set[str]) -> list[int]:
    """The ids found when typos are forgiven: first in the words that begin no known word only,
    then, if that finds nothing, in every word. Such searches find few: all ids are read at once."""
    fixable = [w for w in typed if correctable(w)]
    unknown = [w for w in fixable if w not in known]
    for attempt in ([unknown] if unknown else []) + ([fixable] if len(unknown) < len(fixable) else []):
        fixes = corrections(attempt)
        if not fixes:
            continue
        corrected = filtered(query).where(
            *(or_(_has_word_starting(w), *(_has_word(fix) for fix in sorted(fixes.get(w, ())))) for w in typed)
        )
        ids = list(db.session.scalars(_ordered(corrected, query, typed)))
        if ids:
            return ids
    return []


def _window_page(statement: Select, page: int) -> tuple[list[int], int, int]:
    """One page of ids and the total, read in one scan; past the last page, the last page."""
    counted = statement.add_columns(func.count().over())
    rows = db.session.execute(counted.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    if not rows and page > 1:
        total = _count(statement)
        page = max(1, -(-total // PAGE_SIZE))
        rows = db.session.execute(counted.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    return [row[0] for row in rows], rows[0][1] if rows else 0, page


def _counted_page(statement: Select, page: int) -> tuple[list[int], int, int]:
    """One page of ids and the total, for listings that an index orders (no words typed)."""
    total = _count(statement)
    page = min(page, max(1, -(-total // PAGE_SIZE)))
    return list(db.session.scalars(statement.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))), total, page


def search_enterprises(query: DirectoryQuery) -> DirectoryPage:
    """One page of enterprises matching the words and the filters of `query`: every typed word
    starts a word of theirs or, when that finds none, each word may also have one typo."""
    typed = words(query.q)[:MAX_WORDS]
    if unsearchable(query, typed):
        return DirectoryPage([], 0, 1, 1, unsearchable=True)
    page = max(1, query.page)
    approximate = False
    if not typed:
        ids, total, page = _counted_page(_strict(query, typed), page)
    else:
        ids, total = [], 0
        known = _known_beginnings(typed)
        if all(w in known for w in typed if correctable(w)):
            ids, total, page = _window_page(_strict(query, typed), page)
        if not total and (every := _corrected_ids(query, typed, known)):
            total, approximate = len(every), True
            page = min(page, max(1, -(-total // PAGE_SIZE)))
            ids = every[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    pages = max(1, -(-total // PAGE_SIZE))
    if not ids:
        return DirectoryPage([], total, page, pages, approximate)
    items = _load(ids, selectinload(Enterprise.sectors), selectinload(Enterprise.logo))
    recognized = db.session.scalars(
        select(Product.enterprise_id).where(Product.enterprise_id.in_(ids), Product.recognized_verified.is_(True))
    )
    return DirectoryPage(items, total, page, pages, approximate, booth_codes(ids), set(recognized))


def unsearchable(query: DirectoryQuery, typed: list[str]) -> bool:
    """Something was typed, but nothing to search by: such a query finds nothing."""
    return bool(query.q.strip()) and not typed


def _count(statement: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))


def _load(ids: list[int], *options) -> list[Enterprise]:
    """The enterprises with these ids, in this order."""
    rows = {}
    for start in range(0, len(ids), 500):
        chunk = select(Enterprise).where(Enterprise.id.in_(ids[start : start + 500])).options(*options)
        rows.update((e.id, e) for e in db.session.scalars(chunk))
    return [rows[i] for i in ids]


def _ordered(statement: Select, query: DirectoryQuery, typed: list[str]) -> Select:
    """Newest first, by relevance or by name (the folded legal name), verified profiles first."""
    sort = query.effective_sort
    if sort == "newest":
        return statement.order_by(Enterprise.created_at.desc(), Enterprise.id.desc())
    if sort == "relevance" and typed:
        # First the enterprises that spell more of the words typed with marks as typed; then the
        # typed words side by side, in order; then verified profiles.
        keys = list(dict.fromkeys(accent_keys(query.q)))[:MAX_WORDS]
        as_typed = [sum(case((_has_word_starting(key), 1), else_=0) for key in keys).desc()] if keys else []
        phrase = case((_has_word_starting(" ".join(typed)), 0), else_=1)
        return statement.order_by(*as_typed, phrase, Enterprise.verified.desc(), Enterprise.search_text, Enterprise.id)
    return statement.order_by(Enterprise.verified.desc(), Enterprise.search_text, Enterprise.id)


def all_matching(query: DirectoryQuery) -> list[Enterprise]:
    """Every enterprise the directory lists for `query`, in its order (for exports)."""
    typed = words(query.q)[:MAX_WORDS]
    if unsearchable(query, typed):
        return []
    ids = list(db.session.scalars(_strict(query, typed)))
    if not ids and typed:
        ids = _corrected_ids(query, typed, _known_beginnings(typed))
    options = (
        selectinload(Enterprise.sectors),
        selectinload(Enterprise.certifications),
        selectinload(Enterprise.products),
    )
    return _load(ids, *options)


def enterprise_by_key(key: str) -> Enterprise | None:
    return db.session.scalar(select(Enterprise).where(Enterprise.key == key))


def known_localities() -> list[str]:
    """One spelling of each locality in use, for the filter's suggestions."""
    rows = db.session.execute(
        select(Enterprise.locality_folded, func.min(Enterprise.locality))
        .where(Enterprise.locality_folded.is_not(None))
        .group_by(Enterprise.locality_folded)
        .order_by(Enterprise.locality_folded)
    )
    return [spelling for _, spelling in rows]
