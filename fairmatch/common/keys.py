"""Enterprise keys: Vietnamese tax codes and foreign registrations (pure, no Flask).

A key is a tax code for a Vietnamese enterprise (`0100109106`, a branch `0100109106-001`, or a
household business's 12-digit personal ID) and `{country}-{registration_no}` for a foreign one.
"""

import re

from fairmatch.common.registration_numbers import personal_id_problems

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_TAX_CODE = re.compile(r"^(\d{10})(-\d{3})?$")
_PERSONAL_ID = re.compile(r"^\d{12}$")
_FOREIGN_KEY = re.compile(r"^([A-Z]{2})-(.+)$")
_REGISTRATION_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$")


def tax_check_digit(first_nine: str) -> int | None:
    """The 10th digit for these nine digits, or None when no valid code can have them."""
    remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, first_nine, strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def is_valid_tax_code(code: str) -> bool:
    """True for a 10-digit code with a good check digit (optionally `-NNN`), or the 12-digit personal
    ID of an adult citizen (`registration_numbers.personal_id_problems`)."""
    if _PERSONAL_ID.match(code):
        return not personal_id_problems(code)
    match = _TAX_CODE.match(code)
    if not match:
        return False
    digits = match.group(1)
    return tax_check_digit(digits[:9]) == int(digits[9])


def is_valid_registration_no(registration_no: str) -> bool:
    """A foreign home registration number: letters, digits and `./-`, at most 40 characters."""
    return bool(_REGISTRATION_NO.match(registration_no))


def foreign_key(country: str, registration_no: str) -> str:
    """The key of a foreign enterprise, e.g. `JP-0104010012345`."""
    return f"{country}-{registration_no}"


def split_key(key: str) -> tuple[str, str | None, str | None]:
    """Split a key into (country, tax_code, registration_no); raise ValueError when malformed."""
    if is_valid_tax_code(key):
        return "VN", key, None
    match = _FOREIGN_KEY.match(key)
    if match and match.group(1) != "VN" and is_valid_registration_no(match.group(2)):
        return match.group(1), None, match.group(2)
    raise ValueError(key)
