"""Sign-in, registration and password forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import EqualTo, Optional, ValidationError
from wtforms.widgets import PasswordInput

from fairmatch.auth.passwords import password_problems
from fairmatch.common.vocabulary import SECTORS
from fairmatch.enterprises.fields import CheckboxesField
from fairmatch.enterprises.forms import KIND_CHOICES, validate_enterprise_identity
from fairmatch.forms import TEXT, email_address, max_length, options, plain_name, required
from fairmatch.i18n import language


class KeptPasswordInput(PasswordInput):
    """A password box that shows the typed value again only when its field says `kept`."""

    def __call__(self, field, **kwargs):
        self.hide_value = not getattr(field, "kept", False)
        return super().__call__(field, **kwargs)


class NewPasswordField(PasswordField):
    """A new password. After a refusal elsewhere in the form, a new password that passed the policy
    and its repeat is kept (`keep_if_accepted`), so the person does not type it twice again; one
    that was refused is emptied, with a note to enter it again."""

    widget = KeptPasswordInput()
    kept = False
    cleared = False


def keep_accepted_passwords(form) -> None:
    """After `form` was refused: keep the new password and its repeat if neither was at fault, else
    empty both (and any current password, which is never sent back) and say so beside them."""
    new = [f for f in form if isinstance(f, NewPasswordField)]
    accepted = all(f.data and not f.errors for f in new)
    for f in new:
        f.kept, f.cleared = accepted, not accepted and bool(f.data)
    current = getattr(form, "current", None)
    if current is not None and current.data:
        current.cleared = True


class LoginForm(FlaskForm):
    email = StringField(_l("Email"), [required(), max_length(254)], **TEXT)
    password = PasswordField(_l("Password"), [required(), max_length(200)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class NewPasswordMixin:
    """The password policy for a new password; `account_email` is the address of an existing
    account (forms without an email field)."""

    account_email = ""

    def validate_password(self, field):
        email = getattr(self, "email", None)
        problems = password_problems(field.data or "", email.data if email else self.account_email)
        if problems:
            raise ValidationError(" ".join(problems))


class RegisterForm(NewPasswordMixin, FlaskForm):
    role = RadioField(
        _l("I am"),
        choices=options([("exhibitor", _l("an exhibitor")), ("buyer", _l("a buyer"))]),
        default="exhibitor",
        validators=[required()],
    )
    name = StringField(_l("Your name"), [required(), max_length(200), plain_name()], **TEXT)
    email = StringField(_l("Work email"), [required(), email_address(), max_length(254)], **TEXT)
    password = NewPasswordField(_l("Password"), [required()])
    confirm = NewPasswordField(
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
    name_vi = StringField(_l("Legal name in Vietnamese"), [Optional(), max_length(300), plain_name()], **TEXT)
    name_en = StringField(_l("Name in English"), [Optional(), max_length(300), plain_name()], **TEXT)
    kind = SelectField(_l("Kind of enterprise"), choices=options(KIND_CHOICES), default="supplier")
    sectors = CheckboxesField(_l("Sectors"))
    consent = BooleanField(
        _l("I have read the privacy notice and agree that my data is processed for the fair"),
        [required()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = language() == "en"
        self.sectors.choices = options((code, names[english]) for code, names in SECTORS.items())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.enterprise_action.data == "create":
            valid &= validate_enterprise_identity(self, names_required=True)
            # Booths are zoned by sector: an exhibitor without one could book none of them.
            if self.role.data == "exhibitor" and not self.sectors.data:
                self.sectors.errors.append(_l("Choose at least one sector: booths are zoned by sector."))
                valid = False
        elif self.enterprise_action.data == "join":
            valid &= validate_enterprise_identity(self, names_required=False)
        return valid


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current = PasswordField(_l("Current password"), [required()])
    password = NewPasswordField(_l("New password"), [required()])
    confirm = NewPasswordField(
        _l("Repeat the new password"),
        [required(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class ForgotPasswordForm(FlaskForm):
    email = StringField(_l("Email"), [required(), email_address(), max_length(254)], **TEXT)


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    password = NewPasswordField(_l("New password"), [required()])
    confirm = NewPasswordField(
        _l("Repeat the new password"),
        [required(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class EraseAccountForm(FlaskForm):
    password = PasswordField(_l("Your password"), [required(), max_length(200)])
    understood = BooleanField(
        _l("I understand that my account is closed for good and my personal data erased at once"), [required()]
    )
