"""Forms of the organizer team: an invitation, and the invitee's name and password."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import EqualTo, ValidationError

from fairmatch.auth.passwords import password_problems
from fairmatch.forms import TEXT, email_address, max_length, options, required


class InviteForm(FlaskForm):
    email = StringField(_l("Work email of the new organizer"), [required(), email_address(), max_length(254)], **TEXT)
    name = StringField(_l("Their name"), [required(), max_length(200)], **TEXT)
    locale = SelectField(_l("Language of the invitation"),
                         choices=options([("vi", "Tiếng Việt"), ("en", "English")]), default="vi")


class AcceptInvitationForm(FlaskForm):
    name = StringField(_l("Your name"), [required(), max_length(200)], **TEXT)
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
