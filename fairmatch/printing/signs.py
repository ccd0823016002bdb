"""Booth signs: A4 landscape, one per page, readable from across an aisle."""

from fairmatch.printing.layout import INK, MUTED, RULE, Document
from fairmatch.printing.model import BoothSign, BoothSignLabels

CODE_SIZE = 150
CODE_TOP = 22
RULE_Y = 84
NAME_HEIGHT = 72
ENGLISH_HEIGHT = 22
ENGLISH_GAP = 5


def booth_signs_pdf(signs: list[BoothSign], labels: BoothSignLabels) -> bytes:
    """One page per sign, whatever the names' length: the booth code very large, the company's Vietnamese name
    as large as fits in three lines (more lines past the smallest size: a name is never cut), its English name
    below."""
    doc = Document(title=labels.booth, page_label=None, orientation="landscape", page_format="A4", flowing=False)
    for sign in signs:
        _sign_page(doc, sign, labels)
    return doc.to_bytes()


def _sign_page(doc: Document, sign: BoothSign, labels: BoothSignLabels) -> None:
    """Label and hall along the top, the code under them, a short rule, then the names centred in the space left."""
    doc.add_page()
    width = doc.epw
    left = doc.l_margin
    half = width / 2
    doc.set_text_color(*MUTED)
    doc.use_font(13)
    doc.set_xy(left, 12)
    doc.cell(half, 7, labels.booth)
    hall = doc.fit_text(sign.hall_name, half - 4, max_size=13, min_size=9, max_lines=2, cut=False)
    doc.draw_lines(hall, left + half + 4, 12, half - 4, align="R", line_height=1.1)

    doc.set_text_color(*INK)
    code = doc.fit_text(sign.booth_code, width, max_size=CODE_SIZE, min_size=40, style="B", line_height=1.0)
    doc.draw_lines(code, left, CODE_TOP, width, line_height=1.0)
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.6)
    doc.line(left + width * 0.3, RULE_Y, left + width * 0.7, RULE_Y)

    name = doc.fit_text(
        sign.name_vi,
        width,
        max_size=60,
        min_size=18,
        max_lines=3,
        max_height=NAME_HEIGHT,
        style="B",
        line_height=1.12,
        cut=False,
    )
    english = None
    if sign.name_en:
        english = doc.fit_text(
            sign.name_en,
            width,
            max_size=26,
            min_size=12,
            max_lines=2,
            max_height=ENGLISH_HEIGHT,
            style="I",
            cut=False,
        )
    block = name.height(1.12) + (ENGLISH_GAP + english.height(1.15) if english else 0)
    names_area = doc.h - doc.b_margin - RULE_Y
    name_bottom = doc.draw_lines(name, left, RULE_Y + (names_area - block) / 2, width, line_height=1.12)
    if english:
        doc.set_text_color(*MUTED)
        doc.draw_lines(english, left, name_bottom + ENGLISH_GAP, width)
        doc.set_text_color(*INK)
