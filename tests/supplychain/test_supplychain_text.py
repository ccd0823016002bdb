"""Accent folding, shared by matching (localities) and search."""

from fairmatch.common.text import fold


def test_folding_strips_vietnamese_accents_case_and_extra_spaces():
    assert fold("Cơ khí  chính xác ") == "co khi chinh xac"
    assert fold("ĐÔNG ANH") == "dong anh"
    assert fold("Khu công nghiệp Nguyên Khê") == "khu cong nghiep nguyen khe"


def test_folding_an_empty_or_missing_text_gives_an_empty_string():
    assert fold(None) == ""
    assert fold("   ") == ""
