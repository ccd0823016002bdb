"""The signed-in user's in-app messages, and the organizer's view of the whole outbox."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import role_required
from fairmatch.extensions import db
from fairmatch.i18n import local_datetime
from fairmatch.notifications import services
from fairmatch.notifications.delivery import delivery_status, retry_now
from fairmatch.notifications.models import EMAIL_STATE_LABELS, Notification
from fairmatch.notifications.outbox import OutboxFilters, kind_label, outbox_page

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


@blueprint.get("/organizer/outbox")
@role_required("organizer")
def outbox():
    filters = OutboxFilters.from_args(request.args)
    delivery_on, settings_problem = delivery_status()
    return render_template("notifications/outbox.html", filters=filters, result=outbox_page(filters),
                           state_labels=EMAIL_STATE_LABELS, kind_label=kind_label, delivery_on=delivery_on,
                           settings_problem=settings_problem)


@blueprint.post("/organizer/outbox/<int:message_id>/retry")
@role_required("organizer")
def retry(message_id: int):
    message = db.session.get(Notification, message_id) or abort(404)
    if message.email_state not in ("failed", "pending"):
        flash(_("This message is not waiting for email delivery."), "info")
    else:
        result = retry_now(message, current_user)
        message = db.session.get(Notification, message_id)
        if result == "sent":
            flash(_("The message was emailed to %(email)s.", email=message.email), "success")
        elif result in ("retry", "failed"):
            flash(_("Sending failed again: %(error)s. Next attempt: %(time)s.", error=message.email_error,
                    time=local_datetime(message.email_next_attempt_at) if message.email_next_attempt_at
                    else _("none")), "error")
        elif delivery_status()[0]:
            flash(_("The message is queued again; the next run of send-outbox emails it."), "info")
        else:
            flash(_("The message is queued again; email delivery is off (SMTP_URL is not set), so it stays "
                    "in the recipient's in-app inbox."), "info")
    args = {key: request.form[key] for key in ("state", "kind", "recipient", "page") if request.form.get(key)}
    return redirect(url_for("notifications.outbox", **args))
