"""Enterprises, their members, what they make and need, and the product taxonomy."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from fairmatch.common.vocabulary import INPUT_KINDS
from fairmatch.database import UTCDateTime, utcnow
from fairmatch.enterprises import words
from fairmatch.extensions import db

KINDS = ("lead", "supplier", "fdi", "buyer", "other")
MEMBERSHIP_STATUSES = ("pending", "approved", "rejected")


class Category(db.Model):
    """A product category of the supply-chain taxonomy; `inputs` are what it is made from or
    with (`input_links` say how: material, tooling, equipment or service); `hs` its HS 2022 code."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(40))
    hs: Mapped[str | None] = mapped_column(String(6))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))

    parent: Mapped["Category | None"] = relationship(remote_side=[id])
    inputs: Mapped[list["Category"]] = relationship(
        secondary="category_input",
        primaryjoin="Category.id == category_input.c.output_id",
        secondaryjoin="Category.id == category_input.c.input_id",
        order_by="Category.code",
        viewonly=True,
    )
    input_links: Mapped[list["CategoryInput"]] = relationship(
        foreign_keys="CategoryInput.output_id", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CategoryInput.input_id",
    )

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi


class CategoryInput(db.Model):
    """An edge of the supply-chain graph: `input` is used to make `output`, as a `kind` of input;
    for a material, `per_unit` of it may go into one unit of the output."""

    output_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )
    input_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), default="material", server_default="material")
    per_unit_value: Mapped[float | None]
    per_unit_unit: Mapped[str | None] = mapped_column(String(8))

    input: Mapped[Category] = relationship(foreign_keys=[input_id], lazy="joined")

    __table_args__ = (
        CheckConstraint("output_id <> input_id", name="not_self"),
        CheckConstraint(f"kind IN {tuple(INPUT_KINDS)}", name="kind"),
        CheckConstraint("(per_unit_value IS NULL AND per_unit_unit IS NULL) OR (kind = 'material' "
                        "AND per_unit_value > 0 AND per_unit_unit IS NOT NULL)", name="per_unit"),
    )

    @property
    def code(self) -> str:
        return self.input.code


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
    # The locality accent-folded, so that the directory filter finds `Đông Anh` from `dong anh`.
    locality_folded: Mapped[str | None] = mapped_column(String(120))
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
    # An organizer's reason for declining the verification; cleared when the profile is resubmitted.
    declined_reason: Mapped[str | None] = mapped_column(String(500))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
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
    logo: Mapped["EnterpriseLogo | None"] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"kind IN {KINDS}", name="kind"),
        CheckConstraint(
            "(country = 'VN' AND tax_code IS NOT NULL) OR "
            "(country <> 'VN' AND registration_no IS NOT NULL)",
            name="identified",
        ),
        CheckConstraint("name_vi IS NOT NULL OR name_en IS NOT NULL", name="named"),
        # The directory scans these narrow indexes instead of the wide rows (descriptions), and
        # reads its default order (verified first, then by name) straight from the first.
        Index("ix_enterprise_directory", verified.desc(), "search_text", "kind"),
        Index("ix_enterprise_created_at", "created_at"),
        Index("ix_enterprise_locality", "locality_folded", "locality"),
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

    def set_sectors(self, codes: list[str]) -> bool:
        """Hold exactly these sectors; True when that changed anything."""
        wanted = set(codes)
        if set(self.sector_codes) == wanted:
            return False
        kept = [s for s in self.sectors if s.sector in wanted]
        self.sectors = kept + [EnterpriseSector(sector=c) for c in sorted(wanted - {s.sector for s in kept})]
        return True

    def set_certifications(self, wanted: dict[str, date | None]) -> bool:
        """Hold exactly these certifications (name → expiry or None), updating those already held
        in place so that a name is never stored twice; True when that changed anything."""
        held = {c.name: c for c in self.certifications}
        if {name: c.expires_on for name, c in held.items()} == wanted:
            return False
        self.certifications = [c for c in self.certifications if c.name in wanted]
        for name, expires_on in wanted.items():
            if name in held:
                held[name].expires_on = expires_on
            else:
                self.certifications.append(Certification(name=name, expires_on=expires_on))
        return True

    @property
    def review_state(self) -> str:
        """`verified`, `declined` (with a reason) or `pending` in the organizers' queue."""
        if self.verified:
            return "verified"
        return "declined" if self.declined_reason else "pending"

    def has_member(self, user, *, owner: bool = False) -> bool:
        """The one membership rule: `user` acts for this enterprise when its request to join was
        approved and its account is active; with `owner`, only when it owns the enterprise too.
        Organizers are not members: each place says whether it lets them through as well."""
        user_id = getattr(user, "id", None)
        return user_id is not None and any(m.user_id == user_id for m in self._acting(owner))

    @property
    def owners(self) -> list:
        """The active users who own this enterprise: who decide on requests to join it."""
        return [m.user for m in self._acting(owner=True)]

    @property
    def members(self) -> list:
        """The active users who act for this enterprise: whom its messages go to."""
        return [m.user for m in self._acting()]

    def _acting(self, owner: bool = False) -> list["Membership"]:
        return [m for m in self.memberships
                if m.status == "approved" and m.user.active and (m.is_owner or not owner)]


