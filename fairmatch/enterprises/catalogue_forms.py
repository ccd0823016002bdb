"""Forms for what an enterprise makes (products) and buys (needs)."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from fairmatch.common.exchange_validation import DECISION_NO_LIMIT, HS_CODE, LONG_TEXT, RECOGNITION_YEARS
from fairmatch.common.vocabulary import CERTIFICATIONS, SECTORS, UNIT_LABELS
from fairmatch.enterprises.fields import AmountField, CheckboxesField, ChoiceField, WholeNumberField
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.i18n import language


def category_choices(categories) -> list[SelectChoice]:
    """The taxonomy as select options grouped by sector, named in the page's language."""
    english = language() == "en"
    ordered = sorted(categories, key=lambda c: (list(SECTORS).index(c.sector), c.name_en if english else c.name_vi))
    choices = [SelectChoice("", _("Choose a category"))]
    for c in ordered:
        label = f"{c.name_en if english else c.name_vi} ({c.code})"
        choices.append(SelectChoice(c.code, label, optgroup=SECTORS[c.sector][english]))
    return choices


def unit_choices() -> list[SelectChoice]:
    english = language() == "en"
    return options([("", _("unit")), *((code, labels[english]) for code, labels in UNIT_LABELS.items())])


def check_quantity(value_field, unit_field) -> bool:
    """A quantity needs both its number and its unit, or neither."""
    if value_field.errors:
        return False
    if value_field.data is not None and not unit_field.data:
        unit_field.errors.append(_("Choose the unit."))
        return False
    if value_field.data is None and unit_field.data:
        value_field.errors.append(_("Enter the quantity, or clear the unit."))
        return False
    return True


class QuantityForm(FlaskForm):
    """Fills the category and unit choices from the taxonomy in the page's language."""

    quantities: tuple[tuple[str, str], ...] = ()

    def __init__(self, categories, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = category_choices(categories)
        for _value, unit in self.quantities:
            getattr(self, unit).choices = unit_choices()

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for value, unit in self.quantities:
            valid &= check_quantity(getattr(self, value), getattr(self, unit))
        return valid


class ProductForm(QuantityForm):
    quantities = (("capacity_value", "capacity_unit"), ("min_order_value", "min_order_unit"))

    name_vi = StringField(_l("Product name in Vietnamese"), [Optional(), max_length(300)], **TEXT)
    name_en = StringField(_l("Product name in English"), [Optional(), max_length(300)], **TEXT)
    category = ChoiceField(_l("Category"), [required()])
    description = TextAreaField(_l("Description"), [Optional(), max_length(LONG_TEXT)], **TEXT)
    hs_code = StringField(_l("HS code"), [Optional(), max_length(20)], **TEXT)
    capacity_value = AmountField(_l("Annual capacity"))
    capacity_unit = ChoiceField(_l("Unit of the annual capacity"))
    min_order_value = AmountField(_l("Minimum order"))
    min_order_unit = ChoiceField(_l("Unit of the minimum order"))
    recognized = BooleanField(_l("Recognised by the city as a key industrial product"))
    recognized_year = WholeNumberField(_l("Year of recognition"), [Optional()])
    recognized_decision_no = StringField(
        _l("Number of the recognition decision"), [Optional(), max_length(DECISION_NO_LIMIT)], **TEXT
    )

    def validate_hs_code(self, field):
        digits = field.data.replace(".", "").replace(" ", "")
        if not HS_CODE.match(digits):
            raise ValidationError(_("An HS code has 4 to 10 digits, e.g. 8504 or 85042100."))  # shown as typed
        field.data = digits

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.name_vi.data or self.name_en.data):
            self.name_vi.errors.append(_("Give the product a name in Vietnamese or English."))
            valid = False
        if self.recognized.data:
            year = self.recognized_year.data
            if year is None and not self.recognized_year.errors:
                self.recognized_year.errors.append(_("Enter the year of the recognition."))
                valid = False
            elif year is not None and not RECOGNITION_YEARS[0] <= year <= date.today().year:
                self.recognized_year.errors.append(
                    _("Enter a year between %(low)d and %(high)d.", low=RECOGNITION_YEARS[0], high=date.today().year)
                )
                valid = False
            if not self.recognized_decision_no.data:
                self.recognized_decision_no.errors.append(_("Enter the number of the decision, e.g. 1234/QĐ-UBND."))
                valid = False
        return valid

    def changes(self) -> dict:
        recognized = bool(self.recognized.data)
        return {
            "name_vi": self.name_vi.data or None,
            "name_en": self.name_en.data or None,
            "category": self.category.data,
            "description": self.description.data or None,
            "hs_code": self.hs_code.data or None,
            "capacity": (self.capacity_value.data, self.capacity_unit.data or None),
            "min_order": (self.min_order_value.data, self.min_order_unit.data or None),
            "recognized": (self.recognized_year.data, self.recognized_decision_no.data) if recognized else None,
        }


def product_form_data(product) -> dict:
    return {
        "name_vi": product.name_vi,
        "name_en": product.name_en,
        "category": product.category.code,
        "description": product.description,
        "hs_code": product.hs_code,
        "capacity_value": product.capacity_value,
        "capacity_unit": product.capacity_unit or "",
        "min_order_value": product.min_order_value,
        "min_order_unit": product.min_order_unit or "",
        "recognized": product.recognized_year is not None,
        "recognized_year": product.recognized_year,
        "recognized_decision_no": product.recognized_decision_no,
    }


class NeedForm(QuantityForm):
    quantities = (("volume_value", "volume_unit"),)

    category = ChoiceField(_l("What do you buy? (category)"), [required()])
    volume_value = AmountField(_l("Annual volume"))
    volume_unit = ChoiceField(_l("Unit of the annual volume"))
    required_certifications = CheckboxesField(
        _l("Certifications the supplier must hold"), choices=options((name, name) for name in CERTIFICATIONS)
    )
    notes = TextAreaField(_l("Notes for suppliers"), [Optional(), max_length(LONG_TEXT)], **TEXT)

    def changes(self) -> dict:
        return {
            "category": self.category.data,
            "volume": (self.volume_value.data, self.volume_unit.data or None),
            "required_certifications": [c for c in CERTIFICATIONS if c in (self.required_certifications.data or [])],
            "notes": self.notes.data or None,
        }


def need_form_data(need) -> dict:
    return {
        "category": need.category.code,
        "volume_value": need.volume_value,
        "volume_unit": need.volume_unit or "",
        "required_certifications": need.required_certifications,
        "notes": need.notes,
    }
