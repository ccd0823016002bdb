"""The pages of the recognised-products register."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.errors import RuleViolation
from fairmatch.fairs.services import current_fair
from fairmatch.i18n import language
from fairmatch.jobs.views import import_outcome, job_of_kind
from fairmatch.register import importing, services, tasks
from fairmatch.register.forms import RegisterUploadForm
from fairmatch.register.reading import Problem

blueprint = Blueprint("register", __name__)
organizer_only = role_required("organizer")

STATUS_LABELS = {
    "not_invited": _l("Not invited, not registered"),
    "invited": _l("Invited"),
    "registered": _l("Registered (an account, a booth or a meeting)"),
    "not_registered": _l("Not registered"),
    "exhibiting": _l("Exhibiting (confirmed booth)"),
    "meeting": _l("Meeting on the agenda"),
    "no_contact": _l("No contact email"),
}


@blueprint.route("/organizer/register", methods=["GET", "POST"])
@organizer_only
def index():
    form = RegisterUploadForm()
    report = summary = job = None
    if form.validate_on_submit():
        upload = form.document.data
        job = tasks.start_register_import(upload.read(), upload.filename or "", current_user, language())
        return redirect(url_for("jobs.page", job_id=job.id), 303)
    if request.method == "GET" and request.args.get("job"):
        job = job_of_kind(request.args["job"], "register-import")
        if job.active:
            return redirect(url_for("jobs.page", job_id=job.id))
        summary, report = import_outcome(job, lambda counts: importing.ImportSummary(**counts),
                                         _refusal)
    status = request.args.get("status", "")
    status = status if status in services.STATUSES else ""
    q = request.args.get("q", "").strip()[:100]
    fair = current_fair()
    rows = services.register_status(fair)
    shown = services.filtered_status(rows, status, q)
    counts = {name: sum(row.is_(name) for row in rows) for name in services.STATUSES}
    page = render_template(
        "register/index.html",
        form=form,
        report=report,
        summary=summary,
        fair=fair,
        rows=shown,
        total=len(rows),
        counts=counts,
        status=status,
        q=q,
        status_labels=STATUS_LABELS,
    )
    return page, 422 if form.errors else 200


def _refusal(result: dict):
    return importing.problem_lines([Problem(**p) for p in result["problems"]])


@blueprint.post("/organizer/register/invite")
@organizer_only
def invite():
    fair = current_fair()
    if fair is None:
        raise RuleViolation(_("There is no current fair to invite to: mark an edition current first."))
    run = services.invite_unregistered(fair, current_user)
    if run.invited:
        flash(
            ngettext("%(num)d invitation is in the outbox.", "%(num)d invitations are in the outbox.", run.invited),
            "success",
        )
    else:
        flash(_("Nobody was left to invite."), "info")
    if run.no_contact:
        flash(
            ngettext(
                "%(num)d enterprise has no contact email: reach it another way.",
                "%(num)d enterprises have no contact email: reach them another way.",
                run.no_contact,
            ),
            "info",
        )
    return redirect(url_for("register.index", status="invited"))
