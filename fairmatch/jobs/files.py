"""Generated files and waiting uploads, stored in the database so that every app server serves them."""

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.jobs.models import StoredFile

KEEP = timedelta(days=2)
"""Files older than this are pruned; a document asked again is simply built again."""


def stored(key: str) -> StoredFile | None:
    return db.session.get(StoredFile, key)


def store(key: str, name: str, mimetype: str, content: bytes) -> None:
    """Add the file to the session (committed with the job that built it); a second build of the
    same key keeps the first."""
    if db.session.scalar(select(StoredFile.key).where(StoredFile.key == key)) is None:
        db.session.add(StoredFile(key=key, name=name, mimetype=mimetype, content=content, size=len(content)))


def store_now(key: str, name: str, mimetype: str, content: bytes) -> None:
    """Store and commit at once (an upload, before its job is sent)."""
    store(key, name, mimetype, content)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()


def prune() -> int:
    gone = db.session.execute(delete(StoredFile).where(StoredFile.created_at < utcnow() - KEEP)).rowcount
    db.session.commit()
    return gone
