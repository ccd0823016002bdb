"""Enterprise forms and the identity checks they share."""

from flask_babel import lazy_gettext as _l

from fairmatch.enterprises.keys import foreign_key, is_valid_registration_no, is_valid_tax_code

KIND_CHOICES = [
    ("lead", _l("Lead enterprise (key products)")),
    ("supplier", _l("Supporting-industry supplier")),
    ("fdi", _l("FDI enterprise")),
    ("buyer", _l("Buyer")),
    ("other", _l("Other")),
]


def validate_enterprise_identity(form, *, names_required: bool) -> bool:
    """Check country, tax code or registration number (and names when creating) on `form`.

    Vietnamese enterprises are identified by their tax code, foreign ones by country and home
    registration number. Errors are attached to the fields so the user sees them in place.
    """
    from fairmatch.vocabulary import COUNTRIES

    valid = True
    form.country.data = (form.country.data or "VN").upper()
    if form.country.data not in COUNTRIES:
        form.country.errors.append(_l("Use a two-letter ISO country code, e.g. VN, JP, KR."))
        return False
    if form.country.data == "VN":
        if not form.tax_code.data:
            form.tax_code.errors.append(_l("Enter the tax code (10 digits, or 12 for a household business)."))
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
