"""Enterprise forms: the identity checks they share, the profile and the logo."""

import re
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, FieldList, Form, FormField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from fairmatch.common.exchange_validation import FOUNDED_YEARS, LONG_TEXT, is_web_address
from fairmatch.common.keys import foreign_key, is_valid_registration_no, is_valid_tax_code
from fairmatch.common.registration_numbers import personal_id_problems
from fairmatch.common.vocabulary import CERTIFICATIONS, COUNTRIES, SECTORS
from fairmatch.enterprises.fields import CheckboxesField, ChoiceField, DayField, WholeNumberField
from fairmatch.forms import TEXT, email_address, max_length, options, plain_name
from fairmatch.i18n import language

PHONE = re.compile(r"^\+?[0-9 ().-]{6,40}$")
PROFILE_FIELDS = ("name_vi", "name_en", "address", "locality", "industrial_park", "description_vi",
                  "description_en", "website", "contact_name", "contact_email", "contact_phone")

KIND_CHOICES = [
    ("lead", _l("Lead enterprise (key products)")),
    ("supplier", _l("Supporting-industry supplier")),
    ("fdi", _l("FDI enterprise")),
    ("buyer", _l("Buyer")),
    ("other", _l("Other")),
]


def is_personal_id(code: str) -> bool:
    return len(code) == 12 and code.isdigit()


def validate_enterprise_identity(form, *, names_required: bool) -> bool:
    """Check country, tax code or registration number (and names when creating) on `form`.

    Vietnamese enterprises are identified by their tax code, foreign ones by country and home
    registration number. Errors are attached to the fields so the user sees them in place.
    """
    valid = True
    form.country.data = (form.country.data or "VN").upper()
    if form.country.data not in COUNTRIES:
        form.country.errors.append(_l("Use a two-letter ISO country code, e.g. VN, JP, KR."))
        return False
    if form.country.data == "VN":
        if not form.tax_code.data:
            form.tax_code.errors.append(_l("Enter the tax code (10 digits, or 12 for a household business)."))
            valid = False
        elif is_personal_id(form.tax_code.data) and (problems := personal_id_problems(form.tax_code.data)):
            form.tax_code.errors.extend(_(message, **params) for message, params in problems)
            valid = False
        elif not is_valid_tax_code(form.tax_code.data):
            form.tax_code.errors.append(
                _l(
                    "This is not a valid tax code: use 10 digits with a correct check digit, "
                    "10 digits-3 digits for a branch, or a 12-digit personal ID."
                )
            )
            valid = False
        if names_required and not form.name_vi.data:
            form.name_vi.errors.append(_l("Enter the legal name in Vietnamese."))
            valid = False
    else:
        if not form.registration_no.data or not is_valid_registration_no(form.registration_no.data):
            form.registration_no.errors.append(
                _l("Enter the home registration number (letters, digits, . / -).")
            )
            valid = False
        if names_required and not (form.name_en.data or form.name_vi.data):
            form.name_en.errors.append(_l("Enter the enterprise's name."))
            valid = False
    return valid


def key_from_form(form) -> str:
    """The enterprise key the identity fields of `form` describe."""
    if form.country.data == "VN":
        return form.tax_code.data
    return foreign_key(form.country.data, form.registration_no.data)


class CertificationEntry(Form):
    """One certification of the maintained list: held or not, and until when."""

    held = BooleanField()
    expires_on = DayField(_l("Valid until"))


