"""The exhibitor catalogue: A4 portrait, a cover, an index of sectors with their page numbers, then one section per
sector, each exhibitor with its booths, names and descriptions in Vietnamese and English, products and contact."""

from dataclasses import dataclass

from fairmatch.printing.layout import INK, MUTED, PT, RULE, Document

BRAND = (13, 71, 161)
BAND = (232, 240, 254)
CODE_WIDTH = 24
MAX_DESCRIPTION_LINES = 5
LINE_HEIGHT = 1.3


@dataclass(frozen=True)
class CatalogueEntry:
    booths: str  # "A01, A02"
    name_vi: str
    name_en: str
    kind: str  # "Nhà cung ứng CNHT / Supporting-industry supplier"
    description_vi: str = ""
    description_en: str = ""
    products: tuple[str, ...] = ()  # "Cáp điện / Power cable"
    contact: tuple[str, ...] = ()  # lines: person, phone and e-mail, website, address


@dataclass(frozen=True)
class CatalogueSection:
    title: str  # "Cơ khí chính xác / Precision mechanics"
    entries: tuple[CatalogueEntry, ...]


@dataclass(frozen=True)
class Catalogue:
    title: str  # the fair
    subtitle: str  # venue and dates
    summary: str  # "86 đơn vị trưng bày · 120 gian hàng"
    sections: tuple[CatalogueSection, ...]


@dataclass(frozen=True)
class CatalogueLabels:
    document: str  # "Danh mục đơn vị trưng bày"
    index: str  # "Mục lục theo ngành"
    exhibitors: str  # "{count} đơn vị": the only braces allowed
    products: str
    contact: str
    empty: str  # printed when nobody exhibits yet
    page: str  # "Trang {page}/{pages}"


def catalogue_pdf(catalogue: Catalogue, labels: CatalogueLabels) -> bytes:
    """The catalogue as PDF bytes: cover, sector index (one page), sections in the order given, each starting on
    a new page; an entry is never split across pages."""
    doc = Document(title=f"{labels.document} · {catalogue.title}", page_label=labels.page)
    _cover(doc, catalogue, labels)
    counts = {section.title: len(section.entries) for section in catalogue.sections}
    doc.add_page()
    # The index is drawn last, once every section knows its page; its page break starts the first section.
    doc.insert_toc_placeholder(lambda pdf, outline: _index(pdf, outline, labels, counts), pages=1)
    if not catalogue.sections:
        doc.use_font(12)
        doc.multi_cell(0, 7, labels.empty, new_x="LMARGIN", new_y="NEXT")
    for number, section in enumerate(catalogue.sections):
        if number:
            doc.add_page()
        doc.start_section(section.title)
        _section_band(doc, section.title, labels.exhibitors.format(count=len(section.entries)))
        for entry in section.entries:
            _entry(doc, entry, labels)
    return doc.to_bytes()


def _cover(doc: Document, catalogue: Catalogue, labels: CatalogueLabels) -> None:
    doc.add_page()
    doc.set_fill_color(*BRAND)
    doc.rect(0, 0, doc.w, 95, style="F")
    doc.set_text_color(255, 255, 255)
    title = doc.fit_text(labels.document.upper(), doc.epw, max_size=30, min_size=18, max_lines=2, style="B",
                         cut=False)
    doc.draw_lines(title, doc.l_margin, 40, doc.epw, align="L")
    doc.set_text_color(*INK)
    fair = doc.fit_text(catalogue.title, doc.epw, max_size=20, min_size=12, max_lines=3, style="B", cut=False)
    bottom = doc.draw_lines(fair, doc.l_margin, 115, doc.epw, align="L")
    doc.set_text_color(*MUTED)
    doc.use_font(12)
    doc.set_xy(doc.l_margin, bottom + 4)
    doc.multi_cell(doc.epw, 6, catalogue.subtitle, new_x="LMARGIN", new_y="NEXT")
    doc.ln(6)
    doc.use_font(12, "B")
    doc.set_text_color(*BRAND)
    doc.multi_cell(doc.epw, 6, catalogue.summary, new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*INK)


