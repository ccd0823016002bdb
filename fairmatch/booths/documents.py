"""Printed booth documents: the floor plan with its exhibitor index, booth signs and payment
requests, built from the database in the reader's language and laid out by `fairmatch.printing`."""

from datetime import timedelta

from flask_babel import gettext as _
from markupsafe import Markup

from fairmatch.booths.letterhead import document_number, fair_letterhead
from fairmatch.booths.models import BOOTH_TYPE_LABELS, BoothReservation
from fairmatch.booths.plan import BOOTH_STATUS_LABELS, ZONE_COLOURS, PlanFilters, plan_page
from fairmatch.booths.services import BoothView
from fairmatch.common.vietqr import InvalidTransfer, Transfer, vietqr_payload
from fairmatch.fairs.models import Fair
from fairmatch.i18n import fair_zone, language, local_date, number, sector_label, vnd
from fairmatch.printing import (
    BankTransfer,
    BoothLine,
    BoothShape,
    BoothSign,
    BoothSignLabels,
    Entrance,
    FloorPlan,
    FloorPlanLabels,
    HallPlan,
    IndexRow,
    LegendItem,
    Party,
    PaymentRequest,
    PaymentRequestLabels,
    booth_signs_pdf,
    floor_plan_pdf,
    payment_request_pdf,
    qr_svg,
)
from fairmatch.templating import short_name

STATUS_FILLS = {
    "available": (227, 244, 232),
    "held": (255, 233, 168),
    "pending": (255, 207, 153),
    "approved": (214, 200, 240),
    "confirmed": (188, 215, 245),
    "blocked": (213, 216, 220),
}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _page_label() -> str:
    return _("Page {page}/{pages}")


def floor_plan_document(fair: Fair, lang: str) -> bytes:
    """The plan of every hall (every booth code printed, exhibitors on confirmed booths) and the
    index of exhibitors by booth, in both languages."""
    page = plan_page(fair, PlanFilters())
    halls = [
        HallPlan(
            code=d.hall.code,
            name=d.hall.name(lang),
            width_m=d.hall.width_m,
            depth_m=d.hall.depth_m,
            # The screen plan measures y from the north wall; paper measures it from the south.
            entrances=[Entrance(e["side"], e["offset_m"], e["width_m"]) for e in d.hall.entrances],
            booths=[_shape(v, d.hall.depth_m, lang) for v in d.booths],
        )
        for d in page.halls
    ]
    legend = [LegendItem(str(BOOTH_STATUS_LABELS[s]), fill) for s, fill in STATUS_FILLS.items()]
    zones = sorted({v.booth.zone for v in page.views if v.booth.zone})
    legend += [LegendItem(sector_label(zone), _rgb(ZONE_COLOURS[zone]), outline=True) for zone in zones]
    index = [
        IndexRow(v.booth.code, v.exhibitor.name_vi or "", v.exhibitor.name_en or "")
        for v in sorted(page.views, key=lambda v: (v.booth.hall.code, len(v.booth.code), v.booth.code))
        if v.exhibitor
    ]
    plan = FloorPlan(title=fair.name(lang), subtitle=fair.venue(lang), halls=halls, legend=legend, index=index)
    labels = FloorPlanLabels(legend=_("Legend"), entrance=_("Entrance"), north=_("N"),
                             index_title=_("Exhibitors by booth"), page=_page_label())
    return floor_plan_pdf(plan, labels)


def _shape(view: BoothView, hall_depth: float, lang: str) -> BoothShape:
    booth = view.booth
    return BoothShape(
        code=booth.code,
        x_m=booth.x_m,
        y_m=hall_depth - booth.y_m - booth.depth_m,
        width_m=booth.width_m,
        depth_m=booth.depth_m,
        fill_rgb=STATUS_FILLS[view.stage],
        outline_rgb=_rgb(ZONE_COLOURS.get(booth.zone or "", "#9aa6b2")),
        exhibitor_short=short_name(view.exhibitor.name(lang)) if view.exhibitor else None,
    )


def booth_signs_document(fair: Fair, lang: str) -> bytes:
    """One A4 sign per confirmed booth: company name and booth code."""
    page = plan_page(fair, PlanFilters())
    signs = [
        BoothSign(v.booth.code, v.exhibitor.name_vi or v.exhibitor.name_en or "", v.exhibitor.name_en or "",
                  v.booth.hall.name(lang))
        for v in page.views
        if v.exhibitor
    ]
    return booth_signs_pdf(signs, BoothSignLabels(booth=_("Booth")))


