"""Field helpers every form uses: translated messages and NFC-normalised text."""

import unicodedata

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice
from wtforms.validators import DataRequired, Email, Length, NumberRange, ValidationError

from fairmatch.i18n import nfc


def required():
    return DataRequired(message=_l("This field is required."))


def max_length(n: int):
    return Length(max=n, message=_l("Use at most %(max)d characters."))


def email_address():
    return Email(message=_l("Enter a valid email address, e.g. name@company.vn."), check_deliverability=False)


TEXT = {"filters": [nfc]}

NAME_PUNCTUATION = frozenset("&.,-()'/’‐–")
"""What a legal, trade or person's name may hold besides letters (any script, Vietnamese included),
digits and spaces: `Công ty TNHH Cơ khí & Điện Hòa Lạc (HLM)`, `Nguyễn Thị Mai-Anh`, `O'Brien`."""


def is_plain_name(text: str) -> bool:
    """Letters, digits, spaces and `NAME_PUNCTUATION`, with at least one letter: no markup, no emoji."""
    allowed = all(c.isalnum() or c == " " or c in NAME_PUNCTUATION or unicodedata.category(c).startswith("M")
                  for c in text)
    return allowed and any(c.isalpha() for c in text)


def plain_name():
    """The one rule for every field that takes a legal or trade name or a person's name."""

    def check(form, field):
        if field.data and not is_plain_name(field.data):
            raise ValidationError(_l("Use letters, digits, spaces and & . , - ( ) ' / only: "
                                     "no emoji, symbols or markup."))

    return check


def options(pairs) -> list[SelectChoice]:
    """Choices for a select or radio field from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


VND_MAX = 2_000_000_000
"""The largest amount in đồng a form accepts: far above any booth fee, and within the database's
integer columns (a typed extra zero is refused with a message, never a server error)."""


def vnd_amount(minimum: int = 0):
    """A whole number of đồng from `minimum` to `VND_MAX`."""
    return NumberRange(min=minimum, max=VND_MAX,
                       message=_l("Enter a whole number of đồng, at most 2,000,000,000."))
