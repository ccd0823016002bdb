"""Responses every feature sends: documents to open (PDF) and tables to download (CSV, UTF-8 with
a byte-order mark so that Excel reads the Vietnamese right, and XLSX), named after their content
and the day in the fair's time zone."""

import csv
import io
import re
from datetime import datetime

from flask import Response
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from fairmatch.i18n import fair_zone

_FORMULA = re.compile(r"^[=@\t\r]|^[+-](?![\d\s().-]*$)")
"""Cells a spreadsheet would run as a formula; a phone number such as +84 24 … is left alone."""


def safe_cell(value):
    """A value as a spreadsheet cell: numbers stay numbers; text that would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def tabulate(columns, items) -> tuple[list[str], list[list]]:
    """Header and rows of a table whose `columns` are (header, value of an item) pairs."""
    return [str(label) for label, _ in columns], [[safe_cell(cell(item)) for _, cell in columns] for item in items]


def as_csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(header: list[str], rows: list[list], title: str | None = None) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet((title or str(_l("Directory")))[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def spreadsheet(header: list[str], rows: list[list], format: str, name: str, title: str | None = None) -> Response:
    """A table as a CSV or XLSX download named `name-YYYY-MM-DD.format`."""
    body = as_csv(header, rows) if format == "csv" else as_xlsx(header, rows, title)
    return download(body, format, name)


def download(body: bytes, format: str, name: str) -> Response:
    """An attachment named after its content and today's date in the fair's time zone."""
    response = Response(body, mimetype=MIMETYPES[format])
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
