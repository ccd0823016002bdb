"""The organizer team's page: colleagues, invitations, and requests to join ownerless enterprises."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.auth.services import decide_membership
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.i18n import language
from fairmatch.organizer import team
from fairmatch.organizer.forms import AcceptInvitationForm, InviteForm

blueprint = Blueprint("organizer_team", __name__, url_prefix="/organizer/team")
organizer_only = role_required("organizer")


def _team_page(invite: InviteForm | None = None, status: int = 200):
    return render_template("organizer/team.html", people=team.organizers(),
                           invite=invite or InviteForm(formdata=None, locale=language()),
                           requests=team.ownerless_requests()), status


@blueprint.get("/")
@organizer_only
def index():
    return _team_page()


@blueprint.post("/invite")
@organizer_only
def invite():
    form = InviteForm()
    if not form.validate_on_submit():
        return _team_page(form, 422)
    try:
        team.invite_organizer(form.email.data, form.name.data, form.locale.data, current_user)
    except DomainError as refusal:
        db.session.rollback()
        form.email.errors = [*form.email.errors, refusal.message]
        return _team_page(form, refusal.status)
    flash(_("The invitation is on its way to %(email)s.", email=form.email.data.lower()), "success")
    return redirect(url_for("organizer_team.index"))


@blueprint.post("/<int:user_id>/<any(deactivate, reactivate):change>")
@organizer_only
def set_active(user_id: int, change: str):
    user = team.organizer_by_id(user_id)
    try:
        team.set_organizer_active(user, change == "reactivate", current_user)
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        return _team_page(status=refusal.status)
    if change == "reactivate":
        flash(_("%(name)s can sign in again.", name=user.name or user.email), "success")
    else:
        flash(_("%(name)s can no longer sign in.", name=user.name or user.email), "info")
    return redirect(url_for("organizer_team.index"))


@blueprint.post("/requests/<int:membership_id>/<any(approve, owner, reject):decision>")
@organizer_only
def decide(membership_id: int, decision: str):
    membership = decide_membership(membership_id, decision != "reject", current_user, as_owner=decision == "owner")
    name, enterprise = membership.user.name or membership.user.email, membership.enterprise.name(language())
    if decision == "owner":
        flash(_("%(name)s is now the owner of %(enterprise)s.", name=name, enterprise=enterprise), "success")
    elif decision == "approve":
        flash(_("%(name)s can now act for the enterprise.", name=name), "success")
    else:
        flash(_("The request is declined."), "info")
    return redirect(url_for("organizer_team.index"))


@blueprint.route("/join/<token>", methods=["GET", "POST"])
def accept(token: str):
    """The invitee's page (not signed in): choose a name and a password, then sign in."""
    invitation = team.usable_invitation(token)
    form = AcceptInvitationForm(email=invitation.user.email, data={"name": invitation.user.name})
    if form.validate_on_submit():
        team.accept_invitation(token, form.name.data, form.password.data)
        flash(_("Welcome to the organizer team. Sign in with your email and the new password."), "success")
        return redirect(url_for("auth.login"))
    return render_template("organizer/join.html", form=form, invitation=invitation), 200 if not form.errors else 422
