"""QR codes drawn by the printing package are, module for module, the symbol segno makes for the code: on paper
(vector rectangles read back from the PDF) and on screen (the inline SVG's path)."""

import io
import re

import segno
from pypdf import PdfReader

from fairmatch.printing.layout import Document
from fairmatch.printing.qr import QUIET_ZONE, draw_qr, qr_svg

CODE = "FM-M42-0123456789"
PT_PER_MM = 72 / 25.4


def expected_modules(text: str) -> set[tuple[int, int]]:
    matrix = segno.make(text, error="m", micro=False).matrix
    return {(column, row) for row, modules in enumerate(matrix) for column, dark in enumerate(modules) if dark}


def test_the_printed_qr_code_is_the_codes_symbol():
    doc = Document(title="QR", page_label=None)
    doc.add_page()
    size, left, top = 29.0, 20.0, 30.0
    draw_qr(doc, CODE, left, top, size)
    page = PdfReader(io.BytesIO(doc.to_bytes())).pages[0]
    rectangles = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) -([\d.]+) re f", page.get_contents().get_data().decode())
    symbol = len(segno.make(CODE, error="m", micro=False).matrix) + 2 * QUIET_ZONE
    module = size / symbol
    drawn = set()
    for x, y, width, height in rectangles:
        column = round((float(x) / PT_PER_MM - left) / module) - QUIET_ZONE
        row = round((doc.h - float(y) / PT_PER_MM - top) / module) - QUIET_ZONE
        columns, rows = (round(float(length) / PT_PER_MM / module) for length in (width, height))
        drawn |= {(column + i, row + j) for i in range(columns) for j in range(rows)}
    assert drawn == expected_modules(CODE)


def test_the_screen_qr_code_is_the_codes_symbol_and_has_a_name():
    svg = qr_svg(CODE, 'Mã QR "điểm danh" <M42>')
    drawn = set()
    for column, row, width, height in re.findall(r"M(\d+) (\d+)h(\d+)v(\d+)", svg):
        drawn |= {(int(column) + i - QUIET_ZONE, int(row) + j - QUIET_ZONE)
                  for i in range(int(width)) for j in range(int(height))}
    assert drawn == expected_modules(CODE)
    assert 'role="img"' in svg and 'aria-label="Mã QR &quot;điểm danh&quot; &lt;M42&gt;"' in svg
    assert "<title>Mã QR &quot;điểm danh&quot; &lt;M42&gt;</title>" in svg
