"""Organizer forms: an invitation to the team, the invitee's name and password, a new edition, an edition's
document and bank settings."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, PasswordField, SelectField, StringField
from wtforms.validators import EqualTo, Regexp, ValidationError

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


class DocumentSettingsForm(FlaskForm):
    """What the payment request and the report print in their header block, and the bank for the VietQR code."""

    organizer_name = StringField(_l("Organizer (as printed on documents)"), [required(), max_length(300)], **TEXT)
    organizer_address = StringField(_l("Organizer's address"), [max_length(500)], **TEXT)
    document_parent_body = StringField(_l("Governing body (first line of the header block)"), [max_length(200)],
                                       **TEXT)
    document_issuing_body = StringField(_l("Issuing body (second line, in bold)"), [max_length(200)], **TEXT)
    payment_request_code = StringField(_l("Code after the number of a payment request"),
                                       [required(), max_length(30), Regexp(r"^[\w.-]+$", message=_l(
                                           "Letters, digits, dots and hyphens only, e.g. TB-BTC."))], **TEXT)
    report_code = StringField(_l("Code after the number of a report"),
                              [required(), max_length(30), Regexp(r"^[\w.-]+$", message=_l(
                                  "Letters, digits, dots and hyphens only, e.g. TB-BTC."))], **TEXT)
    document_place = StringField(_l("Place before the date"), [required(), max_length(100)], **TEXT)
    bank_name = StringField(_l("Bank"), [max_length(200)], **TEXT)
    bank_bin = StringField(_l("Bank's NAPAS BIN"), [Regexp(r"^(\d{6})?$", message=_l(
        "The BIN is the six digits NAPAS gives each bank, e.g. 970436 for Vietcombank."))], **TEXT)
    bank_account_no = StringField(_l("Account number"), [max_length(40), Regexp(r"^[0-9A-Za-z ]*$", message=_l(
        "An account number has letters and digits only (spaces are allowed)."))], **TEXT)
    bank_account_name = StringField(_l("Account name"), [max_length(200)], **TEXT)

    def validate_bank_account_no(self, field):
        if len((field.data or "").replace(" ", "")) > 19:
            raise ValidationError(_("An account number has at most 19 letters and digits."))
