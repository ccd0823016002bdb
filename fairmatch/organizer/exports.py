"""The current fair as spreadsheets for the organizer: exhibitors, booths with their reservations,
meetings with their outcomes, and the booth fees an accountant issues e-invoices for. Headers and
labels follow the reader's language; cells keep their types (amounts, dates, times) and the files are
written by `fairmatch.web.responses`."""

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.booths.models import (
    BOOTH_TYPE_LABELS,
    RESERVATION_STATE_LABELS,
    BoothReservation,
    Payment,
    ReservationBooth,
)
from fairmatch.booths.plan import BOOTH_STATUS_LABELS
from fairmatch.booths.services import BoothView, plan_of
from fairmatch.enterprises.models import Enterprise
from fairmatch.enterprises.tabular import directory_columns
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language, sector_label
from fairmatch.meetings.models import MEETING_STATE_LABELS, OUTCOME_LABELS, Meeting, MeetingRequest
from fairmatch.web.responses import Vnd, local_naive, tabulate

EXPORTS = ("exhibitors", "booths", "meetings", "einvoices")
APPLYING = ("submitted", "approved", "confirmed")
INVOICED = ("approved", "confirmed")
"""Reservations with a payment request: the organizer approved them, so the fee is due."""


def export_title(slug: str) -> str:
    return str(
        {
            "exhibitors": _l("Exhibitors"),
            "booths": _l("Booths and reservations"),
            "meetings": _l("Meetings and outcomes"),
            "einvoices": _l("Booth fees for e-invoices"),
        }[slug]
    )


def export_heading(slug: str, fair: Fair) -> str:
    """The title row of the spreadsheet: what it lists, of which fair."""
    return f"{export_title(slug)} · {fair.name(language())}"


def export_table(slug: str, fair: Fair) -> tuple[list[str], list[list]]:
    return {"exhibitors": _exhibitors, "booths": _booths, "meetings": _meetings, "einvoices": _einvoices}[slug](fair)


@dataclass
class _Exhibitor:
    enterprise: Enterprise
    confirmed: list[str]
    waiting: list[str]


def _exhibitors(fair: Fair) -> tuple[list[str], list[list]]:
    """Every enterprise with an application, an approval or a paid booth, as the directory lists it,
    with its booths; holds of a few minutes are left out."""
    reservations = db.session.scalars(
        select(BoothReservation)
        .where(BoothReservation.fair_id == fair.id, BoothReservation.state.in_(APPLYING))
        .options(
            selectinload(BoothReservation.items).selectinload(ReservationBooth.booth),
            selectinload(BoothReservation.enterprise).selectinload(Enterprise.sectors),
            selectinload(BoothReservation.enterprise).selectinload(Enterprise.certifications),
            selectinload(BoothReservation.enterprise).selectinload(Enterprise.products),
        )
    )
    exhibitors: dict[int, _Exhibitor] = {}
    for reservation in reservations:
        line = exhibitors.setdefault(reservation.enterprise_id, _Exhibitor(reservation.enterprise, [], []))
        codes = [item.booth.code for item in reservation.items if item.active]
        (line.confirmed if reservation.state == "confirmed" else line.waiting).extend(codes)
    columns = (
        (_l("Confirmed booths"), lambda x: ", ".join(sorted(x.confirmed))),
        (_l("Booths awaiting approval or payment"), lambda x: ", ".join(sorted(x.waiting))),
        *((label, lambda x, cell=cell: cell(x.enterprise)) for label, cell in directory_columns()),
    )
    return tabulate(columns, sorted(exhibitors.values(), key=lambda x: x.enterprise.name(language())))


def _booths(fair: Fair) -> tuple[list[str], list[list]]:
    """One row per booth, with the reservation that holds it (if any): what the floor plan shows."""
    views = plan_of(fair)
    paid = dict(
        db.session.execute(
            select(Payment.reservation_id, func.sum(Payment.amount_vnd))
            .join(BoothReservation, BoothReservation.id == Payment.reservation_id)
            .where(BoothReservation.fair_id == fair.id)
            .group_by(Payment.reservation_id)
        ).all()
    )
    lang = language()

    def reservation(cell):
        return lambda v: cell(v.reservation) if v.reservation is not None else None

    columns = (
        (_l("Booth"), lambda v: v.booth.code),
        (_l("Hall"), lambda v: v.booth.hall.name(lang)),
        (_l("Type"), lambda v: str(BOOTH_TYPE_LABELS[v.booth.type])),
        (_l("Width (m)"), lambda v: v.booth.width_m),
        (_l("Depth (m)"), lambda v: v.booth.depth_m),
        (_l("Sector zone"), lambda v: sector_label(v.booth.zone) if v.booth.zone else ""),
        (_l("List price (VND, before VAT)"), lambda v: Vnd(v.booth.price_vnd)),
        (_l("Status"), lambda v: str(BOOTH_STATUS_LABELS[v.status])),
        (_l("Key"), reservation(lambda r: r.enterprise.key)),
        (_l("Enterprise"), reservation(lambda r: r.enterprise.name(lang))),
        (_l("Reservation no."), reservation(lambda r: r.id)),
        (_l("Reservation state"), reservation(lambda r: str(RESERVATION_STATE_LABELS[r.state]))),
        (_l("Payment reference"), reservation(lambda r: r.payment_reference)),
        (
            _l("Reservation price (VND, before VAT)"),
            reservation(lambda r: Vnd(r.price_vnd) if r.submitted_at else None),
        ),
        (_l("Total with VAT (VND)"), reservation(lambda r: Vnd(r.total_vnd) if r.submitted_at else None)),
        (_l("Paid (VND)"), reservation(lambda r: Vnd(paid.get(r.id, 0)))),
        (_l("Submitted"), reservation(lambda r: local_naive(r.submitted_at))),
        (_l("Confirmed"), reservation(lambda r: local_naive(r.confirmed_at))),
    )
    return tabulate(columns, sorted(views, key=_booth_order))


