"""Data stamps: one counter per feature whose tables documents are built from, moved after every
commit that changed them. A generated file is keyed by the stamps of what it reads, so it is rebuilt
exactly when one of them moved (and a page can answer "nothing changed" from them alone).

The counters are moved after the commit, on a connection of their own: inside the transaction the
row lock would make every writer of a feature wait for the longest of them (a 20-second import would
hold up every profile edit). A file built while a change commits is keyed by the stamps read before
it started, which the change then moves past, so the file is never taken for fresh."""

import hashlib
import time

from sqlalchemy import bindparam, column, event, insert, select, table, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

SOURCES = ("auth", "booths", "enterprises", "events", "fairs", "meetings", "people", "register", "support")
"""The features (packages) whose tables documents and pages are built from (`auth`: whether a
person's email is confirmed decides whether their enterprise is listed)."""

_stamps = table("change_stamp", column("name"), column("value"))


def name_of(source: str) -> str:
    return f"data:{source}"


def source_of(obj) -> str | None:
    return _source_of_class(type(obj))


def _source_of_class(cls) -> str | None:
    parts = cls.__module__.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "fairmatch" and parts[1] in SOURCES else None


@event.listens_for(Session, "before_flush")
def _note_changes(session, flush_context, instances) -> None:
    changed = session.info.setdefault("changed_sources", set())
    for obj in (*session.new, *session.deleted):
        changed.add(source_of(obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            changed.add(source_of(obj))
    changed.discard(None)


@event.listens_for(Session, "do_orm_execute")
def _note_statements(state) -> None:
    """An UPDATE, DELETE or INSERT statement changes rows without flushing objects: note its feature too
    (a side event's attendance is marked by one)."""
    if (state.is_update or state.is_delete or state.is_insert) and state.bind_mapper is not None:
        source = _source_of_class(state.bind_mapper.class_)
        if source is not None:
            state.session.info.setdefault("changed_sources", set()).add(source)


@event.listens_for(Session, "after_commit")
def _stamps_due(session) -> None:
    changed = session.info.pop("changed_sources", None)
    if changed:
        session.info.setdefault("stamps_due", set()).update(changed)


@event.listens_for(Session, "after_transaction_end")
def _move_stamps(session, transaction) -> None:
    """Once the committed transaction has given its connection back: moving them while it is still
    held would take a second connection per writer, and writers racing would exhaust the pool."""
    if transaction.parent is None and session.info.get("stamps_due"):
        bump(session.get_bind(), session.info.pop("stamps_due"))


@event.listens_for(Session, "after_rollback")
def _forget_changes(session) -> None:
    session.info.pop("changed_sources", None)


def bump(engine, sources) -> None:
    with engine.begin() as connection:
        for source in sorted(sources):
            moved = connection.execute(
                update(_stamps).where(_stamps.c.name == bindparam("n")).values(value=_stamps.c.value + 1),
                {"n": name_of(source)},
            ).rowcount
            if not moved:  # a restored database may lack the row: start from the clock
                try:
                    with connection.begin_nested():
                        connection.execute(insert(_stamps).values(name=name_of(source), value=time.time_ns() // 1000))
                except IntegrityError:
                    pass


def stamps(session, sources) -> dict[str, int]:
    names = [name_of(source) for source in sources]
    found = dict(session.execute(select(_stamps.c.name, _stamps.c.value).where(_stamps.c.name.in_(names))).all())
    return {name: found.get(name, 0) for name in names}


def fingerprint(session, sources, *parts) -> str:
    """A key for something built from `sources` (and `parts`: the document, language, fair, day)."""
    text = repr((sorted(stamps(session, sources).items()), parts))
    return hashlib.sha256(text.encode()).hexdigest()
