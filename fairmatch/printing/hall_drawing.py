"""One hall drawn to scale inside a box of the page: floor, walls with entrance gaps, booths, north arrow."""

from dataclasses import dataclass

from fairmatch.printing.layout import INK, MUTED, PT, Document, ink_on
from fairmatch.printing.model import BoothShape, Entrance, HallPlan

FLOOR = (248, 249, 250)
WALL_WIDTH = 0.9
OUTLINE_WIDTH = 0.5
MARGIN = 11  # mm kept around the hall for entrance labels and the north arrow
SCALE_STEPS_M = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class Frame:
    """Where a hall lands on the page: its south-west corner's page position is (left, bottom)."""

    left: float
    top: float
    scale: float  # mm on paper per metre
    width_m: float
    depth_m: float

    @property
    def bottom(self) -> float:
        return self.top + self.depth_m * self.scale

    @property
    def right(self) -> float:
        return self.left + self.width_m * self.scale

    def x(self, metres: float) -> float:
        return self.left + metres * self.scale

    def y(self, metres: float) -> float:
        """Page y of a point `metres` north of the south wall (north is up on paper)."""
        return self.bottom - metres * self.scale


def fit_hall(hall: HallPlan, left: float, top: float, width: float, height: float) -> Frame:
    """The largest scale at which the hall, with room for its labels, fits the box; centred in it."""
    scale = min((width - 2 * MARGIN) / hall.width_m, (height - 2 * MARGIN) / hall.depth_m)
    drawn_w, drawn_h = hall.width_m * scale, hall.depth_m * scale
    return Frame(left + (width - drawn_w) / 2, top + (height - drawn_h) / 2, scale, hall.width_m, hall.depth_m)


def draw_hall(doc: Document, hall: HallPlan, frame: Frame, *, entrance_label: str, north_label: str) -> None:
    """Floor and booths first, then walls over them so entrance gaps stay visible, then the north arrow."""
    doc.set_fill_color(*FLOOR)
    doc.rect(frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top, style="F")
    for booth in hall.booths:
        _draw_booth(doc, booth, frame)
    _draw_walls(doc, hall.entrances, frame)
    for entrance in hall.entrances:
        _label_entrance(doc, entrance, frame, entrance_label)
    _draw_north_arrow(doc, frame.right + MARGIN / 2, frame.top - 1, north_label)


def draw_scale_bar(doc: Document, frame: Frame, right: float, baseline: float) -> None:
    """A bar of a round number of metres, at most 45 mm long, ending at `right`."""
    metres = max((m for m in SCALE_STEPS_M if m * frame.scale <= 45), default=SCALE_STEPS_M[0])
    length = metres * frame.scale
    left = right - length
    doc.set_draw_color(*INK)
    doc.set_fill_color(*INK)
    doc.set_line_width(0.3)
    doc.rect(left, baseline - 1.6, length / 2, 1.6, style="DF")
    doc.rect(left + length / 2, baseline - 1.6, length / 2, 1.6, style="D")
    doc.use_font(7)
    doc.set_text_color(*MUTED)
    doc.text(left - doc.get_string_width("0") / 2, baseline + 3.2, "0")
    end_label = f"{metres} m"
    doc.text(right - doc.get_string_width(end_label) / 2, baseline + 3.2, end_label)
    doc.set_text_color(*INK)


def _draw_booth(doc: Document, booth: BoothShape, frame: Frame) -> None:
    """The booth filled with its status colour, outlined inside its edge in its zone colour (so neighbours in
    other zones keep theirs), with its code and, if given and there is room, the exhibitor's short name."""
    x, y = frame.x(booth.x_m), frame.y(booth.y_m + booth.depth_m)
    w, h = booth.width_m * frame.scale, booth.depth_m * frame.scale
    inset = OUTLINE_WIDTH / 2
    doc.set_fill_color(*booth.fill_rgb)
    doc.set_draw_color(*booth.outline_rgb)
    doc.set_line_width(OUTLINE_WIDTH)
    doc.rect(x + inset, y + inset, w - 2 * inset, h - 2 * inset, style="DF")
    doc.set_text_color(*ink_on(booth.fill_rgb))
    inner_w = w - 2 * OUTLINE_WIDTH - 1
    code_size = _code_size(doc, booth.code, inner_w, h)
    code_h = code_size * PT * 1.15
    name = None
    if booth.exhibitor_short and h - code_h > 3.5:
        name = doc.fit_text(
            booth.exhibitor_short,
            inner_w,
            max_size=min(9, code_size * 0.75),
            min_size=3.5,
            max_lines=2,
            max_height=h - code_h - 2 * OUTLINE_WIDTH - 1,
            line_height=1.1,
        )
    block_h = code_h + (name.height(1.1) if name else 0)
    top = y + (h - block_h) / 2
    doc.use_font(code_size, "B")
    doc.set_xy(x, top)
    doc.cell(w, code_h, booth.code, align="C")
    if name:
        doc.draw_lines(name, x + (w - inner_w) / 2, top + code_h, inner_w, line_height=1.1)
    doc.set_text_color(*INK)


