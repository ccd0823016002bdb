"""Write to the audit log; the caller's transaction commits it with the change it records."""

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db


def record(action: str, record, details: dict | None = None, *, actor) -> AuditEntry:
    """Log `action` on `record` (a model instance) by `actor`; None is the system itself (a hold
    that expired, an offer made by the waitlist), never whoever's request happened to run it."""
    entry = AuditEntry(
        actor_id=actor.id if actor is not None else None,
        action=action,
        record_type=type(record).__name__,
        record_id=str(record.id),
        details=details or {},
    )
    db.session.add(entry)
    return entry
