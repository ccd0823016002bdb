"""The pure rules behind forms and imports: keys, exchange checks, search words."""

import pytest

from fairmatch.common.exchange_validation import input_cycle, is_web_address, parent_cycle, validate
from fairmatch.common.keys import is_valid_tax_code, split_key
from fairmatch.enterprises.words import correctable, one_typo_variants, search_text, words


@pytest.mark.parametrize(
    ("code", "valid"),
    [("0100109106", True), ("0100109106-001", True), ("079201012345", True), ("0100109107", False),
     ("0100109106001", False), ("0100109106-1", False), ("010010910", False), (" 0100109106", False)],
)
def test_tax_code_forms(code, valid):
    assert is_valid_tax_code(code) is valid


def test_a_foreign_key_is_country_and_registration():
    assert split_key("JP-0104010012345") == ("JP", None, "0104010012345")
    with pytest.raises(ValueError):
        split_key("VN-0104010012345")


@pytest.mark.parametrize(
    ("address", "valid"),
    [("https://example.vn", True), ("http://songhong.example.vn/gioi-thieu", True), ("javascript:alert(1)", False),
     ("https://localhost", False), ("example.vn", False), ("ftp://example.vn", False), ("https://exa mple.vn", False)],
)
def test_web_addresses(address, valid):
    assert is_web_address(address) is valid


def test_a_document_that_is_not_an_object_or_has_wrong_lists_is_reported():
    assert [str(p) for p in validate([], {})] == ["$: the document must be a JSON object"]
    problems = [str(p) for p in validate({"format": "fairmatch-exchange/1", "enterprises": {"a": 1}}, {})]
    assert problems == ["enterprises: must be a list"]


def test_unknown_certifications_and_countries_name_their_path():
    doc = {"format": "fairmatch-exchange/1", "enterprises": [
        {"tax_code": "0100109106", "name_vi": "A", "kind": "lead", "certifications": ["ISO 9001", "ISO 1"],
         "export_markets": ["JP", "jp"]},
    ]}
    assert [str(p) for p in validate(doc, {})] == [
        "enterprises[0].export_markets[1]: unknown ISO 3166-1 country code 'jp'",
        "enterprises[0].certifications[1]: unknown certification 'ISO 1'",
    ]


def test_cycles_are_spelled_out():
    assert input_cycle({"A": ["B"], "B": ["C"], "C": ["A"]}) == ["A", "B", "C", "A"]
    assert input_cycle({"A": ["B"], "B": [], "C": ["A", "B"]}) is None
    assert parent_cycle({"A": "B", "B": "A"}) == ["A", "B", "A"]
    assert parent_cycle({"A": "B", "B": "C"}) is None


def test_words_fold_accents_case_and_punctuation():
    assert words("Cơ khí (Hòa Lạc), ĐÔNG ANH – 0100109106-001") == [
        "co", "khi", "hoa", "lac", "dong", "anh", "0100109106", "001",
    ]
    expected = " co khi hoa lac mechanics ~0cơ ~2khi ~1hoa ~5lac "  # folded words, then accent keys
    assert search_text("Cơ khí Hòa Lạc", None, "hoa lac mechanics") == expected
    assert search_text(None, "") == ""


def test_only_letter_words_of_three_or_more_are_corrected():
    assert correctable("khi") and not correctable("an") and not correctable("0100109106")
    variants = one_typo_variants("khi")
    assert {"kh", "ki", "khj", "khii", "hki"} <= variants and "khi" not in variants
