"""Booth forms: reserving, the waitlist, and the organizer's decisions and editor."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from fairmatch.booths.models import BOOTH_TYPE_LABELS
from fairmatch.forms import TEXT, max_length, options, required, vnd_amount


class ReserveForm(FlaskForm):
    extra = SelectMultipleField(
        _l("Add booths next to it (optional)"),
        choices=[],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,  # the service checks the codes and explains what is wrong
    )


class ConfirmForm(FlaskForm):
    """A step that an irreversible action (cancelling, leaving the waitlist) asks for, JavaScript or not."""

    confirm = BooleanField(_l("Yes, I am sure"), [DataRequired()])


class WaitlistForm(FlaskForm):
    booth_type = SelectField(_l("Booth type"), choices=options([("", _l("Any type")), *BOOTH_TYPE_LABELS.items()]))
    zone = SelectField(_l("Zone"), choices=[])
    max_price_vnd = IntegerField(
        _l("Highest price (₫)"), [Optional(), vnd_amount()]
    )


class RejectForm(FlaskForm):
    reason = TextAreaField(_l("Reason (the exhibitor will read it)"), [required(), max_length(2000)], **TEXT)


class PaymentForm(FlaskForm):
    amount_vnd = IntegerField(
        _l("Amount received (₫)"), [required(), vnd_amount(1)]
    )
    paid_on = DateField(_l("Paid on"), [required()])
    reference = StringField(_l("Bank reference"), [Optional(), max_length(100)], **TEXT)


class TransferForm(FlaskForm):
    """A bank transfer as the statement shows it: its text quotes a payment request's reference."""

    statement = StringField(_l("Transfer content, as the bank statement shows it"), [required(), max_length(300)],
                            **TEXT)
    amount_vnd = IntegerField(_l("Amount received (₫)"), [required(), vnd_amount(1)])
    paid_on = DateField(_l("Paid on"), [required()])


class MoveForm(FlaskForm):
    codes = StringField(_l("New booth codes, separated by spaces"), [required(), max_length(200)], **TEXT)
    reason = StringField(_l("Reason (required to override a zone rule)"), [Optional(), max_length(500)], **TEXT)


class BoothEditForm(FlaskForm):
    type = SelectField(_l("Type"), choices=options(BOOTH_TYPE_LABELS.items()))
    price_vnd = IntegerField(
        _l("Price (₫)"), [required(), vnd_amount()]
    )
    zone = SelectField(_l("Sector zone"), choices=[])


class TypePriceForm(FlaskForm):
    type = SelectField(_l("Booth type"), choices=options(BOOTH_TYPE_LABELS.items()))
    price_per_9m2_vnd = IntegerField(
        _l("Price per 9 m² (₫)"), [required(), vnd_amount()]
    )


class HallGridForm(FlaskForm):
    code = StringField(_l("Hall code (one letter)"), [required(), max_length(3)], **TEXT)
    name_vi = StringField(_l("Name in Vietnamese"), [required(), max_length(200)], **TEXT)
    name_en = StringField(_l("Name in English"), [required(), max_length(200)], **TEXT)
    double_rows = IntegerField(_l("Double rows"), [required(), NumberRange(1, 20)], default=3)
    blocks_per_row = IntegerField(_l("Blocks per row"), [required(), NumberRange(1, 10)], default=2)
    booths_per_block = IntegerField(_l("Booths per block side"), [required(), NumberRange(1, 30)], default=6)
    aisle_m = IntegerField(_l("Aisle width (m)"), [required(), NumberRange(2, 10)], default=3)
    price_per_9m2_vnd = IntegerField(_l("Standard price per 9 m² (₫)"), [required(), vnd_amount()],
                                     default=15_000_000)


