"""Tables as spreadsheets — the directory, and every other export built on its helpers: CSV
(UTF-8 with a byte-order mark, so that Excel reads the Vietnamese right) and XLSX. Headers and
labels follow the page's language; data is as stored."""

import csv
import io
import re
from datetime import datetime

from flask import Response
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from fairmatch.common.vocabulary import SECTORS
from fairmatch.enterprises.forms import KIND_CHOICES
from fairmatch.enterprises.models import Enterprise
from fairmatch.i18n import fair_zone, language

_FORMULA = re.compile(r"^[=@\t\r]|^[+-](?![\d\s().-]*$)")
"""Cells a spreadsheet would run as a formula; a phone number such as +84 24 … is left alone."""


def directory_columns():
    """The directory's columns, each a (header, value of an enterprise) pair."""
    english = language() == "en"
    kinds = dict(KIND_CHOICES)
    return (
        (_l("Key"), lambda e: e.key),
        (_l("Tax code"), lambda e: e.tax_code),
        (_l("Country"), lambda e: e.country),
        (_l("Legal name in Vietnamese"), lambda e: e.name_vi),
        (_l("Name in English"), lambda e: e.name_en),
        (_l("Kind of enterprise"), lambda e: str(kinds[e.kind])),
        (_l("Sectors"), lambda e: "; ".join(SECTORS[s][english] for s in e.sector_codes)),
        (_l("Verified"), lambda e: _l("yes") if e.verified else _l("no")),
        (_l("Address"), lambda e: e.address),
        (_l("Commune, ward or area"), lambda e: e.locality),
        (_l("Industrial park or cluster"), lambda e: e.industrial_park),
        (_l("Year founded"), lambda e: e.founded_year),
        (_l("Employees"), lambda e: e.employees),
        (_l("Website"), lambda e: e.website),
        (_l("Contact person"), lambda e: e.contact_name),
        (_l("Contact email"), lambda e: e.contact_email),
        (_l("Contact phone"), lambda e: e.contact_phone),
        (_l("Certifications"), lambda e: "; ".join(c.name for c in e.certifications)),
        (_l("Export markets"), lambda e: " ".join(e.export_markets or [])),
        (_l("Products"), lambda e: "; ".join(p.name("en" if english else "vi") for p in e.products)),
        (_l("Recognised key products"), lambda e: "; ".join(
            p.name("en" if english else "vi") for p in e.products if p.recognized_verified
        )),
    )


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


def directory_table(enterprises: list[Enterprise]) -> tuple[list[str], list[list]]:
    """Header and rows of the directory export."""
    return tabulate(directory_columns(), enterprises)


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
