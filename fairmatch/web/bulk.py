"""Bulk actions on the organizer's work queues: one action, many items, each through the same
service function as the single action.

Each item is its own transaction (the services commit), so one refused item neither undoes nor
blocks the others; the outcome lists what was done and, item by item, what was refused and why.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask import flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import DateField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Optional

from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.forms import TEXT, max_length


@dataclass
class BulkOutcome:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (item label, why)

    def flash(self) -> None:
        """Tell the organizer what happened: one line for the items done, one per refused item."""
        if self.done:
            flash(ngettext("Done for %(num)d item: %(names)s.", "Done for %(num)d items: %(names)s.",
                           len(self.done), names=", ".join(self.done)), "success")
        for label, why in self.refused:
            flash(_("Not done for %(name)s: %(why)s", name=label, why=why), "error")


def apply_to_each(items: Iterable, label: Callable[[object], str], action: Callable[[object], None]) -> BulkOutcome:
    """Run `action` on every item; a DomainError refuses that item only (its changes rolled back)."""
    outcome = BulkOutcome()
    for item in items:
        name = label(item)
        try:
            action(item)
        except DomainError as refusal:
            db.session.rollback()
            outcome.refused.append((name, refusal.message))
        else:
            outcome.done.append(name)
    return outcome


class BulkForm(FlaskForm):
    """The items ticked in a queue, and what one action needs: a reason, a payment date."""

    ids = SelectMultipleField(coerce=int, validate_choice=False)
    reason = TextAreaField(_l("Reason, for every item selected (required to reject or decline)"),
                           [Optional(), max_length(2000)], **TEXT)
    paid_on = DateField(_l("Paid on"), [Optional()])
    reference = StringField(_l("Bank reference"), [Optional(), max_length(100)], **TEXT)

    def validate_for(self, action: str, needs_reason: bool = False, needs_date: bool = False) -> bool:
        """Validate the fields this `action` needs; errors are shown beside them."""
        valid = self.validate()
        if not self.ids.data:
            self.ids.errors = [*self.ids.errors, _("Select at least one item.")]
            valid = False
        if needs_reason and not self.reason.data:
            self.reason.errors = [*self.reason.errors, _("Give the reason: everyone selected will read it.")]
            valid = False
        if needs_date and not self.paid_on.data:
            self.paid_on.errors = [*self.paid_on.errors, _("Give the date of payment.")]
            valid = False
        return valid
