"""What matching keeps in the database: the graph's change stamp, "not relevant" feedback and
buyers' sourcing requests."""

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db


class ChangeStamp(db.Model):
    """A counter bumped in the same transaction as every change to what matching reads, so that
    every worker process knows when its cached graph is out of date."""

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class MatchFeedback(db.Model):
    """An enterprise marked a proposed partner as not relevant: it is left out of its matches."""

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    partner_key: Mapped[str] = mapped_column(String(60))
    direction: Mapped[str] = mapped_column(String(10))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("enterprise_id", "partner_key", "direction", name="uq_match_feedback_partner"),
    )


class SourcingRequest(db.Model):
    """A buyer's posted need: what category, how much, which certifications, by when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    volume_value: Mapped[float | None]
    volume_unit: Mapped[str | None] = mapped_column(String(8))
    required_certifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    enterprise = relationship("Enterprise")
    category = relationship("Category")


class MatchView(db.Model):
    """How often an enterprise's match list was shown on one day, and how many matches it showed:
    the top of the organizer's meeting funnel. One row per enterprise per day, counted up in place."""

    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), primary_key=True)
    viewed_on: Mapped[date] = mapped_column(primary_key=True)
    views: Mapped[int] = mapped_column(default=0)
    matches: Mapped[int] = mapped_column(default=0)
