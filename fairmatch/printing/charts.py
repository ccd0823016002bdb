"""Small charts as inline SVG, drawn on the server: no script, legible on a phone, printable.

Pure: callers pass labels already translated and numbers already counted; every text is escaped here.
Each row's label sits above its bar, so that the bar can use the whole width of a phone's screen, and
each value is written beside its bar, so that a black-and-white printout still says everything.
"""

from dataclasses import dataclass
from html import escape

WIDTH = 360  # viewBox units; the SVG scales to its container (about 1:1 on a phone)
LABEL = 16  # height of a label line
BAR = 18
GAP = 10
FONT = 13


@dataclass(frozen=True)
class Segment:
    """One kind of quantity in a stacked bar: its legend label and a CSS class that gives it a colour."""

    key: str
    label: str
    css_class: str


@dataclass(frozen=True)
class BarRow:
    label: str
    values: dict[str, int]  # segment key -> value
    note: str = ""  # written after the total, e.g. an occupancy rate

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass(frozen=True)
class Step:
    label: str
    value: int


def _svg(height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:g}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def _text(x: float, y: float, text: str, css_class: str = "chart-label", anchor: str = "start") -> str:
    return f'<text class="{css_class}" x="{x:g}" y="{y:g}" text-anchor="{anchor}">{escape(text)}</text>'


def stacked_bars(title: str, segments: list[Segment], rows: list[BarRow], scale: int | None = None) -> str:
    """One horizontal bar per row, split into `segments`; the longest bar (or `scale`) fills the width.
    The row's total (and note) is written at the right end of its label line."""
    largest = max([scale or 0, *(row.total for row in rows)]) or 1
    body, y = [], 0.0
    for row in rows:
        body.append(_text(0, y + FONT, row.label))
        total = f"{row.total}" + (f" · {row.note}" if row.note else "")
        body.append(_text(WIDTH, y + FONT, total, "chart-total", "end"))
        y += LABEL + 2
        x = 0.0
        for segment in segments:
            value = row.values.get(segment.key, 0)
            if value <= 0:
                continue
            width = WIDTH * value / largest
            body.append(f'<rect class="{segment.css_class}" x="{x:.2f}" y="{y:g}" width="{width:.2f}" '
                        f'height="{BAR}"><title>{escape(segment.label)}: {value}</title></rect>')
            if width >= 22:
                body.append(_text(x + width / 2, y + BAR - 5, str(value), "chart-value", "middle"))
            x += width
        y += BAR + GAP
    return _svg(max(y, LABEL), title, body)


def funnel(title: str, steps: list[Step], scale: int | None = None) -> str:
    """Bars in order with each one's share of the step before it, scaled to the first step (or to
    `scale`: a longer bar is cut at the full width and drawn as cut, its number still written)."""
    largest = scale or (steps[0].value if steps else 0)
    room = WIDTH - 70
    body, y = [], 0.0
    previous = None
    for step in steps:
        share = f" ({round(100 * step.value / previous)}%)" if previous else ""
        body.append(_text(0, y + FONT, step.label + share))
        y += LABEL + 2
        width = max(min(room, room * step.value / largest) if largest else 0, 1)
        cut = largest and step.value > largest
        body.append(f'<rect class="chart-funnel{" chart-cut" if cut else ""}" x="0" y="{y:g}" '
                    f'width="{width:.2f}" height="{BAR}"/>')
        body.append(_text(width + 6, y + BAR - 5, str(step.value), "chart-total"))
        y += BAR + GAP
        previous = step.value
    return _svg(max(y, LABEL), title, body)
