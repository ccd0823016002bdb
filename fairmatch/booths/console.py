"""The organizer's booth console: applications, payments, moves, the hall editor and prices."""

from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.booths import layout, services
from fairmatch.booths.forms import (
    BoothEditForm,
    ConfirmForm,
    HallGridForm,
    MoveForm,
    PaymentForm,
    RejectForm,
    TransferForm,
    TypePriceForm,
)
from fairmatch.booths.models import BOOTH_TYPE_LABELS, BoothReservation, WaitlistEntry
from fairmatch.booths.plan import PlanFilters, plan_page
from fairmatch.booths.queries import reservations_in, waitlist_of
from fairmatch.common.text import fold
from fairmatch.common.vocabulary import SECTORS
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.services import require_current_fair
from fairmatch.forms import options
from fairmatch.i18n import language, sector_label
from fairmatch.web.bulk import BulkForm, apply_to_each

blueprint = Blueprint("booth_console", __name__, url_prefix="/organizer/booths")


@blueprint.before_request
@role_required("organizer")
def organizers_only():
    """Every page of the console is for organizers only."""


@blueprint.get("/")
def queue():
    return _queue_page(BulkForm())


# The queue's sort orders: each a key on a reservation; ties keep the order of submission.
SORTS = ("submitted", "enterprise", "zone", "state")
STATE_ORDER = {state: n for n, state in enumerate(("submitted", "approved", "held", "confirmed"))}
PAGE_SIZE = 30
QUEUES = ("applications", "payments", "others")


@dataclass(frozen=True)
class QueuePage:
    """One page of one queue: its rows, where it stands, and the ids it shows."""

    name: str
    rows: list[BoothReservation]
    total: int
    page: int
    pages: int

    @property
    def ids(self) -> set[int]:
        return {r.id for r in self.rows}


def _submitted_on(reservation: BoothReservation):
    return reservation.submitted_at or reservation.created_at


def _zone(reservation: BoothReservation) -> str | None:
    return next((b.zone for b in reservation.booths if b.zone), None)


def sort_key(sort: str):
    """The key that orders a queue by `sort` (a name of SORTS); the submission date breaks ties."""
    lang = language()
    keys = {
        "submitted": lambda r: (),
        "enterprise": lambda r: (fold(r.enterprise.name(lang)),),
        "zone": lambda r: (_zone(r) is None, fold(sector_label(_zone(r))) if _zone(r) else ""),
        "state": lambda r: (STATE_ORDER.get(r.state, len(STATE_ORDER)),),
    }
    return lambda r: (*keys[sort](r), _submitted_on(r), r.id)


def _pages(name: str, rows: list[BoothReservation]) -> QueuePage:
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(request.args.get(f"{name}_page", 1, type=int) or 1, 1), pages)
    return QueuePage(name, rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], len(rows), page, pages)


def _queue_page(bulk: BulkForm, status: int = 200, queue_name: str = "", transfer: TransferForm | None = None):
    fair = require_current_fair()
    services.expire_holds()
    sort = request.args.get("sort", "submitted")
    descending = sort.startswith("-")
    sort = sort.removeprefix("-")
    if sort not in SORTS:
        sort, descending = "submitted", False
    reservations = sorted(reservations_in(fair), key=sort_key(sort), reverse=descending)
    queues = {
        "applications": _pages("applications", [r for r in reservations if r.state == "submitted"]),
        "payments": _pages("payments", [r for r in reservations if r.state == "approved"]),
        "others": _pages("others", [r for r in reservations if r.state in ("held", "confirmed")]),
    }
    selected = set(bulk.ids.data or ())
    # "Select all" without JavaScript: the page comes back with every row of that queue's page ticked.
    chosen = request.args.get("select")
    if chosen in queues and not queue_name:
        queue_name, selected = chosen, queues[chosen].ids
    return render_template(
        "booths/console.html",
        fair=fair,
        waitlist=waitlist_of(fair),
        queues=queues,
        sort=sort,
        descending=descending,
        sorts=SORTS,
        zone_of=_zone,
        submitted_on=_submitted_on,
        bulk=bulk,
        bulk_queue=queue_name,
        selected=selected,
        transfer=transfer or TransferForm(prefix="transfer"),
    ), status


