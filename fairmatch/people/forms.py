"""A person on a list (enterprise staff and delegates; the organizer's guests, press and staff) and the
organizer's limits and deadline for the lists."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from fairmatch.enterprises.forms import PHONE
from fairmatch.forms import TEXT, max_length, options, plain_name, required
from fairmatch.people.models import ENTERPRISE_ROLES, PERSON_ROLE_LABELS


def _phone(form, field):
    if field.data and not PHONE.match(field.data):
        raise ValidationError(_("Enter a phone number: digits, spaces and + ( ) - only, e.g. +84 24 1234 5678."))


class PersonForm(FlaskForm):
    """One of an enterprise's booth staff or delegates."""

    full_name = StringField(_l("Full name"), [required(), max_length(120), plain_name()], **TEXT)
    position = StringField(_l("Position"), [Optional(), max_length(120), plain_name()], **TEXT)
    phone = StringField(_l("Mobile phone"), [required(), max_length(40), _phone], **TEXT)


class VisitorForm(FlaskForm):
    """A guest, a journalist or one of the organizer's staff."""

    role = SelectField(_l("Role"), [required()])
    full_name = StringField(_l("Full name"), [required(), max_length(120), plain_name()], **TEXT)
    organization = StringField(_l("Organization or outlet"), [Optional(), max_length(300), plain_name()], **TEXT)
    position = StringField(_l("Position"), [Optional(), max_length(120), plain_name()], **TEXT)
    phone = StringField(_l("Mobile phone"), [Optional(), max_length(40), _phone], **TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = options(
            (code, label) for code, label in PERSON_ROLE_LABELS.items() if code not in ENTERPRISE_ROLES
        )


class PeopleSettingsForm(FlaskForm):
    staff_per_booth = IntegerField(
        _l("Staff per confirmed booth"),
        [
            InputRequired(message=_l("This field is required.")),
            NumberRange(min=1, max=20, message=_l("Enter a whole number from %(min)d to %(max)d.")),
        ],
    )
    delegates_per_buyer = IntegerField(
        _l("Delegates per buyer"),
        [
            InputRequired(message=_l("This field is required.")),
            NumberRange(min=1, max=50, message=_l("Enter a whole number from %(min)d to %(max)d.")),
        ],
    )
    people_due_on = DateField(_l("Lists close at the end of (optional)"), [Optional()])
