"""Write to the audit log; the caller's transaction commits it with the change it records."""

from flask_login import current_user

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db


def record(action: str, record, details: dict | None = None, actor=None) -> AuditEntry:
    """Log `action` on `record` (a model instance) by `actor`, or by the signed-in user."""
    if actor is None and current_user and current_user.is_authenticated:
        actor = current_user
    entry = AuditEntry(
        actor_id=actor.id if actor is not None else None,
        action=action,
        record_type=type(record).__name__,
        record_id=str(record.id),
        details=details or {},
    )
    db.session.add(entry)
    return entry
