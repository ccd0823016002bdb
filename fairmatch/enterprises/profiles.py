"""Editing an enterprise: its profile, products and needs, and how complete the profile is.

A member's change of the legal names sends a verified profile back to the organizers' queue, and
so does any edit of a declined one; a changed recognised-product claim waits for verification
again. Organizers' own edits count as verified.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from fairmatch.audit.services import record
from fairmatch.common.quantities import convert
from fairmatch.enterprises.forms import PROFILE_FIELDS
from fairmatch.enterprises.models import Category, Enterprise, Need, Product
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.errors import Conflict, NotFound
from fairmatch.extensions import db
from fairmatch.i18n import language, number, unit_label

SCALAR_FIELDS = ("key", "country", "tax_code", "registration_no", "kind", *PROFILE_FIELDS,
                 "founded_year", "employees", "export_markets")


def update_profile(enterprise: Enterprise, changes: dict, actor) -> bool:
    """Write the profile; True when the edit puts it (back) in the verification queue."""
    if changes["key"] != enterprise.key and enterprise_by_key(changes["key"]) is not None:
        raise Conflict(_("Another enterprise already has this tax code or registration number."))
    changed = [name for name in SCALAR_FIELDS if getattr(enterprise, name) != changes[name]]
    for name in changed:
        setattr(enterprise, name, changes[name])
    if enterprise.set_sectors(changes["sectors"]):
        changed.append("sectors")
    if enterprise.set_certifications(changes["certifications"]):
        changed.append("certifications")
    queued = False
    if not actor.is_organizer:
        renamed = {"name_vi", "name_en"} & set(changed)
        if (enterprise.verified and renamed) or (enterprise.declined_reason and changed):
            enterprise.verified, enterprise.declined_reason = False, None
            queued = True
    if changed:
        record("enterprise.updated", enterprise, {"fields": changed}, actor=actor)
    db.session.commit()
    return queued


def all_categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.code)))


def _category(code: str) -> Category:
    category = db.session.scalar(select(Category).where(Category.code == code))
    if category is None:
        raise NotFound(_("This category no longer exists. Choose another one."))
    return category


def find_product(enterprise: Enterprise, product_id: int) -> Product:
    product = db.session.get(Product, product_id)
    if product is None or product.enterprise_id != enterprise.id:
        raise NotFound(_("This product is not in this enterprise's list."))
    return product


def find_need(enterprise: Enterprise, need_id: int) -> Need:
    need = db.session.get(Need, need_id)
    if need is None or need.enterprise_id != enterprise.id:
        raise NotFound(_("This need is not in this enterprise's list."))
    return need


def save_product(enterprise: Enterprise, product: Product | None, changes: dict, actor) -> Product:
    """Add or update a product. A new or changed recognition claim is verified only when an
    organizer makes it; otherwise it waits in the verification queue."""
    category = _category(changes["category"])
    if product is None:
        product = Product(enterprise=enterprise, recognized_verified=False)
        db.session.add(product)
    product.category = category
    for name in ("name_vi", "name_en", "description", "hs_code"):
        setattr(product, name, changes[name])
    product.capacity_value, product.capacity_unit = changes["capacity"]
    product.min_order_value, product.min_order_unit = changes["min_order"]
    claim = changes["recognized"]
    if claim is None:
        product.recognized_year = product.recognized_decision_no = product.recognized_declined_reason = None
        product.recognized_verified = False
    elif claim != (product.recognized_year, product.recognized_decision_no):
        product.recognized_year, product.recognized_decision_no = claim
        product.recognized_verified = actor.is_organizer
        product.recognized_declined_reason = None
    db.session.flush()
    record("product.saved", product, {"enterprise": enterprise.key, "claim": product.claim_state}, actor=actor)
    db.session.commit()
    return product


def delete_product(product: Product, actor) -> None:
    record("product.deleted", product, {"enterprise": product.enterprise.key, "name": product.name("vi")}, actor=actor)
    db.session.delete(product)
    db.session.commit()


def save_need(enterprise: Enterprise, need: Need | None, changes: dict, actor) -> Need:
    category = _category(changes["category"])
    if need is None:
        need = Need(enterprise=enterprise)
        db.session.add(need)
    need.category = category
    need.volume_value, need.volume_unit = changes["volume"]
    need.required_certifications = changes["required_certifications"]
    need.notes = changes["notes"]
    db.session.flush()
    record("need.saved", need, {"enterprise": enterprise.key, "category": category.code}, actor=actor)
    db.session.commit()
    return need


OVERSIZE = 1.5
"""A stated volume above this many times what the firm's own output uses is worth a second look."""


