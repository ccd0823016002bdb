"""Meeting requests between enterprises; the scheduler places the accepted ones."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

REQUEST_STATES = ("pending", "accepted", "declined", "cancelled")
REQUEST_STATE_LABELS = {
    "pending": _l("Waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "cancelled": _l("Cancelled"),
}
# A draft until published; after the meeting's time, the host or an organizer marks it held or
# no-show; cancelling a published meeting frees its slot.
MEETING_STATES = ("draft", "published", "held", "no_show", "cancelled")
MEETING_STATE_LABELS = {
    "draft": _l("Draft"),
    "published": _l("Published"),
    "held": _l("Took place"),
    "no_show": _l("Not attended"),
    "cancelled": _l("Cancelled"),
}
ON_AGENDA = ("published", "held", "no_show")
OUTCOMES = ("follow_up", "quotation", "contract", "mou", "none")
OUTCOME_LABELS = {
    "follow_up": _l("Follow-up planned"),
    "quotation": _l("Quotation requested"),
    "contract": _l("Contract signed"),
    "mou": _l("MoU signed"),
    "none": _l("Nothing further"),
}
# The outcomes that mean a link was formed, the strongest first.
POSITIVE_OUTCOMES = ("contract", "mou", "quotation", "follow_up")
# What a partner says became of a deal when asked three and six months after the fair.
FOLLOW_UP_ROUNDS = ("m3", "m6")
FOLLOW_UP_ANSWERS = ("contract", "negotiating", "stopped")
FOLLOW_UP_ANSWER_LABELS = {
    "contract": _l("A contract was signed"),
    "negotiating": _l("Still in negotiation"),
    "stopped": _l("It stopped"),
}
PARTNER_ORIGINS = ("domestic", "foreign")
# Where the host chose to meet when it accepted: at its own booth or at a B2B table.
PLACES = ("booth", "table")


class MeetingRequest(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    from_enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    to_enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    message: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    must_meet_from: Mapped[bool] = mapped_column(default=False)
    must_meet_to: Mapped[bool] = mapped_column(default=False)
    decline_reason: Mapped[str | None] = mapped_column(Text)
    # None when the host was not asked (no booth, or accepted through the API): the booth if it has one.
    place: Mapped[str | None] = mapped_column(String(5))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    sender = relationship("Enterprise", foreign_keys=[from_enterprise_id])
    receiver = relationship("Enterprise", foreign_keys=[to_enterprise_id])

    __table_args__ = (
        CheckConstraint(f"state IN {REQUEST_STATES}", name="state"),
        CheckConstraint("from_enterprise_id <> to_enterprise_id", name="not_self"),
        CheckConstraint(f"place IN {PLACES}", name="place"),
        # One open request from one enterprise to another (the service also checks the reverse).
        Index(
            "uq_meeting_request_open",
            "fair_id",
            "from_enterprise_id",
            "to_enterprise_id",
            unique=True,
            sqlite_where=text("state IN ('pending', 'accepted')"),
            postgresql_where=text("state IN ('pending', 'accepted')"),
        ),
    )

    @property
    def is_open(self) -> bool:
        return self.state in ("pending", "accepted")

    def meeting_booth(self, host_booth: str | None) -> str | None:
        """Where the meeting is to be held given the host's booth (None when it has none, or the fair
        holds no meetings at booths): that booth, unless the host chose a B2B table; None for a table."""
        return None if self.place == "table" else host_booth


class Meeting(db.Model):
    """An accepted request placed in a slot, at a B2B table or at the host's booth. A draft until
    the organizer publishes the schedule; published meetings stay fixed when the scheduler reruns."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("meeting_request.id", ondelete="CASCADE"), unique=True)
    slot_id: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    table: Mapped[str | None] = mapped_column(String(10))
    booth: Mapped[str | None] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), default="draft")
    # A draft meeting the organizer locked (or moved by hand) stays where it is when the scheduler reruns.
    locked: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    marked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    request: Mapped[MeetingRequest] = relationship()
    outcomes: Mapped[list["MeetingOutcome"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"state IN {MEETING_STATES}", name="state"),
        # No two live meetings at one table, or at one booth, in the same slot.
        Index(
            "uq_meeting_table_slot",
            "fair_id",
            "slot_id",
            "table",
            unique=True,
            sqlite_where=text("state <> 'cancelled' AND \"table\" IS NOT NULL"),
            postgresql_where=text("state <> 'cancelled' AND \"table\" IS NOT NULL"),
        ),
        Index(
            "uq_meeting_booth_slot",
            "fair_id",
            "slot_id",
            "booth",
            unique=True,
            sqlite_where=text("state <> 'cancelled' AND booth IS NOT NULL"),
            postgresql_where=text("state <> 'cancelled' AND booth IS NOT NULL"),
        ),
    )

    @property
    def on_agenda(self) -> bool:
        return self.state in ON_AGENDA