class ProfileForm(FlaskForm):
    """The enterprise profile. Only organizers may change the identity (country, tax code,
    registration number); for members those fields keep the stored values."""

    country = StringField(_l("Country (ISO code)"), [max_length(2)], **TEXT)
    tax_code = StringField(_l("Tax code"), [Optional(), max_length(14)], **TEXT)
    registration_no = StringField(
        _l("Home registration number (foreign enterprises)"), [Optional(), max_length(40)], **TEXT
    )
    name_vi = StringField(_l("Legal name in Vietnamese"), [Optional(), max_length(300), plain_name()], **TEXT)
    name_en = StringField(_l("Name in English"), [Optional(), max_length(300), plain_name()], **TEXT)
    kind = ChoiceField(_l("Kind of enterprise"), choices=options(KIND_CHOICES))
    sectors = CheckboxesField(_l("Sectors"))
    address = StringField(_l("Address"), [Optional(), max_length(500)], **TEXT)
    locality = StringField(_l("Commune, ward or area"), [Optional(), max_length(120)], **TEXT)
    industrial_park = StringField(_l("Industrial park or cluster"), [Optional(), max_length(120)], **TEXT)
    founded_year = WholeNumberField(_l("Year founded"), [Optional()])
    employees = WholeNumberField(_l("Employees"), [Optional()])
    description_vi = TextAreaField(_l("Description in Vietnamese"), [Optional(), max_length(LONG_TEXT)], **TEXT)
    description_en = TextAreaField(_l("Description in English"), [Optional(), max_length(LONG_TEXT)], **TEXT)
    website = StringField(_l("Website"), [Optional(), max_length(300)], **TEXT)
    contact_name = StringField(_l("Contact person"), [Optional(), max_length(200), plain_name()], **TEXT)
    contact_email = StringField(_l("Contact email"), [Optional(), email_address(), max_length(254)], **TEXT)
    contact_phone = StringField(_l("Contact phone"), [Optional(), max_length(40)], **TEXT)
    export_markets = StringField(_l("Export markets"), [Optional(), max_length(750)], **TEXT)
    certifications = FieldList(
        FormField(CertificationEntry), min_entries=len(CERTIFICATIONS), max_entries=len(CERTIFICATIONS)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = language() == "en"
        self.sectors.choices = options((code, names[english]) for code, names in SECTORS.items())
        for name, entry in self.certification_entries():
            entry.held.label.text = name

    def certification_entries(self):
        """(certification name, its entry), matched by the entry's index in the form."""
        for entry in self.certifications:
            index = int(entry.name.rpartition("-")[2])
            if index < len(CERTIFICATIONS):
                yield CERTIFICATIONS[index], entry

    def lock_identity(self, enterprise) -> None:
        """Keep the stored identity whatever was sent: members cannot change it."""
        self.country.data = enterprise.country
        self.tax_code.data = enterprise.tax_code
        self.registration_no.data = enterprise.registration_no

    def validate_founded_year(self, field):
        if field.data is not None and not FOUNDED_YEARS[0] <= field.data <= date.today().year:
            raise ValidationError(
                _("Enter a year between %(low)d and %(high)d.", low=FOUNDED_YEARS[0], high=date.today().year)
            )

    def validate_employees(self, field):
        if field.data is not None and field.data > 10_000_000:
            raise ValidationError(_("Enter the number of people employed, e.g. 250."))

    def validate_website(self, field):
        if "://" not in field.data:
            field.data = "https://" + field.data
        if not is_web_address(field.data) or len(field.data) > 300:
            raise ValidationError(_("Enter a web address, e.g. https://example.vn."))

    def validate_contact_phone(self, field):
        if not PHONE.match(field.data):
            raise ValidationError(_("Enter a phone number: digits, spaces and + ( ) - only, e.g. +84 24 1234 5678."))

    def validate_export_markets(self, field):
        unknown = [code for code in country_codes(field.data) if code not in COUNTRIES]
        if unknown:
            raise ValidationError(
                _("Unknown country codes: %(codes)s. Use two-letter ISO codes, e.g. JP, KR, DE.",
                  codes=", ".join(unknown))
            )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return validate_enterprise_identity(self, names_required=True) and valid

    def held_certifications(self) -> dict[str, date | None]:
        """Certification name → expiry date (or None), for those ticked or given a date."""
        return {
            name: entry.expires_on.data
            for name, entry in self.certification_entries()
            if entry.held.data or entry.expires_on.data
        }

    def changes(self) -> dict:
        """The profile as the service takes it."""
        data = {name: getattr(self, name).data or None for name in PROFILE_FIELDS}
        data |= {
            "country": self.country.data,
            "tax_code": self.tax_code.data if self.country.data == "VN" else None,
            "registration_no": self.registration_no.data if self.country.data != "VN" else None,
            "key": key_from_form(self),
            "kind": self.kind.data,
            "sectors": sorted(set(self.sectors.data or [])),
            "export_markets": list(dict.fromkeys(country_codes(self.export_markets.data))),
            "certifications": self.held_certifications(),
        }
        for name in ("founded_year", "employees"):
            data[name] = getattr(self, name).data
        return data


def country_codes(text: str | None) -> list[str]:
    """`jp, KR de` → `['JP', 'KR', 'DE']`."""
    return [code.upper() for code in re.split(r"[\s,;]+", text or "") if code]


def profile_form_data(enterprise) -> dict:
    """The stored profile as the form's initial data."""
    held = {c.name: c.expires_on for c in enterprise.certifications}
    return {
        **{name: getattr(enterprise, name) for name in PROFILE_FIELDS},
        "country": enterprise.country,
        "tax_code": enterprise.tax_code,
        "registration_no": enterprise.registration_no,
        "kind": enterprise.kind,
        "founded_year": enterprise.founded_year,
        "employees": enterprise.employees,
        "sectors": enterprise.sector_codes,
        "export_markets": ", ".join(enterprise.export_markets or []),
        "certifications": [{"held": name in held, "expires_on": held.get(name)} for name in CERTIFICATIONS],
    }


class LogoForm(FlaskForm):
    logo = FileField(
        _l("Logo: PNG, JPEG or WebP, at most 2 MB"), [FileRequired(message=_l("Choose an image file."))]
    )
