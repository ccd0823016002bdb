"""The product taxonomy: categories, their grouping, and what each is made from.

The `inputs` relation is the supply-chain graph that matching walks, so it must stay free of
loops: a change that would close one is refused with the loop spelled out.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.common.exchange_validation import input_cycle, parent_cycle
from fairmatch.common.vocabulary import UNIT_DIMENSIONS
from fairmatch.enterprises.import_export import input_entry
from fairmatch.enterprises.models import Category, CategoryInput, Need, Product
from fairmatch.enterprises.words import words
from fairmatch.errors import Conflict, NotFound, RuleViolation
from fairmatch.extensions import db


class CategoryRefused(RuleViolation):
    """A category change refused because of one field (`field` names it)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Usage:
    products: int
    needs: int
    children: int
    outputs: list[Category]
    """Categories made from this one."""


def find_category(code: str) -> Category:
    category = db.session.scalar(select(Category).where(Category.code == code))
    if category is None:
        raise NotFound(_("There is no category %(code)s.", code=code))
    return category


def browse(q: str = "", sector: str = "") -> list[Category]:
    """Categories by code, filtered by words of their code or names and by sector."""
    statement = select(Category).options(selectinload(Category.input_links), selectinload(Category.parent))
    if sector:
        statement = statement.where(Category.sector == sector)
    wanted = words(q)
    categories = db.session.scalars(statement.order_by(Category.code))
    return [c for c in categories if all(w in " ".join(words(f"{c.code} {c.name_vi} {c.name_en}")) for w in wanted)]


def usage(category: Category) -> Usage:
    """What still points at `category`; a buyer's sourcing request counts as a need."""
    from fairmatch.matching.models import SourcingRequest

    def count(model, column) -> int:
        return db.session.scalar(select(func.count()).select_from(model).where(column == category.id))

    outputs = db.session.scalars(
        select(Category).join(CategoryInput, CategoryInput.output_id == Category.id)
        .where(CategoryInput.input_id == category.id).order_by(Category.code)
    )
    needs = count(Need, Need.category_id) + count(SourcingRequest, SourcingRequest.category_id)
    return Usage(count(Product, Product.category_id), needs,
                 count(Category, Category.parent_id), list(outputs))


def save_category(category: Category | None, data: dict, actor) -> Category:
    """Create a category (`category` None) or update one from `data`: code (new ones only),
    name_vi, name_en, sector, hs, parent (a code or None) and inputs, each (code, kind, per_unit)."""
    known = {c.code: c for c in db.session.scalars(select(Category).options(selectinload(Category.input_links)))}
    code = category.code if category is not None else data["code"]
    if category is None and code in known:
        raise Conflict(_("A category with the code %(code)s already exists.", code=code))
    input_codes = [link[0] for link in data["inputs"]]
    unknown = [c for c in [data["parent"], *input_codes] if c and c not in known and c != code]
    if unknown:
        field = "parent" if data["parent"] in unknown else "inputs"
        raise CategoryRefused(field, _("Unknown category codes: %(codes)s.", codes=", ".join(unknown)))
    if code in input_codes:
        raise CategoryRefused("inputs", _("A category cannot be an input of itself."))
    _check_units(known, code, data["inputs"])
    graph = {c: [link.code for link in known[c].input_links] for c in known} | {code: input_codes}
    loop = input_cycle(graph)
    if loop:
        raise CategoryRefused("inputs", _(
            "Refused: this would make a loop in the supply chain (%(loop)s, each made from the next). "
            "A category cannot be an input of itself, directly or through other categories.",
            loop=" → ".join(loop),
        ))
    parents = {c: known[c].parent.code for c in known if known[c].parent is not None} | {code: data["parent"]}
    loop = parent_cycle({c: p for c, p in parents.items() if p})
    if loop:
        raise CategoryRefused("parent", _(
            "Refused: a category cannot be inside itself (%(loop)s).", loop=" → ".join(loop)
        ))
    if category is None:
        category = Category(code=code)
        db.session.add(category)
    category.name_vi, category.name_en, category.sector = data["name_vi"], data["name_en"], data["sector"]
    category.hs = data.get("hs")
    category.parent = known[data["parent"]] if data["parent"] else None
    category.input_links = [
        CategoryInput(input_id=known[link_code].id, kind=kind, per_unit_value=value, per_unit_unit=unit)
        for link_code, kind, value, unit in sorted(input_entry(*link) for link in data["inputs"])
    ]
    db.session.flush()
    db.session.expire(category, ["inputs"])
    record("category.saved", category, {"code": code, "inputs": sorted(input_codes)}, actor=actor)
    db.session.commit()
    return category


def _check_units(known: dict[str, Category], code: str, links: list[tuple[str, str, dict | None]]) -> None:
    """An input is counted in one dimension everywhere: tonnes of steel here, tonnes elsewhere."""
    counted = {link.code: link.per_unit_unit for c in known.values() if c.code != code
               for link in c.input_links if link.per_unit_unit}
    for link_code, _kind, per_unit in links:
        other = counted.get(link_code)
        if per_unit and other and UNIT_DIMENSIONS[other] != UNIT_DIMENSIONS[per_unit["unit"]]:
            raise CategoryRefused("inputs", _(
                "%(code)s is counted in %(other)s in other categories: give its quantity in a unit of the same kind.",
                code=link_code, other=other))


def delete_category(category: Category, actor) -> None:
    """Delete a category that nothing uses; its input relations go with it."""
    used = usage(category)
    if used.products or used.needs or used.children:
        raise RuleViolation(_(
            "%(code)s is still in use (products: %(products)d, needs: %(needs)d, subcategories: %(children)d): "
            "move them to another category first.",
            code=category.code, products=used.products, needs=used.needs, children=used.children,
        ))
    record("category.deleted", category, {"code": category.code}, actor=actor)
    db.session.delete(category)
    db.session.commit()
