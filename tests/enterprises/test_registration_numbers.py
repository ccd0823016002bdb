"""Foreign registration numbers pass their own country's check rule, and Vietnamese personal IDs their
structure (sources: docs/identifiers.md)."""

import random
import re
from datetime import date

import pytest

from fairmatch.common.keys import is_valid_tax_code
from fairmatch.common.registration_numbers import (
    BIRTH_PROVINCE_CODES,
    COUNTRIES_WITH_RULES,
    check,
    issue,
    personal_id_problems,
)

SEEDS = range(200)


def test_the_countries_with_a_known_rule():
    assert frozenset({"AU", "JP", "KR", "TW", "FR", "CN", "TH"}) == COUNTRIES_WITH_RULES


# --- Australia: ABN, weights 10,1,3,…,19 after taking 1 from the first digit, mod 89 -----------


@pytest.mark.parametrize(
    "abn",
    ["51 824 753 556", "49 004 028 077", "33 051 775 556"],
    ids=["Australian Taxation Office", "BHP Group", "Telstra"],
)
def test_published_australian_abns_pass(abn):
    assert check("AU", abn) is True


def test_an_australian_abn_with_a_wrong_digit_is_refused():
    assert check("AU", "51 824 753 566") is False  # 10th digit 5 → 6
    assert check("AU", "61 824 753 556") is False  # a check digit 5 → 6


@pytest.mark.parametrize("abn", ["51824753556", "51-824-753-556", " 51 824 753 556 ", "51 824 753 556\u00a0"])
def test_an_australian_abn_may_be_written_with_spaces_or_hyphens(abn):
    assert check("AU", abn) is True


@pytest.mark.parametrize("abn", ["5182475355", "518247535560", "51 824 753 55A", ""])
def test_an_australian_abn_of_the_wrong_shape_is_refused(abn):
    assert check("AU", abn) is False


# --- Japan: 法人番号, a leading check digit 9 − (Σ digit×1,2,1,2… from the right mod 9) ----------


@pytest.mark.parametrize(
    "number",
    ["7000012050002", "1180301018771", "5010401067252"],
    ids=["National Tax Agency", "Toyota Motor", "Sony Group"],
)
def test_published_japanese_corporate_numbers_pass(number):
    assert check("JP", number) is True


def test_a_japanese_corporate_number_with_a_wrong_digit_is_refused():
    assert check("JP", "1180301018781") is False  # 12th digit 7 → 8
    assert check("JP", "2180301018771") is False  # the check digit 1 → 2
    assert check("JP", "0000012050002") is False  # a check digit is never 0


@pytest.mark.parametrize("number", ["7-0000-1205-0002", "7 0000 1205 0002"])
def test_a_japanese_corporate_number_may_be_grouped(number):
    assert check("JP", number) is True


# --- Korea: 사업자등록번호, weights 1,3,7,1,3,7,1,3,5 plus ⌊9th digit×5/10⌋ ----------------------


@pytest.mark.parametrize(
    "brn",
    ["124-81-00998", "220-81-62517"],
    ids=["Samsung Electronics", "NAVER"],
)
def test_published_korean_business_registration_numbers_pass(brn):
    assert check("KR", brn) is True


def test_a_korean_business_registration_number_with_a_wrong_digit_is_refused():
    assert check("KR", "124-81-00988") is False  # 9th digit 9 → 8, the one weighted 5 and carried
    assert check("KR", "124-81-00999") is False  # the check digit 8 → 9


@pytest.mark.parametrize("brn", ["1248100998", "124 81 00998", " 124-81-00998"])
def test_a_korean_business_registration_number_may_be_written_without_its_hyphens(brn):
    assert check("KR", brn) is True


# --- Taiwan: 統一編號, weights 1,2,1,2,1,2,4,1; divisible by 5 since 2023 (10 before) -----------


@pytest.mark.parametrize(
    "ubn",
    ["22099131", "04595257", "10458575", "19312376"],
    ids=["TSMC", "FIA example 1", "FIA example 2", "FIA example 3"],
)
def test_published_taiwanese_unified_business_numbers_pass(ubn):
    assert check("TW", ubn) is True


def test_a_taiwanese_unified_business_number_with_a_wrong_digit_is_refused():
    assert check("TW", "22099141") is False  # 7th digit 3 → 4
    assert check("TW", "22099132") is False  # the check digit 1 → 2


