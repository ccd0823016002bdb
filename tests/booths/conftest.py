"""A small fair for booth tests: one hall of 2 × 4 booths (one row of a block), zones on demand."""


import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise, EnterpriseSector, Product
from fairmatch.extensions import db
from tests.conftest import signed_in


@pytest.fixture
def fair(make_fair):
    """The current fair with hall A: booths A01–A04 in front, A05–A08 behind them; A01–A04 are an
    electronics zone. Returns the fair id."""
    return make_fair(booths_per_row=4, zones=dict.fromkeys(("A01", "A02", "A03", "A04"), "electrical-electronics"),
                     max_booths_per_enterprise=3, vat_percent=8)


@pytest.fixture
def exhibitor(app, fair, make_enterprise, make_user):
    """Make an exhibitor acting for a complete enterprise (of `sector`); returns (email, key)."""

    def make(sector="electrical-electronics", **fields):
        key = make_enterprise(kind="supplier", address="KCN Thăng Long, Hà Nội", contact_name="Lê Văn Bình",
                              contact_email="binh@example.vn", **fields)
        with app.app_context():
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            enterprise.sectors = [EnterpriseSector(sector=sector)]
            from fairmatch.enterprises.models import Category

            category = Category(code=f"T.{key}", name_vi="Dây cáp", name_en="Cables", sector=sector)
            enterprise.products = [Product(category=category, name_vi="Cáp điện", name_en="Power cable")]
            db.session.commit()
        return make_user(enterprise=key), key

    return make


@pytest.fixture
def submitted(app, exhibitor):
    """An application for `code` from a new complete exhibitor; returns (reservation id, key)."""

    def make(code="A02", **fields) -> tuple[int, str]:
        email, key = exhibitor(**fields)
        client = signed_in(app, email)
        reservation_id = client.post(f"/api/v1/booths/{code}/reservations", json={}).json["id"]
        assert client.post(f"/api/v1/reservations/{reservation_id}/submit").status_code == 200
        return reservation_id, key

    return make


@pytest.fixture
def confirmed(app, submitted, make_user):
    """An application approved and paid in full by an organizer; returns (reservation id, key,
    the organizer's email)."""

    def make(pay=True, **fields) -> tuple[int, str, str]:
        from fairmatch.auth.services import find_user
        from fairmatch.booths import services
        from fairmatch.booths.models import BoothReservation

        reservation_id, key = submitted(**fields)
        organizer = make_user("organizer")
        with app.test_request_context():
            reservation = db.session.get(BoothReservation, reservation_id)
            services.approve(reservation, find_user(organizer))
            if pay:
                services.record_payment(reservation, find_user(organizer), reservation.total_vnd,
                                        reservation.submitted_at.date())
        return reservation_id, key, organizer

    return make