def _index(doc: Document, outline, labels: CatalogueLabels, counts: dict[str, int]) -> None:
    """Each sector, its number of exhibitors and the page where it starts."""
    doc.set_xy(doc.l_margin, doc.t_margin)
    doc.use_font(18, "B")
    doc.set_text_color(*BRAND)
    doc.multi_cell(0, 10, labels.index, new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)
    doc.set_text_color(*INK)
    number_w, count_w = 14, 30
    for section in outline:
        name_w = doc.epw - number_w - count_w
        doc.use_font(10.5)
        top = doc.get_y()
        lines = doc.wrap(section.name, name_w)
        for line in lines:
            doc.cell(name_w, 6, line, new_x="LMARGIN", new_y="NEXT")
        doc.set_text_color(*MUTED)
        doc.set_xy(doc.l_margin + name_w, top)
        doc.cell(count_w, 6, labels.exhibitors.format(count=counts.get(section.name, 0)), align="R")
        doc.set_text_color(*INK)
        doc.use_font(10.5, "B")
        doc.cell(number_w, 6, str(section.page_number), align="R")
        bottom = top + 6 * len(lines) + 1
        doc.set_draw_color(*RULE)
        doc.set_line_width(0.15)
        doc.line(doc.l_margin, bottom, doc.l_margin + doc.epw, bottom)
        doc.set_xy(doc.l_margin, bottom + 1.5)


def _section_band(doc: Document, title: str, count: str) -> None:
    """A tinted band with the sector's name (wrapped, never cut) and its number of exhibitors on the right."""
    top = doc.get_y()
    doc.use_font(9.5)
    count_w = doc.get_string_width(count) + 6
    title_w = doc.epw - count_w - 8
    doc.use_font(13, "B")
    lines = doc.wrap(title, title_w)
    step = 13 * PT * 1.25
    height = max(12, len(lines) * step + 5)
    doc.set_fill_color(*BAND)
    doc.rect(doc.l_margin, top, doc.epw, height, style="F")
    doc.set_fill_color(*BRAND)
    doc.rect(doc.l_margin, top, 2, height, style="F")
    doc.use_font(9.5)
    doc.set_text_color(*MUTED)
    doc.set_xy(doc.l_margin + doc.epw - count_w, top)
    doc.cell(count_w - 3, height, count, align="R")
    doc.set_text_color(*BRAND)
    doc.use_font(13, "B")
    y = top + (height - len(lines) * step) / 2
    for line in lines:
        doc.set_xy(doc.l_margin + 6, y)
        doc.cell(title_w, step, line)
        y += step
    doc.set_text_color(*INK)
    doc.set_xy(doc.l_margin, top + height + 4)


def _entry(doc: Document, entry: CatalogueEntry, labels: CatalogueLabels) -> None:
    """The booth codes in a left column; names, kind, descriptions, products and contact beside them."""
    width = doc.epw - CODE_WIDTH
    # The English name is left out where it only repeats the Vietnamese one.
    blocks = [(entry.name_vi, 11, "B", INK, None),
              (entry.name_en if entry.name_en != entry.name_vi else "", 9.5, "I", MUTED, None),
              (entry.kind, 8.5, "", MUTED, None),
              (entry.description_vi, 9, "", INK, MAX_DESCRIPTION_LINES),
              (entry.description_en, 8.5, "I", MUTED, MAX_DESCRIPTION_LINES)]
    if entry.products:
        blocks.append((f"{labels.products}: {'; '.join(entry.products)}", 8.5, "", INK, 4))
    if entry.contact:
        blocks.append((f"{labels.contact}: {' · '.join(entry.contact)}", 8.5, "", INK, 3))
    laid_out = []
    for text, size, style, colour, max_lines in blocks:
        if not text:
            continue
        doc.use_font(size, style)
        lines = doc.wrap(text, width)
        if max_lines and len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], doc.ellipsize(" ".join(lines[max_lines - 1 :]), width)]
        laid_out.append((lines, size, style, colour))
    doc.use_font(11, "B")
    codes = doc.wrap(entry.booths, CODE_WIDTH - 3)
    height = max(sum(len(lines) * size * PT * LINE_HEIGHT + 0.6 for lines, size, _, _ in laid_out),
                 len(codes) * 11 * PT * LINE_HEIGHT) + 4
    if doc.get_y() + height > doc.page_break_trigger:
        doc.add_page()
    top = doc.get_y()
    doc.set_text_color(*BRAND)
    y = top
    for line in codes:
        doc.set_xy(doc.l_margin, y)
        doc.cell(CODE_WIDTH - 3, 11 * PT * LINE_HEIGHT, line)
        y += 11 * PT * LINE_HEIGHT
    y = top
    for lines, size, style, colour in laid_out:
        doc.use_font(size, style)
        doc.set_text_color(*colour)
        for line in lines:
            doc.set_xy(doc.l_margin + CODE_WIDTH, y)
            doc.cell(width, size * PT * LINE_HEIGHT, line)
            y += size * PT * LINE_HEIGHT
        y += 0.6
    doc.set_text_color(*INK)
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.15)
    doc.line(doc.l_margin, top + height - 2, doc.l_margin + doc.epw, top + height - 2)
    doc.set_xy(doc.l_margin, top + height)
