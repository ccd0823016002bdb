"""The organizer's form for a support rule: its names, criteria, benefit, budget and precedence."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField
from wtforms.validators import NumberRange, Optional

from fairmatch.enterprises.fields import CheckboxesField, WholeNumberField
from fairmatch.enterprises.forms import KIND_CHOICES
from fairmatch.forms import TEXT, max_length, options, required, vnd_amount

BENEFITS = [("free", _l("Free booth")), ("percent", _l("A percentage off the list price"))]


def _between(low: int, high: int):
    return NumberRange(min=low, max=high, message=_l("Enter a whole number from %(min)d to %(max)d."))


class SupportRuleForm(FlaskForm):
    name_vi = StringField(_l("Name in Vietnamese"), [required(), max_length(200)], **TEXT)
    name_en = StringField(_l("Name in English"), [required(), max_length(200)], **TEXT)
    needs_recognised_product = BooleanField(_l("Has a recognised key industrial product (verified)"))
    max_employees = WholeNumberField(
        _l("At most this many employees (empty: any size)"), [Optional(), _between(1, 1_000_000)]
    )
    kinds = CheckboxesField(_l("Kinds of enterprise (none ticked: every kind)"), choices=options(KIND_CHOICES))
    benefit = RadioField(
        _l("Benefit"),
        choices=options(BENEFITS),
        default="free",
        invalid_choice_message=_l("Choose one of the listed options."),
    )
    percent_off = WholeNumberField(_l("Percentage off the list price"), [Optional(), _between(1, 99)])
    budget_vnd = WholeNumberField(_l("Budget (₫)"), [required(), vnd_amount(1)])
    position = WholeNumberField(_l("Precedence (1 is tried first; empty: last)"), [Optional(), _between(1, 999)])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.benefit.data == "free" and self.percent_off.errors:
            # A free booth has no percentage: whatever the field holds is ignored (and kept as typed).
            self.percent_off.errors = []
            valid = not self.errors
        # Checked here, not inline: the field's Optional() stops its own chain when it is empty.
        if self.benefit.data == "percent" and self.percent_off.data is None and not self.percent_off.errors:
            self.percent_off.errors.append(_("Enter the percentage off, or choose a free booth."))
            return False
        return valid

    def rule_fields(self) -> dict:
        """The rule's columns as the form sets them."""
        return {
            "name_vi": self.name_vi.data,
            "name_en": self.name_en.data,
            "needs_recognised_product": self.needs_recognised_product.data,
            "max_employees": self.max_employees.data,
            "kinds": self.kinds.data or [],
            "percent_off": 100 if self.benefit.data == "free" else self.percent_off.data,
            "budget_vnd": self.budget_vnd.data,
            "position": self.position.data,
        }

    @classmethod
    def of(cls, rule) -> "SupportRuleForm":
        """The form filled with a saved rule; a sent form keeps what was typed instead."""
        form = cls(obj=rule, benefit="free" if rule.is_free_booth else "percent")
        if rule.is_free_booth and not form.is_submitted():
            form.percent_off.data = None  # stored as 100 %: a free booth shows no percentage
        return form
