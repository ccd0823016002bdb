"""The signed-in user's in-app messages."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from fairmatch.notifications import services

blueprint = Blueprint("notifications", __name__)


@blueprint.get("/me/notifications")
@login_required
def inbox():
    return render_template("notifications/inbox.html", messages=services.messages_for(current_user))


@blueprint.post("/me/notifications/read")
@login_required
def mark_read():
    services.mark_all_read(current_user)
    return redirect(url_for("notifications.inbox"))
