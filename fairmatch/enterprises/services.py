"""Finding enterprises: the directory search shared by the pages and the API."""

from dataclasses import dataclass

from sqlalchemy import event, func, select

from fairmatch.enterprises.models import Certification, Enterprise, EnterpriseSector
from fairmatch.extensions import db
from fairmatch.supplychain.text import fold

PAGE_SIZE = 24


@event.listens_for(Enterprise, "before_insert")
@event.listens_for(Enterprise, "before_update")
def _index_for_search(mapper, connection, enterprise: Enterprise) -> None:
    """Keep the accent-folded text that search matches against in step with the names."""
    parts = (
        enterprise.name_vi, enterprise.name_en, enterprise.key,
        enterprise.locality, enterprise.industrial_park,
    )
    enterprise.search_text = fold(" ".join(p for p in parts if p))


@dataclass(frozen=True)
class DirectoryQuery:
    q: str = ""
    sector: str = ""
    kind: str = ""
    certification: str = ""
    page: int = 1


def search_enterprises(query: DirectoryQuery) -> tuple[list[Enterprise], int]:
    """One page of enterprises matching every word of `q` (accents ignored) and the filters."""
    statement = select(Enterprise)
    for word in fold(query.q).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(Enterprise.search_text.like(f"%{escaped}%", escape="\\"))
    if query.sector:
        statement = statement.where(
            Enterprise.id.in_(select(EnterpriseSector.enterprise_id).where(EnterpriseSector.sector == query.sector))
        )
    if query.kind:
        statement = statement.where(Enterprise.kind == query.kind)
    if query.certification:
        statement = statement.where(
            Enterprise.id.in_(select(Certification.enterprise_id).where(Certification.name == query.certification))
        )
    total = db.session.scalar(select(func.count()).select_from(statement.subquery()))
    page = max(1, query.page)
    items = db.session.scalars(
        statement.order_by(Enterprise.verified.desc(), Enterprise.search_text, Enterprise.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return list(items), total


def enterprise_by_key(key: str) -> Enterprise | None:
    return db.session.scalar(select(Enterprise).where(Enterprise.key == key))
