"""Form fields that parse what people type, with messages in the user's language.

WTForms' own messages for numbers, dates and choices have no Vietnamese translation, so these
fields say it themselves. Whatever was typed is shown again when it is refused.
"""

from datetime import date, datetime

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from fairmatch.common.quantities import is_quantity
from fairmatch.i18n import language, number


class WholeNumberField(IntegerField):
    """A whole number ≥ 0; spaces, dots and commas between thousands are allowed (1.200)."""

    def process_formdata(self, valuelist):
        self.data = None
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            return
        digits = text.replace(" ", "").replace("\u00a0", "").replace(".", "").replace(",", "")
        if not digits.isdigit() or len(digits) > 12:
            raise ValueError(_l("Enter a whole number, e.g. 250."))
        self.data = int(digits)


class AmountField(StringField):
    """A number ≥ 0 written the way the page's language writes it (1.200,5 or 1,200.5)."""

    def process_formdata(self, valuelist):
        self.data = None
        text = (valuelist[0] if valuelist else "").strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return
        try:
            value = float(parse_decimal(text, locale=language(), strict=True))
        except (NumberFormatError, ValueError):
            raise ValueError(_("Enter a number, e.g. %(example)s.", example=number(1200.5))) from None
        if not is_quantity(value):
            raise ValueError(_l("Enter a number between 0 and 10¹⁵."))
        self.data = value

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return number(self.data) if self.data is not None else ""


class DayField(DateField):
    """A calendar date as `<input type=date>` sends it (2027-06-30)."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%Y-%m-%d", **kwargs)

    def process_formdata(self, valuelist):
        self.data = None
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            return
        try:
            self.data = datetime.strptime(text, "%Y-%m-%d").date()
        except ValueError:
            raise ValueError(_l("Enter a date like 2027-06-30.")) from None
        if not date(1900, 1, 1) <= self.data <= date(2200, 12, 31):
            self.data = None
            raise ValueError(_l("Enter a date like 2027-06-30."))


class ChoiceField(SelectField):
    """A select whose refusal of an unlisted value is translated."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("invalid_choice_message", _l("Choose one of the listed options."))
        super().__init__(label, validators, **kwargs)


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes; unlisted values are refused with a translated message."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("invalid_choice_message", _l("Not in the list: '%(value)s'."))
        super().__init__(label, validators, **kwargs)
