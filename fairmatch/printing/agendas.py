"""Agendas on paper: one page per participant (or per meeting table), a table of times, places and
counterparts, and beside each meeting its check-in code as a QR code and as text. The same layout serves a
participant's agenda and a table's meeting sheet."""

from dataclasses import dataclass

from fairmatch.printing.layout import INK, MUTED, PT, RULE, ZEBRA, Document
from fairmatch.printing.qr import draw_qr

QR_SIZE = 17
CODE_COLUMN = 34
TIME_COLUMN = 59
PLACE_COLUMN = 28
ROW_PAD = 1.6
HEADING_FILL = (233, 236, 239)


@dataclass(frozen=True)
class AgendaLine:
    time: str  # preformatted, e.g. "09:00–09:30, thứ Năm 15/10/2026" (no-break spaces keep the day on one line)
    place: str
    counterpart: str
    code: str = ""  # the meeting's check-in code, printed as a QR code and as text when given


@dataclass(frozen=True)
class Agenda:
    title: str  # whose agenda: an enterprise's name, or "Bàn T01"
    subtitle: str  # the fair, the venue
    lines: tuple[AgendaLine, ...]


@dataclass(frozen=True)
class AgendaLabels:
    document: str  # the PDF's title, e.g. "Lịch làm việc"
    time: str
    place: str
    counterpart: str
    code: str  # the heading of the check-in code column, e.g. "Mã điểm danh"
    empty: str  # printed on a page without meetings
    page: str  # "Trang {page}/{pages}"


def agendas_pdf(agendas: list[Agenda], labels: AgendaLabels) -> bytes:
    """One A4 page (more when long) per agenda, in the order given; an empty list gives one page saying so."""
    document = Document(title=labels.document, page_label=labels.page)
    for agenda in agendas or [Agenda(labels.document, "", ())]:
        document.add_page()
        document.use_font(16, "B")
        document.multi_cell(0, 8, agenda.title, new_x="LMARGIN", new_y="NEXT")
        if agenda.subtitle:
            document.use_font(10)
            document.multi_cell(0, 5, agenda.subtitle, new_x="LMARGIN", new_y="NEXT")
        document.ln(4)
        if any(line.code for line in agenda.lines):
            _coded_table(document, agenda.lines, labels)
        elif agenda.lines:
            document.data_table(
                [labels.time, labels.place, labels.counterpart],
                [[line.time, line.place, line.counterpart] for line in agenda.lines],
                col_widths=(TIME_COLUMN, PLACE_COLUMN, document.epw - TIME_COLUMN - PLACE_COLUMN),
                aligns=("L", "L", "L"),
            )
        else:
            document.use_font(11)
            document.multi_cell(0, 6, labels.empty, new_x="LMARGIN", new_y="NEXT")
    return document.to_bytes()


def _coded_table(doc: Document, lines: tuple[AgendaLine, ...], labels: AgendaLabels) -> None:
    """The agenda's table with a fourth column holding each meeting's QR code and its code under it; a row is
    never split and the header row repeats on every page."""
    text_w = doc.epw - CODE_COLUMN
    # The time column holds the longest day on one line ("Wednesday 30 September 2026").
    widths = (TIME_COLUMN, PLACE_COLUMN, text_w - TIME_COLUMN - PLACE_COLUMN, CODE_COLUMN)
    headings = (labels.time, labels.place, labels.counterpart, labels.code)
    _coded_row(doc, headings, widths, fill=HEADING_FILL, style="B")
    for number, line in enumerate(lines):
        values = (line.time, line.place, line.counterpart)
        height = max(_text_height(doc, values, widths), QR_SIZE + 4) + 2 * ROW_PAD
        if doc.get_y() + height > doc.page_break_trigger:
            doc.add_page()
            _coded_row(doc, headings, widths, fill=HEADING_FILL, style="B")
        top = doc.get_y()
        _coded_row(doc, values, widths, fill=ZEBRA if number % 2 == 0 else None, height=height)
        if line.code:
            left = doc.l_margin + sum(widths[:3])
            draw_qr(doc, line.code, left + (CODE_COLUMN - QR_SIZE) / 2, top + ROW_PAD, QR_SIZE)
            doc.use_font(6.5)
            doc.set_text_color(*MUTED)
            doc.set_xy(left, top + ROW_PAD + QR_SIZE + 0.3)
            doc.cell(CODE_COLUMN, 3, line.code, align="C")
            doc.set_text_color(*INK)
        doc.set_xy(doc.l_margin, top + height)


def _text_height(doc: Document, values: tuple[str, ...], widths: tuple[float, ...]) -> float:
    doc.use_font(9.5)
    lines = max(len(doc.wrap(value, width - 4) or [""]) for value, width in zip(values, widths, strict=False))
    return lines * 9.5 * PT * 1.35


def _coded_row(doc: Document, values: tuple[str, ...], widths: tuple[float, ...], *, fill=None, style: str = "",
               height: float | None = None) -> None:
    """One row from the cursor: optional fill, each value wrapped in its column, a hairline below."""
    top = doc.get_y()
    height = height or _text_height(doc, values, widths) + 2 * ROW_PAD
    if fill:
        doc.set_fill_color(*fill)
        doc.rect(doc.l_margin, top, doc.epw, height, style="F")
    doc.use_font(9.5, style)
    x = doc.l_margin
    step = 9.5 * PT * 1.35
    for value, width in zip(values, widths, strict=False):
        y = top + ROW_PAD
        for line in doc.wrap(value, width - 4):
            doc.set_xy(x + 2, y)
            doc.cell(width - 4, step, line)
            y += step
        x += width
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.2)
    doc.line(doc.l_margin, top + height, doc.l_margin + doc.epw, top + height)
    doc.set_xy(doc.l_margin, top + height)