def need_warnings(enterprise: Enterprise, need: Need) -> list[str]:
    """What a procurement engineer would question in a stated need, without refusing it: a need
    that goes into nothing the firm makes, or a volume larger than its stated output uses."""
    made = [product for product in enterprise.products if product.category_id]
    if not made:
        return []  # a buyer or a trader: what it buys is not bound to what it makes
    uses = [(product, link) for product in made for link in product.category.input_links
            if link.input_id == need.category_id]
    if not uses:
        return [_("%(need)s goes into none of the products you list. Check the category, or add the product it "
                  "is for.", need=need.category.name(language()))]
    used = _volume_used(uses, need.volume_unit)
    if need.volume_value and used and need.volume_value > OVERSIZE * used:
        return [_("%(volume)s %(unit)s a year is more than your output uses: your stated capacity needs about "
                  "%(used)s %(unit)s. Check the volume or the capacity.", volume=number(need.volume_value),
                  unit=unit_label(need.volume_unit), used=number(round(used, 1)))]
    return []


def _volume_used(uses, unit: str | None) -> float | None:
    """How much of the input the firm's stated capacity uses a year, in `unit`; None when unknown."""
    total = 0.0
    for product, link in uses:
        if not (unit and link.per_unit_value and product.capacity_value):
            return None
        share = convert(product.capacity_value * link.per_unit_value, link.per_unit_unit, unit)
        if share is None:
            return None
        total += share
    return total


def delete_need(need: Need, actor) -> None:
    record("need.deleted", need, {"enterprise": need.enterprise.key, "category": need.category.code}, actor=actor)
    db.session.delete(need)
    db.session.commit()


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[tuple[str, str]]
    """(what is missing, the id of the place in the edit page where it is filled in)"""


def completeness(enterprise: Enterprise) -> Completeness:
    """How much of the profile is filled in, and what is still missing."""
    e = enterprise
    items = [
        (_l("Legal name in Vietnamese"), "name_vi", e.name_vi),
        (_l("Name in English"), "name_en", e.name_en),
        (_l("Sectors"), "sectors", e.sectors),
        (_l("Address"), "address", e.address),
        (_l("Commune, ward or area"), "locality", e.locality),
        (_l("Year founded"), "founded_year", e.founded_year),
        (_l("Employees"), "employees", e.employees),
        (_l("Description in Vietnamese"), "description_vi", e.description_vi),
        (_l("Description in English"), "description_en", e.description_en),
        (_l("Website"), "website", e.website),
        (_l("Contact person with an email or phone"), "contact_name",
         e.contact_name and (e.contact_email or e.contact_phone)),
        (_l("Certifications"), "certifications", e.certifications),
        (_l("Logo"), "logo", e.logo),
    ]
    if e.kind != "buyer":
        items.append((_l("At least one product"), "products", e.products))
    if e.kind in ("buyer", "lead", "fdi"):
        items.append((_l("At least one need (what you buy)"), "needs", e.needs))
    missing = [(str(label), anchor) for label, anchor, value in items if not value]
    return Completeness(round(100 * (len(items) - len(missing)) / len(items)), missing)
