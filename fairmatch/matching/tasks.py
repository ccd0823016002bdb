"""Matching's background work: pruning the graph's change feed."""

from sqlalchemy import delete, func, select

from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.jobs.registry import periodic
from fairmatch.matching.graph import KEEP
from fairmatch.matching.models import GraphChange


@periodic("prune-graph-changes", 3600)
def prune_graph_changes() -> int:
    """Delete feed rows older than `KEEP`, but never the newest (its number is where every process
    stands); a process that did not read the feed since then rebuilds its graph. Returns the count."""
    newest = db.session.scalar(select(func.max(GraphChange.seq)))
    if newest is None:
        return 0
    pruned = db.session.execute(
        delete(GraphChange).where(GraphChange.created_at < utcnow() - KEEP, GraphChange.seq < newest)
    ).rowcount
    db.session.commit()
    return pruned
