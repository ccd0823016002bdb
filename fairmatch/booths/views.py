"""The floor plan and the exhibitor's booth reservations."""

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import acting_enterprise, require_member, role_required
from fairmatch.booths import services
from fairmatch.booths.documents import amount_due, payment_request_document, transfer_qr
from fairmatch.booths.forms import ConfirmForm, ReserveForm, WaitlistForm
from fairmatch.booths.models import BOOTH_TYPE_LABELS, WaitlistEntry
from fairmatch.booths.plan import (
    BOOTH_STATUS_LABELS,
    PlanFilters,
    cache_of,
    plan_page,
    plan_stamp,
    plan_views,
    state_document,
    state_tag,
)
from fairmatch.booths.verdicts import booth_verdict, summary, verdicts_for
from fairmatch.booths.waitlist import join_waitlist, offer_of, waitlist_of_enterprise
from fairmatch.common.vocabulary import SECTORS
from fairmatch.errors import Conflict, DomainError
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import require_current_fair
from fairmatch.forms import options
from fairmatch.i18n import language, sector_label
from fairmatch.support.services import offered_support
from fairmatch.templating import short_name
from fairmatch.web.responses import pdf_response

blueprint = Blueprint("booths", __name__)


@blueprint.get("/plan")
def plan():
    stamp = plan_stamp()
    filters = PlanFilters.from_args(request.args)

    def render_body() -> str:
        fair = db.session.get(Fair, stamp[0])
        page = plan_page(fair, filters, plan_views(fair))
        # Translated once here rather than four times for each of the hundreds of booths.
        return render_template(
            "booths/_plan_body.html",
            fair=page.fair,
            page=page,
            type_labels={k: str(v) for k, v in BOOTH_TYPE_LABELS.items()},
            status_labels={k: str(v) for k, v in BOOTH_STATUS_LABELS.items()},
        )

    def render_page(body: str, verdicts=None) -> str:
        return render_template(
            "booths/plan.html",
            fair=db.session.get(Fair, stamp[0]),
            filters=filters,
            # Where the open page asks whether the plan changed, and the state it shows now.
            state_url=url_for("booths.plan_state", lang=language(), **filters.as_args()),
            state_tag=_state_tag(stamp, filters),
            body=body,
            type_labels=BOOTH_TYPE_LABELS,
            verdicts=verdicts,
            enterprise=_acting_enterprise(),
            summary=summary(verdicts, _acting_enterprise()) if verdicts else "",
        )

    key = (language(), filters, stamp)
    body = cache_of("plan").get_or_build(key, render_body)
    if _is_personal():
        # The drawing is everyone's; what this person may hold is laid over it (booths/verdicts.py).
        fair = db.session.get(Fair, stamp[0])
        return render_page(body, verdicts_for(plan_views(fair), fair, _acting_enterprise(), current_user))
    if current_user.is_authenticated or session.get("_flashes"):
        return render_page(body)
    # A visitor who is not signed in sees exactly the same page as every other such visitor.
    return cache_of("public plan").get_or_build(key, lambda: render_page(body))


@blueprint.get("/plan/state")
def plan_state():
    """The open plan's poll (`static/js/plan.js`): 304 while nothing changed since the `ETag` it holds,
    else every booth's state as the plan with the same filters shows it (and, for a signed-in
    exhibitor or buyer, what they may hold now)."""
    stamp = plan_stamp()
    filters = PlanFilters.from_args(request.args)
    personal = _is_personal()
    tag = _state_tag(stamp, filters)
    if request.if_none_match.contains(tag):
        response = current_app.response_class(status=304)
    else:
        fair = db.session.get(Fair, stamp[0])
        if personal:
            views = plan_views(fair)
            document = state_document(plan_page(fair, filters, views), short_name)
            verdicts = verdicts_for(views, fair, _acting_enterprise(), current_user)
            document["verdicts"] = {"reasons": verdicts.reasons, "refused": verdicts.refused, "mine": verdicts.mine}
        else:
            document = cache_of("plan state").get_or_build(
                (language(), filters, stamp),
                lambda: state_document(plan_page(fair, filters, plan_views(fair)), short_name))
        response = jsonify(document)
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache" if personal else "no-cache"
    response.vary.add("Cookie")
    return response


@blueprint.get("/plan/booths/<code>")
def booth(code: str):
    fair = require_current_fair()
    page = plan_page(fair, PlanFilters())
    view = page.view_of(code)
    enterprise = _acting_enterprise()
    refusal = booth_verdict(view, fair, enterprise, current_user)
    form = ReserveForm()
    form.extra.choices = options(
        (c, c)
        for c in page.free_neighbours(code)
        if booth_verdict(page.view_of(c), fair, enterprise, current_user) is None
    )
    return render_template(
        "booths/booth.html",
        fair=fair,
        view=view,
        form=form,
        type_labels=BOOTH_TYPE_LABELS,
        enterprise=enterprise,
        refusal=refusal,
        mine=view.is_held_by(enterprise),
        # What the programme would pay if this exhibitor applied now (granted, if still available, on submission).
        support=offered_support(enterprise, fair, view.booth.price_vnd)
        if enterprise and view.status == "available" and refusal is None else None,
    )


