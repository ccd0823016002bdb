"""Importing the register: every row checked, then all of it written in one transaction, matched
to enterprises by tax code and marking their products recognised."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.common.exchange_validation import DECISION_NO_LIMIT, RECOGNITION_YEARS
from fairmatch.common.keys import is_valid_tax_code
from fairmatch.common.text import N_, fold
from fairmatch.enterprises.models import Category, Enterprise, Product
from fairmatch.extensions import db
from fairmatch.register.models import RegisterEntry
from fairmatch.register.reading import COLUMNS, Problem, UnreadableRegister, read_register

NAME_LIMIT = 300
# What a recognised key-product maker is in the directory's vocabulary: the programme's nucleus.
RECOGNISED_MAKER_KIND = "lead"


class RegisterRefused(Exception):
    """The file has problems; nothing was written. Each problem names its spreadsheet row."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    matched: int
    """Enterprises of the file already in the directory."""
    created: int
    """Enterprises added (unverified) because the directory did not know their tax code."""
    recognised: int
    """Catalogue products newly marked as recognised key products."""
    unchanged: int
    """Rows already imported before."""


@dataclass(frozen=True)
class _Row:
    number: int
    tax_code: str
    enterprise: str
    product: str
    decision_no: str
    year: int


def import_register(data: bytes, filename: str, actor=None, *, commit: bool = True) -> ImportSummary:
    """Check every row of the file, then write all of it in one transaction; raise RegisterRefused
    on any problem. Importing the same file again changes nothing. With `commit=False` the writes
    are left to the caller's transaction (a background job commits them with its end)."""
    try:
        cells = read_register(data, filename)
    except UnreadableRegister as unreadable:
        raise RegisterRefused(unreadable.problems) from None
    rows, problems = [], []
    for number, row in cells:
        checked = _checked(number, row)
        if isinstance(checked, _Row):
            rows.append(checked)
        else:
            problems += checked
    if problems:
        raise RegisterRefused(problems)
    try:
        summary = _write(rows)
        if summary.rows != summary.unchanged:
            db.session.flush()
            record("register.imported", _Register(), summary.__dict__, actor=actor)
        if commit:
            db.session.commit()
        else:
            db.session.flush()
    except Exception:
        db.session.rollback()
        raise
    return summary


def problem_lines(problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """The problems row by row, in the order of the file, each message in the current language."""
    rows: dict[int, list[str]] = {}
    for problem in problems:
        rows.setdefault(problem.row, []).append(
            _(problem.message, **problem.params) if problem.params else _(problem.message)
        )
    return sorted(rows.items())


class _Register:
    """Stands for the imported file in the audit log."""

    id = "register"


def _checked(number: int, row: dict) -> _Row | list[Problem]:
    problems = []
    tax_code = _tax_code(row["tax_code"])
    if not tax_code:
        problems.append(Problem(number, N_("the tax code is missing")))
    elif not is_valid_tax_code(tax_code):
        problems.append(
            Problem(
                number,
                N_(
                    "the tax code %(value)s is not valid (10 digits with the right check digit, "
                    "-NNN for a branch, or a household's 12-digit ID)"
                ),
                {"value": tax_code},
            )
        )
    texts = {}
    for name, limit, missing in (
        ("enterprise", NAME_LIMIT, N_("the enterprise's name is missing")),
        ("product", NAME_LIMIT, N_("the product is missing")),
        ("decision_no", DECISION_NO_LIMIT, N_("the decision number is missing")),
    ):
        value = "" if row[name] is None else str(row[name]).strip()
        if not value:
            problems.append(Problem(number, missing))
        elif len(value) > limit:
            problems.append(
                Problem(
                    number,
                    N_("the column %(column)s holds more than %(limit)d characters"),
                    {"column": COLUMNS[name][0], "limit": limit},
                )
            )
        texts[name] = value
    year = _year(row["year"])
    latest = date.today().year
    if year is None or year < RECOGNITION_YEARS[0] or year > latest:
        problems.append(
            Problem(
                number,
                N_("the year %(value)s is not a year of recognition between %(low)d and %(high)d"),
                {
                    "value": row["year"] if row["year"] not in (None, "") else "—",
                    "low": RECOGNITION_YEARS[0],
                    "high": latest,
                },
            )
        )
    if problems:
        return problems
    return _Row(number, tax_code, texts["enterprise"], texts["product"], texts["decision_no"], year)


def _tax_code(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        # A spreadsheet that stored the code as a number dropped its leading zero (0100109106 → 100109106).
        return f"{int(value):010d}"
    return "".join(str(value or "").split())


def _year(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _write(rows: list[_Row]) -> ImportSummary:
    codes = {row.tax_code for row in rows}
    enterprises = {
        e.tax_code: e
        for e in db.session.scalars(
            select(Enterprise).where(Enterprise.tax_code.in_(codes)).options(selectinload(Enterprise.products))
        )
    }
    matched = set(enterprises)
    known = {
        tuple(entry)
        for entry in db.session.execute(
            select(RegisterEntry.tax_code, RegisterEntry.product, RegisterEntry.decision_no).where(
                RegisterEntry.tax_code.in_(codes)
            )
        )
    }
    categories = _category_words()
    created = recognised = unchanged = 0
    for row in rows:
        if (row.tax_code, row.product, row.decision_no) in known:
            unchanged += 1
            continue
        known.add((row.tax_code, row.product, row.decision_no))
        enterprise = enterprises.get(row.tax_code)
        if enterprise is None:
            enterprise = Enterprise(
                key=row.tax_code,
                tax_code=row.tax_code,
                country="VN",
                name_vi=row.enterprise,
                kind=RECOGNISED_MAKER_KIND,
                verified=False,
            )
            db.session.add(enterprise)
            enterprises[row.tax_code] = enterprise
            created += 1
        product, added = _recognise(enterprise, row, categories)
        recognised += added
        db.session.add(
            RegisterEntry(
                tax_code=row.tax_code,
                enterprise=enterprise,
                product=row.product,
                decision_no=row.decision_no,
                year=row.year,
                catalogue_product=product,
            )
        )
    return ImportSummary(len(rows), len(matched), created, recognised, unchanged)


def _category_words() -> list[tuple[frozenset[str], Category]]:
    """Each category with the words of its Vietnamese and English names, longest names first."""
    found = []
    for category in db.session.scalars(select(Category)):
        for name in (category.name_vi, category.name_en):
            words = frozenset(fold(name).split())
            if words:
                found.append((words, category))
    return sorted(found, key=lambda item: -len(item[0]))


def _recognise(enterprise: Enterprise, row: _Row, categories) -> tuple[Product | None, bool]:
    """Mark the enterprise's catalogue product of this name as recognised by the decision; list it
    when the catalogue lacks it and a category's name says what it is. (product, newly recognised)."""
    wanted = fold(row.product)
    product = next((p for p in enterprise.products if wanted in (fold(p.name_vi), fold(p.name_en))), None)
    if product is None:
        words = set(wanted.split())
        category = next((c for needed, c in categories if needed <= words), None)
        if category is None:
            return None, False
        product = Product(category=category, name_vi=row.product)
        enterprise.products.append(product)
        if not enterprise.sectors:
            enterprise.set_sectors([category.sector])
    newly = not product.recognized_verified
    if newly or (product.recognized_year or 0) <= row.year:
        product.recognized_year, product.recognized_decision_no = row.year, row.decision_no
        # The official list settles any claim: it is verified, and an earlier refusal no longer stands.
        product.recognized_verified, product.recognized_declined_reason = True, None
    return product, newly
