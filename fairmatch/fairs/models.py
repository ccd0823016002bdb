"""A fair edition: its dates, venue, booth-sale rules, meeting settings and the organizer's
details printed on its documents. At most one edition is current."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from fairmatch.extensions import db

DEFAULT_SESSIONS = [
    {"session": "am", "start": "09:00", "end": "11:30"},
    {"session": "pm", "start": "13:30", "end": "16:30"},
]
SESSION_LABELS = {"am": _l("Morning"), "pm": _l("Afternoon")}
"""The usual sessions by name; one the organizer named otherwise reads "Session <name>"."""


def session_label(code: str):
    return SESSION_LABELS.get(code) or _l("Session %(name)s", name=code)


class Fair(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    venue_vi: Mapped[str] = mapped_column(String(300), default="")
    venue_en: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    time_zone: Mapped[str] = mapped_column(String(40), default="Asia/Ho_Chi_Minh")
    is_current: Mapped[bool] = mapped_column(default=False)
    meeting_slot_minutes: Mapped[int] = mapped_column(default=30)
    meeting_tables: Mapped[int] = mapped_column(default=40)
    meetings_at_booths: Mapped[bool] = mapped_column(default=True)
    meeting_sessions: Mapped[list[dict]] = mapped_column(JSON, default=lambda: list(DEFAULT_SESSIONS))
    # Per enterprise: open requests it may send, and meetings the scheduler may give it (None: no cap).
    max_requests_per_enterprise: Mapped[int | None] = mapped_column(default=30)
    max_meetings_per_enterprise: Mapped[int | None] = mapped_column(default=None)
    booth_hold_minutes: Mapped[int] = mapped_column(default=15)
    waitlist_offer_hours: Mapped[int] = mapped_column(default=48)
    max_booths_per_enterprise: Mapped[int] = mapped_column(default=4)
    vat_percent: Mapped[int] = mapped_column(default=8)
    payment_days: Mapped[int] = mapped_column(default=14)
    organizer_name: Mapped[str] = mapped_column(String(300), default="")
    organizer_address: Mapped[str] = mapped_column(String(500), default="")
    bank_name: Mapped[str] = mapped_column(String(200), default="")
    bank_account_no: Mapped[str] = mapped_column(String(40), default="")
    bank_account_name: Mapped[str] = mapped_column(String(200), default="")
    # Badged people: each exhibitor names up to this many staff per confirmed booth, each buyer up to
    # this many delegates, until the end of `people_due_on` (fair time); later changes go through the organizer.
    staff_per_booth: Mapped[int] = mapped_column(default=3, server_default="3")
    delegates_per_buyer: Mapped[int] = mapped_column(default=5, server_default="5")
    people_due_on: Mapped[date | None]
    # The NAPAS BIN of the organizer's bank (six digits): without it no VietQR code is printed.
    bank_bin: Mapped[str] = mapped_column(String(6), default="")
    # The header block of the payment request and the report (Decree 30/2020/NĐ-CP, Appendix I): the
    # governing body above the issuing body, the code after the number ("Số: 42/TB-BTC"), the place before
    # the date ("Hà Nội, ngày … tháng … năm …").
    document_parent_body: Mapped[str] = mapped_column(String(200), default="")
    document_issuing_body: Mapped[str] = mapped_column(String(200), default="")
    payment_request_code: Mapped[str] = mapped_column(String(30), default="TB-BTC")
    report_code: Mapped[str] = mapped_column(String(30), default="BC-BTC")
    document_place: Mapped[str] = mapped_column(String(100), default="Hà Nội")

    # At most one edition is current: a partial unique index, on SQLite as on PostgreSQL.
    __table_args__ = (
        Index(
            "uq_fair_one_current",
            "is_current",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
    )

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def venue(self, lang: str) -> str:
        return self.venue_en if lang == "en" else self.venue_vi
