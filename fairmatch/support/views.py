"""The pages of exhibitor support: the organizer's rules of the current fair (list, add, edit)."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.i18n import language
from fairmatch.support import services
from fairmatch.support.forms import SupportRuleForm

blueprint = Blueprint("support", __name__, url_prefix="/organizer/support")


@blueprint.before_request
@role_required("organizer")
def organizers_only():
    """Every page here is for organizers only."""


@blueprint.route("/", methods=["GET", "POST"])
def rules():
    """The fair's rules, and the form to add one or, with `?rule=ID`, to edit that one."""
    fair = require_current_fair()
    rule_id = request.args.get("rule", type=int)
    saved = services.rule_by_id(fair, rule_id) if rule_id is not None else None
    form = SupportRuleForm.of(saved) if saved else SupportRuleForm()
    return _save(fair, form, saved) or _page(fair, form, saved)


def _save(fair, form: SupportRuleForm, saved):
    """Save a valid form and go back to the list; None when the page is to be shown (again)."""
    if not form.validate_on_submit():
        return None
    try:
        rule = services.save_rule(fair, current_user, saved, **form.rule_fields())
    except DomainError as refusal:
        db.session.rollback()
        form.form_errors.append(refusal.message)
        return None
    flash(_("Support rule %(name)s saved.", name=rule.name(language())), "success")
    return redirect(url_for("support.rules"))


def _page(fair, form: SupportRuleForm, saved):
    status = 422 if form.errors or form.form_errors else 200
    return render_template(
        "support/rules.html", fair=fair, rules=services.rules_of(fair), form=form, editing=saved
    ), status
