"""Buyers' sourcing requests and the suppliers ranked for each."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.common.quantities import is_quantity
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Category, Enterprise
from fairmatch.errors import NotAllowed, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.matching.graph import supply_graph
from fairmatch.matching.models import SourcingRequest
from fairmatch.supplychain import Quantity, rank_for_request, to_json
from fairmatch.supplychain import SourcingRequest as GraphRequest


def requests_of(enterprise: Enterprise) -> list[SourcingRequest]:
    return list(db.session.scalars(
        select(SourcingRequest).where(SourcingRequest.enterprise_id == enterprise.id)
        .order_by(SourcingRequest.created_at.desc(), SourcingRequest.id.desc())
    ))


def post_request(enterprise: Enterprise, actor, *, category: str, volume_value, volume_unit: str,
                 required_certifications: list[str], deadline_on, notes: str | None) -> SourcingRequest:
    found = db.session.scalar(select(Category).where(Category.code == category))
    if found is None:
        raise RuleViolation(_("Choose a category from the list."))
    if deadline_on is not None and deadline_on < utcnow().date():
        raise RuleViolation(_("The date must not be in the past."))
    if volume_value is not None and not is_quantity(float(volume_value)):
        raise RuleViolation(_("Enter a number between 0 and 10¹⁵."))
    request = SourcingRequest(
        enterprise_id=enterprise.id, category=found, required_certifications=sorted(required_certifications),
        volume_value=float(volume_value) if volume_value is not None else None,
        volume_unit=volume_unit if volume_value is not None else None,
        deadline_on=deadline_on, notes=notes or None, created_by_id=actor.id,
    )
    db.session.add(request)
    db.session.flush()
    record("sourcing_request.posted", request, {"category": category}, actor=actor)
    db.session.commit()
    return request


def request_for(request_id: int, user) -> SourcingRequest:
    request = db.session.get(SourcingRequest, request_id)
    if request is None:
        raise NotFound(_("This request does not exist."))
    if not (user.is_organizer or request.enterprise.has_member(user)):
        raise NotAllowed(_("Only members of this enterprise can do this."))
    return request


def suppliers_for(request: SourcingRequest, lang: str, limit: int = 20) -> list[dict]:
    """Suppliers ranked for the request (a missing required certification excludes), explained."""
    graph = supply_graph()
    buyer = request.enterprise.key if request.enterprise.key in graph else None
    volume = Quantity(request.volume_value, request.volume_unit) if request.volume_unit else None
    wanted = GraphRequest(request.category.code, frozenset(request.required_certifications), volume, buyer)
    ranked = [m for m in rank_for_request(graph, wanted, limit=limit + 1) if m.key != buyer][:limit]
    with force_locale(lang):
        return [to_json(match, rank, graph, buyer, _, lang) for rank, match in enumerate(ranked, start=1)]
