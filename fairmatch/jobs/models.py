"""What the background work keeps in the database: the jobs, and the files they build."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from fairmatch.database import UTCDateTime, utcnow
from fairmatch.extensions import db

JOB_STATES = ("queued", "running", "done", "failed")
JOB_STATE_LABELS = {"queued": _l("Waiting for a worker"), "running": _l("Working"), "done": _l("Done"),
                    "failed": _l("Failed")}
ACTIVE = ("queued", "running")


class Job(db.Model):
    """One piece of long work: what to do (`kind`, `params`), who asked, and how far it is.

    `key` names the work itself (the kind and its parameters): while a job with a key is queued or
    running, asking for the same work again joins it, which the partial unique index enforces."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(64))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    lang: Mapped[str] = mapped_column(String(2), default="vi")
    state: Mapped[str] = mapped_column(String(10), default="queued")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    message: Mapped[str] = mapped_column(String(300), default="")
    result: Mapped[dict | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("uq_job_active_key", "key", unique=True,
              sqlite_where=text("state IN ('queued', 'running')"),
              postgresql_where=text("state IN ('queued', 'running')")),
        Index("ix_job_state", "state"),
        CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name="state"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress"),
    )

    @property
    def active(self) -> bool:
        return self.state in ACTIVE


class StoredFile(db.Model):
    """A generated file (a PDF bundle, an export) or an upload waiting for its job, kept in the
    database so that every app server can serve it. `key` says what it was built from: a file whose
    sources changed gets a new key, and the old one is pruned."""

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    mimetype: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
