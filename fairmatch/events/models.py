"""The tables of side events: an event of the fair's programme and a person's place on it."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

EVENT_KINDS = ("conference", "connection", "workshop", "training")
EVENT_KIND_LABELS = {
    "conference": _l("Conference"),
    "connection": _l("Supply–demand connection session"),
    "workshop": _l("Workshop"),
    "training": _l("Training"),
}
REGISTRATION_STATES = ("registered", "waitlisted")
REGISTRATION_STATE_LABELS = {"registered": _l("Registered"), "waitlisted": _l("On the waitlist")}


class SideEvent(db.Model):
    """A conference, supply–demand connection session, workshop or training held around the fair."""

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title_vi: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    description_vi: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    capacity: Mapped[int]
    # The lead enterprise that presents its supply chain at a connection session.
    lead_enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprise.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    lead_enterprise = relationship("Enterprise")

    __table_args__ = (
        CheckConstraint(f"kind IN {EVENT_KINDS}", name="event_kind"),
        CheckConstraint("capacity >= 1", name="event_capacity"),
        CheckConstraint("ends_at > starts_at", name="event_times"),
    )

    def title(self, lang: str) -> str:
        return (self.title_en if lang == "en" else self.title_vi) or self.title_vi or self.title_en

    def description(self, lang: str) -> str:
        return (self.description_en if lang == "en" else self.description_vi) or self.description_vi

    def label(self) -> str:
        return str(EVENT_KIND_LABELS[self.kind])


class EventRegistration(db.Model):
    """One person's place at a side event, for their enterprise: one of its fair people (who wear a
    badge) or, when the enterprise has named none, the member's account. Leaving deletes the row."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("side_event.id", ondelete="CASCADE"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("fair_person.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(12))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attended_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    event = relationship("SideEvent")
    enterprise = relationship("Enterprise")
    person = relationship("FairPerson")
    user = relationship("User", foreign_keys=[user_id])

    __table_args__ = (
        CheckConstraint(f"state IN {REGISTRATION_STATES}", name="registration_state"),
        CheckConstraint("(person_id IS NULL) <> (user_id IS NULL)", name="registration_who"),
        UniqueConstraint("event_id", "person_id", name="uq_event_registration_person"),
        UniqueConstraint("event_id", "user_id", name="uq_event_registration_user"),
        Index("ix_event_registration_line", "event_id", "state", "registered_at"),
    )

    @property
    def name(self) -> str:
        return self.person.full_name if self.person else (self.user.name or self.user.email)
