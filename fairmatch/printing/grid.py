"""The master meeting grid: A3 landscape, one block per day, rows for slots, columns for the meeting places
(B2B tables, then booths hosting meetings), each cell naming the two enterprises that meet there."""

from dataclasses import dataclass

from fairmatch.printing.layout import Document

PLACES_PER_PAGE = 12
HEADING_BOTTOM = 34


@dataclass(frozen=True)
class GridRow:
    time: str  # "09:00–09:30"
    cells: tuple[str, ...]  # one per place, "" where the place is free


@dataclass(frozen=True)
class GridDay:
    label: str  # "Thứ Năm, 15/10/2026"
    rows: tuple[GridRow, ...]


@dataclass(frozen=True)
class MeetingGrid:
    title: str
    subtitle: str
    note: str  # which meetings the grid shows, printed under the subtitle
    places: tuple[str, ...]
    days: tuple[GridDay, ...]


@dataclass(frozen=True)
class GridLabels:
    time: str
    empty: str  # printed when no meeting is on the grid
    page: str  # "Trang {page}/{pages}"


def meeting_grid_pdf(grid: MeetingGrid, labels: GridLabels) -> bytes:
    """A page (or more) per day and per group of at most 12 places; the column headings repeat on every page."""
    doc = Document(title=grid.title, page_label=labels.page, orientation="landscape", page_format="A3")
    places = list(grid.places)
    chunks = [range(i, min(i + PLACES_PER_PAGE, len(places))) for i in range(0, len(places), PLACES_PER_PAGE)]
    if not chunks or not grid.days:
        doc.add_page()
        _heading(doc, grid, "")
        doc.use_font(12)
        doc.multi_cell(0, 7, labels.empty, new_x="LMARGIN", new_y="NEXT")
        return doc.to_bytes()
    for day in grid.days:
        for chunk in chunks:
            doc.add_page()
            _heading(doc, grid, day.label)
            doc.data_table(
                [labels.time, *(places[i] for i in chunk)],
                [[row.time, *(row.cells[i] for i in chunk)] for row in day.rows],
                col_widths=(1.6, *(2 for _ in chunk)),
                aligns=("L", *("L" for _ in chunk)),
                font_size=7.5,
            )
    return doc.to_bytes()


def _heading(doc: Document, grid: MeetingGrid, day: str) -> None:
    doc.page_heading(grid.title, grid.subtitle, day, bottom=HEADING_BOTTOM, note=grid.note)
