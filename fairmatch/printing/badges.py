"""Name badges: 90 × 55 mm (the size of common badge holders), ten to an A4 sheet in two columns of five that
touch, so that one guillotine cut separates two badges; cut marks stand in the margins at every cut line.
Each badge carries a band in its role's colour with the role written out (so that it reads printed in grey too)
and the booth codes of an exhibitor, the person's name, position and enterprise, wrapped and never cut, and a QR
code of their check-in code with the code printed under it for people and scanners that type it."""

from dataclasses import dataclass

from fairmatch.printing.layout import INK, MUTED, RULE, Document, ink_on
from fairmatch.printing.model import RGB
from fairmatch.printing.qr import draw_qr

WIDTH, HEIGHT = 90.0, 55.0
COLUMNS, ROWS = 2, 5
BAND = 10.0
QR_SIZE = 29.0
MARK = 5.0  # length of a cut mark
MARK_GAP = 1.5  # between the sheet's cut line and the start of its mark
FOOT = 8.5  # height kept at the foot of a badge for the fair's name


@dataclass(frozen=True)
class Badge:
    name: str
    enterprise: str
    role: str  # "Doanh nghiệp trưng bày"
    colour: RGB  # of the role band
    code: str  # the check-in code, encoded in the QR and printed under it
    booth: str = ""  # "Gian A12, A13"; empty for people without a booth
    position: str = ""  # "Trưởng phòng Kinh doanh"


@dataclass(frozen=True)
class BadgeLabels:
    document: str  # "Thẻ tham dự"
    fair: str  # the fair's name, printed small at the foot of each badge
    empty: str  # printed on the only page when there is nobody to badge


def badges_pdf(badges: list[Badge], labels: BadgeLabels) -> bytes:
    """Ten badges per A4 page in the order given, with cut marks; an empty list gives one page saying so."""
    doc = Document(title=labels.document, page_label=None, flowing=False)
    left = (doc.w - COLUMNS * WIDTH) / 2
    top = (doc.h - ROWS * HEIGHT) / 2
    if not badges:
        doc.add_page()
        doc.use_font(12)
        doc.set_xy(doc.l_margin, top)
        doc.multi_cell(doc.epw, 7, labels.empty)
    per_page = COLUMNS * ROWS
    for start in range(0, len(badges), per_page):
        doc.add_page()
        _cut_marks(doc, left, top)
        for number, badge in enumerate(badges[start : start + per_page]):
            row, column = divmod(number, COLUMNS)
            _badge(doc, badge, labels, left + column * WIDTH, top + row * HEIGHT)
    return doc.to_bytes()


def _cut_marks(doc: Document, left: float, top: float) -> None:
    """Short lines in the margins continuing every vertical and horizontal cut line of the sheet."""
    doc.set_draw_color(*INK)
    doc.set_line_width(0.2)
    right, bottom = left + COLUMNS * WIDTH, top + ROWS * HEIGHT
    for column in range(COLUMNS + 1):
        x = left + column * WIDTH
        doc.line(x, top - MARK_GAP - MARK, x, top - MARK_GAP)
        doc.line(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK)
    for row in range(ROWS + 1):
        y = top + row * HEIGHT
        doc.line(left - MARK_GAP - MARK, y, left - MARK_GAP, y)
        doc.line(right + MARK_GAP, y, right + MARK_GAP + MARK, y)


def _badge(doc: Document, badge: Badge, labels: BadgeLabels, x: float, y: float) -> None:
    # A faint outline shows where to cut if the guillotine misses the marks.
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.1)
    doc.rect(x, y, WIDTH, HEIGHT)
    doc.set_fill_color(*badge.colour)
    doc.rect(x, y, WIDTH, BAND, style="F")
    doc.set_text_color(*ink_on(badge.colour))
    booth_w = 0.0
    if badge.booth:
        booth = doc.fit_text(badge.booth, WIDTH / 2, max_size=11, min_size=7, style="B")
        booth_w = doc.get_string_width(booth.lines[0]) + 2
        doc.set_xy(x + WIDTH - booth_w - 3, y)
        doc.cell(booth_w, BAND, booth.lines[0], align="R")
    role = doc.fit_text(badge.role.upper(), WIDTH - 9 - booth_w, max_size=9.5, min_size=6.5, style="B")
    doc.set_xy(x + 4, y)
    doc.cell(WIDTH - 9 - booth_w, BAND, role.lines[0])

    # Name, position and enterprise share the column left of the QR code; each wraps onto more lines
    # in a smaller size rather than lose a letter.
    text_w = WIDTH - QR_SIZE - 7
    bottom = y + HEIGHT - FOOT
    doc.set_text_color(*INK)
    name = doc.fit_text(badge.name, text_w, max_size=15, min_size=8, max_lines=3, style="B")
    below = doc.draw_lines(name, x + 4, y + BAND + 2.5, text_w, align="L")
    if badge.position:
        doc.set_text_color(*MUTED)
        position = doc.fit_text(badge.position, text_w, max_size=8, min_size=6, max_lines=2)
        below = doc.draw_lines(position, x + 4, below + 0.5, text_w, align="L")
        doc.set_text_color(*INK)
    if badge.enterprise:
        enterprise = doc.fit_text(
            badge.enterprise,
            text_w,
            max_size=9.5,
            min_size=5.5,
            max_lines=5,
            max_height=bottom - (below + 1.5),
            style="B",
        )
        doc.draw_lines(enterprise, x + 4, below + 1.5, text_w, align="L")

    qr_x = x + WIDTH - QR_SIZE - 2
    draw_qr(doc, badge.code, qr_x, y + BAND + 2, QR_SIZE)
    doc.set_text_color(*MUTED)
    doc.use_font(6.5)
    doc.set_xy(qr_x - 2, y + BAND + 2 + QR_SIZE + 0.5)
    doc.cell(QR_SIZE + 4, 3, badge.code, align="C")
    # The fair's name runs across the whole foot, on two lines when it is long.
    fair = doc.fit_text(labels.fair, WIDTH - 8, max_size=6.5, min_size=5.5)
    if len(fair.lines) != 1 or fair.lines[0] != " ".join(labels.fair.split()):
        fair = doc.fit_text(labels.fair, WIDTH - 8, max_size=6.5, min_size=5, max_lines=2)
    doc.draw_lines(fair, x + 4, y + HEIGHT - 1 - fair.height(1.15), WIDTH - 8, align="L")
    doc.set_text_color(*INK)
