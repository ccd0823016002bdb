"""The organizer's figures for the current fair, each from one aggregate query: the queues waiting
for a decision (applications, payments, verification, meetings to place or publish, failed email),
booths by status and zone, money, the meeting funnel, the load per fair day and
the top chain gaps (the supply-chain report's own, not recounted here)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, case, distinct, func, select

from fairmatch.booths.models import Booth, BoothReservation, Payment, ReservationBooth
from fairmatch.booths.services import expire_holds
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.enterprises.reviews import CLAIM_WAITING, ENTERPRISE_WAITING
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.matching.models import MatchView
from fairmatch.matching.reports import GapLine, gap_lines
from fairmatch.meetings.models import POSITIVE_OUTCOMES, Meeting, MeetingOutcome, MeetingRequest
from fairmatch.meetings.schedule import past_drafts, placed_requests
from fairmatch.notifications.models import Notification
from fairmatch.support.models import SupportGrant

BOOTH_STATUSES = ("confirmed", "approved", "pending", "held", "available", "blocked")
DAY_STATES = ("held", "no_show", "published", "draft")
OUTCOME_KINDS = (*POSITIVE_OUTCOMES, "none")
TOP_GAPS = 5


@dataclass
class ZoneLine:
    zone: str | None  # a sector code, or None for booths open to every sector
    counts: dict[str, int] = field(default_factory=dict)
    confirmed_list_vnd: int = 0  # list price of its confirmed booths, before VAT

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def for_sale(self) -> int:
        return self.total - self.counts.get("blocked", 0)

    @property
    def occupancy(self) -> int | None:
        """Confirmed booths as a whole percentage of the booths for sale."""
        return round(100 * self.counts.get("confirmed", 0) / self.for_sale) if self.for_sale else None


@dataclass(frozen=True)
class Money:
    confirmed_vnd: int  # what confirmed reservations cost, VAT included
    paid_vnd: int  # payments received on live reservations
    due_vnd: int  # still to pay on approved reservations
    submitted: int  # applications waiting for approval
    unpaid: int  # approved reservations not paid in full


@dataclass(frozen=True)
class Funnel:
    match_views: int
    matches_shown: int
    viewers: int  # enterprises that saw their matches
    requests: int
    accepted: int
    scheduled: int
    held: int
    with_outcome: int  # held meetings where a side reported something came of it
    outcomes: dict[str, int]  # per outcome, one count per side that reported it
    drafts: int


@dataclass(frozen=True)
class MeetingWork:
    unplaced: int  # accepted requests without a meeting: the scheduler's next run
    drafts: int  # draft meetings waiting to be published
    past_drafts: int  # of those, in slots that have already begun


@dataclass(frozen=True)
class Dashboard:
    fair: Fair
    zones: list[ZoneLine]
    money: Money
    enterprises_waiting: int
    claims_waiting: int
    meeting_work: MeetingWork
    failed_emails: int
    funnel: Funnel
    days: list[tuple[date, dict[str, int]]]
    gaps: list[GapLine]

    @property
    def booths(self) -> ZoneLine:
        every = ZoneLine(None)
        for line in self.zones:
            for status, n in line.counts.items():
                every.counts[status] = every.counts.get(status, 0) + n
            every.confirmed_list_vnd += line.confirmed_list_vnd
        return every


def dashboard(fair: Fair, lang: str) -> Dashboard:
    expire_holds()
    enterprises, claims = _verification_waiting()
    return Dashboard(
        fair,
        _zones(fair),
        _money(fair),
        enterprises,
        claims,
        _meeting_work(fair),
        _failed_emails(),
        _funnel(fair),
        _days(fair),
        gap_lines(lang, TOP_GAPS),
    )


def _status():
    """A booth's status as the plan shows it, from its active reservation's state."""
    return case(
        (Booth.blocked, "blocked"),
        (BoothReservation.state.is_(None), "available"),
        (BoothReservation.state == "held", "held"),
        (BoothReservation.state == "confirmed", "confirmed"),
        (BoothReservation.state == "approved", "approved"),
        else_="pending",
    )


def _zones(fair: Fair) -> list[ZoneLine]:
    status = _status()
    rows = db.session.execute(
        select(Booth.zone, status, func.count(Booth.id), func.coalesce(func.sum(Booth.price_vnd), 0))
        .outerjoin(ReservationBooth, and_(ReservationBooth.booth_id == Booth.id, ReservationBooth.active))
        .outerjoin(BoothReservation, BoothReservation.id == ReservationBooth.reservation_id)
        .where(Booth.fair_id == fair.id)
        .group_by(Booth.zone, status)
    )
    zones: dict[str | None, ZoneLine] = {}
    for zone, booth_status, count, value in rows:
        line = zones.setdefault(zone, ZoneLine(zone))
        line.counts[booth_status] = count
        if booth_status == "confirmed":
            line.confirmed_list_vnd = int(value)
    # Sector zones by size, the open floor last.
    return sorted(zones.values(), key=lambda z: (z.zone is None, -z.total, z.zone or ""))


def _vat(fee):
    """VAT of a reservation's fee in whole đồng, rounded half to even as BoothReservation.vat_vnd does."""
    scaled = fee * BoothReservation.vat_percent
    return case(
        (and_(scaled % 100 == 50, (scaled // 100) % 2 == 0), scaled // 100),
        else_=(scaled + 50) // 100,
    )


def _money(fair: Fair) -> Money:
    fee = BoothReservation.price_vnd - func.coalesce(SupportGrant.amount_vnd, 0)  # what the exhibitor pays
    total = fee + _vat(fee)
    confirmed, submitted, unpaid, approved_total = db.session.execute(
        select(
            func.coalesce(func.sum(case((BoothReservation.state == "confirmed", total), else_=0)), 0),
            func.count(case((BoothReservation.state == "submitted", 1))),
            func.count(case((BoothReservation.state == "approved", 1))),
            func.coalesce(func.sum(case((BoothReservation.state == "approved", total), else_=0)), 0),
        )
        .outerjoin(SupportGrant, SupportGrant.reservation_id == BoothReservation.id)
        .where(BoothReservation.fair_id == fair.id)
    ).one()
    paid, paid_on_approved = db.session.execute(
        select(
            func.coalesce(func.sum(Payment.amount_vnd), 0),
            func.coalesce(func.sum(case((BoothReservation.state == "approved", Payment.amount_vnd), else_=0)), 0),
        )
        .join(BoothReservation, BoothReservation.id == Payment.reservation_id)
        .where(BoothReservation.fair_id == fair.id, BoothReservation.state.in_(("approved", "confirmed")))
    ).one()
    return Money(int(confirmed), int(paid), int(approved_total) - int(paid_on_approved), submitted, unpaid)


def _verification_waiting() -> tuple[int, int]:
    enterprises = db.session.scalar(select(func.count(Enterprise.id)).where(*ENTERPRISE_WAITING))
    claims = db.session.scalar(select(func.count(Product.id)).where(*CLAIM_WAITING))
    return enterprises, claims


def _meeting_work(fair: Fair) -> MeetingWork:
    unplaced = db.session.scalar(
        select(func.count(MeetingRequest.id)).where(
            MeetingRequest.fair_id == fair.id,
            MeetingRequest.state == "accepted",
            MeetingRequest.id.not_in(placed_requests(fair)),
        )
    )
    drafts = db.session.scalar(
        select(func.count(Meeting.id)).where(Meeting.fair_id == fair.id, Meeting.state == "draft")
    )
    return MeetingWork(unplaced, drafts, len(past_drafts(fair)))


def _failed_emails() -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(Notification.email_state == "failed"))


def _season_start(fair: Fair) -> date | None:
    """Match views count from the day after the previous edition ended (the match counter is not
    kept per edition; a yearly fair's season runs from one edition to the next)."""
    return db.session.scalar(select(func.max(Fair.ends_on)).where(Fair.ends_on < fair.starts_on))


def _funnel(fair: Fair) -> Funnel:
    # What was shown counts whenever it was shown, the fair's days and after them included: requests
    # count the same way (by edition, whatever their date), so the funnel never narrows upwards.
    views = select(
        func.coalesce(func.sum(MatchView.views), 0),
        func.coalesce(func.sum(MatchView.matches), 0),
        func.count(distinct(MatchView.enterprise_id)),
    )
    previous_end = _season_start(fair)
    if previous_end is not None:
        views = views.where(MatchView.viewed_on > previous_end)
    match_views, matches_shown, viewers = db.session.execute(views).one()
    requests, accepted = db.session.execute(
        select(
            func.count(MeetingRequest.id),
            # An accepted request stays counted when it is later cancelled: it was accepted.
            func.count(case((and_(MeetingRequest.decided_at.is_not(None), MeetingRequest.state != "declined"), 1))),
        ).where(MeetingRequest.fair_id == fair.id)
    ).one()
    scheduled, held, drafts = db.session.execute(
        select(
            func.count(Meeting.published_at),
            func.count(case((Meeting.state == "held", 1))),
            func.count(case((Meeting.state == "draft", 1))),
        ).where(Meeting.fair_id == fair.id)
    ).one()
    outcomes = dict(
        db.session.execute(
            select(MeetingOutcome.outcome, func.count(MeetingOutcome.id))
            .join(Meeting, Meeting.id == MeetingOutcome.meeting_id)
            .where(Meeting.fair_id == fair.id)
            .group_by(MeetingOutcome.outcome)
        ).all()
    )
    with_outcome = db.session.scalar(
        select(func.count(distinct(MeetingOutcome.meeting_id)))
        .join(Meeting, Meeting.id == MeetingOutcome.meeting_id)
        .where(Meeting.fair_id == fair.id, MeetingOutcome.outcome != "none")
    )
    return Funnel(
        int(match_views),
        int(matches_shown),
        viewers,
        requests,
        accepted,
        scheduled,
        held,
        with_outcome,
        {kind: outcomes.get(kind, 0) for kind in OUTCOME_KINDS},
        drafts,
    )


def _days(fair: Fair) -> list[tuple[date, dict[str, int]]]:
    """Live meetings on each day of the fair, by state (a slot id begins with its ISO date)."""
    day = func.substr(Meeting.slot_id, 1, 10)
    counts: dict[date, dict[str, int]] = defaultdict(dict)
    for on, state, n in db.session.execute(
        select(day, Meeting.state, func.count(Meeting.id))
        .where(Meeting.fair_id == fair.id, Meeting.state != "cancelled")
        .group_by(day, Meeting.state)
    ):
        counts[date.fromisoformat(on)][state] = n
    every_day = [date.fromordinal(d) for d in range(fair.starts_on.toordinal(), fair.ends_on.toordinal() + 1)]
    return [(d, counts.get(d, {})) for d in sorted(set(every_day) | set(counts))]