class MeetingOutcome(db.Model):
    """What one side says came of a held meeting: the evidence of supplier links formed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The deal, when known: its value in whole units of `currency` (ISO 4217), the organizer's rate
    # at recording time (đồng per unit; 1 for VND) and the value in đồng at that rate. The rate is
    # kept so that a later change of the fair's rates never rewrites a recorded deal.
    value: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    rate_vnd: Mapped[int | None]
    value_vnd: Mapped[int | None] = mapped_column(BigInteger)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="SET NULL"))
    # Derived from the partner's country when recorded, unless the side said otherwise; None for
    # outcomes recorded before deals were described (read `partner_origin` instead).
    partner_foreign: Mapped[bool | None]

    meeting: Mapped[Meeting] = relationship(back_populates="outcomes")
    enterprise = relationship("Enterprise")
    category = relationship("Category")

    __table_args__ = (
        CheckConstraint(f"outcome IN {OUTCOMES}", name="outcome"),
        CheckConstraint(
            "(value IS NULL AND currency IS NULL AND rate_vnd IS NULL AND value_vnd IS NULL) OR "
            "(value >= 0 AND currency IS NOT NULL AND rate_vnd > 0 AND value_vnd >= 0)",
            name="value",
        ),
        UniqueConstraint("meeting_id", "enterprise_id"),
    )

    @property
    def partner(self):
        request = self.meeting.request
        return request.receiver if request.from_enterprise_id == self.enterprise_id else request.sender

    @property
    def partner_origin(self) -> str:
        """`domestic` or `foreign`: as recorded, else from the partner's country."""
        foreign = self.partner_foreign if self.partner_foreign is not None else self.partner.country != "VN"
        return "foreign" if foreign else "domestic"


class ExchangeRate(db.Model):
    """The organizer's rate for a foreign currency at a fair: how many đồng one unit is worth."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    vnd_per_unit: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    __table_args__ = (
        CheckConstraint("vnd_per_unit > 0", name="positive"),
        CheckConstraint("currency <> 'VND'", name="foreign"),
        UniqueConstraint("fair_id", "currency"),
    )


class FollowUp(db.Model):
    """One side of a meeting with a positive outcome, asked in one round (three or six months
    after the fair) what became of the deal, and its answer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    round: Mapped[str] = mapped_column(String(2))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[str | None] = mapped_column(String(12))
    value: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    rate_vnd: Mapped[int | None]
    value_vnd: Mapped[int | None] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship()
    enterprise = relationship("Enterprise")

    __table_args__ = (
        CheckConstraint(f"round IN {FOLLOW_UP_ROUNDS}", name="round"),
        CheckConstraint(f"answer IN {FOLLOW_UP_ANSWERS}", name="answer"),
        CheckConstraint("(answer IS NULL) = (answered_at IS NULL)", name="answered"),
        UniqueConstraint("meeting_id", "enterprise_id", "round"),
    )


class Unavailability(db.Model):
    """A slot in which an enterprise cannot meet (set by whole days, sessions or single slots)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    slot_id: Mapped[str] = mapped_column(String(20))

    __table_args__ = (UniqueConstraint("fair_id", "enterprise_id", "slot_id"),)


class AttendanceAnswer(db.Model):
    """An enterprise answered "which days will you be at the fair?". The days themselves are its
    Unavailability: a day not attended has every slot blocked. This row only says it was asked,
    so that accepting a request asks no more."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("fair_id", "enterprise_id"),)


class Arrival(db.Model):
    """A person checked in at the fair (their badge scanned at the desk)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])

    __table_args__ = (UniqueConstraint("fair_id", "user_id"),)


class CalendarFeed(db.Model):
    """A private, revocable address from which a calendar app reads a user's agenda. Only the
    digest of its secret is stored; making a new one revokes the old."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User")
