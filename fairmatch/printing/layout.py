"""The page machinery every printed document shares: the shipped Vietnamese font, NFC text, a footer with page
numbers, text that shrinks and wraps to fit a box, and tables that wrap cells and repeat their header row."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF, FontFace

from fairmatch.printing.model import RGB

# Loaded from the repository, never from the system, so every clone prints the same glyphs.
FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"
FAMILY = "BeVietnamPro"
FONT_FILES = {"": "BeVietnamPro-Regular.ttf", "B": "BeVietnamPro-Bold.ttf", "I": "BeVietnamPro-Italic.ttf"}
ELLIPSIS = "…"
INK: RGB = (33, 37, 41)
MUTED: RGB = (108, 117, 125)
RULE: RGB = (173, 181, 189)
ZEBRA: RGB = (246, 247, 249)
PT = 25.4 / 72  # millimetres per typographic point


@dataclass(frozen=True)
class FittedText:
    size: float  # font size in points
    style: str  # "", "B" or "I"
    lines: list[str]

    def height(self, line_height: float) -> float:
        """Height in mm of the lines at `line_height` times the font size."""
        return len(self.lines) * self.size * PT * line_height


class Document(FPDF):
    """An FPDF document in millimetres that writes every string in NFC with Be Vietnam Pro and, unless
    `page_label` is None, prints it (with `{page}` and `{pages}` filled in) at the foot of every page next to
    `title`. Pages break by themselves only when `flowing`; fixed layouts place everything themselves."""

    def __init__(
        self,
        *,
        title: str,
        page_label: str | None,
        orientation: str = "portrait",
        page_format: str = "A4",
        flowing: bool = True,
    ):
        super().__init__(orientation=orientation, unit="mm", format=page_format)
        for style, filename in FONT_FILES.items():
            self.add_font(FAMILY, style, FONT_DIR / filename)
        self.running_title = title
        self.page_label = page_label
        self.set_title(title)
        self.set_creator("fairmatch")
        self.set_margins(12, 12, 12)
        self.set_auto_page_break(flowing, margin=16)
        # Text boxes are placed exactly; tables carry their own padding.
        self.c_margin = 0
        self.use_font(10)
        self.set_text_color(*INK)

    def normalize_text(self, text: str) -> str:
        """Composed (NFC) text, so that every Vietnamese letter is one glyph of the font and extracts as typed."""
        # Babel puts a narrow no-break space before "AM"/"PM"; the font has no glyph for it.
        return super().normalize_text(unicodedata.normalize("NFC", text).replace("\u202f", "\u00a0"))

    def footer(self) -> None:
        """A hairline, the document title on the left (wrapped, never cut) and the page number on the right."""
        if self.page_label is None:
            return
        y = self.h - 11
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_text_color(*MUTED)
        label_w = 28
        title_w = self.epw - label_w - 4
        title = self.fit_text(self.running_title, title_w, max_size=7.5, min_size=6, max_lines=2, cut=False)
        self.draw_lines(title, self.l_margin, y + 1.5, title_w, align="L", line_height=1.2)
        self.use_font(7.5)
        self.set_xy(self.w - self.r_margin - label_w, y + 1.5)
        self.cell(label_w, 3.2, self.page_label.format(page=self.page_no(), pages=self.str_alias_nb_pages), align="R")
        self.set_text_color(*INK)

    def use_font(self, size: float, style: str = "") -> None:
        self.set_font(FAMILY, style, size)

    def page_heading(self, title: str, subtitle: str, right_text: str, bottom: float = 30, note: str = "") -> float:
        """Title, subtitle and an optional note on the left, a section name (a hall, a day) on the right, a rule
        under them; long texts wrap (never cut) and push the rule down. Returns the y where the page's content
        starts: `bottom`, or lower when the heading needed more room."""
        right_w = self.epw * 0.3
        left_w = self.epw - right_w - 6
        top = self.t_margin
        self.set_text_color(*INK)
        heading = self.fit_text(title, left_w, max_size=16, min_size=12, max_lines=2, style="B", cut=False)
        left_bottom = self.draw_lines(heading, self.l_margin, top, left_w, align="L", line_height=1.2)
        self.set_text_color(*MUTED)
        if subtitle:
            lines = self.fit_text(subtitle, left_w, max_size=10, min_size=8.5, max_lines=2, cut=False)
            left_bottom = self.draw_lines(lines, self.l_margin, left_bottom + 0.8, left_w, align="L")
        if note:
            lines = self.fit_text(note, self.epw, max_size=9, min_size=8, max_lines=2, style="I", cut=False)
            left_bottom = self.draw_lines(lines, self.l_margin, left_bottom + 0.8, self.epw, align="L")
        self.set_text_color(*INK)
        right = self.fit_text(right_text, right_w, max_size=14, min_size=10, max_lines=2, style="B", cut=False)
        right_bottom = self.draw_lines(
            right, self.w - self.r_margin - right_w, top, right_w, align="R", line_height=1.2
        )
        bottom = max(bottom, left_bottom + 4, right_bottom + 4)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, bottom - 2, self.w - self.r_margin, bottom - 2)
        self.set_xy(self.l_margin, bottom)
        return bottom

    def to_bytes(self) -> bytes:
        """The finished PDF; the document is closed afterwards."""
        data = bytes(self.output())
        self.close()
        return data

    def close(self) -> None:
        """Release every font file: fpdf2 closes only those a finished document used."""
        for font in self.fonts.values():
            font.close()

    def wrap(self, text: str, width: float) -> list[str]:
        """The text broken into lines no wider than `width` in the current font, at spaces (not no-break spaces)
        where possible and inside a word only when the word alone is too wide."""
        lines: list[str] = []
        current = ""
        # A no-break space keeps its neighbours on one line ("thứ Năm 15/10/2026" in an agenda's time).
        for word in re.split(r"[ \t\r\n]+", unicodedata.normalize("NFC", text).strip()):
            if not word:
                continue
            candidate = f"{current} {word}" if current else word
            if self.get_string_width(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while self.get_string_width(current) > width and len(current) > 1:
                cut = self._longest_prefix(current, width)
                lines.append(current[:cut])
                current = current[cut:]
        if current:
            lines.append(current)
        return lines

    def ellipsize(self, text: str, width: float) -> str:
        """The text itself when it fits in `width`, else its longest start that fits followed by "…"."""
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if self.get_string_width(text) <= width:
            return text
        cut = self._longest_prefix(text, width - self.get_string_width(ELLIPSIS))
        return text[:cut].rstrip() + ELLIPSIS

    def fit_text(
        self,
        text: str,
        width: float,
        *,
        max_size: float,
        min_size: float,
        max_lines: int = 1,
        max_height: float | None = None,
        style: str = "",
        line_height: float = 1.15,
        cut: bool = True,
    ) -> FittedText:
        """The largest font size, in half points from `max_size` down to `min_size`, at which the text wraps into
        at most `max_lines` lines within `width` (and `max_height`); at `min_size` the last line is cut with "…",
        unless `cut` is false: then every line is kept (titles and names are wrapped, never cut).
        Leaves the chosen font selected."""
        size = max_size
        while True:
            self.use_font(size, style)
            lines = self.wrap(text, width)
            fitted = FittedText(size, style, lines)
            fits_height = max_height is None or fitted.height(line_height) <= max_height
            if (len(lines) <= max_lines and fits_height) or size - 0.5 < min_size:
                break
            size -= 0.5
        if not cut:
            return FittedText(size, style, lines)
        if max_height is not None:
            max_lines = max(1, min(max_lines, int(max_height / (size * PT * line_height))))
        if len(lines) > max_lines:
            rest = " ".join(lines[max_lines - 1 :])
            # The rest spans several wrapped lines, so it never fits one and always ends in "…".
            lines = [*lines[: max_lines - 1], self.ellipsize(rest, width)]
        return FittedText(size, style, lines)

    def draw_lines(
        self, fitted: FittedText, x: float, y: float, width: float, *, align: str = "C", line_height: float = 1.15
    ) -> float:
        """Print fitted lines from (x, y) downwards in their font; returns the y below them."""
        self.use_font(fitted.size, fitted.style)
        step = fitted.size * PT * line_height
        for line in fitted.lines:
            self.set_xy(x, y)
            self.cell(width, step, line, align=align)
            y += step
        return y

    def data_table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        col_widths: Sequence[float],
        aligns: Sequence[str],
        font_size: float = 9.5,
    ) -> None:
        """A full-width table at the cursor: cells wrap, the header row repeats at the top of each new page, and
        rows alternate a light fill. `col_widths` are relative; `aligns` holds "L", "C" or "R" per column."""
        self.use_font(font_size)
        # The striped rows take the document's current fill colour; a bar chart drawn just before
        # would leave its own blue there.
        self.set_fill_color(*ZEBRA)
        headings_style = FontFace(emphasis="BOLD", color=INK, fill_color=(233, 236, 239))
        with self.table(
            col_widths=tuple(col_widths),
            text_align=tuple(aligns),
            headings_style=headings_style,
            borders_layout="HORIZONTAL_LINES",
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
            line_height=font_size * PT * 1.35,
            padding=(1.6, 2, 1.6, 2),
            repeat_headings=1,
        ) as table:
            for values in [headings, *rows]:
                row = table.row()
                for value in values:
                    row.cell(value)

    def _longest_prefix(self, text: str, width: float) -> int:
        """How many leading characters of `text` fit in `width` (at least one, so a loop always advances)."""
        low, high = 1, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.get_string_width(text[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        return low


def ink_on(fill: RGB) -> RGB:
    """Dark text on light fills and white text on dark ones, whichever reads better."""
    red, green, blue = fill
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return INK if luminance > 150 else (255, 255, 255)
