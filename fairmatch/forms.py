"""Field helpers every form uses: translated messages and NFC-normalised text."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice
from wtforms.validators import DataRequired, Email, Length, NumberRange

from fairmatch.i18n import nfc


def required():
    return DataRequired(message=_l("This field is required."))


def max_length(n: int):
    return Length(max=n, message=_l("Use at most %(max)d characters."))


def email_address():
    return Email(message=_l("Enter a valid email address, e.g. name@company.vn."), check_deliverability=False)


TEXT = {"filters": [nfc]}


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