def test_a_taiwanese_number_whose_sum_is_divisible_by_5_but_not_10_passes_since_2023():
    assert _weighted_sum("04595252") == 35
    assert check("TW", "04595252") is True


def test_a_taiwanese_number_with_7_in_7th_place_may_be_one_short():
    assert _weighted_sum("19312376") == 39  # 7×4 = 28 → 2+8 = 10, which may count as 1: 30
    assert check("TW", "19312376") is True
    assert _weighted_sum("22099130") == 29  # same shortfall, 7th digit 3
    assert check("TW", "22099130") is False


def test_a_taiwanese_number_may_be_grouped():
    assert check("TW", "2209 9131") is True


# --- France: SIREN, Luhn ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "siren",
    ["552 032 534", "632 012 100", "441 639 465", "732 829 320"],
    ids=["Danone", "L'Oréal", "Renault", "INSEE's SIRET example"],
)
def test_published_french_sirens_pass(siren):
    assert check("FR", siren) is True


def test_a_french_siren_with_a_wrong_digit_is_refused():
    assert check("FR", "552 033 534") is False  # 6th digit 2 → 3
    assert check("FR", "552 032 535") is False  # the check digit 4 → 5


@pytest.mark.parametrize("siren", ["552032534", "552-032-534"])
def test_a_french_siren_may_be_written_without_its_spaces(siren):
    assert check("FR", siren) is True


# --- China: 统一社会信用代码, GB 32100-2015 mod 31 check character ------------------------------


@pytest.mark.parametrize(
    "uscc",
    ["914403001922038216", "91440300708461136T", "91330100716105852F", "91110108551385082Q"],
    ids=["Huawei Technologies", "Shenzhen Tencent Computer Systems", "Alibaba (China)", "Xiaomi"],
)
def test_published_chinese_unified_social_credit_codes_pass(uscc):
    assert check("CN", uscc) is True


def test_the_worked_example_of_gb_32100_is_checked_as_the_standard_does():
    assert check("CN", "91350100M000100Y4Z") is False  # the standard computes the check character 3
    assert check("CN", "91350100M000100Y43") is True


def test_a_chinese_unified_social_credit_code_with_a_wrong_character_is_refused():
    assert check("CN", "91440300708461137T") is False  # 17th character 6 → 7
    assert check("CN", "914403001922038217") is False  # the check character 6 → 7
    assert check("CN", "91440300708461136I") is False  # I is not in the code's alphabet


@pytest.mark.parametrize("uscc", ["91440300708461136t", "9144 0300 7084 6113 6T", "91440300-708461136T"])
def test_a_chinese_unified_social_credit_code_may_be_lower_case_or_grouped(uscc):
    assert check("CN", uscc) is True


# --- Thailand: 13-digit juristic/tax ID, (11 − Σ digit×13…2 mod 11) mod 10 -----------------------


@pytest.mark.parametrize(
    "tin",
    ["0107544000108", "0107537000114", "0107542000011"],
    ids=["PTT", "Siam Cement", "CP ALL"],
)
def test_published_thai_juristic_ids_pass(tin):
    assert check("TH", tin) is True


def test_a_thai_juristic_id_with_a_wrong_digit_is_refused():
    assert check("TH", "0107544000118") is False  # 12th digit 0 → 1
    assert check("TH", "0107544000109") is False  # the check digit 8 → 9


@pytest.mark.parametrize("tin", ["0-1075-44000-10-8", "0 10 7 544 00010 8"])
def test_a_thai_juristic_id_may_be_grouped(tin):
    assert check("TH", tin) is True


# --- issuing -----------------------------------------------------------------------------------

WRITTEN = {
    "AU": r"\d{2} \d{3} \d{3} \d{3}",
    "JP": r"[1-9]\d{12}",
    "KR": r"\d{3}-\d{2}-\d{5}",
    "TW": r"\d{8}",
    "FR": r"[3-9]\d{2} \d{3} \d{3}",
    "CN": r"91\d{6}\d{8}[0-9X][0-9A-HJ-NPQRTUWXY]",
    "TH": r"0105\d{9}",
}


