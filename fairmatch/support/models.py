"""The tables of exhibitor support: a fair's rules, in order of precedence, each with its budget, and
the grant a booking received from one of them."""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.booths.models import BoothReservation
from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db


class SupportRule(db.Model):
    """Booths the programme funds: for enterprises that meet every criterion set (a recognised key product,
    at most `max_employees`, one of `kinds`), `percent_off` of the list price (100: a free booth), until
    `granted_vnd` reaches `budget_vnd`. The database refuses a grant that would overspend the budget."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # precedence: the lowest that applies and has budget left is the one granted
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    needs_recognised_product: Mapped[bool] = mapped_column(default=False)
    max_employees: Mapped[int | None]
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: every kind
    percent_off: Mapped[int]
    budget_vnd: Mapped[int]
    granted_vnd: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    grants: Mapped[list["SupportGrant"]] = relationship(back_populates="rule", passive_deletes=True)

    __table_args__ = (
        CheckConstraint("percent_off BETWEEN 1 AND 100", name="percent_off"),
        CheckConstraint("max_employees IS NULL OR max_employees >= 1", name="max_employees"),
        CheckConstraint("granted_vnd >= 0 AND granted_vnd <= budget_vnd", name="within_budget"),
    )

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    @property
    def is_free_booth(self) -> bool:
        return self.percent_off == 100

    @property
    def left_vnd(self) -> int:
        return self.budget_vnd - self.granted_vnd


class SupportGrant(db.Model):
    """The support a live booking receives: deleted (and its amount given back to the rule's budget) when the
    booking is cancelled, rejected or lapses."""

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("support_rule.id", ondelete="RESTRICT"), index=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("booth_reservation.id", ondelete="CASCADE"), unique=True)
    amount_vnd: Mapped[int]
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    rule: Mapped[SupportRule] = relationship(back_populates="grants")
    reservation: Mapped[BoothReservation] = relationship(back_populates="support_grant")

    __table_args__ = (CheckConstraint("amount_vnd > 0", name="positive"),)
