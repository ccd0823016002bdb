"""The header block of an official document, laid out as Appendix I of Decree 30/2020/NĐ-CP lays out an
administrative document: on the left the governing body, the issuing body in bold capitals over a short rule and
the document's number; on the right the national title, the motto over a rule as long as itself, and the place and
date in italics under them."""

from fairmatch.printing.layout import INK, Document
from fairmatch.printing.model import Letterhead

LEFT_SHARE = 0.42  # of the text width: the issuing body's column
GAP = 4


def draw_letterhead(doc: Document, head: Letterhead) -> float:
    """The block from the top margin, every line wrapped (never cut) and centred in its column; returns the y under
    it, where the document's title goes."""
    top = doc.t_margin
    left_w = doc.epw * LEFT_SHARE
    right_w = doc.epw - left_w - GAP
    left_x, right_x = doc.l_margin, doc.l_margin + left_w + GAP
    doc.set_text_color(*INK)

    y = top
    if head.parent_body:
        y = _lines(doc, head.parent_body.upper(), left_x, y, left_w, size=10.5)
    y = _lines(doc, head.issuing_body.upper(), left_x, y, left_w, size=10.5, style="B")
    y = _rule_under(doc, left_x, y, left_w, left_w / 3)
    left_bottom = _lines(doc, head.number, left_x, y + 1.5, left_w, size=10.5)

    y = _lines(doc, head.nation.upper(), right_x, top, right_w, size=10.5, style="B")
    doc.use_font(11.5, "B")
    motto_w = min(doc.get_string_width(head.motto), right_w)
    y = _lines(doc, head.motto, right_x, y, right_w, size=11.5, style="B")
    y = _rule_under(doc, right_x, y, right_w, motto_w)
    right_bottom = _lines(doc, head.place_date, right_x, y + 1.5, right_w, size=10.5, style="I")

    bottom = max(left_bottom, right_bottom) + 6
    doc.set_xy(doc.l_margin, bottom)
    return bottom


def _lines(doc: Document, text: str, x: float, y: float, width: float, *, size: float, style: str = "") -> float:
    fitted = doc.fit_text(text, width, max_size=size, min_size=size - 1.5, max_lines=2, style=style, cut=False)
    return doc.draw_lines(fitted, x, y, width, align="C", line_height=1.25)


def _rule_under(doc: Document, x: float, y: float, width: float, length: float) -> float:
    """A thin rule of `length` centred in the column just under the text above it."""
    start = x + (width - length) / 2
    doc.set_draw_color(*INK)
    doc.set_line_width(0.3)
    doc.line(start, y + 1.2, start + length, y + 1.2)
    return y + 2