@blueprint.post("/plan/booths/<code>/reserve")
@role_required("exhibitor")
def reserve(code: str):
    enterprise = acting_enterprise()
    form = ReserveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        reservation = services.reserve_booths(enterprise, [code, *(form.extra.data or [])], current_user)
    except DomainError as refusal:
        # A refusal (taken a moment ago, a rule) keeps the person on the plan, with the booth pointed out.
        db.session.rollback()
        flash(refusal.message, "error")
        return redirect(url_for("booths.plan", booth=code, _anchor="booth-panel"))
    flash(_("Booths held for you. Submit the application before the time runs out."), "success")
    return redirect(url_for("booths.reservation", reservation_id=reservation.id))


@blueprint.get("/me/booths")
@login_required
def my_booths():
    fair = require_current_fair()
    enterprise = _acting_enterprise()
    return _my_booths_page(fair, enterprise, _waitlist_form())


def _my_booths_page(fair, enterprise, form):
    reservations = services.reservations_of(enterprise, fair) if enterprise else []
    waiting = waitlist_of_enterprise(enterprise, fair) if enterprise else []
    return render_template(
        "booths/mine.html",
        fair=fair,
        reservations=reservations,
        form=form,
        enterprise=enterprise,
        waiting=waiting,
        offer_of=offer_of,
        type_labels=BOOTH_TYPE_LABELS,
        transfer_qr=transfer_qr,
        amount_due=amount_due,
    )


@blueprint.post("/me/waitlist")
@role_required("exhibitor")
def waitlist():
    enterprise = acting_enterprise()
    form = _waitlist_form()
    if form.validate_on_submit():
        join_waitlist(enterprise, current_user, form.booth_type.data, form.zone.data, form.max_price_vnd.data)
        flash(_("You are on the waitlist. A booth that fits will be offered to you as soon as one is free."), "success")
        return redirect(url_for("booths.my_booths"))
    return _my_booths_page(require_current_fair(), enterprise, form), 422


@blueprint.post("/me/waitlist/<int:entry_id>/leave")
@login_required
def leave_waitlist(entry_id: int):
    entry = db.session.get(WaitlistEntry, entry_id)
    if entry is None:
        abort(404)
    require_member(entry.enterprise)
    if not ConfirmForm().validate_on_submit():
        flash(_("Tick the box to confirm that you want to leave the waitlist."), "error")
    else:
        try:
            services.leave_waitlist(entry, current_user)
            flash(_("You have left the waitlist."), "info")
        except DomainError as refusal:
            db.session.rollback()
            flash(refusal.message, "error")
    return redirect(url_for("booths.my_booths", _anchor="waitlist"))


@blueprint.get("/me/booths/<int:reservation_id>")
@login_required
def reservation(reservation_id: int):
    services.expire_holds()
    return render_template(
        "booths/reservation.html",
        reservation=services.reservation_for(reservation_id, current_user),
        type_labels=BOOTH_TYPE_LABELS,
    )


@blueprint.post("/me/booths/<int:reservation_id>/<any(submit, cancel):action>")
@login_required
def act_on_reservation(reservation_id: int, action: str):
    reservation = services.reservation_for(reservation_id, current_user)
    try:
        if action == "submit":
            services.submit(reservation, current_user)
            flash(_("Application sent. The organizer will review it."), "success")
        elif not ConfirmForm().validate_on_submit():
            flash(_("Tick the box to confirm the cancellation."), "error")
        else:
            services.cancel(reservation, current_user)
            flash(_("The reservation is cancelled and the booths are free again."), "info")
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
    return redirect(url_for("booths.reservation", reservation_id=reservation_id))


@blueprint.get("/me/booths/<int:reservation_id>/payment-request.pdf")
@login_required
def payment_request(reservation_id: int):
    reservation = services.reservation_for(reservation_id, current_user)
    if reservation.state not in ("approved", "confirmed"):
        raise Conflict(_("The payment request comes with the organizer's approval."))
    fair = db.session.get(Fair, reservation.fair_id)
    return pdf_response(payment_request_document(reservation, fair), f"{reservation.payment_reference}.pdf")


def _is_personal() -> bool:
    """Whether the plan carries this person's verdicts: a signed-in exhibitor or buyer."""
    return current_user.is_authenticated and not current_user.is_organizer


def _state_tag(stamp: tuple, filters: PlanFilters) -> str:
    return state_tag(stamp, language(), filters, current_user.get_id() if _is_personal() else None)


def _acting_enterprise():
    return current_user.enterprise if current_user.is_authenticated else None


def _waitlist_form() -> WaitlistForm:
    form = WaitlistForm()
    form.zone.choices = options([("", _("Any zone")), *((code, sector_label(code)) for code in SECTORS)])
    return form
