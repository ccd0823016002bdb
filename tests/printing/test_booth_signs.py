"""Booth signs: one page each, the code very large, names as large as fit and never off the page."""

import unicodedata

from fairmatch.printing import booth_signs_pdf
from tests.printing.conftest import SIGN_LABELS, pdf_pages


def test_each_sign_is_one_page_with_its_code_and_both_names(make_sign):
    signs = [
        make_sign(),
        make_sign(booth_code="B07", name_vi="Nhựa Tân Phong", name_en="Tan Phong Plastics", hall_name="Nhà B"),
        make_sign(booth_code="A03", name_vi="Bình Minh Hưng Thịnh Quốc Tế", name_en="Binh Minh Hung Thinh Intl."),
    ]

    pages = pdf_pages(booth_signs_pdf(signs, SIGN_LABELS))

    assert len(pages) == len(signs)
    for sign, page in zip(signs, pages, strict=True):
        assert sign.booth_code in page.split()
        assert sign.name_vi in page
        assert sign.name_en in page
        assert sign.hall_name in page


def test_a_very_long_company_name_is_shrunk_and_wrapped_never_cut_and_stays_on_its_own_page(make_sign):
    long_name = " ".join(["Công ty Cổ phần Tập đoàn Cơ khí Chính xác Bình Minh Hưng Thịnh Quốc Tế Đông Anh"] * 4)
    signs = [make_sign(booth_code="A01", name_vi=long_name), make_sign(booth_code="A02")]

    pages = pdf_pages(booth_signs_pdf(signs, SIGN_LABELS))

    assert len(pages) == 2
    assert "A01" in pages[0].split()
    assert "…" not in pages[0]
    assert long_name in " ".join(pages[0].split())
    assert "Hoa Lac Precision Mechanics JSC" in pages[0]


def test_a_long_name_that_fits_in_three_lines_is_printed_whole(make_sign):
    name = "Công ty TNHH Một thành viên Sản xuất Thương mại và Dịch vụ Kỹ thuật Công nghiệp Bình Minh Hưng Thịnh"

    page = pdf_pages(booth_signs_pdf([make_sign(name_vi=name)], SIGN_LABELS))[0]

    assert name in page
    assert "…" not in page


def test_a_hostile_name_is_printed_as_literal_text(make_sign):
    hostile = "<script>alert(1)</script>"

    page = pdf_pages(booth_signs_pdf([make_sign(name_vi=hostile, name_en="(x) \\ %%EOF")], SIGN_LABELS))[0]

    assert hostile in page
    assert "(x) \\ %%EOF" in page


def test_a_decomposed_name_cut_on_a_sign_keeps_its_accents_on_their_letters(make_sign):
    long_name = unicodedata.normalize("NFD", "Cơ khí Chính xác Hòa Lạc Bình Minh Hưng Thịnh Quốc Tế Đông Anh " * 6)

    page = pdf_pages(booth_signs_pdf([make_sign(name_vi=long_name)], SIGN_LABELS))[0]

    assert "Cơ khí Chính xác Hòa Lạc" in page
    assert not any(unicodedata.combining(char) for char in page)
