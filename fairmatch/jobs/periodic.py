"""Running one periodic task: in its own transaction, and never taking the caller down."""

import logging

from fairmatch.extensions import db
from fairmatch.jobs.registry import PERIODIC

log = logging.getLogger(__name__)


def run_periodic(name: str):
    try:
        return PERIODIC[name].work()
    except Exception:
        db.session.rollback()
        log.exception("periodic task %s failed", name)
        return None
    finally:
        db.session.remove()