def amount_due(reservation: BoothReservation) -> int:
    """What an approved reservation still owes (nothing once paid, or when it is not awaiting payment)."""
    if reservation.state != "approved":
        return 0
    return max(reservation.total_vnd - reservation.paid_vnd, 0)


def transfer_payload(reservation: BoothReservation, fair: Fair) -> str:
    """The VietQR payload of the amount still due, with the reservation's transfer reference as its content;
    empty when nothing is due or the fair's bank details cannot make one (no BIN or account set)."""
    due = amount_due(reservation)
    if not due:
        return ""
    try:
        return vietqr_payload(Transfer(fair.bank_bin, fair.bank_account_no, due, reservation.payment_reference))
    except InvalidTransfer:
        return ""


def transfer_qr(reservation: BoothReservation, fair: Fair) -> Markup:
    """The VietQR code of `transfer_payload` as an inline SVG for the exhibitor's page (empty when none)."""
    payload = transfer_payload(reservation, fair)
    if not payload:
        return Markup("")
    label = _("VietQR code: pay %(amount)s with reference %(reference)s", amount=vnd(amount_due(reservation)),
              reference=reservation.payment_reference)
    return Markup(qr_svg(payload, label, "qr vietqr"))


def payment_request_number(reservation: BoothReservation, fair: Fair, lang: str) -> str:
    """The request's number, the same each time it is printed: the reservation's number and the fair's code."""
    return document_number(reservation.id, fair.payment_request_code, lang)


def payment_request_document(reservation: BoothReservation, fair: Fair) -> bytes:
    """The payment request for an approved reservation: the organizer's header block, booths, VAT, total, and the
    transfer details with the VietQR code of the amount still due."""
    enterprise = reservation.enterprise
    issued = reservation.decided_at or reservation.submitted_at
    issued_day = issued.astimezone(fair_zone()).date() if issued else None
    lang = language()
    due = amount_due(reservation)
    request = PaymentRequest(
        organizer=Party(fair.organizer_name or _("Fair organizer"), fair.organizer_address),
        number=reservation.payment_reference,
        issued_on=local_date(issued_day),
        enterprise=Party(enterprise.name_vi or enterprise.name_en or "", enterprise.address or "",
                         enterprise.tax_code or ""),
        lines=[
            BoothLine(b.code, b.hall.name(lang), str(BOOTH_TYPE_LABELS[b.type]), number(b.area_m2), vnd(b.price_vnd))
            for b in reservation.booths
        ],
        subtotal=vnd(reservation.price_vnd),
        vat_rate=f"{reservation.vat_percent} %",
        vat_amount=vnd(reservation.vat_vnd),
        total=vnd(reservation.total_vnd),
        transfer=BankTransfer(fair.bank_name, fair.bank_account_no, fair.bank_account_name,
                              reservation.payment_reference),
        due_on=local_date(issued_day + timedelta(days=fair.payment_days)) if issued_day else "",
        note=_("Write the reference exactly as shown so that the payment is matched to your booths."),
        letterhead=fair_letterhead(fair, payment_request_number(reservation, fair, lang), issued_day, lang)
        if issued_day else None,
        subject=_("Booth fees – %(fair)s", fair=fair.name(lang)),
        qr_payload=transfer_payload(reservation, fair),
        amount_due=vnd(due) if 0 < due < reservation.total_vnd else "",
        **_support_lines(reservation, lang),
    )
    labels = PaymentRequestLabels(
        title=_("Payment request"), number=_("No."), issued_on=_("Date"), enterprise=_("Enterprise"),
        tax_code=_("Tax code"), address=_("Address"), booth=_("Booth"), hall=_("Hall"), booth_type=_("Type"),
        area=_("Area (m²)"), price=_("Price"), subtotal=_("List price") if reservation.support_grant else _("Booths"),
        vat=_("VAT"), total=_("Amount due") if reservation.support_grant else _("Total"),
        transfer=_("Bank transfer"), bank=_("Bank"), account_number=_("Account number"),
        account_name=_("Account name"), reference=_("Transfer reference (required)"), due_on=_("Pay by"),
        note=_("Note"), page=_page_label(), scan=_("Scan with any banking app (VietQR)"),
        amount_due=_("Still to pay"),
    )
    return payment_request_pdf(request, labels)


def _support_lines(reservation: BoothReservation, lang: str) -> dict:
    """The programme's support under the list price, when the booking has some."""
    grant = reservation.support_grant
    if grant is None:
        return {}
    return {"support": _("Support: %(rule)s", rule=grant.rule.name(lang)),
            "support_amount": f"−{vnd(grant.amount_vnd)}"}
