"""Floor-plan geometry (pure): lay booths out in a hall and tell which ones touch.

Units are metres; x runs along the hall's width, y along its depth from the entrance wall.
"""

from dataclasses import dataclass

EPSILON = 1e-6


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    depth: float

    @property
    def area(self) -> float:
        return self.width * self.depth


@dataclass(frozen=True)
class BoothSpot:
    code: str
    rect: Rect
    type: str  # standard, corner, premium, island, raw
    block: int  # index of the block of booths it belongs to, for zoning


def grid_layout(
    hall: str,
    *,
    double_rows: int,
    blocks_per_row: int,
    booths_per_block: int,
    booth_size: float = 3.0,
    aisle: float = 3.0,
    margin: float = 3.0,
    first_number: int = 1,
) -> list[BoothSpot]:
    """Back-to-back rows of square booths, split into blocks by cross aisles.

    Blocks are numbered row by row from the entrance; the booths at a block's ends are corners
    (two open sides) and the blocks of the row nearest the entrance are premium.
    """
    spots: list[BoothSpot] = []
    number = first_number
    block_length = booths_per_block * booth_size
    for row in range(double_rows):
        row_y = margin + row * (2 * booth_size + aisle)
        for block_in_row in range(blocks_per_row):
            block = row * blocks_per_row + block_in_row
            block_x = margin + block_in_row * (block_length + aisle)
            for side in range(2):
                for i in range(booths_per_block):
                    rect = Rect(block_x + i * booth_size, row_y + side * booth_size, booth_size, booth_size)
                    at_end = i in (0, booths_per_block - 1)
                    kind = "corner" if at_end else "premium" if row == 0 else "standard"
                    spots.append(BoothSpot(f"{hall}{number:02d}", rect, kind, block))
                    number += 1
    return spots


def hall_size(
    *, double_rows: int, blocks_per_row: int, booths_per_block: int,
    booth_size: float = 3.0, aisle: float = 3.0, margin: float = 3.0,
) -> tuple[float, float]:
    """The (width, depth) a `grid_layout` with these settings needs, margins and aisles included."""
    width = 2 * margin + blocks_per_row * booths_per_block * booth_size + (blocks_per_row - 1) * aisle
    depth = 2 * margin + double_rows * 2 * booth_size + (double_rows - 1) * aisle
    return width, depth


def touching(a: Rect, b: Rect) -> bool:
    """True when the two rectangles share a stretch of wall (a corner alone is not enough)."""
    x_overlap = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    y_overlap = min(a.y + a.depth, b.y + b.depth) - max(a.y, b.y)
    side_by_side = abs(x_overlap) < EPSILON and y_overlap > EPSILON
    back_to_back = abs(y_overlap) < EPSILON and x_overlap > EPSILON
    return side_by_side or back_to_back


def is_connected(rects: list[Rect]) -> bool:
    """True when the rectangles form one group in which each touches another (one booth counts)."""
    if not rects:
        return False
    reached = {0}
    frontier = [0]
    while frontier:
        current = frontier.pop()
        for other, rect in enumerate(rects):
            if other not in reached and touching(rects[current], rect):
                reached.add(other)
                frontier.append(other)
    return len(reached) == len(rects)


def stack_halls(sizes: list[tuple[float, float]], gap: float = 6.0) -> list[tuple[float, float]]:
    """Offsets (x, y) that draw halls one below the other with `gap` metres between them."""
    offsets, y = [], 0.0
    for _width, depth in sizes:
        offsets.append((0.0, y))
        y += depth + gap
    return offsets


def neighbours(target: Rect, others: list[tuple[str, Rect]], steps: int = 2) -> list[str]:
    """Codes of the rectangles reachable from `target` through shared walls in at most `steps`."""
    reached: dict[str, Rect] = {}
    frontier = [target]
    for _ in range(steps):
        next_frontier = []
        for rect in frontier:
            for code, other in others:
                if code not in reached and other != target and touching(rect, other):
                    reached[code] = other
                    next_frontier.append(other)
        frontier = next_frontier
    return list(reached)
