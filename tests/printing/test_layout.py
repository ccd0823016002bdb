"""The shared page machinery: the shipped font, embedded, and text that fits its box."""

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from fairmatch.printing.layout import ELLIPSIS, FONT_DIR, FONT_FILES, Document

ROOT = Path(__file__).resolve().parents[2]
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


@pytest.fixture
def doc():
    document = Document(title="Thử nghiệm", page_label="Trang {page}/{pages}")
    document.add_page()
    yield document
    document.close()


@pytest.mark.parametrize("filename", FONT_FILES.values())
def test_the_fonts_ship_in_the_repository_and_have_every_vietnamese_letter(filename):
    path = FONT_DIR / filename
    assert path.is_relative_to(ROOT / "static" / "fonts")
    with TTFont(path) as font:
        cmap = font.getBestCmap()
    missing = [c for c in VIETNAMESE + VIETNAMESE.upper() + "₫" + ELLIPSIS if ord(c) not in cmap]
    assert missing == []
    assert (FONT_DIR / "OFL-BeVietnamPro.txt").is_file()


def test_every_font_in_a_document_is_the_shipped_one_embedded(doc):
    doc.use_font(12, "B")
    doc.cell(text="Đông Anh")
    doc.use_font(12, "I")
    doc.cell(text="Hòa Lạc")

    page = PdfReader(io.BytesIO(doc.to_bytes())).pages[0]

    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "BeVietnamPro" in font["/BaseFont"]
        assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]


def test_text_that_fits_keeps_the_largest_size(doc):
    fitted = doc.fit_text("Nhựa Tân Phong", 200, max_size=40, min_size=10)

    assert (fitted.size, fitted.lines) == (40, ["Nhựa Tân Phong"])


def test_text_shrinks_before_it_wraps_and_is_cut_only_at_the_smallest_size(doc):
    name = "Công ty CP Cơ khí Chính xác Hòa Lạc"

    two_lines = doc.fit_text(name, 40, max_size=20, min_size=6, max_lines=2)
    cut = doc.fit_text(name * 3, 40, max_size=20, min_size=6, max_lines=2)

    assert 6 < two_lines.size < 20
    assert " ".join(two_lines.lines) == name
    assert cut.size == 6
    assert len(cut.lines) == 2
    assert cut.lines[-1].endswith(ELLIPSIS)
    doc.use_font(cut.size)
    assert all(doc.get_string_width(line) <= 40 for line in cut.lines)


def test_a_height_limit_takes_lines_away(doc):
    fitted = doc.fit_text("Bình Minh Hưng Thịnh Quốc Tế " * 5, 50, max_size=12, min_size=12, max_lines=5, max_height=10)

    assert fitted.height(1.15) <= 10
    assert fitted.lines[-1].endswith(ELLIPSIS)


def test_words_are_broken_only_when_one_word_alone_is_too_wide(doc):
    doc.use_font(10)

    lines = doc.wrap("Đông Anh " + "W" * 40, 30)

    assert lines[0] == "Đông Anh"
    assert "".join(lines[1:]) == "W" * 40
    assert all(doc.get_string_width(line) <= 30 for line in lines)


def test_ellipsize_returns_text_that_fits_unchanged(doc):
    doc.use_font(10)

    assert doc.ellipsize("Hòa Lạc", 100) == "Hòa Lạc"
    cut = doc.ellipsize("Công ty CP Cơ khí Chính xác Hòa Lạc", 25)
    assert cut.endswith(ELLIPSIS)
    assert doc.get_string_width(cut) <= 25
