"""Sign-in, registration and password forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import EqualTo, Optional, ValidationError

from fairmatch.auth.passwords import password_problems
from fairmatch.enterprises.forms import KIND_CHOICES, validate_enterprise_identity
from fairmatch.forms import TEXT, email_address, max_length, options, required


class LoginForm(FlaskForm):
    email = StringField(_l("Email"), [required(), max_length(254)], **TEXT)
    password = PasswordField(_l("Password"), [required(), max_length(200)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class NewPasswordMixin:
    def validate_password(self, field):
        email = getattr(self, "email", None)
        problems = password_problems(field.data or "", email.data if email else "")
        if problems:
            raise ValidationError(" ".join(problems))


class RegisterForm(NewPasswordMixin, FlaskForm):
    role = RadioField(
        _l("I am"),
        choices=options([("exhibitor", _l("an exhibitor")), ("buyer", _l("a buyer"))]),
        default="exhibitor",
        validators=[required()],
    )
    name = StringField(_l("Your name"), [required(), max_length(200)], **TEXT)
    email = StringField(_l("Work email"), [required(), email_address(), max_length(254)], **TEXT)
    password = PasswordField(_l("Password"), [required()])
    confirm = PasswordField(
        _l("Repeat the password"),
        [required(), EqualTo("password", message=_l("The two passwords differ."))],
    )
    enterprise_action = RadioField(
        _l("Your enterprise"),
        choices=options(
            [
                ("create", _l("Register my enterprise (I become its owner)")),
                ("join", _l("Join an enterprise that is already registered")),
            ]
        ),
        default="create",
        validators=[required()],
    )
    country = StringField(_l("Country (ISO code)"), [max_length(2)], default="VN", **TEXT)
    tax_code = StringField(_l("Tax code"), [Optional(), max_length(14)], **TEXT)
    registration_no = StringField(
        _l("Home registration number (foreign enterprises)"), [Optional(), max_length(40)], **TEXT
    )
    name_vi = StringField(_l("Legal name in Vietnamese"), [Optional(), max_length(300)], **TEXT)
    name_en = StringField(_l("Name in English"), [Optional(), max_length(300)], **TEXT)
    kind = SelectField(_l("Kind of enterprise"), choices=options(KIND_CHOICES), default="supplier")
    consent = BooleanField(
        _l("I have read the privacy notice and agree that my data is processed for the fair"),
        [required()],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.enterprise_action.data == "create":
            valid &= validate_enterprise_identity(self, names_required=True)
        elif self.enterprise_action.data == "join":
            valid &= validate_enterprise_identity(self, names_required=False)
        return valid


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current = PasswordField(_l("Current password"), [required()])
    password = PasswordField(_l("New password"), [required()])
    confirm = PasswordField(
        _l("Repeat the new password"),
        [required(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class ForgotPasswordForm(FlaskForm):
    email = StringField(_l("Email"), [required(), email_address(), max_length(254)], **TEXT)


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    password = PasswordField(_l("New password"), [required()])
    confirm = PasswordField(
        _l("Repeat the new password"),
        [required(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class EraseAccountForm(FlaskForm):
    password = PasswordField(_l("Your password"), [required(), max_length(200)])
    understood = BooleanField(
        _l("I understand that my account is closed for good and my personal data erased at once"), [required()]
    )
