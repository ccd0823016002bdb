"""The organizers' forms: verification decisions, taxonomy categories, exchange uploads."""

import re

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Optional, ValidationError

from fairmatch.common.exchange_validation import CATEGORY_HS, CATEGORY_LIMITS
from fairmatch.common.text import fold
from fairmatch.common.vocabulary import SECTORS, UNITS
from fairmatch.enterprises.fields import ChoiceField
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.i18n import language, number

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


KIND_WORDS = {"material": "material", "vat tu": "material", "tooling": "tooling", "khuon": "tooling",
              "equipment": "equipment", "thiet bi": "equipment", "service": "service", "dich vu": "service"}
QUANTITY = re.compile(r"^([\d.,]+)\s*(\S+)$")


def input_lines(text: str | None) -> list[tuple[str, str, dict | None]]:
    """The inputs typed in the category form, as (code, kind, per_unit): one per line, e.g.
    `MAT.ELEC_STEEL 0.6 t` (a material, how much goes into one unit), `TOOL.WINDING_JIG tooling`,
    or plain codes separated by commas. Raises ValidationError naming the line it cannot read."""
    links: dict[str, tuple[str, str, dict | None]] = {}
    for line_no, line in enumerate((text or "").splitlines(), start=1):
        parts = [part.strip() for part in re.split(r"[,;]", line) if part.strip()]
        if all(len(part.split()) == 1 for part in parts):
            for code in parts:
                links.setdefault(code.upper(), (code.upper(), "material", None))
            continue
        code, _, rest = line.strip().partition(" ")
        links[code.upper()] = (code.upper(), *_kind_or_quantity(line_no, rest.strip()))
    return list(links.values())


def _kind_or_quantity(number: int, rest: str) -> tuple[str, dict | None]:
    kind = KIND_WORDS.get(fold(rest))
    if kind:
        return kind, None
    quantity = QUANTITY.match(rest)
    value = _decimal(quantity[1]) if quantity else None
    if quantity and quantity[2] in UNITS and value:
        return "material", {"value": int(value) if value.is_integer() else value, "unit": quantity[2]}
    raise ValidationError(_("Line %(line)d: after the code write how much goes into one unit (e.g. 0.6 t; units: "
                            "%(units)s) or the kind of input (tooling, equipment or service).",
                            line=number, units=", ".join(UNITS)))


def _decimal(text: str) -> float | None:
    """A number > 0 written the way the page's language writes it (0,6 in Vietnamese, 0.6 in
    English); None when it cannot be read."""
    try:
        value = float(parse_decimal(text, locale=language(), strict=True))
    except (NumberFormatError, ValueError):
        return None
    return value if 0 < value <= 1e15 else None


def input_text(links) -> str:
    """Stored input relations as the category form shows them, one per line."""
    lines = []
    for link in links:
        if link.per_unit_unit:
            lines.append(f"{link.code} {number(link.per_unit_value)} {link.per_unit_unit}")
        else:
            lines.append(link.code if link.kind == "material" else f"{link.code} {link.kind}")
    return "\n".join(lines)


class CategoryForm(FlaskForm):
    code = StringField(_l("Code"), [required(), max_length(CATEGORY_LIMITS["code"])], **TEXT)
    name_vi = StringField(_l("Name in Vietnamese"), [required(), max_length(CATEGORY_LIMITS["name_vi"])], **TEXT)
    name_en = StringField(_l("Name in English"), [required(), max_length(CATEGORY_LIMITS["name_en"])], **TEXT)
    sector = ChoiceField(_l("Sector"), [required()])
    parent = StringField(_l("Part of (code of the parent category)"), [Optional(), max_length(60)], **TEXT)
    hs = StringField(_l("HS 2022 code"), [Optional(), max_length(6)], **TEXT)
    inputs = TextAreaField(_l("Made from or with (input categories)"), [Optional(), max_length(5000)], **TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = language() == "en"
        self.sector.choices = options([("", _("Choose a sector")), *((c, n[english]) for c, n in SECTORS.items())])
        self.code_fixed = False
        self.links: list[tuple[str, str, dict | None]] = []

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

    def validate_hs(self, field):
        if field.data and not CATEGORY_HS.match(field.data):
            raise ValidationError(_("Give the HS 2022 subheading (6 digits, e.g. 850422) or the heading (4 digits)."))

    def validate_inputs(self, field):
        self.links = input_lines(field.data)

    def changes(self) -> dict:
        return {
            "code": self.code.data,
            "name_vi": self.name_vi.data,
            "name_en": self.name_en.data,
            "sector": self.sector.data,
            "parent": (self.parent.data or "").upper() or None,
            "hs": self.hs.data or None,
            "inputs": self.links,
        }


def category_form_data(category) -> dict:
    return {
        "code": category.code,
        "name_vi": category.name_vi,
        "name_en": category.name_en,
        "sector": category.sector,
        "parent": category.parent.code if category.parent else "",
        "hs": category.hs or "",
        "inputs": input_text(category.input_links),
    }


class ImportForm(FlaskForm):
    document = FileField(_l("fairmatch-exchange/1 document (JSON)"),
                         [FileRequired(message=_l("Choose the JSON file to import."))])
