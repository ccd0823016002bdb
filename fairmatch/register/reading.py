"""Reading the register as the Department publishes it: an .xlsx workbook or a UTF-8 .csv file whose
first row names the columns (pure: no Flask, no database)."""

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from fairmatch.common.text import N_, fold

COLUMNS: dict[str, tuple[str, str]] = {
    "tax_code": ("Mã số thuế", "tax_code"),
    "enterprise": ("Tên doanh nghiệp", "enterprise"),
    "product": ("Sản phẩm", "product"),
    "decision_no": ("Số quyết định", "decision_no"),
    "year": ("Năm", "year"),
}
"""Each field and the two headers that name it: Vietnamese as the Department writes it, or English."""


def _header_key(text) -> str:
    """A header as it is matched: no case, no accents, `_` as a space."""
    return fold("" if text is None else str(text)).replace("_", " ")


_HEADER_KEYS = {name: {_header_key(h) for h in headers} for name, headers in COLUMNS.items()}

MAX_ROWS = 20000
"""Far more than the city's list holds (289 products in 2024): a bigger file is not the register."""


@dataclass(frozen=True)
class Problem:
    """What is wrong with a row (`row` as the spreadsheet numbers it, the header being row 1):
    a message marked for translation and its parameters."""

    row: int
    message: str
    params: dict = field(default_factory=dict)


class UnreadableRegister(Exception):
    """The file is not a register fairmatch can read; `problems` say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def read_register(data: bytes, filename: str) -> list[tuple[int, dict]]:
    """The data rows of the file, each as (row number, {field: cell}); blank rows are left out.

    Cells are text (NFC, spaces trimmed), numbers as the workbook holds them, or None.
    """
    rows = _xlsx_rows(data) if filename.lower().endswith(".xlsx") else _csv_rows(data, filename)
    if not rows:
        raise UnreadableRegister([Problem(1, N_("the file is empty: the first row must name the columns"))])
    header = [_header_key(cell) for cell in rows[0]]
    positions = {}
    for name, keys in _HEADER_KEYS.items():
        found = [i for i, cell in enumerate(header) if cell in keys]
        if found:
            positions[name] = found[0]
    missing = [name for name in COLUMNS if name not in positions]
    if missing:
        raise UnreadableRegister(
            [
                Problem(
                    1,
                    N_("no column %(header)s (or %(other)s)"),
                    {"header": COLUMNS[name][0], "other": COLUMNS[name][1]},
                )
                for name in missing
            ]
        )
    if len(rows) - 1 > MAX_ROWS:
        raise UnreadableRegister(
            [Problem(1, N_("more than %(max)d rows: this is not the register"), {"max": MAX_ROWS})]
        )
    result = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: _clean(row[i]) if i < len(row) else None for name, i in positions.items()}
        if any(value not in (None, "") for value in cells.values()):
            result.append((number, cells))
    return result


def _xlsx_rows(data: bytes) -> list[tuple]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise UnreadableRegister([Problem(1, N_("not an .xlsx workbook that can be read"))]) from None
    try:
        return [row for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv_rows(data: bytes, filename: str) -> list[list[str]]:
    if not filename.lower().endswith(".csv"):
        raise UnreadableRegister([Problem(1, N_("the register must be an .xlsx or a .csv file"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableRegister([Problem(1, N_('the .csv file is not in UTF-8: save it as "CSV UTF-8"'))]) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _clean(value):
    """A cell as the rules read it: text normalised to NFC with spaces trimmed and collapsed."""
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    return value
