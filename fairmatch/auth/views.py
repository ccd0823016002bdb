"""Sign in and out, register, passwords, membership requests, and a person's own data."""

import json
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, login_required, login_user, logout_user
from wtforms import PasswordField

from fairmatch.auth import personal_data, services, verification
from fairmatch.auth.forms import (
    ChangePasswordForm,
    EraseAccountForm,
    ForgotPasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    keep_accepted_passwords,
)
from fairmatch.auth.models import User
from fairmatch.enterprises.forms import key_from_form
from fairmatch.errors import DomainError, error_response, rate_limit_wait, wait_phrase, wants_json
from fairmatch.extensions import db, limiter, login_manager
from fairmatch.i18n import language

blueprint = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please sign in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The session's user, unless deactivated or its password changed since (`User.get_id`)."""
    number, _dot, version = user_id.partition(".")
    if not (number.isdigit() and version.isdigit() and len(number) < 10 and len(version) < 10):
        return None
    user = db.session.get(User, int(number))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


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


def typed_account() -> str:
    """The limits per account key on the email typed in the form (known or not, so that they
    reveal nothing)."""
    return "account:" + (request.form.get("email") or "").strip().lower()[:254]


def refused(response) -> bool:
    return response.status_code >= 400


def config_value(name: str):
    return lambda: current_app.config[name]


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit(config_value("LOGIN_RATE_LIMIT"), methods=["POST"])
@limiter.limit(config_value("LOGIN_ACCOUNT_RATE_LIMIT"), methods=["POST"], key_func=typed_account,
               deduct_when=refused)
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
    return refused_form("auth/login.html", form)


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
@limiter.limit(config_value("REGISTER_RATE_LIMIT"), methods=["POST"])
@limiter.limit(config_value("REGISTER_ACCOUNT_RATE_LIMIT"), methods=["POST"], key_func=typed_account)
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
            # The notice above every page says that a link went to the address and what waits for it.
            if data["enterprise_action"] == "join":
                flash(_("Your account is ready. The enterprise's owner will review your request to join."), "success")
            else:
                flash(_("Your account and enterprise are registered. Complete the profile next."), "success")
            return redirect(url_for("auth.account"))
    return refused_form("auth/register.html", form)


def refused_form(template: str, form, **context):
    """The form again after a refusal (422), the typed values kept (see `keep_accepted_passwords`),
    never stored by a browser or proxy since it may hold a password."""
    if not form.errors and not form.form_errors:
        return render_template(template, form=form, **context)
    keep_accepted_passwords(form)
    response = make_response(render_template(template, form=form, **context), 422)
    response.headers["Cache-Control"] = "no-store"
    return response


RATE_LIMITED_FORMS = {
    "auth.login": (LoginForm, "auth/login.html"),
    "auth.register": (RegisterForm, "auth/register.html"),
    "auth.forgot_password": (ForgotPasswordForm, "auth/forgot_password.html"),
}


@blueprint.errorhandler(RateLimitExceeded)
def too_many_attempts(error: RateLimitExceeded):
    """429 with Retry-After, and the form again with everything typed (passwords excepted) and the
    time to wait, so that nothing is lost while waiting."""
    seconds = rate_limit_wait()
    message = _("Too many attempts. Try again in %(wait)s.", wait=wait_phrase(seconds))
    spec = RATE_LIMITED_FORMS.get(request.endpoint)
    if request.endpoint == "auth.resend_verification" and current_user.is_authenticated:
        flash(message, "error")
        response = make_response(render_template("auth/account.html", tokens=services.tokens_of(current_user)), 429)
    elif spec is None or request.method != "POST" or wants_json():
        response = make_response(error_response(429, message))
    else:
        form_class, template = spec
        form = form_class()
        for field in form:
            if isinstance(field, PasswordField) and field.data:
                field.cleared = True
        form.form_errors.append(message)
        response = make_response(render_template(template, form=form), 429)
    response.headers["Retry-After"] = str(seconds)
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.get("/verify-email/<token>")
def verify_email(token: str):
    """The link of the confirmation email: the address is proven, the account is public."""
    signed_in = current_user.is_authenticated
    try:
        user = verification.verify_email(token)
    except verification.LinkAlreadyUsed as used:
        flash(used.message, "info")
        return redirect(url_for("auth.account" if signed_in else "auth.login"))
    if signed_in and current_user.id == user.id:
        flash(_("Your email address is confirmed. Your enterprise is public and you can book booths and "
                "request meetings."), "success")
        return redirect(url_for("auth.account"))
    flash(_("Your email address is confirmed. Sign in to continue."), "success")
    return redirect(url_for("auth.login"))


def signed_in_user() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else "user:-"


@blueprint.post("/me/verify-email")
@login_required
@limiter.limit(config_value("VERIFICATION_RESEND_RATE_LIMIT"), key_func=signed_in_user)
def resend_verification():
    if current_user.email_verified:
        flash(_("Your email address is confirmed already."), "info")
    else:
        verification.send_verification(current_user)
        db.session.commit()
        flash(_("A new link is on its way to %(email)s. It works once, within %(hours)d hours.",
                email=current_user.email, hours=current_app.config["EMAIL_VERIFICATION_HOURS"]), "success")
    return redirect(safe_next(request.form.get("next")) if request.form.get("next") else url_for("auth.account"))


@blueprint.get("/me")
@login_required
def account():
    return render_template("auth/account.html", tokens=services.tokens_of(current_user))


@blueprint.post("/me/tokens")
@login_required
def create_token():
    secret = services.issue_token(current_user)
    flash(_("Your new API token (copy it now; it is shown once): %(token)s", token=secret), "success")
    return redirect(url_for("auth.account", _anchor="tokens"))


@blueprint.post("/me/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    services.revoke_token(current_user, token_id)
    flash(_("The token no longer works."), "info")
    return redirect(url_for("auth.account", _anchor="tokens"))


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
    form.account_email = current_user.email
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data)
        except DomainError as refusal:
            form.current.errors.append(refusal.message)
        else:
            # This session goes on under the new session version; every other one is signed out.
            remembered = request.cookies.get(current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))
            login_user(current_user._get_current_object(), remember=bool(remembered))
            flash(_("Your password is changed. Your other sessions are signed out."), "success")
            return redirect(url_for("auth.account"))
    return refused_form("auth/_new_password.html", form, heading=_("Change password"))


@blueprint.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(config_value("PASSWORD_RESET_RATE_LIMIT"), methods=["POST"])
@limiter.limit(config_value("PASSWORD_RESET_ACCOUNT_RATE_LIMIT"), methods=["POST"], key_func=typed_account)
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(
            _("If an account uses this address, a reset link is on its way. It works once, for a limited time."),
            "info",
        )
        return redirect(url_for("auth.login"))
    return refused_form("auth/forgot_password.html", form)


@blueprint.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    form = ResetPasswordForm()
    form.account_email = services.usable_reset(token).user.email
    if form.validate_on_submit():
        services.reset_password(token, form.password.data)
        flash(_("Your password is set and every session of the account is signed out. Sign in with it now."),
              "success")
        return redirect(url_for("auth.login"))
    return refused_form("auth/_new_password.html", form, heading=_("Set a new password"))


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