def _booth_order(view: BoothView) -> tuple:
    code = view.booth.code
    return view.booth.hall.code, len(code), code


def _meetings(fair: Fair) -> tuple[list[str], list[list]]:
    """Every meeting of the fair, cancelled ones too, in time order, with what each side reported."""
    meetings = db.session.scalars(
        select(Meeting)
        .where(Meeting.fair_id == fair.id)
        .options(
            selectinload(Meeting.request).selectinload(MeetingRequest.sender),
            selectinload(Meeting.request).selectinload(MeetingRequest.receiver),
            selectinload(Meeting.outcomes),
        )
        .order_by(Meeting.starts_at, Meeting.table, Meeting.booth, Meeting.id)
    )
    lang = language()
    rows = []
    for meeting in meetings:
        said = defaultdict(lambda: None, {o.enterprise_id: o for o in meeting.outcomes})
        rows.append((meeting, said[meeting.request.from_enterprise_id], said[meeting.request.to_enterprise_id]))

    def outcome(o):
        return str(OUTCOME_LABELS[o.outcome]) if o is not None else ""

    columns = (
        (_l("Meeting no."), lambda m: m[0].id),
        (_l("Day"), lambda m: local_naive(m[0].starts_at).date()),
        (_l("Start"), lambda m: local_naive(m[0].starts_at).time()),
        (_l("End"), lambda m: local_naive(m[0].ends_at).time()),
        (_l("Table"), lambda m: m[0].table),
        (_l("At booth"), lambda m: m[0].booth),
        (_l("Meeting state"), lambda m: str(MEETING_STATE_LABELS[m[0].state])),
        (_l("Requested by (key)"), lambda m: m[0].request.sender.key),
        (_l("Requested by"), lambda m: m[0].request.sender.name(lang)),
        (_l("With (key)"), lambda m: m[0].request.receiver.key),
        (_l("With"), lambda m: m[0].request.receiver.name(lang)),
        (
            _l("Must meet"),
            lambda m: _l("yes") if m[0].request.must_meet_from or m[0].request.must_meet_to else _l("no"),
        ),
        (_l("Request message"), lambda m: m[0].request.message),
        (_l("Outcome for the requester"), lambda m: outcome(m[1])),
        (_l("Requester's note"), lambda m: m[1].note if m[1] else None),
        (_l("Outcome for the other side"), lambda m: outcome(m[2])),
        (_l("Other side's note"), lambda m: m[2].note if m[2] else None),
    )
    return tabulate(columns, rows)


def _payment_state(reservation: BoothReservation) -> str:
    if reservation.state == "confirmed":
        return str(_l("Paid in full"))
    return str(_l("Partly paid") if reservation.paid_vnd else _l("Awaiting payment"))


def _invoiced_for(reservation: BoothReservation, fair: Fair) -> str:
    """What the invoice is for, in Vietnamese whatever the reader's language: an e-invoice is
    issued in Vietnamese."""
    codes = ", ".join(sorted((booth.code for booth in reservation.booths), key=lambda c: (len(c), c)))
    with force_locale("vi"):
        return gettext("Booth rental %(booths)s, %(fair)s", booths=codes, fair=fair.name_vi)


def _einvoices(fair: Fair) -> tuple[list[str], list[list]]:
    """One line per reservation with a payment request (approved or paid): the invoice the
    accountant issues for it, with the amounts of the payment request."""
    reservations = db.session.scalars(
        select(BoothReservation)
        .where(BoothReservation.fair_id == fair.id, BoothReservation.state.in_(INVOICED))
        .options(
            selectinload(BoothReservation.items).selectinload(ReservationBooth.booth),
            selectinload(BoothReservation.payments),
            selectinload(BoothReservation.enterprise),
        )
        .order_by(BoothReservation.id)
    ).all()

    def requested_on(r: BoothReservation):
        issued = local_naive(r.decided_at or r.submitted_at)
        return issued.date() if issued else None

    columns = (
        (_l("Payment reference"), lambda r: r.payment_reference),
        (_l("Legal name in Vietnamese"), lambda r: r.enterprise.name_vi or r.enterprise.name_en),
        (_l("Tax code"), lambda r: r.enterprise.tax_code),
        (_l("Registered address"), lambda r: r.enterprise.address),
        (_l("Contact email"), lambda r: r.enterprise.contact_email),
        (_l("Invoiced for"), lambda r: _invoiced_for(r, fair)),
        (_l("Number of booths"), lambda r: len(r.booths)),
        (_l("Fee before VAT (VND)"), lambda r: Vnd(r.price_vnd)),
        (_l("Support (VND)"), lambda r: Vnd(r.support_vnd)),
        (_l("VAT rate (%)"), lambda r: r.vat_percent),
        (_l("VAT amount (VND)"), lambda r: Vnd(r.vat_vnd)),
        (_l("Amount payable with VAT (VND)"), lambda r: Vnd(r.total_vnd)),
        (_l("Paid (VND)"), lambda r: Vnd(r.paid_vnd)),
        (_l("Payment state"), _payment_state),
        (_l("Payment request dated"), requested_on),
        (_l("Paid on"), lambda r: max((p.paid_on for p in r.payments), default=None)),
    )
    return tabulate(columns, reservations)
