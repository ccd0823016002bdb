"""Responses every feature sends: documents to open (PDF) and tables to download, named after their
content and the day in the fair's time zone.

A table's cells keep their types: text, numbers, amounts in đồng (`Vnd`), dates, local date-times and
times. The XLSX holds them as typed cells a spreadsheet can sum, sort and filter (amounts as `#,##0`,
dates as dd/mm/yyyy), on a sheet named after the table, with the header frozen and filtered and the
columns sized to their content. The CSV is UTF-8 with a byte-order mark, without which Excel reads the Vietnamese as
Windows-1252; its dates are ISO 8601 (2026-10-15, 2026-10-15 09:00), which Excel reads as dates in
any locale, and its amounts are plain digits."""

import csv
import io
import re
from datetime import date, datetime, time

from flask import Response
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from fairmatch.i18n import fair_zone

_FORMULA = re.compile(r"^[=@\t\r]|^[+-](?![\d\s().-]*$)")
"""Cells a spreadsheet would run as a formula; a phone number such as +84 24 … is left alone."""


class Vnd(int):
    """An amount in whole đồng: a number in every file, shown with grouped thousands in XLSX."""


VND_FORMAT = "#,##0"
"""Thousands grouped by the reader's Excel (16.200.000 in Vietnamese, 16,200,000 in English); the
headers name the currency, so that the column stays a number that sums and sorts."""
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_FORMAT = "hh:mm"
_WIDEST = 60
_HEADER_WIDEST = 28
_SHEET_NAME = re.compile(r"[\\/*?:\[\]]")


def safe_cell(value):
    """A value as a spreadsheet cell: numbers, dates and times keep their type; text that would run as
    a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, int | float | date | time):
        return value
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def local_naive(value: datetime | None) -> datetime | None:
    """A stored UTC datetime as the wall-clock time at the fair: spreadsheets know no time zones."""
    return None if value is None else value.astimezone(fair_zone()).replace(tzinfo=None)


def tabulate(columns, items) -> tuple[list[str], list[list]]:
    """Header and rows of a table whose `columns` are (header, value of an item) pairs."""
    return [str(label) for label, _ in columns], [[safe_cell(cell(item)) for _, cell in columns] for item in items]


def _as_text(value) -> str:
    """A cell as a CSV field."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def as_csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_as_text(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _number_format(value) -> str | None:
    if isinstance(value, Vnd):
        return VND_FORMAT
    if isinstance(value, datetime):
        return DATETIME_FORMAT
    if isinstance(value, date):
        return DATE_FORMAT
    if isinstance(value, time):
        return TIME_FORMAT
    return None


def _shown_length(value) -> int:
    """About how many characters a cell takes on screen in its number format."""
    if isinstance(value, Vnd):
        return len(f"{value:,}")
    if isinstance(value, datetime | date | time):
        return len(_as_text(value))
    return max((len(line) for line in str(value).splitlines()), default=0)


def _sheet_name(title: str) -> str:
    """The title as a sheet name: Excel takes 31 characters at most, so a longer one ends at a word."""
    name = " ".join(_SHEET_NAME.sub(" ", title).split())
    if len(name) > 31:
        name = name[:32].rsplit(" ", 1)[0] if " " in name[:32] else name[:31]
    return name or "Sheet1"


def as_xlsx(header: list[str], rows: list[list], title: str | None = None, heading: str | None = None) -> bytes:
    """The table on one sheet named `title`, its header row frozen and filtered, each column as wide
    as its content. The header stays the first row, so that the file reads back into a spreadsheet
    table, pandas or `import-register` as it is; `heading` (the title when not given) is the
    document's title and the header of every printed page."""
    title = title or str(_l("Directory"))
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_name(title)
    book.properties.title = heading or title
    sheet.oddHeader.center.text = (heading or title).replace("&", "&&")
    sheet.append(header)
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="DDE5EE")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, shade
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [min(len(label), _HEADER_WIDEST) for label in header]
    # Cells by their row number: `sheet.max_row` and `sheet[n]` scan every cell, which made a
    # sheet of 10,000 rows take minutes.
    for number, row in enumerate(rows, start=2):
        sheet.append([None if value == "" else value for value in row])
        for column, value in enumerate(row, start=1):
            if (number_format := _number_format(value)) is not None:
                sheet.cell(row=number, column=column).number_format = number_format
        for column, value in enumerate(row):
            widths[column] = max(widths[column], min(_shown_length(value), _WIDEST))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(width, 6) + 2
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{len(rows) + 1}"
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def spreadsheet(
    header: list[str], rows: list[list], format: str, name: str, title: str | None = None, heading: str | None = None
) -> Response:
    """A table as a CSV or XLSX download named `name-YYYY-MM-DD.format`; `title` names the sheet, and
    `heading` (the title when not given) heads it."""
    body = as_csv(header, rows) if format == "csv" else as_xlsx(header, rows, title, heading)
    return download(body, format, name)


def download(body: bytes, format: str, name: str) -> Response:
    """An attachment named after its content and today's date in the fair's time zone."""
    # `content_type`, not `mimetype`: Flask adds a charset of its own to a text mimetype, which gave
    # `text/csv; charset=utf-8; charset=utf-8`.
    response = Response(body, content_type=CONTENT_TYPES[format])
    today = datetime.now(fair_zone()).date().isoformat()
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{today}.{format}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(content: bytes, filename: str) -> Response:
    """A PDF shown in the browser, never kept by a shared cache."""
    response = Response(content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