def _code_size(doc: Document, code: str, width: float, height: float) -> float:
    """The bold size at which the code fills most of the booth's width, between 3 and 14 pt and at most a third of its
    height: never cut, because the code is how a visitor finds the booth."""
    doc.use_font(10, "B")
    by_width = 10 * 0.85 * width / max(doc.get_string_width(code), 0.1)
    by_height = height / 3 / PT
    return max(3.0, min(14.0, by_width, by_height))


def _draw_walls(doc: Document, entrances: list[Entrance], frame: Frame) -> None:
    """Each wall as segments between its entrance gaps."""
    walls = {
        "south": ((frame.left, frame.bottom), (1, 0), frame.width_m),
        "north": ((frame.left, frame.top), (1, 0), frame.width_m),
        "west": ((frame.left, frame.bottom), (0, -1), frame.depth_m),
        "east": ((frame.right, frame.bottom), (0, -1), frame.depth_m),
    }
    doc.set_draw_color(*INK)
    doc.set_line_width(WALL_WIDTH)
    for side, ((x0, y0), (dx, dy), length) in walls.items():
        gaps = sorted((e.offset_m, e.offset_m + e.width_m) for e in entrances if e.side == side)
        start = 0.0
        for gap_start, gap_end in [*gaps, (length, length)]:
            if gap_start > start:
                a, b = start * frame.scale, gap_start * frame.scale
                doc.line(x0 + dx * a, y0 + dy * a, x0 + dx * b, y0 + dy * b)
            start = max(start, gap_end)


def _label_entrance(doc: Document, entrance: Entrance, frame: Frame, label: str) -> None:
    """An arrow pointing into the hall through the gap, with the label outside the wall beside it."""
    middle = entrance.offset_m + entrance.width_m / 2
    arrow = 2.2
    gap = 1.2
    doc.set_fill_color(*INK)
    doc.use_font(7.5, "B")
    text_w = doc.get_string_width(label)
    if entrance.side in ("south", "north"):
        cx = frame.x(middle)
        wall_y = frame.bottom if entrance.side == "south" else frame.top
        outward = 1 if entrance.side == "south" else -1
        tip_y = wall_y - outward * 0.6
        base_y = wall_y + outward * (0.6 + arrow * 1.4)
        doc.polygon([(cx, tip_y), (cx - arrow, base_y), (cx + arrow, base_y)], style="F")
        label_y = base_y + outward * gap + (3 if outward > 0 else -0.6)
        doc.text(cx - text_w / 2, label_y, label)
        return
    cy = frame.y(middle)
    wall_x = frame.left if entrance.side == "west" else frame.right
    outward = -1 if entrance.side == "west" else 1
    tip_x = wall_x - outward * 0.6
    base_x = wall_x + outward * (0.6 + arrow * 1.4)
    doc.polygon([(tip_x, cy), (base_x, cy - arrow), (base_x, cy + arrow)], style="F")
    label_x = base_x + outward * gap + (0 if outward > 0 else -2.4)
    with doc.rotation(90, label_x + 1.2, cy):
        doc.text(label_x + 1.2 - text_w / 2, cy + 1.2, label)


def _draw_north_arrow(doc: Document, x: float, y: float, label: str) -> None:
    doc.set_fill_color(*INK)
    doc.polygon([(x, y), (x - 2, y + 6), (x, y + 4.6), (x + 2, y + 6)], style="F")
    doc.use_font(8, "B")
    doc.text(x - doc.get_string_width(label) / 2, y + 9.6, label)