@pytest.mark.parametrize("country", sorted(COUNTRIES_WITH_RULES))
def test_every_issued_number_passes_its_countrys_check(country):
    for seed in SEEDS:
        number = issue(country, random.Random(seed))
        assert check(country, number) is True, (seed, number)


@pytest.mark.parametrize("country", sorted(COUNTRIES_WITH_RULES))
def test_issued_numbers_are_written_the_countrys_way(country):
    for seed in SEEDS:
        assert re.fullmatch(WRITTEN[country], issue(country, random.Random(seed)))


def test_the_same_seed_issues_the_same_number():
    assert issue("AU", random.Random(7)) == issue("AU", random.Random(7))


def test_issued_taiwanese_numbers_also_pass_the_rule_before_2023():
    for seed in SEEDS:
        ubn = issue("TW", random.Random(seed))
        total = _weighted_sum(ubn)
        assert total % 10 == 0 or (ubn[6] == "7" and (total + 1) % 10 == 0), ubn


def test_issued_chinese_codes_carry_a_valid_gb_11714_organization_code():
    for seed in SEEDS:
        body, check_char = (code := issue("CN", random.Random(seed)))[8:16], code[16]
        value = 11 - sum(w * int(c) for w, c in zip((3, 7, 9, 10, 5, 8, 4, 2), body, strict=True)) % 11
        assert check_char == {10: "X", 11: "0"}.get(value, str(value)), code


# --- countries without a known rule ------------------------------------------------------------


@pytest.mark.parametrize("country", ["DE", "US", "SG", "GB", "VN"])
def test_a_country_without_a_known_rule_gives_no_verdict(country):
    assert check(country, "HRB 12345") is None
    assert check(country, "51 824 753 556") is None


@pytest.mark.parametrize("country", ["DE", "US", "SG"])
def test_no_number_is_issued_for_a_country_without_a_known_rule(country):
    with pytest.raises(ValueError, match=country):
        issue(country, random.Random(1))


def test_a_country_code_may_be_lower_case():
    assert check("au", "51 824 753 556") is True


def _weighted_sum(ubn: str) -> int:
    """統一編號: add the digits of each digit × 1,2,1,2,1,2,4,1 (the rule written out independently)."""
    return sum(sum(map(int, str(w * int(c)))) for w, c in zip((1, 2, 1, 2, 1, 2, 4, 1), ubn, strict=True))


# --- Vietnam: personal ID numbers (Circular 07/2016/TT-BCA art. 7, Circular 59/2021/TT-BCA) -----

TODAY = date(2026, 12, 6)


def test_there_are_the_63_province_codes_of_the_circular():
    assert len(BIRTH_PROVINCE_CODES) == 63
    assert {"001", "031", "048", "079", "092", "096"} <= BIRTH_PROVINCE_CODES  # Hà Nội, HP, ĐN, HCM, CT, Cà Mau
    assert not {"000", "003", "097", "099"} & BIRTH_PROVINCE_CODES


@pytest.mark.parametrize(
    "number",
    ["001085012345", "079201012345", "001188089222", "087084000999", "096308000001"],
    ids=["Hà Nội man 1985", "HCM man 2001", "Hà Nội woman 1988", "Đồng Tháp man 1984", "Cà Mau woman 2008"],
)
def test_the_id_of_an_adult_citizen_passes(number):
    assert personal_id_problems(number, TODAY) == []


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("000000000000", "code of a province"),
        ("003085012345", "code of a province"),
        ("001485012345", "in the future"),
        ("001927012345", "in the future"),
        ("001212012345", "under"),
        ("00108501234", "12 digits"),
        ("00108501234x", "12 digits"),
    ],
)
def test_an_id_that_no_adult_citizen_has_is_refused_with_the_reason(number, problem):
    problems = personal_id_problems(number, TODAY)
    assert problems and any(problem in message for message, _params in problems)


def test_the_birth_year_is_given_with_the_problem():
    assert personal_id_problems("001310012345", TODAY) == [
        ("The 4th to 6th digits give a year of birth (%(year)d) of someone under %(age)d: "
         "a household business is registered by an adult.", {"year": 2010, "age": 18})
    ]


def test_a_household_business_key_must_be_a_plausible_personal_id():
    assert is_valid_tax_code("001085012345")
    assert not is_valid_tax_code("000000000000")
