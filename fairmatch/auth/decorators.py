"""Role and ownership checks used by every view."""

from functools import wraps

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.errors import NotAllowed
from fairmatch.extensions import login_manager


def role_required(*roles: str):
    """Let through signed-in users with one of `roles`: others sign in (401) or get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def require_member(enterprise, *, owner: bool = False) -> None:
    """Refuse unless the current user is an approved member (or owner) of `enterprise`.

    Organizers may act on every enterprise.
    """
    if current_user.is_authenticated and current_user.is_organizer:
        return
    for membership in enterprise.memberships:
        if (
            membership.user_id == getattr(current_user, "id", None)
            and membership.status == "approved"
            and (membership.is_owner or not owner)
        ):
            return
    raise NotAllowed(_("Only members of this enterprise can do this."))


def acting_enterprise():
    """The enterprise the signed-in user acts for; refused when the user acts for none yet."""
    enterprise = current_user.enterprise if current_user.is_authenticated else None
    if enterprise is None:
        raise NotAllowed(_("Your account does not act for an approved enterprise yet."))
    return enterprise
