"""The tables of the recognised-products register."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db


class RegisterEntry(db.Model):
    """One line of the city's official list: this enterprise's product is recognised as a key
    industrial product by this decision. `product_id` is the catalogue product it marked, if any."""

    id: Mapped[int] = mapped_column(primary_key=True)
    tax_code: Mapped[str] = mapped_column(String(14))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    product: Mapped[str] = mapped_column(String(300))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    decision_no: Mapped[str] = mapped_column(String(60))
    year: Mapped[int]
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    enterprise = relationship("Enterprise")
    catalogue_product = relationship("Product")

    __table_args__ = (UniqueConstraint("tax_code", "product", "decision_no", name="uq_register_entry_tax_code"),)


class RegisterInvitation(db.Model):
    """The invitation to a fair sent once to an enterprise of the register, and where it went."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("fair_id", "enterprise_id", name="uq_register_invitation_fair_id"),)
