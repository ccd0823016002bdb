"""The follow-up form a partner opens from its signed link, without signing in; and the
organizer's exchange rates, at which deals in foreign currencies are counted in đồng."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, NumberRange, Optional

from fairmatch.auth.decorators import role_required
from fairmatch.enterprises.fields import WholeNumberField
from fairmatch.errors import DomainError, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.meetings import deals, followup
from fairmatch.meetings.models import FOLLOW_UP_ANSWER_LABELS, OUTCOME_LABELS

blueprint = Blueprint("followup", __name__)


class FollowUpForm(FlaskForm):
    answer = RadioField(
        _l("What became of it?"),
        choices=options(FOLLOW_UP_ANSWER_LABELS.items()),
        validators=[InputRequired(message=_l("Say what became of the deal."))],
    )
    value = WholeNumberField(_l("Value of the deal, if known"))
    currency = SelectField(_l("Currency"), default="VND", validate_choice=False)
    note = TextAreaField(_l("Note (optional)"), [max_length(2000)], **TEXT)


class RateForm(FlaskForm):
    currency = StringField(_l("Currency (ISO 4217 code)"), [required(), max_length(3)], **TEXT)
    vnd_per_unit = WholeNumberField(
        _l("Đồng per unit (empty: remove the rate)"),
        [
            Optional(),
            NumberRange(
                1,
                deals.RATE_MAX,
                message=_l("Give the rate as a whole number of đồng per unit, from 1 to 1,000,000,000."),
            ),
        ],
    )


def _refused(refusal: DomainError):
    return render_template("followup/refused.html", message=refusal.message, status=refusal.status), refusal.status


@blueprint.route("/follow-up/<token>", methods=["GET", "POST"])
def answer(token: str):
    """What a side says became of a deal; no sign-in: the signed link is the key. A refused
    answer shows the form again as it was typed."""
    try:
        follow_up = followup.follow_up_for(token)
    except DomainError as refusal:
        return _refused(refusal)
    fair = db.session.get(Fair, follow_up.meeting.fair_id)
    form = FollowUpForm()
    form.currency.choices = [(code, deals.currency_label(code)) for code in deals.currencies_of(fair)]
    error, status = None, 200
    if request.method == "POST":
        try:
            if not form.validate_on_submit():
                raise RuleViolation(" ".join(str(e) for errors in form.errors.values() for e in errors))
            followup.answer_follow_up(
                follow_up,
                form.answer.data,
                form.value.data,
                (form.currency.data or "VND").upper(),
                form.note.data or "",
            )
        except RuleViolation as refusal:
            db.session.rollback()
            error, status = refusal.message, refusal.status
        else:
            return render_template("followup/thanks.html"), 200
    request_ = follow_up.meeting.request
    partner = request_.receiver if follow_up.enterprise_id == request_.from_enterprise_id else request_.sender
    outcome = next((o for o in follow_up.meeting.outcomes if o.enterprise_id == follow_up.enterprise_id), None)
    return render_template(
        "followup/answer.html",
        form=form,
        error=error,
        follow_up=follow_up,
        fair=fair,
        partner=partner,
        outcome_label=OUTCOME_LABELS[outcome.outcome] if outcome else None,
        months=followup.ROUND_MONTHS[follow_up.round],
    ), status


@blueprint.route("/organizer/exchange-rates", methods=["GET", "POST"])
@role_required("organizer")
def exchange_rates():
    """The fair's rates for deals in foreign currencies; a change applies to deals recorded after it."""
    fair = require_current_fair()
    form = RateForm()
    error, status = None, 200
    if request.method == "POST":
        try:
            if not form.validate_on_submit():
                raise RuleViolation(" ".join(str(e) for errors in form.errors.values() for e in errors))
            deals.set_rate(fair, form.currency.data, form.vnd_per_unit.data, current_user)
        except RuleViolation as refusal:
            db.session.rollback()
            error, status = refusal.message, refusal.status
        else:
            flash(_("The exchange rate is saved. Deals recorded from now on use it."), "success")
            return redirect(url_for("followup.exchange_rates"))
    return render_template(
        "followup/exchange_rates.html",
        form=form,
        error=error,
        fair=fair,
        rates=deals.rates_of(fair),
        currency_label=deals.currency_label,
    ), status
