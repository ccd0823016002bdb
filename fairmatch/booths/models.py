"""Halls and booths of a fair edition."""

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.extensions import db
from fairmatch.floorplan import Rect

BOOTH_TYPES = ("standard", "corner", "premium", "island", "raw")


class Hall(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    width_m: Mapped[float]
    depth_m: Mapped[float]
    # Each entrance: {"side": "south"|"north"|"west"|"east", "offset_m": float, "width_m": float}
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
