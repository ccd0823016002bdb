"""QR codes drawn as vector shapes: rectangles on a PDF page, one path in an SVG, from segno's module matrix.

A check-in code is short upper-case text (`FM-B12-…`), so segno encodes it alphanumerically in a small symbol;
error correction M survives a scuffed badge. Dark modules are merged into rectangles: fewer shapes, faster PDFs."""

from dataclasses import dataclass
from functools import lru_cache
from html import escape

import segno

from fairmatch.printing.layout import INK, Document

QUIET_ZONE = 2  # modules of white around the symbol; the caller keeps the space around it free as well


@dataclass(frozen=True)
class QrBlocks:
    """A symbol `size` modules square (quiet zone included) as rectangles (column, row, width, height) of dark
    modules: each row's runs, a run merged with the same run in the rows below it."""

    size: int
    blocks: tuple[tuple[int, int, int, int], ...]


@lru_cache(maxsize=4096)
def qr_blocks(text: str) -> QrBlocks:
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
            runs.append((start, row, column - start))
    remaining = set(runs)
    blocks = []
    for column, row, width in runs:
        if (column, row, width) not in remaining:
            continue
        height = 1
        while (column, row + height, width) in remaining:
            remaining.discard((column, row + height, width))
            height += 1
        blocks.append((column + QUIET_ZONE, row + QUIET_ZONE, width, height))
    return QrBlocks(len(matrix) + 2 * QUIET_ZONE, tuple(blocks))


def draw_qr(doc: Document, text: str, x: float, y: float, size: float) -> None:
    """The QR code of `text` as a `size` mm square (quiet zone included) with its top left corner at (x, y)."""
    symbol = qr_blocks(text)
    module = size / symbol.size
    doc.set_fill_color(*INK)
    for column, row, width, height in symbol.blocks:
        # A hair of overlap with the row below keeps viewers from drawing white seams between modules.
        doc.rect(x + column * module, y + row * module, width * module, (height + 0.02) * module, style="F")


def qr_svg(text: str, label: str, css_class: str = "qr") -> str:
    """The QR code of `text` as an inline SVG image named `label` for screen readers (escaped here)."""
    symbol = qr_blocks(text)
    path = "".join(f"M{column} {row}h{width}v{height}h-{width}z" for column, row, width, height in symbol.blocks)
    name = escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" viewBox="0 0 {symbol.size} '
        f'{symbol.size}" role="img" aria-label="{name}" shape-rendering="crispEdges"><title>{name}</title>'
        f'<rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="{path}"/></svg>'
    )
