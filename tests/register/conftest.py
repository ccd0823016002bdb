"""A register to import: CSV text or an .xlsx workbook built in the test, and enterprises it names."""

import io
import itertools

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from fairmatch.common.keys import tax_check_digit
from fairmatch.enterprises.models import Category, Enterprise, Product
from fairmatch.extensions import db

_numbers = itertools.count(10600001)


def register_tax_code() -> str:
    """A fresh valid tax code of a Hà Nội enterprise (01…), apart from those the shared factories issue."""
    while True:
        first_nine = f"0{next(_numbers):08d}"
        digit = tax_check_digit(first_nine)
        if digit is not None:
            return first_nine + str(digit)


HEADER = ("STT", "Mã số thuế", "Tên doanh nghiệp", "Sản phẩm", "Số quyết định", "Năm")


def register_csv(*rows, header=HEADER) -> bytes:
    """A register as the Department saves it from Excel: UTF-8 with BOM, one line per row."""
    lines = [",".join(header)] + [",".join(str(cell) for cell in row) for row in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def register_xlsx(*rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def transformer_maker(app, make_enterprise):
    """A lead enterprise listing "Máy biến áp phân phối" (not recognised yet), and the taxonomy's
    category of cables; returns its tax code."""
    key = make_enterprise(
        name_vi="Công ty CP Thiết bị điện Đông Anh", kind="lead", contact_email="btc@dongan.example.vn"
    )
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        transformers = Category(
            code="EE.TRANSFORMER", name_vi="Máy biến áp", name_en="Power transformers", sector="electrical-electronics"
        )
        db.session.add(
            Category(code="EE.CABLE", name_vi="Cáp điện lực", name_en="Power cables", sector="electrical-electronics")
        )
        enterprise.products = [
            Product(category=transformers, name_vi="Máy biến áp phân phối", name_en="Distribution transformers")
        ]
        db.session.commit()
    return key
