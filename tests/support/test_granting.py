"""Support is granted when an application is submitted: the first rule, in order of precedence, whose criteria
the enterprise meets and whose budget still covers the whole amount; the budget is never overspent, and a booking
that ends gives its support back."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.extensions import db
from fairmatch.support.models import SupportRule
from tests.conftest import signed_in
from tests.support.conftest import PRICE


def _reservation(reservation_id: int) -> BoothReservation:
    return db.session.get(BoothReservation, reservation_id)


def test_a_recognised_key_product_firm_gets_a_free_booth_confirmed_on_approval(
    app, exhibitor, apply_for, make_rule, organizer
):
    rule_id = make_rule(needs_recognised_product=True, percent_off=100)
    email, _key = exhibitor(recognised=True)
    reservation_id = apply_for(email, "A02")
    with app.test_request_context():
        reservation = _reservation(reservation_id)
        assert (reservation.price_vnd, reservation.support_vnd, reservation.total_vnd) == (PRICE, PRICE, 0)
        assert db.session.get(SupportRule, rule_id).granted_vnd == PRICE
        services.approve(reservation, find_user(organizer))
        assert reservation.state == "confirmed"  # nothing to pay


def test_a_small_supplier_pays_half_and_vat_only_on_its_half(app, exhibitor, apply_for, make_rule):
    make_rule(max_employees=200, kinds=["supplier"], percent_off=50)
    email, _key = exhibitor(employees=120, kind="supplier")
    reservation_id = apply_for(email, "A02")
    with app.app_context():
        reservation = _reservation(reservation_id)
        assert reservation.support_vnd == 7_500_000
        assert reservation.vat_vnd == 600_000 and reservation.total_vnd == 8_100_000


@pytest.mark.parametrize(
    "profile",
    [
        {"recognised": False, "employees": 50, "kind": "supplier"},  # no recognised product
        {"recognised": True, "employees": 900, "kind": "supplier"},  # too large
        {"recognised": True, "employees": None, "kind": "supplier"},  # size unknown
        {"recognised": True, "employees": 50, "kind": "lead"},  # not a supplier
    ],
)
def test_an_enterprise_failing_one_criterion_pays_the_list_price(app, exhibitor, apply_for, make_rule, profile):
    rule_id = make_rule(needs_recognised_product=True, max_employees=200, kinds=["supplier"])
    email, _key = exhibitor(**profile)
    reservation_id = apply_for(email, "A02")
    with app.app_context():
        reservation = _reservation(reservation_id)
        assert reservation.support_grant is None and reservation.total_vnd == 16_200_000
        assert db.session.get(SupportRule, rule_id).granted_vnd == 0


def test_when_the_first_rule_has_no_budget_left_the_next_that_applies_is_granted(app, exhibitor, apply_for, make_rule):
    first = make_rule(name_en="Free booths", percent_off=100, budget_vnd=20_000_000)
    second = make_rule(name_en="Half price", percent_off=50, budget_vnd=10_000_000)
    granted = []
    for code in ("A01", "A02", "A03"):
        email, _key = exhibitor()
        reservation_id = apply_for(email, code)
        with app.app_context():
            grant = _reservation(reservation_id).support_grant
            granted.append((grant.rule_id, grant.amount_vnd) if grant else None)
    # 20 M covers one free booth; the next gets half price; the half-price budget cannot cover a third.
    assert granted == [(first, PRICE), (second, 7_500_000), None]
    with app.app_context():
        assert [db.session.get(SupportRule, r).granted_vnd for r in (first, second)] == [PRICE, 7_500_000]


def test_a_cancelled_or_rejected_booking_gives_its_support_back_to_the_budget(
    app, exhibitor, apply_for, make_rule, organizer
):
    rule_id = make_rule(budget_vnd=PRICE)
    first_email, _ = exhibitor()
    first = apply_for(first_email, "A01")
    second_email, _ = exhibitor()
    second = apply_for(second_email, "A02")
    with app.test_request_context():
        assert _reservation(first).support_vnd == PRICE and _reservation(second).support_grant is None
        services.reject(_reservation(first), find_user(organizer), "Hồ sơ thiếu giấy phép")
        assert db.session.get(SupportRule, rule_id).granted_vnd == 0
    third_email, _ = exhibitor()
    third = apply_for(third_email, "A03")
    with app.test_request_context():
        assert _reservation(third).support_vnd == PRICE
        services.cancel(_reservation(third), find_user(organizer))
        assert db.session.get(SupportRule, rule_id).granted_vnd == 0
        assert _reservation(third).support_grant is None


def test_a_moved_booking_is_supported_on_its_new_price(app, exhibitor, apply_for, make_rule, organizer):
    rule_id = make_rule(percent_off=50)
    email, _key = exhibitor()
    reservation_id = apply_for(email, "A02")
    with app.test_request_context():
        services.move(_reservation(reservation_id), ["A03", "A04"], find_user(organizer))
        reservation = _reservation(reservation_id)
        assert reservation.support_vnd == PRICE  # half of two booths
        assert db.session.get(SupportRule, rule_id).granted_vnd == PRICE


def test_the_database_refuses_to_grant_beyond_the_budget(app, make_rule):
    rule_id = make_rule(budget_vnd=PRICE)
    with app.app_context(), pytest.raises(IntegrityError):
        db.session.execute(text("UPDATE support_rule SET granted_vnd = budget_vnd + 1 WHERE id = :id"), {"id": rule_id})
        db.session.flush()


def test_the_exhibitors_page_and_payment_request_show_list_price_support_and_amount_due(
    app, exhibitor, apply_for, make_rule, organizer
):
    from tests.booths.test_documents import pdf_text

    make_rule(name_vi="Hỗ trợ DN CNHT nhỏ và vừa", name_en="Supporting-industry SMEs", percent_off=50)
    email, _key = exhibitor()
    reservation_id = apply_for(email, "A02")
    with app.test_request_context():
        services.approve(_reservation(reservation_id), find_user(organizer))
    client = signed_in(app, email)
    page = client.get(f"/me/booths/{reservation_id}?lang=vi").get_data(as_text=True)
    assert "Hỗ trợ DN CNHT nhỏ và vừa" in page and "−7.500.000" in page and "8.100.000" in page
    text_vi, _pages = pdf_text(client.get(f"/me/booths/{reservation_id}/payment-request.pdf?lang=vi"))
    assert "Hỗ trợ DN CNHT nhỏ và vừa" in text_vi and "15.000.000" in text_vi and "8.100.000" in text_vi
    text_en, _pages = pdf_text(client.get(f"/me/booths/{reservation_id}/payment-request.pdf?lang=en"))
    assert "Support: Supporting-industry SMEs" in text_en and "Amount due" in text_en


def test_the_booth_page_tells_an_eligible_exhibitor_what_the_programme_would_pay(app, exhibitor, make_rule):
    make_rule(name_en="Supporting-industry SMEs", percent_off=50, max_employees=200)
    small, _key = exhibitor(employees=80)
    large, _key = exhibitor(employees=800)
    page = signed_in(app, small).get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert "supported: −₫7,500,000" in page and "Supporting-industry SMEs" in page
    assert "supported:" not in signed_in(app, large).get("/plan/booths/A02?lang=en").get_data(as_text=True)


def test_an_approved_booking_moved_onto_a_budget_that_now_pays_it_all_is_confirmed(
    app, exhibitor, apply_for, make_rule, organizer
):
    rule_id = make_rule(budget_vnd=PRICE)
    first_email, _ = exhibitor()
    first = apply_for(first_email, "A01")
    second_email, _ = exhibitor()
    second = apply_for(second_email, "A02")
    with app.test_request_context():
        services.approve(_reservation(second), find_user(organizer))  # the budget went to the first: it owes
        assert _reservation(second).state == "approved"
        services.cancel(_reservation(first), find_user(organizer))
        services.move(_reservation(second), ["A03"], find_user(organizer))
        reservation = _reservation(second)
        assert (reservation.support_vnd, reservation.total_vnd, reservation.state) == (PRICE, 0, "confirmed")
        assert db.session.get(SupportRule, rule_id).granted_vnd == PRICE
