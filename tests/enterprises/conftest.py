"""Factories for the enterprise tests: categories, a member signed in on their enterprise, forms."""

import pytest
from sqlalchemy import select

from fairmatch.common.vocabulary import CERTIFICATIONS
from fairmatch.enterprises.models import Category, CategoryInput, Enterprise, Product
from fairmatch.extensions import db


@pytest.fixture
def make_category(app):
    """Create a taxonomy category; returns its code."""

    def make(code="MECH.MACHINED_PARTS", *, name_vi="Chi tiết gia công chính xác", name_en="Precision machined parts",
             sector="precision-mechanics", inputs=(), parent=None) -> str:
        with app.app_context():
            known = {c.code: c for c in db.session.scalars(select(Category))}
            category = Category(code=code, name_vi=name_vi, name_en=name_en, sector=sector, parent=known.get(parent),
                                input_links=[CategoryInput(input_id=known[i].id) for i in inputs])
            db.session.add(category)
            db.session.commit()
        return code

    return make


@pytest.fixture
def make_product(app):
    """Add a product to an enterprise; returns the product's id."""

    def make(key, category, **fields) -> int:
        with app.app_context():
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            category_row = db.session.scalar(select(Category).where(Category.code == category))
            product = Product(enterprise=enterprise, category=category_row, **({"name_vi": "Trục thép"} | fields))
            db.session.add(product)
            db.session.commit()
            return product.id

    return make


@pytest.fixture
def member(make_enterprise, make_user, auth):
    """A signed-in exhibitor who owns a freshly made enterprise; returns the enterprise's key."""
    key = make_enterprise()
    auth.login(make_user(enterprise=key))
    return key


def profile_form(**overrides) -> dict:
    """A complete, valid profile form as a browser posts it (no certification ticked)."""
    data = {
        "name_vi": "Công ty TNHH Cơ khí Hòa Lạc", "name_en": "Hoa Lac Mechanics Co., Ltd.", "kind": "supplier",
        "sectors": ["precision-mechanics"], "address": "Lô 12, KCN Thạch Thất – Quốc Oai, Hà Nội",
        "locality": "Thạch Thất", "industrial_park": "Thạch Thất – Quốc Oai", "founded_year": "2004",
        "employees": "180", "description_vi": "Gia công chi tiết chính xác.", "description_en": "Precision machining.",
        "website": "https://hoalac.example.vn", "contact_name": "Trần Thị Mai",
        "contact_email": "mai@hoalac.example.vn", "contact_phone": "+84 24 3333 4444", "export_markets": "JP, KR",
    }
    for i in range(len(CERTIFICATIONS)):
        data[f"certifications-{i}-expires_on"] = ""
    return data | overrides


def certification(name: str, expires_on: str = "") -> dict:
    """The form fields that tick certification `name` (with an optional expiry)."""
    i = CERTIFICATIONS.index(name)
    return {f"certifications-{i}-held": "y", f"certifications-{i}-expires_on": expires_on}


def enterprise(app, key) -> Enterprise:
    """The stored enterprise, read in a fresh session (its relations loaded)."""
    with app.app_context():
        found = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        for relation in ("sectors", "certifications", "products", "needs", "logo"):
            getattr(found, relation)
        db.session.expunge(found)
        return found