class EnterpriseLogo(db.Model):
    """An enterprise's logo, re-encoded by the app; the bytes load only when the image is served."""

    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(16))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SearchTerm(db.Model):
    """A folded word found in some enterprise's search text: what typo-tolerant search corrects to."""

    term: Mapped[str] = mapped_column(String(60), primary_key=True)


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
    recognized_declined_reason: Mapped[str | None] = mapped_column(String(500))

    enterprise: Mapped[Enterprise] = relationship(back_populates="products")
    category: Mapped[Category] = relationship()

    @property
    def claim_state(self) -> str | None:
        """None when no recognition is claimed, else `verified`, `declined` or `pending`."""
        if self.recognized_year is None:
            return None
        if self.recognized_verified:
            return "verified"
        return "declined" if self.recognized_declined_reason else "pending"

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


_NEW_TERMS = "fairmatch.enterprises.new_search_terms"


@event.listens_for(Session, "before_flush")
def _index_for_search(session: Session, flush_context, instances) -> None:
    """Keep each changed enterprise's search text (names, key, place, product names) and folded
    locality in step with what it says, whichever code changed it."""
    changed = {*session.new, *session.dirty, *session.deleted}
    enterprises = {o for o in changed if isinstance(o, Enterprise)}
    enterprises |= {o.enterprise for o in changed if isinstance(o, Product) and o.enterprise is not None}
    new_terms = session.info.setdefault(_NEW_TERMS, set())
    for enterprise in enterprises:
        if enterprise in session.deleted:
            continue
        products = [p for p in enterprise.products if p not in session.deleted]
        text = words.search_text(
            enterprise.name_vi, enterprise.name_en, enterprise.key, enterprise.locality,
            enterprise.industrial_park, *(name for p in products for name in (p.name_vi, p.name_en)),
        )
        if text != enterprise.search_text:
            new_terms.update(set(text.split()) - set((enterprise.search_text or "").split()))
            enterprise.search_text = text
        enterprise.locality_folded = " ".join(words.words(enterprise.locality)) or None


@event.listens_for(Session, "after_flush")
def _add_search_terms(session: Session, flush_context) -> None:
    """Add the enterprises' new words to the vocabulary that typo-tolerant search corrects to."""
    terms = sorted(t for t in session.info.pop(_NEW_TERMS, ()) if words.correctable(t))
    if not terms:
        return
    connection = session.connection()
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(SearchTerm).on_conflict_do_nothing(index_elements=["term"])
    connection.execute(statement, [{"term": term} for term in terms])