@blueprint.post("/transfers")
def transfer():
    """A payment found by the transfer reference its text quotes (as a bank statement shows it)."""
    form = TransferForm(prefix="transfer")
    if not form.validate_on_submit():
        return _queue_page(BulkForm(), 422, transfer=form)
    reservation = services.reservation_by_reference(form.statement.data)
    if reservation is None or reservation.fair_id != require_current_fair().id:
        form.statement.errors.append(_("No payment request of this fair has a reference (HC…-…) in this text."))
        return _queue_page(BulkForm(), 422, transfer=form)
    try:
        services.record_payment(reservation, current_user, form.amount_vnd.data, form.paid_on.data, form.statement.data)
    except DomainError as refusal:
        db.session.rollback()
        form.statement.errors.append(refusal.message)
        return _queue_page(BulkForm(), refusal.status, transfer=form)
    flash(_("Payment recorded against %(reference)s (%(name)s).", reference=reservation.payment_reference,
            name=reservation.enterprise.name_vi), "success")
    return redirect(url_for("booth_console.reservation", reservation_id=reservation.id))


# What each bulk action needs: (the queue it acts on, needs a reason, needs a payment date).
BULK_ACTIONS = {
    "approve": ("applications", False, False),
    "reject": ("applications", True, False),
    "paid": ("payments", False, True),
    "withdraw_offer": ("waitlist", False, False),
}


@blueprint.post("/bulk")
def bulk():
    """One action on every ticked item of a queue, item by item (see fairmatch.web.bulk)."""
    action = request.form.get("action", "")
    if action not in BULK_ACTIONS:
        abort(400)
    queue_name, needs_reason, needs_date = BULK_ACTIONS[action]
    form = BulkForm()
    if not form.validate_for(action, needs_reason, needs_date):
        return _queue_page(form, 422, queue_name)
    fair = require_current_fair()
    if queue_name == "waitlist":
        items = [db.session.get(WaitlistEntry, i) for i in form.ids.data]
        label = _entry_label
    else:
        items = [db.session.get(BoothReservation, i) for i in form.ids.data]
        label = _reservation_label
    missing = [i for i, item in zip(form.ids.data, items, strict=True) if item is None or item.fair_id != fair.id]
    outcome = apply_to_each(
        [item for item in items if item is not None and item.fair_id == fair.id],
        label,
        lambda item: _bulk_apply(action, item, form),
    )
    outcome.refused.extend((f"#{i}", _("it no longer exists.")) for i in missing)
    outcome.flash()
    return redirect(url_for("booth_console.queue", sort=request.args.get("sort")))


def _bulk_apply(action: str, item, form: BulkForm) -> None:
    if action == "approve":
        services.approve(item, current_user)
    elif action == "reject":
        services.reject(item, current_user, form.reason.data)
    elif action == "paid":
        services.record_payment(
            item, current_user, item.total_vnd - item.paid_vnd, form.paid_on.data, form.reference.data or ""
        )
    else:
        services.withdraw_offer(item, current_user)


def _reservation_label(reservation: BoothReservation) -> str:
    codes = ", ".join(b.code for b in reservation.booths)
    return f"{reservation.enterprise.name(language())} ({codes})"


def _entry_label(entry: WaitlistEntry) -> str:
    return entry.enterprise.name(language())


