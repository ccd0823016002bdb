"""Halls and booths of a fair edition."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db
from fairmatch.floorplan import Rect

if TYPE_CHECKING:
    from fairmatch.support.models import SupportGrant

BOOTH_TYPES = ("standard", "corner", "premium", "island", "raw")
BOOTH_TYPE_LABELS = {
    "standard": _l("Standard 3 × 3 m"),
    "corner": _l("Corner"),
    "premium": _l("Premium"),
    "island": _l("Island"),
    "raw": _l("Raw space"),
}


class Hall(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    width_m: Mapped[float]
    depth_m: Mapped[float]
    # Each entrance: {"side": "north" (the wall at y = 0) or "south", "offset_m": float, "width_m": float}
    entrances: Mapped[list[dict]] = mapped_column(JSON, default=list)

    fair = relationship("Fair")
    booths: Mapped[list["Booth"]] = relationship(back_populates="hall", order_by="Booth.id")

    __table_args__ = (UniqueConstraint("fair_id", "code", name="uq_hall_fair_code"),)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi


class Booth(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    x_m: Mapped[float]
    y_m: Mapped[float]
    width_m: Mapped[float]
    depth_m: Mapped[float]
    type: Mapped[str] = mapped_column(String(10))
    price_vnd: Mapped[int]
    zone: Mapped[str | None] = mapped_column(String(40))
    blocked: Mapped[bool] = mapped_column(default=False)

    fair = relationship("Fair")
    hall: Mapped[Hall] = relationship(back_populates="booths")

    __table_args__ = (
        UniqueConstraint("fair_id", "code", name="uq_booth_fair_code"),
        CheckConstraint(f"type IN {BOOTH_TYPES}", name="type"),
        CheckConstraint("price_vnd >= 0", name="price"),
        CheckConstraint("width_m > 0 AND depth_m > 0", name="size"),
    )

    @property
    def rect(self) -> Rect:
        return Rect(self.x_m, self.y_m, self.width_m, self.depth_m)

    @property
    def area_m2(self) -> float:
        return self.width_m * self.depth_m


RESERVATION_STATES = ("held", "submitted", "approved", "rejected", "confirmed", "cancelled", "expired")
RESERVATION_STATE_LABELS = {
    "held": _l("Held"),
    "submitted": _l("Submitted"),
    "approved": _l("Approved, awaiting payment"),
    "rejected": _l("Rejected"),
    "confirmed": _l("Confirmed (paid)"),
    "cancelled": _l("Cancelled"),
    "expired": _l("Expired"),
}
ACTIVE_STATES = ("held", "submitted", "approved", "confirmed")
WAITLIST_STATES = ("waiting", "offered", "placed", "lapsed", "withdrawn")
WAITLIST_STATE_LABELS = {
    "waiting": _l("Waiting"),
    "offered": _l("Offered a booth"),
    "placed": _l("Placed"),
    "lapsed": _l("Offer lapsed"),
    "withdrawn": _l("Withdrawn"),
}


class BoothReservation(db.Model):
    """An enterprise's claim on one or more booths: held → submitted → approved → confirmed (paid).

    Rejected, cancelled and expired reservations keep their history but hold no booth.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(10), default="held")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    zone_override_reason: Mapped[str | None] = mapped_column(Text)
    price_vnd: Mapped[int] = mapped_column(default=0)
    vat_percent: Mapped[int] = mapped_column(default=0)
    waitlist_entry_id: Mapped[int | None] = mapped_column(ForeignKey("waitlist_entry.id"))

    enterprise = relationship("Enterprise")
    items: Mapped[list["ReservationBooth"]] = relationship(
        back_populates="reservation", cascade="all, delete-orphan", order_by="ReservationBooth.id"
    )
    payments: Mapped[list["Payment"]] = relationship(
        back_populates="reservation", cascade="all, delete-orphan", order_by="Payment.id"
    )
    # The programme's support for this booking (fairmatch.support), if a rule granted one.
    support_grant: Mapped["SupportGrant | None"] = relationship(
        back_populates="reservation", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(f"state IN {RESERVATION_STATES}", name="state"),
        CheckConstraint("state <> 'held' OR expires_at IS NOT NULL", name="held_expires"),
        Index("ix_booth_reservation_state_expires", "state", "expires_at"),
    )

    @property
    def booths(self) -> list[Booth]:
        return [item.booth for item in self.items]

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def support_vnd(self) -> int:
        """What the programme pays of the list price `price_vnd`, before VAT."""
        return self.support_grant.amount_vnd if self.support_grant else 0

    @property
    def vat_vnd(self) -> int:
        """VAT on the fee the exhibitor pays: the list price less the support."""
        return round((self.price_vnd - self.support_vnd) * self.vat_percent / 100)

    @property
    def total_vnd(self) -> int:
        """The amount due from the exhibitor, VAT included."""
        return self.price_vnd - self.support_vnd + self.vat_vnd

    @property
    def paid_vnd(self) -> int:
        return sum(p.amount_vnd for p in self.payments)

    @property
    def payment_reference(self) -> str:
        """What the exhibitor writes on the bank transfer, so the organizer can match it."""
        return f"HC{self.fair_id:02d}-{self.id:05d}"


class ReservationBooth(db.Model):
    """One booth of a reservation. `active` is true while the reservation holds the booth, and the
    database allows one active row per booth: double booking is impossible, not just unlikely."""

    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("booth_reservation.id", ondelete="CASCADE"), index=True)
    booth_id: Mapped[int] = mapped_column(ForeignKey("booth.id", ondelete="CASCADE"))
    active: Mapped[bool] = mapped_column(default=True)

    reservation: Mapped[BoothReservation] = relationship(back_populates="items")
    booth: Mapped[Booth] = relationship()

    __table_args__ = (
        Index(
            "uq_reservation_booth_active",
            "booth_id",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )


class Payment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("booth_reservation.id", ondelete="CASCADE"), index=True)
    amount_vnd: Mapped[int]
    paid_on: Mapped[date]
    reference: Mapped[str | None] = mapped_column(String(100))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    reservation: Mapped[BoothReservation] = relationship(back_populates="payments")

    __table_args__ = (CheckConstraint("amount_vnd > 0", name="positive"),)


class WaitlistEntry(db.Model):
    """An enterprise waiting for a booth; a freed booth that fits is offered to the first in line."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    booth_type: Mapped[str | None] = mapped_column(String(10))
    zone: Mapped[str | None] = mapped_column(String(40))
    max_price_vnd: Mapped[int | None]
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    enterprise = relationship("Enterprise")

    __table_args__ = (
        CheckConstraint(f"state IN {WAITLIST_STATES}", name="state"),
        Index("ix_waitlist_entry_fair_state", "fair_id", "state", "created_at"),
    )

    def fits(self, booth: Booth) -> bool:
        return (
            (self.booth_type is None or booth.type == self.booth_type)
            and (self.zone is None or booth.zone == self.zone)
            and (self.max_price_vnd is None or booth.price_vnd <= self.max_price_vnd)
        )
