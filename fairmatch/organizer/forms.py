"""Organizer forms: an invitation to the team, the invitee's name and password, a new edition."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, PasswordField, SelectField, StringField
from wtforms.validators import EqualTo, ValidationError

from fairmatch.auth.passwords import password_problems
from fairmatch.forms import TEXT, email_address, max_length, options, plain_name, required


class InviteForm(FlaskForm):
    email = StringField(_l("Work email of the new organizer"), [required(), email_address(), max_length(254)], **TEXT)
    name = StringField(_l("Their name"), [required(), max_length(200), plain_name()], **TEXT)
    locale = SelectField(_l("Language of the invitation"),
                         choices=options([("vi", "Tiếng Việt"), ("en", "English")]), default="vi")


class AcceptInvitationForm(FlaskForm):
    name = StringField(_l("Your name"), [required(), max_length(200), plain_name()], **TEXT)
    password = PasswordField(_l("Password"), [required()])
    confirm = PasswordField(_l("Repeat the password"),
                            [required(), EqualTo("password", message=_l("The two passwords differ."))])

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.invited_email = email

    def validate_password(self, field):
        problems = password_problems(field.data or "", self.invited_email)
        if problems:
            raise ValidationError(" ".join(problems))


class EditionForm(FlaskForm):
    source = SelectField(_l("Copy the halls, booths, prices and meeting settings of"), coerce=int,
                         validate_choice=False)
    name_vi = StringField(_l("Name in Vietnamese"), [required(), max_length(300)], **TEXT)
    name_en = StringField(_l("Name in English"), [required(), max_length(300)], **TEXT)
    starts_on = DateField(_l("First day"), [required()])
    ends_on = DateField(_l("Last day"), [required()])

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_("The fair cannot end before it starts."))