@blueprint.route("/reservations/<int:reservation_id>", methods=["GET", "POST"])
def reservation(reservation_id: int):
    reservation = services.reservation_for(reservation_id, current_user)
    forms = {
        "reject": RejectForm(prefix="reject"),
        "payment": PaymentForm(prefix="payment"),
        "move": MoveForm(prefix="move"),
    }
    action = request.form.get("action") if request.method == "POST" else None
    status = 200
    try:
        if action == "approve":
            services.approve(reservation, current_user)
            flash(_("Approved: the exhibitor has the payment request."), "success")
        elif action == "cancel" and not ConfirmForm().validate_on_submit():
            flash(_("Tick the box to confirm the cancellation."), "error")
            status = 422
        elif action == "cancel":
            services.cancel(reservation, current_user)
            flash(_("The reservation is cancelled and the booths are free again."), "info")
        elif action in forms and forms[action].validate_on_submit():
            _apply(action, reservation, forms[action])
        elif action in forms:
            status = 422
        if action and status == 200:
            return redirect(url_for("booth_console.reservation", reservation_id=reservation_id))
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        status = refusal.status
    return render_template(
        "booths/console_reservation.html", reservation=reservation, forms=forms, type_labels=BOOTH_TYPE_LABELS
    ), status


def _apply(action: str, reservation: BoothReservation, form) -> None:
    if action == "reject":
        services.reject(reservation, current_user, form.reason.data)
        flash(_("Rejected; the exhibitor has been told why."), "info")
    elif action == "payment":
        services.record_payment(
            reservation, current_user, form.amount_vnd.data, form.paid_on.data, form.reference.data or ""
        )
        flash(_("Payment recorded."), "success")
    else:
        services.move(
            reservation, form.codes.data.upper().replace(",", " ").split(), current_user, form.reason.data or ""
        )
        flash(_("Moved to the new booths."), "success")


@blueprint.route("/halls", methods=["GET", "POST"])
def halls():
    fair = require_current_fair()
    grid, price = HallGridForm(prefix="grid"), TypePriceForm(prefix="price")
    status = 200
    try:
        if request.form.get("action") == "grid":
            if grid.validate_on_submit():
                hall = layout.generate_hall(
                    fair, current_user, **{k: v for k, v in grid.data.items() if k != "csrf_token"}
                )
                flash(_("Hall %(code)s created with %(n)d booths.", code=hall.code, n=len(hall.booths)), "success")
                return redirect(url_for("booth_console.halls"))
            status = 422
        elif request.form.get("action") == "price":
            if price.validate_on_submit():
                changed = layout.set_type_price(fair, current_user, price.type.data, price.price_per_9m2_vnd.data)
                flash(_("%(n)d booths repriced.", n=changed), "success")
                return redirect(url_for("booth_console.halls"))
            status = 422
    except DomainError as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        status = refusal.status
    page = plan_page(fair, PlanFilters())
    chosen = page.view_of(request.args["booth"]) if request.args.get("booth") else None
    edit = _booth_form()
    if chosen is not None and request.method == "GET":
        edit.process(obj=chosen.booth)
    return render_template(
        "booths/console_halls.html",
        fair=fair,
        page=page,
        grid=grid,
        price=price,
        type_labels=BOOTH_TYPE_LABELS,
        edit=edit,
        chosen=chosen,
    ), status


@blueprint.post("/booth/<code>")
def edit_booth(code: str):
    fair = require_current_fair()
    booth = services.booth_by_code(fair, code)
    action = request.form.get("action")
    if action in ("block", "unblock"):
        layout.set_blocked(booth, current_user, action == "block")
    else:
        form = _booth_form()
        if not form.validate_on_submit():
            flash(_("Check the booth's type, price and zone."), "error")
            return redirect(url_for("booth_console.halls"))
        layout.edit_booth(booth, current_user, type=form.type.data, price_vnd=form.price_vnd.data, zone=form.zone.data)
    flash(_("Booth %(code)s updated.", code=code), "success")
    return redirect(url_for("booth_console.halls", _anchor=f"booth-{code}"))


def _booth_form() -> BoothEditForm:
    form = BoothEditForm()
    form.zone.choices = options([("", _("Open to all sectors")), *((c, sector_label(c)) for c in SECTORS)])
    return form
