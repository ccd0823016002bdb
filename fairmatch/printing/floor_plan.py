"""The printed floor plan: A3 landscape, one page per hall drawn to scale with its legend, then the exhibitor index
in columns."""

from fairmatch.printing.hall_drawing import draw_hall, draw_scale_bar, fit_hall
from fairmatch.printing.layout import INK, MUTED, PT, RULE, Document
from fairmatch.printing.model import FloorPlan, FloorPlanLabels, HallPlan, IndexRow, LegendItem

HEADER_BOTTOM = 30
LEGEND_HEIGHT = 15
INDEX_COLUMNS = 3
INDEX_GUTTER = 8
CODE_WIDTH = 16


def floor_plan_pdf(plan: FloorPlan, labels: FloorPlanLabels) -> bytes:
    """The plan as PDF bytes: every booth's code printed on its hall's page, exhibitors' short names inside the
    booths where given, entrances, legend and scale on each hall page, then the index (in the order given) in
    three columns over as many pages as it needs; every page numbered."""
    doc = Document(title=plan.title, page_label=labels.page, orientation="landscape", page_format="A3", flowing=False)
    for hall in plan.halls:
        _hall_page(doc, plan, hall, labels)
    if plan.index:
        _index_pages(doc, plan, labels)
    return doc.to_bytes()


def _hall_page(doc: Document, plan: FloorPlan, hall: HallPlan, labels: FloorPlanLabels) -> None:
    doc.add_page()
    header_bottom = doc.page_heading(plan.title, plan.subtitle, hall.name, bottom=HEADER_BOTTOM)
    legend_top = doc.h - doc.b_margin - LEGEND_HEIGHT
    frame = fit_hall(hall, doc.l_margin, header_bottom + 2, doc.epw, legend_top - header_bottom - 4)
    draw_hall(doc, hall, frame, entrance_label=labels.entrance, north_label=labels.north)
    _legend(doc, plan.legend, labels.legend, legend_top, doc.w - doc.r_margin - 60)
    draw_scale_bar(doc, frame, doc.w - doc.r_margin, legend_top + 8)


def _legend(doc: Document, items: list[LegendItem], title: str, top: float, right: float) -> None:
    """Swatches with their labels flowing left to right, on as many rows as they need, up to `right`."""
    if not items:
        return
    doc.use_font(8.5, "B")
    doc.set_xy(doc.l_margin, top + 2)
    doc.cell(doc.get_string_width(title) + 4, 5, title)
    start_x = doc.get_x()
    x, y = start_x, top + 2
    doc.use_font(8.5)
    for item in items:
        width = 9 + doc.get_string_width(item.label) + 7
        if x + width > right and x > start_x:
            x, y = start_x, y + 6
        if item.outline:
            doc.set_fill_color(255, 255, 255)
            doc.set_draw_color(*item.fill_rgb)
            doc.set_line_width(0.8)
        else:
            doc.set_fill_color(*item.fill_rgb)
            doc.set_draw_color(*RULE)
            doc.set_line_width(0.2)
        doc.rect(x, y + 0.75, 7, 3.5, style="DF")
        doc.set_xy(x + 9, y)
        doc.cell(width - 9, 5, item.label)
        x += width


def _index_pages(doc: Document, plan: FloorPlan, labels: FloorPlanLabels) -> None:
    """Entries flow down a column, then into the next one, then onto a new page."""
    column_w = (doc.epw - (INDEX_COLUMNS - 1) * INDEX_GUTTER) / INDEX_COLUMNS
    bottom = doc.h - doc.b_margin - 2
    column = INDEX_COLUMNS
    y = bottom
    header_bottom = HEADER_BOTTOM
    for row in plan.index:
        height = _index_entry_height(doc, row, column_w)
        if y + height > bottom:
            column += 1
            if column >= INDEX_COLUMNS:
                doc.add_page()
                header_bottom = doc.page_heading(plan.title, plan.subtitle, labels.index_title, bottom=HEADER_BOTTOM)
                column = 0
            y = header_bottom + 2
        x = doc.l_margin + column * (column_w + INDEX_GUTTER)
        _index_entry(doc, row, x, y, column_w)
        y += height


def _index_entry_height(doc: Document, row: IndexRow, width: float) -> float:
    name_w = width - CODE_WIDTH
    doc.use_font(9)
    vi_lines = len(doc.wrap(row.name_vi, name_w))
    doc.use_font(8, "I")
    en_lines = len(doc.wrap(row.name_en, name_w)) if row.name_en else 0
    return vi_lines * 9 * PT * 1.25 + en_lines * 8 * PT * 1.25 + 2.6


def _index_entry(doc: Document, row: IndexRow, x: float, y: float, width: float) -> None:
    """The code in bold, the Vietnamese name beside it and the English name below in grey italics, then a rule."""
    name_w = width - CODE_WIDTH
    doc.set_text_color(*INK)
    doc.use_font(9, "B")
    doc.set_xy(x, y + 1)
    doc.cell(CODE_WIDTH, 9 * PT * 1.25, row.booth_code)
    doc.use_font(9)
    line_y = y + 1
    for line in doc.wrap(row.name_vi, name_w):
        doc.set_xy(x + CODE_WIDTH, line_y)
        doc.cell(name_w, 9 * PT * 1.25, line)
        line_y += 9 * PT * 1.25
    doc.use_font(8, "I")
    doc.set_text_color(*MUTED)
    for line in doc.wrap(row.name_en, name_w) if row.name_en else []:
        doc.set_xy(x + CODE_WIDTH, line_y)
        doc.cell(name_w, 8 * PT * 1.25, line)
        line_y += 8 * PT * 1.25
    doc.set_text_color(*INK)
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.15)
    doc.line(x, line_y + 1.3, x + width, line_y + 1.3)
