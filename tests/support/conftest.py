"""A small fair for support tests: hall A of 2 × 4 booths at 15,000,000 ₫, VAT 8 %; exhibitors with or
without a recognised key product, of a given size and kind; rules made through the service."""

import pytest
from sqlalchemy import select

from fairmatch.auth.services import find_user
from fairmatch.enterprises.models import Category, Enterprise, EnterpriseSector, Product
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.support.services import save_rule
from tests.conftest import signed_in

PRICE = 15_000_000


@pytest.fixture
def fair(make_fair):
    return make_fair(booths_per_row=4, max_booths_per_enterprise=3, vat_percent=8)


@pytest.fixture
def exhibitor(app, fair, make_enterprise, make_user):
    """A complete enterprise ready to apply (`recognised`: one of its products is a verified key product) and a
    member's email; returns (email, key)."""

    def make(*, recognised=False, employees=None, kind="supplier") -> tuple[str, str]:
        key = make_enterprise(
            kind=kind,
            employees=employees,
            address="KCN Thăng Long, Hà Nội",
            contact_name="Lê Văn Bình",
            contact_email="binh@example.vn",
        )
        with app.app_context():
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            enterprise.sectors = [EnterpriseSector(sector="electrical-electronics")]
            category = Category(
                code=f"T.{key}", name_vi="Máy biến áp", name_en="Transformers", sector="electrical-electronics"
            )
            product = Product(category=category, name_vi="Máy biến áp 110 kV", name_en="110 kV transformer")
            if recognised:
                product.recognized_year, product.recognized_decision_no = 2024, "1234/QĐ-UBND"
                product.recognized_verified = True
            enterprise.products = [product]
            db.session.commit()
        return make_user(enterprise=key), key

    return make


@pytest.fixture
def apply_for(app):
    """Hold and submit booth `code` as `email`; returns the reservation id."""

    def apply(email: str, code: str) -> int:
        client = signed_in(app, email)
        reservation_id = client.post(f"/api/v1/booths/{code}/reservations", json={}).json["id"]
        assert client.post(f"/api/v1/reservations/{reservation_id}/submit").status_code == 200
        return reservation_id

    return apply


@pytest.fixture
def organizer(make_user):
    return make_user("organizer")


@pytest.fixture
def make_rule(app, fair, organizer):
    """A support rule of the current fair (a free booth for everyone unless told); returns its id."""

    def make(**fields) -> int:
        values = {
            "name_vi": "Hỗ trợ gian hàng",
            "name_en": "Booth support",
            "needs_recognised_product": False,
            "max_employees": None,
            "kinds": [],
            "percent_off": 100,
            "budget_vnd": 100_000_000,
        } | fields
        with app.test_request_context():
            return save_rule(db.session.get(Fair, fair), find_user(organizer), **values).id

    return make
