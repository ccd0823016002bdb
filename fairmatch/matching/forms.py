"""The buyer's sourcing-request form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, TextAreaField
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from fairmatch.common.vocabulary import CERTIFICATIONS, UNITS
from fairmatch.enterprises.fields import AmountField
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.i18n import unit_label


class SourcingRequestForm(FlaskForm):
    category = SelectField(_l("What do you need? (product category)"), [required()], choices=[])
    volume_value = AmountField(_l("Annual volume"))
    volume_unit = SelectField(_l("Unit"), default="units")
    required_certifications = SelectMultipleField(
        _l("Required certifications"),
        choices=options((c, c) for c in CERTIFICATIONS),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    deadline_on = DateField(_l("Needed by (optional)"), [Optional()])
    notes = TextAreaField(_l("Notes for suppliers"), [Optional(), max_length(2000)], **TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.volume_unit.choices = options((u, unit_label(u)) for u in UNITS)  # named in the page's language
