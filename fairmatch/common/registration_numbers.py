"""Registration numbers: Vietnamese personal ID numbers (used by household businesses), and foreign
company registration numbers with each country's official check rule, to check them and issue valid ones.

Pure standard library. The rules, worked examples and sources are in docs/identifiers.md.
"""

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from fairmatch.common.text import N_

# --- Vietnamese personal ID numbers (số định danh cá nhân, the 12 digits of a CCCD card) --------

BIRTH_PROVINCE_CODES: frozenset[str] = frozenset({
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
    "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
    "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
    "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
    "094", "095", "096",
})
"""The 63 province codes (Circular 07/2016/TT-BCA, art. 7 and annex 1; kept by Circular 59/2021/TT-BCA):
Hà Nội 001 … Cà Mau 096. A code names the province where the birth was registered, as it was then:
the 2025 merger into 34 provinces changed no ID already issued, so every one of the 63 stays valid."""

OWNER_MIN_AGE = 18
"""A household business is founded by a citizen with full civil capacity (Decree 01/2021/NĐ-CP, art. 80),
i.e. an adult of 18 or more (Civil Code 2015, art. 20). The ID holds only the birth year, so the age is
counted in years: someone born in 2008 passes in 2026."""


def personal_id_problems(number: str, today: date | None = None) -> list[tuple[str, dict]]:
    """Why `number` cannot be a Vietnamese citizen's personal ID of an adult: [] when it can.

    The rule (Decree 137/2015/NĐ-CP art. 13; Circular 07/2016/TT-BCA art. 7, continued by Circular
    59/2021/TT-BCA art. 7 under the Law on Identification 2023, art. 12): 12 digits =
    3 digits, the code of the province of birth registration (`BIRTH_PROVINCE_CODES`);
    1 digit for century and sex: 0/1 born 1900–1999 (man/woman), 2/3 born 2000–2099, 4/5 2100–2199,
    6/7 2200–2299, 8/9 2300–2399; 2 digits, the last two of the birth year; 6 random digits.
    So `001085012345` is a man born in 1985 whose birth was registered in Hà Nội, and
    `000000000000` is refused (no province 000).

    Each problem is a message marked for translation and its parameters: `gettext(msg) % params`.
    """
    today = today or date.today()
    if not re.fullmatch(r"\d{12}", number):
        return [(N_("A personal ID number has 12 digits."), {})]
    problems: list[tuple[str, dict]] = []
    if number[:3] not in BIRTH_PROVINCE_CODES:
        problems.append((N_("A personal ID number begins with the code of a province (001 Hà Nội … 096 Cà Mau); "
                            "%(code)s is none."), {"code": number[:3]}))
    born = 1900 + 100 * (int(number[3]) // 2) + int(number[4:6])
    if born > today.year:
        problems.append((N_("The 4th to 6th digits give a year of birth in the future (%(year)d): check the "
                            "number on the ID card."), {"year": born}))
    elif today.year - born < OWNER_MIN_AGE:
        problems.append((N_("The 4th to 6th digits give a year of birth (%(year)d) of someone under %(age)d: "
                            "a household business is registered by an adult."), {"year": born, "age": OWNER_MIN_AGE}))
    return problems


_SEPARATORS = re.compile(r"[\s\-‐-―]")  # spaces and hyphen/dash look-alikes, as people type them


# --- the check rules (each on the compact form: separators removed, letters upper-case) ----------

_ABN_WEIGHTS = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)


def _abn_ok(abn: str) -> bool:
    """AU ABN: first digit −1, weights 10,1,3,…,19, sum divisible by 89 (ABR, abr.business.gov.au/Help/AbnFormat)."""
    digits = [int(c) for c in abn]
    digits[0] -= 1
    return sum(w * d for w, d in zip(_ABN_WEIGHTS, digits, strict=True)) % 89 == 0


def _jp_check_digit(base: str) -> int:
    """JP 法人番号: 9 − (Σ digit×(1,2,1,2… from the right) mod 9) (財務省令第70号 (2014) art. 2, NTA)."""
    total = sum((1 if n % 2 == 0 else 2) * int(c) for n, c in enumerate(reversed(base)))
    return 9 - total % 9


_BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def _kr_check_digit(nine: str) -> int:
    """KR 사업자등록번호: weights 1,3,7,1,3,7,1,3,5 + ⌊9th×5/10⌋, check (10 − sum mod 10) mod 10 (stdnum kr/brn)."""
    total = sum(w * int(c) for w, c in zip(_BRN_WEIGHTS, nine, strict=True)) + int(nine[8]) * 5 // 10
    return (10 - total % 10) % 10


_UBN_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def _tw_sum(ubn: str) -> int:
    """TW 統一編號 sum: digits of each product by 1,2,1,2,1,2,4,1, added (財政部財政資訊中心, fia.gov.tw)."""
    return sum(sum(divmod(w * int(c), 10)) for w, c in zip(_UBN_WEIGHTS, ubn, strict=True))


def _tw_ok(ubn: str, divisor: int = 5) -> bool:
    """TW 統一編號: sum divisible by 5 since 2023-04-01 (10 before); 7th digit 7 also allows sum+1 (fia.gov.tw)."""
    total = _tw_sum(ubn)
    return total % divisor == 0 or (ubn[6] == "7" and (total + 1) % divisor == 0)


