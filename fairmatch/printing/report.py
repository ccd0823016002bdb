"""The fair report: A4 portrait, sections one after another, each with key figures in boxes, a horizontal bar
chart drawn with rectangles and a table, as the caller gives them."""

from dataclasses import dataclass, field

from fairmatch.printing.layout import INK, MUTED, PT, RULE, ZEBRA, Document
from fairmatch.printing.letterhead import draw_letterhead
from fairmatch.printing.model import Letterhead

BAR = (25, 118, 210)
LABEL_WIDTH = 62
VALUE_WIDTH = 42
BAR_HEIGHT = 5
FIGURES_PER_ROW = 4
FIGURE_ROW = 21  # a row of figure boxes, with the gap under it (mm)


@dataclass(frozen=True)
class ReportFigure:
    label: str
    value: str  # preformatted


@dataclass(frozen=True)
class ReportBar:
    label: str
    value: int  # the bar's length, relative to the longest bar of the chart
    text: str  # printed after the bar, e.g. "12 · 180.000.000 ₫"


@dataclass(frozen=True)
class ReportSection:
    title: str
    note: str = ""
    figures: tuple[ReportFigure, ...] = ()
    bars: tuple[ReportBar, ...] = ()
    headings: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    col_widths: tuple[float, ...] = ()  # relative, one per heading
    aligns: tuple[str, ...] = ()
    empty: str = ""  # printed instead of the table when it has no rows


@dataclass(frozen=True)
class ReportDocument:
    """With a `letterhead`, the report opens as an official document: the header block (which carries the date),
    then the title and subtitle centred; without one, a page heading with `right_text` on the right."""

    title: str
    subtitle: str
    right_text: str  # e.g. the date the report was made
    sections: tuple[ReportSection, ...] = field(default_factory=tuple)
    letterhead: Letterhead | None = None


def report_pdf(report: ReportDocument, page_label: str) -> bytes:
    """The report as PDF bytes; a section's title never sits alone at the foot of a page."""
    doc = Document(title=report.title, page_label=page_label)
    doc.add_page()
    if report.letterhead:
        draw_letterhead(doc, report.letterhead)
        doc.use_font(15, "B")
        doc.multi_cell(0, 7.5, report.title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        doc.use_font(11, "B")
        doc.multi_cell(0, 5.5, report.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
        doc.ln(3)
        doc.set_draw_color(*RULE)
        doc.set_line_width(0.3)
        doc.line(doc.l_margin, doc.get_y(), doc.w - doc.r_margin, doc.get_y())
        doc.ln(2)
    else:
        doc.page_heading(report.title, report.subtitle, report.right_text)
    for section in report.sections:
        _section(doc, section)
    return doc.to_bytes()


def _section(doc: Document, section: ReportSection) -> None:
    if doc.get_y() + _opening_height(doc, section) > doc.page_break_trigger:
        doc.add_page()
    doc.ln(3)
    doc.use_font(13, "B")
    doc.set_text_color(*INK)
    doc.multi_cell(0, 7, section.title, new_x="LMARGIN", new_y="NEXT")
    if section.note:
        doc.use_font(8.5, "I")
        doc.set_text_color(*MUTED)
        doc.multi_cell(0, 4.5, section.note, new_x="LMARGIN", new_y="NEXT")
        doc.set_text_color(*INK)
    doc.ln(2)
    if section.figures:
        _figures(doc, section.figures)
    if section.bars:
        _bars(doc, section.bars)
    if section.headings:
        if section.rows:
            doc.data_table(
                section.headings, section.rows, col_widths=section.col_widths, aligns=section.aligns, font_size=8.5
            )
        elif section.empty:
            doc.use_font(9.5)
            doc.set_text_color(*MUTED)
            doc.multi_cell(0, 5, section.empty, new_x="LMARGIN", new_y="NEXT")
            doc.set_text_color(*INK)
    doc.ln(2)


def _opening_height(doc: Document, section: ReportSection) -> float:
    """What must stay on one page: the title, its note, and the boxes of figures (up to three rows) or the first
    lines of the chart or table."""
    doc.use_font(8.5, "I")
    note = len(doc.wrap(section.note, doc.epw)) * 4.5 if section.note else 0
    figure_rows = min(-(-len(section.figures) // FIGURES_PER_ROW), 3)
    return 12 + note + (FIGURE_ROW * figure_rows if figure_rows else 25)


def _figures(doc: Document, figures: tuple[ReportFigure, ...]) -> None:
    """Boxes four to a row: the value large, its label small under it."""
    gap = 3
    width = (doc.epw - (FIGURES_PER_ROW - 1) * gap) / FIGURES_PER_ROW
    for start in range(0, len(figures), FIGURES_PER_ROW):
        if doc.get_y() + 20 > doc.page_break_trigger:
            doc.add_page()
        top = doc.get_y()
        for column, figure in enumerate(figures[start : start + FIGURES_PER_ROW]):
            x = doc.l_margin + column * (width + gap)
            doc.set_fill_color(*ZEBRA)
            doc.set_draw_color(*RULE)
            doc.set_line_width(0.2)
            doc.rect(x, top, width, 18, style="DF")
            value = doc.fit_text(figure.value, width - 4, max_size=16, min_size=9, style="B")
            doc.draw_lines(value, x + 2, top + 2, width - 4, align="L")
            label = doc.fit_text(figure.label, width - 4, max_size=8, min_size=6.5, max_lines=2)
            doc.set_text_color(*MUTED)
            doc.draw_lines(label, x + 2, top + 10, width - 4, align="L", line_height=1.1)
            doc.set_text_color(*INK)
        doc.set_xy(doc.l_margin, top + FIGURE_ROW)


def _bars(doc: Document, bars: tuple[ReportBar, ...]) -> None:
    """A label (wrapped, never cut), a bar proportional to the largest value, and the value's text, one row per
    bar."""
    longest = max((bar.value for bar in bars), default=0) or 1
    area = doc.epw - LABEL_WIDTH - VALUE_WIDTH - 4
    step = 8.5 * PT * 1.2
    for bar in bars:
        doc.use_font(8.5)
        lines = doc.wrap(bar.label, LABEL_WIDTH - 2) or [""]
        height = max(BAR_HEIGHT, len(lines) * step)
        if doc.get_y() + height + 2 > doc.page_break_trigger:
            doc.add_page()
        top = doc.get_y()
        doc.use_font(8.5)
        y = top + (BAR_HEIGHT - step) / 2 if len(lines) == 1 else top
        for line in lines:
            doc.set_xy(doc.l_margin, y)
            doc.cell(LABEL_WIDTH - 2, step, line)
            y += step
        length = area * bar.value / longest
        doc.set_fill_color(*BAR)
        if length > 0:
            doc.rect(doc.l_margin + LABEL_WIDTH, top + 0.6, max(length, 0.4), BAR_HEIGHT - 1.2, style="F")
        doc.set_xy(doc.l_margin + LABEL_WIDTH + length + 2, top)
        doc.cell(VALUE_WIDTH, BAR_HEIGHT, bar.text)
        doc.set_xy(doc.l_margin, top + height + 1.2)
    doc.ln(2)
