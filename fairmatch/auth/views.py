"""Sign in and out, register, passwords, membership requests, and a person's own data."""

import json
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from fairmatch.auth import personal_data, services
from fairmatch.auth.forms import (
    ChangePasswordForm,
    EraseAccountForm,
    ForgotPasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
)
from fairmatch.auth.models import User
from fairmatch.enterprises.forms import key_from_form
from fairmatch.errors import DomainError
from fairmatch.extensions import db, limiter, login_manager
from fairmatch.i18n import language

blueprint = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please sign in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    return user if user is not None and user.active else None


@login_manager.request_loader
def load_user_from_token(req) -> User | None:
    header = req.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return services.user_for_token(header[len("Bearer ") :].strip())
    return None


def safe_next(target: str | None) -> str:
    """Follow `next` only to a path on this site, never to another host."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("home.index")


def start_session(user: User, remember: bool = False) -> None:
    """Sign `user` in on a fresh session (against fixation), keeping the chosen language."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user, remember=remember)


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.SignInFailed as refusal:
            form.password.errors.append(refusal.message)
        else:
            start_session(user, form.remember.data)
            flash(_("Welcome back, %(name)s.", name=user.name or user.email), "success")
            return redirect(safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), 200 if not form.errors else 422


@blueprint.post("/logout")
def logout():
    logout_user()
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    flash(_("You are signed out."), "info")
    return redirect(url_for("home.index"))


@blueprint.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_RATE_LIMIT"], methods=["POST"])
def register():
    form = RegisterForm()
    if request.method == "GET" and request.args.get("role") == "buyer":
        form.role.data = form.kind.data = "buyer"
    if form.validate_on_submit():
        data = {field.name: field.data for field in form}
        data["key"] = key_from_form(form)
        try:
            user = services.register(data, language())
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
        else:
            start_session(user)
            if data["enterprise_action"] == "join":
                flash(_("Your account is ready. The enterprise's owner will review your request to join."), "success")
            else:
                flash(_("Your account and enterprise are registered. Complete the profile next."), "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/register.html", form=form), 200 if not form.errors else 422


@blueprint.get("/me")
@login_required
def account():
    return render_template("auth/account.html")


@blueprint.get("/me/data.json")
@login_required
def download_my_data():
    """Everything the fair holds about the signed-in person, as a JSON file to keep."""
    document = json.dumps(personal_data.personal_data(current_user), ensure_ascii=False, indent=1)
    return Response(document, mimetype="application/json", headers={
        "Content-Disposition": "attachment; filename=fairmatch-my-data.json", "Cache-Control": "no-store"})


@blueprint.route("/me/erase", methods=["GET", "POST"])
@login_required
def erase_account():
    form = EraseAccountForm()
    obstacles = personal_data.erasure_obstacles(current_user)
    if form.validate_on_submit():
        try:
            personal_data.erase_own_account(current_user, form.password.data)
        except DomainError as refusal:
            db.session.rollback()
            form.password.errors.append(refusal.message)
        else:
            logout_user()
            session.clear()
            flash(_("Your account is closed and your personal data erased."), "info")
            return redirect(url_for("home.index"))
    return render_template("auth/erase.html", form=form, obstacles=obstacles), 200 if not form.errors else 422


@blueprint.route("/me/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data)
        except DomainError as refusal:
            form.current.errors.append(refusal.message)
        else:
            flash(_("Your password is changed."), "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/_new_password.html", form=form, heading=_("Change password")), (
        200 if not form.errors else 422
    )


@blueprint.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(
            _("If an account uses this address, a reset link is on its way. It works once, for a limited time."),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form), 200 if not form.errors else 422


@blueprint.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    services.usable_reset(token)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(token, form.password.data)
        flash(_("Your password is set. Sign in with it now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/_new_password.html", form=form, heading=_("Set a new password")), (
        200 if not form.errors else 422
    )


@blueprint.get("/me/team")
@login_required
def team():
    return render_template("auth/team.html", requests=services.pending_requests_for(current_user),
                           members=services.team_of(current_user))


@blueprint.post("/me/team/<int:membership_id>/owner")
@login_required
def make_owner(membership_id: int):
    membership = services.make_owner(membership_id, current_user)
    flash(_("%(name)s is now an owner of the enterprise too.", name=membership.user.name or membership.user.email),
          "success")
    return redirect(url_for("auth.team"))


@blueprint.post("/me/team/<int:membership_id>/<any(approve, reject):decision>")
@login_required
def decide(membership_id: int, decision: str):
    membership = services.decide_membership(membership_id, decision == "approve", current_user)
    if membership.status == "approved":
        flash(_("%(name)s can now act for the enterprise.", name=membership.user.name), "success")
    else:
        flash(_("The request is declined."), "info")
    return redirect(url_for("auth.team"))