def _luhn_ok(number: str) -> bool:
    """FR SIREN: 9 digits whose Luhn (1-2 weighted, digits summed) total is a multiple of 10 (INSEE)."""
    total = 0
    for n, c in enumerate(reversed(number)):
        d = int(c) * (2 if n % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 table 1: value = position (no I, O, S, V, Z)
_USCC_WEIGHTS = tuple(3**i % 31 for i in range(17))  # W_i = 3^(i−1) mod 31: 1, 3, 9, 27, 19, 26, …


def _uscc_check_char(first17: str) -> str:
    """CN 统一社会信用代码: C18 = 31 − (Σ C_i×W_i mod 31), W_i = 3^(i−1) mod 31 (GB 32100-2015)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code_check_char(body: str) -> str:
    """CN 组织机构代码 (positions 9–17 of a USCC): C9 = 11 − (Σ C_i×W_i mod 11), 10 → X, 11 → 0 (GB 11714-1997)."""
    value = 11 - sum(w * int(c) for w, c in zip(_ORG_CODE_WEIGHTS, body, strict=True)) % 11  # digits-only body
    return {10: "X", 11: "0"}.get(value, str(value))


def _th_check_digit(twelve: str) -> int:
    """TH 13-digit juristic/tax ID: (11 − Σ d_i×(14−i) mod 11) mod 10 (DBD busin_2542-48.pdf, per stdnum th/moa)."""
    return (11 - sum((13 - n) * int(c) for n, c in enumerate(twelve)) % 11) % 10


# --- issuing: a random valid number, written as the country writes it ---------------------------


def _digits(rng: random.Random, count: int) -> str:
    return f"{rng.randrange(10**count):0{count}d}"


def _issue_au(rng: random.Random) -> str:
    body = _digits(rng, 9)  # for a company, its ACN
    rest = sum(w * int(c) for w, c in zip(_ABN_WEIGHTS[2:], body, strict=True))
    prefix = 10 + (-rest) % 89  # (prefix − 10 + rest) divisible by 89; ABNs use 11–99, so 10 becomes 99
    abn = f"{prefix if prefix != 10 else 99}{body}"
    return f"{abn[:2]} {abn[2:5]} {abn[5:8]} {abn[8:]}"


def _issue_jp(rng: random.Random) -> str:
    base = f"{rng.randrange(100, 10000):04d}01{_digits(rng, 6)}"  # registry office, 01 = 株式会社, serial
    return f"{_jp_check_digit(base)}{base}"


def _issue_kr(rng: random.Random) -> str:
    nine = f"{rng.randint(101, 999)}{rng.choice(('81', '86', '87', '88'))}{rng.randint(1, 9999):04d}"
    return f"{nine[:3]}-{nine[3:5]}-{nine[5:]}{_kr_check_digit(nine)}"


def _issue_tw(rng: random.Random) -> str:
    first7 = _digits(rng, 7)
    # Passes the pre-2023 rule too, so partners that still divide by 10 accept it.
    return next(ubn for d in "0123456789" if _tw_ok(ubn := first7 + d, divisor=10))


def _issue_fr(rng: random.Random) -> str:
    first8 = f"{rng.randint(3, 9)}{_digits(rng, 7)}"  # SIRENs of public bodies start with 1 or 2
    siren = next(s for d in "0123456789" if _luhn_ok(s := first8 + d))
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


_CN_REGIONS = ("110000", "110108", "310000", "310115", "320500", "330100", "440300", "440100", "350100", "510100")


def _issue_cn(rng: random.Random) -> str:
    body = _digits(rng, 8)
    first17 = f"91{rng.choice(_CN_REGIONS)}{body}{_org_code_check_char(body)}"  # 9 工商, 1 企业, region, org code
    return first17 + _uscc_check_char(first17)


def _issue_th(rng: random.Random) -> str:
    twelve = f"0105{rng.randint(530, 567)}{_digits(rng, 5)}"  # DBD, Bangkok, company limited, B.E. year, serial
    return f"{twelve}{_th_check_digit(twelve)}"


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    shape: re.Pattern[str]
    ok: Callable[[str], bool]
    issue: Callable[[random.Random], str]


_RULES: dict[str, _Rule] = {
    "AU": _Rule(re.compile(r"\d{11}"), _abn_ok, _issue_au),
    "JP": _Rule(re.compile(r"\d{13}"), lambda n: int(n[0]) == _jp_check_digit(n[1:]), _issue_jp),
    "KR": _Rule(re.compile(r"\d{10}"), lambda n: int(n[9]) == _kr_check_digit(n[:9]), _issue_kr),
    "TW": _Rule(re.compile(r"\d{8}"), _tw_ok, _issue_tw),
    "FR": _Rule(re.compile(r"\d{9}"), _luhn_ok, _issue_fr),
    "CN": _Rule(re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"),
                lambda n: n[17] == _uscc_check_char(n[:17]), _issue_cn),
    "TH": _Rule(re.compile(r"\d{13}"), lambda n: int(n[12]) == _th_check_digit(n[:12]), _issue_th),
}

COUNTRIES_WITH_RULES: frozenset[str] = frozenset(_RULES)


def check(country: str, number: str) -> bool | None:
    """True/False by the country's official check rule, None when fairmatch knows no rule for the country.

    Spaces and hyphens are ignored and letters upper-cased: `51 824 753 556`, `124-81-00998` are fine.
    """
    rule = _RULES.get(country.upper())
    if rule is None:
        return None
    compact = _SEPARATORS.sub("", number).upper()
    return bool(rule.shape.fullmatch(compact)) and rule.ok(compact)


def issue(country: str, rng: random.Random) -> str:
    """A random number valid by the country's rule, written the country's way; ValueError without a rule."""
    rule = _RULES.get(country.upper())
    if rule is None:
        raise ValueError(f"no known check rule for registration numbers of {country!r}")
    return rule.issue(rng)
