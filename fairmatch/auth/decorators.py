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


def may_act_for(enterprise, *, owner: bool = False) -> bool:
    """Whether the signed-in user is an organizer or, by the one membership rule
    (`Enterprise.has_member`), a member (or owner) of `enterprise`."""
    user = current_user
    return user.is_authenticated and (user.is_organizer or enterprise.has_member(user, owner=owner))


def require_member(enterprise, *, owner: bool = False) -> None:
    """Refuse unless the signed-in user may act for `enterprise` (see `may_act_for`)."""
    if not may_act_for(enterprise, owner=owner):
        raise NotAllowed(_("Only members of this enterprise can do this."))


def acting_enterprise():
    """The enterprise the signed-in user acts for; refused when the user acts for none yet."""
    enterprise = current_user.enterprise if current_user.is_authenticated else None
    if enterprise is None:
        raise NotAllowed(_("Your account does not act for an approved enterprise yet."))
    return enterprise
