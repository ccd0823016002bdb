"""QR codes drawn as vector shapes: rectangles on a PDF page, one path in an SVG, from segno's module matrix.

A check-in code is short upper-case text (`FM-B12-…`), so segno encodes it alphanumerically in a small symbol;
error correction M survives a scuffed badge. Dark modules in a row are merged into one rectangle."""

from dataclasses import dataclass
from functools import lru_cache
from html import escape

import segno

from fairmatch.printing.layout import INK, Document

QUIET_ZONE = 2  # modules of white around the symbol; the caller keeps the space around it free as well


@dataclass(frozen=True)
class QrRuns:
    """A symbol `size` modules square (quiet zone included) as runs (column, row, length) of dark modules."""

    size: int
    runs: tuple[tuple[int, int, int], ...]


@lru_cache(maxsize=4096)
def qr_runs(text: str) -> QrRuns:
    matrix = segno.make(text, error="m", micro=False).matrix
    runs = []
    for row, modules in enumerate(matrix):
        column = 0
        while column < len(modules):
            if not modules[column]:
                column += 1
                continue
            start = column
            while column < len(modules) and modules[column]:
                column += 1
            runs.append((start + QUIET_ZONE, row + QUIET_ZONE, column - start))
    return QrRuns(len(matrix) + 2 * QUIET_ZONE, tuple(runs))


def draw_qr(doc: Document, text: str, x: float, y: float, size: float) -> None:
    """The QR code of `text` as a `size` mm square (quiet zone included) with its top left corner at (x, y)."""
    symbol = qr_runs(text)
    module = size / symbol.size
    doc.set_fill_color(*INK)
    for column, row, length in symbol.runs:
        # A hair of overlap between rows keeps viewers from drawing white seams between modules.
        doc.rect(x + column * module, y + row * module, length * module, module * 1.02, style="F")


def qr_svg(text: str, label: str, css_class: str = "qr") -> str:
    """The QR code of `text` as an inline SVG image named `label` for screen readers (escaped here)."""
    symbol = qr_runs(text)
    path = "".join(f"M{column} {row}h{length}v1h-{length}z" for column, row, length in symbol.runs)
    name = escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" viewBox="0 0 {symbol.size} '
        f'{symbol.size}" role="img" aria-label="{name}" shape-rendering="crispEdges"><title>{name}</title>'
        f'<rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="{path}"/></svg>'
    )
