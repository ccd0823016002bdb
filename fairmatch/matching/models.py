"""What matching keeps in the database: the graph's change feed, "not relevant" feedback and
buyers' sourcing requests (and the change stamps other features key their files by)."""

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db


class ChangeStamp(db.Model):
    """A named counter moved when the data behind it changes (see `fairmatch.jobs.stamps`)."""

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


# What changed: one enterprise (patched in place); the categories, the current fair or its dates, or
# rows changed in bulk (the graph is rebuilt). Internal: never shown to anyone.
GRAPH_CHANGE_KINDS = ("profile", "taxonomy", "fair", "all")


class GraphChange(db.Model):
    """One change to what the supply graph reads, appended in the transaction that made it: every
    process patches its graph from the rows it has not applied yet (see `matching.graph`). A
    profile change names the enterprise; the other kinds rebuild the graph."""

    # INTEGER on SQLite, where only that type makes the primary key the rowid.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    enterprise_key: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10), default="profile")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (
        CheckConstraint(f"kind IN {GRAPH_CHANGE_KINDS}", name="kind"),
        CheckConstraint("(kind = 'profile') = (enterprise_key IS NOT NULL)", name="keyed"),
        # Never reuse a number after the newest rows were pruned: processes remember the last one.
        {"sqlite_autoincrement": True},
    )


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
