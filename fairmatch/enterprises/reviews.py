"""The organizers' verification of new enterprises and of recognised-key-product claims.

A decline always carries a reason, shown to the enterprise's members; their next edit sends the
profile or the claim back to the queue.
"""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.errors import Conflict, NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.notifications.services import notify

# What waits for an organizer: the queue lists these rows and the dashboard counts them.
ENTERPRISE_WAITING = (Enterprise.verified.is_(False), Enterprise.declined_reason.is_(None))
CLAIM_WAITING = (
    Product.recognized_year.is_not(None),
    Product.recognized_verified.is_(False),
    Product.recognized_declined_reason.is_(None),
)


def verification_queue() -> tuple[list[Enterprise], list[Product]]:
    """Enterprises waiting for verification, oldest first, and recognition claims waiting."""
    enterprises = db.session.scalars(
        select(Enterprise)
        .where(*ENTERPRISE_WAITING)
        .options(selectinload(Enterprise.sectors))
        .order_by(Enterprise.created_at, Enterprise.id)
    )
    claims = db.session.scalars(
        select(Product)
        .where(*CLAIM_WAITING)
        .options(selectinload(Product.enterprise), selectinload(Product.category))
        .order_by(Product.id)
    )
    return list(enterprises), list(claims)


def require_waiting(item: Enterprise | Product) -> None:
    """Refuse an item that has left the verification queue (decided meanwhile, e.g. by a colleague)."""
    if isinstance(item, Enterprise):
        decided = item.verified or item.declined_reason is not None
    else:
        decided = (item.recognized_year is None or item.recognized_verified
                   or item.recognized_declined_reason is not None)
    if decided:
        raise Conflict(_("This has already been decided."))


def _reason(approve: bool, reason: str | None) -> str | None:
    if approve:
        return None
    if not reason:
        raise RuleViolation(_("Give the reason for declining: the enterprise will read it."))
    return reason


def review_enterprise(enterprise: Enterprise, *, approve: bool, reason: str | None, actor) -> None:
    """Verify the enterprise, or decline its verification for `reason`."""
    enterprise.declined_reason = _reason(approve, reason)
    enterprise.verified = approve
    enterprise.reviewed_at = utcnow()
    record("enterprise.verified" if approve else "enterprise.declined", enterprise,
           {"reason": enterprise.declined_reason}, actor=actor)
    for member in enterprise.members:
        notify(member, "verification_decided", enterprise=enterprise, approved=approve,
               reason=enterprise.declined_reason)
    db.session.commit()


def find_claim(product_id: int) -> Product:
    product = db.session.get(Product, product_id)
    if product is None or product.recognized_year is None:
        raise NotFound(_("This recognition claim no longer exists."))
    return product


def review_claim(product: Product, *, approve: bool, reason: str | None, actor) -> None:
    """Verify a recognised-key-product claim, or decline it for `reason`."""
    product.recognized_declined_reason = _reason(approve, reason)
    product.recognized_verified = approve
    record("product.claim_verified" if approve else "product.claim_declined", product,
           {"enterprise": product.enterprise.key, "reason": product.recognized_declined_reason}, actor=actor)
    for member in product.enterprise.members:
        notify(member, "claim_decided", product=product, approved=approve, reason=product.recognized_declined_reason)
    db.session.commit()
