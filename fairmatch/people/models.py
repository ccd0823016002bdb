"""A person at the fair (with a badge) and the check-in desk's log of scans."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

PERSON_ROLES = ("exhibitor", "buyer", "guest", "press", "organizer")
PERSON_ROLE_LABELS = {
    "exhibitor": _l("Exhibitor"),
    "buyer": _l("Buyer"),
    "guest": _l("Guest"),
    "press": _l("Press"),
    "organizer": _l("Organizer"),
}
ENTERPRISE_ROLES = ("exhibitor", "buyer")
"""Roles of people an enterprise names itself; the organizer adds the others."""

SCAN_RESULTS = ("ok", "again", "meeting", "unknown")
SCAN_RESULT_LABELS = {
    "ok": _l("Checked in"),
    "again": _l("Already checked in"),
    "meeting": _l("Meeting held"),
    "unknown": _l("Refused: unknown or forged code"),
}


class FairPerson(db.Model):
    """Someone who comes to one fair edition and wears a badge: an exhibitor's booth staff, a
    buyer's delegate (both named by their enterprise), or a guest, journalist or organizer staff."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    full_name: Mapped[str] = mapped_column(String(120))
    position: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # Guests, press and organizer staff: the body or outlet printed where an enterprise would be.
    organization: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    enterprise = relationship("Enterprise")
    checked_in_by = relationship("User")

    __table_args__ = (CheckConstraint(f"role IN {PERSON_ROLES}", name="person_role"),)


class DeskScan(db.Model):
    """One scan at the check-in desk, whatever it was: the desk shows each operator their last ones."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    scanned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("fair_person.id", ondelete="SET NULL"))
    # What the desk showed: the person and enterprise, or the meeting's two sides.
    subject: Mapped[str] = mapped_column(String(400), default="")

    person = relationship("FairPerson")

    __table_args__ = (
        CheckConstraint(f"result IN {SCAN_RESULTS}", name="scan_result"),
        Index("ix_desk_scan_desk", "fair_id", "scanned_by_id", "scanned_at"),
    )
