"""Enterprises, their members, what they make and need, and the product taxonomy."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

KINDS = ("lead", "supplier", "fdi", "buyer", "other")
MEMBERSHIP_STATUSES = ("pending", "approved", "rejected")


class Category(db.Model):
    """A product category of the supply-chain taxonomy; `inputs` are what it is made from."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))

    parent: Mapped["Category | None"] = relationship(remote_side=[id])
    inputs: Mapped[list["Category"]] = relationship(
        secondary="category_input",
        primaryjoin="Category.id == category_input.c.output_id",
        secondaryjoin="Category.id == category_input.c.input_id",
        order_by="Category.code",
    )


class CategoryInput(db.Model):
    """An edge of the supply-chain graph: `input` is used to make `output`."""

    output_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )
    input_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (CheckConstraint("output_id <> input_id", name="not_self"),)


class Enterprise(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    country: Mapped[str] = mapped_column(String(2), default="VN")
    tax_code: Mapped[str | None] = mapped_column(String(14), unique=True)
    registration_no: Mapped[str | None] = mapped_column(String(40))
    ref: Mapped[str | None] = mapped_column(String(60))
    name_vi: Mapped[str | None] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(500))
    locality: Mapped[str | None] = mapped_column(String(120))
    industrial_park: Mapped[str | None] = mapped_column(String(120))
    founded_year: Mapped[int | None]
    employees: Mapped[int | None]
    website: Mapped[str | None] = mapped_column(String(300))
    description_vi: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    export_markets: Mapped[list[str]] = mapped_column(JSON, default=list)
    verified: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    sectors: Mapped[list["EnterpriseSector"]] = relationship(
        cascade="all, delete-orphan", order_by="EnterpriseSector.sector"
    )
    certifications: Mapped[list["Certification"]] = relationship(
        cascade="all, delete-orphan", order_by="Certification.name"
    )
    products: Mapped[list["Product"]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="Product.id"
    )
    needs: Mapped[list["Need"]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="Need.id"
    )
    memberships = relationship("Membership", back_populates="enterprise", cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"kind IN {KINDS}", name="kind"),
        CheckConstraint(
            "(country = 'VN' AND tax_code IS NOT NULL) OR "
            "(country <> 'VN' AND registration_no IS NOT NULL)",
            name="identified",
        ),
        CheckConstraint("name_vi IS NOT NULL OR name_en IS NOT NULL", name="named"),
    )

    @property
    def sector_codes(self) -> list[str]:
        return [s.sector for s in self.sectors]

    def name(self, lang: str) -> str:
        """The name in `lang`, falling back to the other language."""
        first, second = (self.name_en, self.name_vi) if lang == "en" else (self.name_vi, self.name_en)
        return first or second or ""

    def description(self, lang: str) -> str:
        first, second = (
            (self.description_en, self.description_vi)
            if lang == "en"
            else (self.description_vi, self.description_en)
        )
        return first or second or ""

    @property
    def owners(self) -> list:
        return [m.user for m in self.memberships if m.status == "approved" and m.is_owner]


class EnterpriseSector(db.Model):
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Certification(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(40), index=True)
    expires_on: Mapped[date | None]

    __table_args__ = (UniqueConstraint("enterprise_id", "name", name="uq_certification_name"),)


class Product(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    name_vi: Mapped[str | None] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    hs_code: Mapped[str | None] = mapped_column(String(10))
    capacity_value: Mapped[float | None]
    capacity_unit: Mapped[str | None] = mapped_column(String(8))
    min_order_value: Mapped[float | None]
    min_order_unit: Mapped[str | None] = mapped_column(String(8))
    recognized_year: Mapped[int | None]
    recognized_decision_no: Mapped[str | None] = mapped_column(String(60))
    recognized_verified: Mapped[bool] = mapped_column(default=False)

    enterprise: Mapped[Enterprise] = relationship(back_populates="products")
    category: Mapped[Category] = relationship()

    def name(self, lang: str) -> str:
        first, second = (self.name_en, self.name_vi) if lang == "en" else (self.name_vi, self.name_en)
        return first or second or ""


class Need(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    volume_value: Mapped[float | None]
    volume_unit: Mapped[str | None] = mapped_column(String(8))
    required_certifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)

    enterprise: Mapped[Enterprise] = relationship(back_populates="needs")
    category: Mapped[Category] = relationship()


class Membership(db.Model):
    """A user acting for an enterprise; joining an existing one waits for approval."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    enterprise_id: Mapped[int] = mapped_column(
        ForeignKey("enterprise.id", ondelete="CASCADE"), index=True
    )
    is_owner: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User", back_populates="memberships")
    enterprise: Mapped[Enterprise] = relationship(back_populates="memberships")

    __table_args__ = (
        UniqueConstraint("user_id", "enterprise_id", name="uq_membership_user_enterprise"),
        CheckConstraint(f"status IN {MEMBERSHIP_STATUSES}", name="status"),
        Index("ix_membership_enterprise_status", "enterprise_id", "status"),
    )
