"""The organizers' forms: verification decisions, taxonomy categories, exchange uploads."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Optional, ValidationError

from fairmatch.common.exchange_validation import CATEGORY_LIMITS
from fairmatch.common.vocabulary import SECTORS
from fairmatch.enterprises.fields import ChoiceField
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.i18n import language

CATEGORY_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")


class ReviewForm(FlaskForm):
    reason = TextAreaField(_l("Reason, shown to the enterprise (required to decline)"),
                           [Optional(), max_length(500)], **TEXT)
    verify = SubmitField(_l("Verify"))
    decline = SubmitField(_l("Decline"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.decline.data and not self.reason.data:
            self.reason.errors.append(_("Give the reason for declining: the enterprise will read it."))
            return False
        return valid


def category_codes(text: str | None) -> list[str]:
    """`MAT.STEEL, mat.copper` → `['MAT.STEEL', 'MAT.COPPER']` (commas, spaces or lines)."""
    return list(dict.fromkeys(code.upper() for code in re.split(r"[\s,;]+", text or "") if code))


class CategoryForm(FlaskForm):
    code = StringField(_l("Code"), [required(), max_length(CATEGORY_LIMITS["code"])], **TEXT)
    name_vi = StringField(_l("Name in Vietnamese"), [required(), max_length(CATEGORY_LIMITS["name_vi"])], **TEXT)
    name_en = StringField(_l("Name in English"), [required(), max_length(CATEGORY_LIMITS["name_en"])], **TEXT)
    sector = ChoiceField(_l("Sector"), [required()])
    parent = StringField(_l("Part of (code of the parent category)"), [Optional(), max_length(60)], **TEXT)
    inputs = TextAreaField(_l("Made from (codes of the input categories)"), [Optional(), max_length(5000)], **TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = language() == "en"
        self.sector.choices = options([("", _("Choose a sector")), *((c, n[english]) for c, n in SECTORS.items())])
        self.code_fixed = False

    def keep_code(self, code: str) -> None:
        """An existing category keeps its code, whatever was sent: other systems refer to it."""
        self.code.data = code
        self.code_fixed = True

    def validate_code(self, field):
        if self.code_fixed:
            return
        field.data = field.data.upper()
        if not CATEGORY_CODE.match(field.data):
            raise ValidationError(_("Use capital letters, digits and . _ - only, e.g. MAT.COPPER_WIRE."))

    def changes(self) -> dict:
        return {
            "code": self.code.data,
            "name_vi": self.name_vi.data,
            "name_en": self.name_en.data,
            "sector": self.sector.data,
            "parent": (self.parent.data or "").upper() or None,
            "inputs": category_codes(self.inputs.data),
        }


def category_form_data(category) -> dict:
    return {
        "code": category.code,
        "name_vi": category.name_vi,
        "name_en": category.name_en,
        "sector": category.sector,
        "parent": category.parent.code if category.parent else "",
        "inputs": "\n".join(c.code for c in category.inputs),
    }


class ImportForm(FlaskForm):
    document = FileField(_l("fairmatch-exchange/1 document (JSON)"),
                         [FileRequired(message=_l("Choose the JSON file to import."))])
