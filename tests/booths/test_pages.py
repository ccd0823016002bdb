"""The floor-plan pages, the exhibitor's booth pages and the organizer's booth console."""

import pytest
from sqlalchemy import select

from fairmatch.booths.models import Booth, BoothReservation, Hall, WaitlistEntry
from fairmatch.extensions import db
from tests.conftest import signed_in

CONSOLE_PAGES = ["/organizer/", "/organizer/booths/", "/organizer/booths/halls", "/organizer/booths/halls?booth=A01"]



def test_the_plan_draws_every_booth_with_a_legend_and_a_text_list(client, fair):
    page = client.get("/plan?lang=en").get_data(as_text=True)
    for code in ("A01", "A08"):
        assert f'data-code="{code}"' in page and f">{code}</a></td>" in page
    assert "Available (8)" in page and "Entrance" in page and 'role="group" aria-labelledby="plan-svg-title"' in page


def test_the_plan_filters_dim_booths_that_do_not_match(client, fair):
    page = client.get("/plan?sector=electrical-electronics").get_data(as_text=True)
    assert page.count("booth status-available dim") == 4


def test_reserving_from_the_booth_page_holds_it_and_shows_a_countdown(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    page = client.get("/plan/booths/A02").get_data(as_text=True)
    assert 'value="A01"' in page and 'value="A03"' in page  # neighbours offered
    response = client.post("/plan/booths/A02/reserve", data={"extra": ["A03"]})
    assert response.status_code == 302
    reservation = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "data-expires=" in reservation and "A02, A03" in reservation
    assert "A02, A03" in client.get("/me/booths").get_data(as_text=True)


def test_a_refused_reservation_from_the_page_says_why_on_the_plan(app, exhibitor):
    email, _ = exhibitor(sector="textiles-garments")
    response = signed_in(app, email).post("/plan/booths/A02/reserve?lang=en", data={}, follow_redirects=True)
    assert response.request.path == "/plan"
    assert "zone for another sector" in response.get_data(as_text=True)


def test_joining_the_waitlist_with_a_bad_price_keeps_the_form_and_writes_nothing(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    response = client.post("/me/waitlist", data={"booth_type": "corner", "zone": "", "max_price_vnd": "-5"})
    assert response.status_code == 422
    assert 'value="-5"' in response.get_data(as_text=True)
    assert client.post("/me/waitlist", data={"booth_type": "corner", "zone": ""}).status_code == 302
    with app.app_context():
        assert [e.booth_type for e in db.session.scalars(select(WaitlistEntry))] == ["corner"]


@pytest.mark.parametrize("path", CONSOLE_PAGES)
def test_the_console_is_for_organizers_only(app, client, fair, make_user, path):
    assert client.get(path).status_code == 302
    for role in ("exhibitor", "buyer"):
        assert signed_in(app, make_user(role)).get(path).status_code == 403
    assert signed_in(app, make_user("organizer")).get(path).status_code == 200


def test_the_organizer_approves_and_records_payments_from_the_console(app, submitted, make_user):
    reservation_id, _ = submitted()
    console = signed_in(app, make_user("organizer"))
    path = f"/organizer/booths/reservations/{reservation_id}"
    assert "A02" in console.get("/organizer/booths/").get_data(as_text=True)
    assert console.post(path, data={"action": "approve"}).status_code == 302
    refused = console.post(path, data={"action": "payment", "payment-amount_vnd": "abc",
                                       "payment-paid_on": "2026-09-01"})
    assert refused.status_code == 422 and 'value="abc"' in refused.get_data(as_text=True)
    console.post(path, data={"action": "payment", "payment-amount_vnd": "16200000", "payment-paid_on": "2026-09-01",
                             "payment-reference": "UNC 42"})
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "confirmed"


def test_a_rejection_without_a_reason_is_refused_and_changes_nothing(app, submitted, make_user):
    reservation_id, _ = submitted()
    console = signed_in(app, make_user("organizer"))
    response = console.post(f"/organizer/booths/reservations/{reservation_id}?lang=en",
                            data={"action": "reject", "reject-reason": ""})
    assert response.status_code == 422 and "This field is required." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "submitted"


def test_the_organizer_moves_an_exhibitor_to_another_booth(app, client, submitted, make_user):
    reservation_id, _ = submitted()
    console = signed_in(app, make_user("organizer"))
    console.post(f"/organizer/booths/reservations/{reservation_id}",
                 data={"action": "move", "move-codes": "a07", "move-reason": "Gần lối vào"})
    booths = {b["code"]: b["status"] for b in client.get("/api/v1/booths").json["booths"]}
    assert booths["A07"] == "pending" and booths["A02"] == "available"


def test_the_hall_editor_generates_booths_blocks_and_reprices(app, client, fair, make_user):
    console = signed_in(app, make_user("organizer"))
    response = console.post("/organizer/booths/halls", data={
        "action": "grid", "grid-code": "c", "grid-name_vi": "Nhà C", "grid-name_en": "Hall C", "grid-double_rows": "1",
        "grid-blocks_per_row": "1", "grid-booths_per_block": "3", "grid-aisle_m": "3",
        "grid-price_per_9m2_vnd": "12000000"})
    assert response.status_code == 302
    booths = {b["code"]: b for b in client.get("/api/v1/booths").json["booths"]}
    assert {"C01", "C06"} <= set(booths) and booths["C02"]["price_vnd"] == 12_000_000
    console.post("/organizer/booths/booth/C02", data={"action": "block"})
    assert client.get("/api/v1/booths").json["booths"][9]["status"] == "blocked"
    console.post("/organizer/booths/halls", data={"action": "price", "price-type": "corner",
                                                  "price-price_per_9m2_vnd": "20000000"})
    with app.app_context():
        prices = {b.code: b.price_vnd for b in db.session.scalars(select(Booth).where(Booth.type == "corner"))}
        assert set(prices.values()) == {20_000_000}
        assert db.session.scalar(select(Hall).where(Hall.code == "C")).name_vi == "Nhà C"


def test_a_taken_booth_cannot_be_blocked(app, submitted, make_user):
    submitted()
    console = signed_in(app, make_user("organizer"))
    response = console.post("/organizer/booths/booth/A02", data={"action": "block"})
    assert response.status_code == 409
    with app.app_context():
        assert db.session.scalar(select(Booth.blocked).where(Booth.code == "A02")) is False


def test_the_cached_plan_shows_a_change_on_the_very_next_request(app, client, exhibitor):
    assert 'data-code="A02" data-status="available"' in client.get("/plan").get_data(as_text=True)
    email, _ = exhibitor()
    signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    assert 'data-code="A02" data-status="held"' in client.get("/plan").get_data(as_text=True)


def test_a_meeting_request_keeps_the_rendered_plan_and_a_hold_replaces_it(app, exhibitor, make_enterprise):
    from fairmatch.booths.plan import plan_stamp

    def stamp():
        with app.test_request_context():
            return plan_stamp()

    email, _ = exhibitor()
    client, partner = signed_in(app, email), make_enterprise()
    before = stamp()
    assert client.post("/api/v1/meeting-requests", json={"to": partner}).status_code == 201
    assert stamp() == before
    client.post("/api/v1/booths/A02/reservations", json={})
    assert stamp() != before


def test_the_directory_links_an_exhibitor_to_its_booth_on_the_plan(client, confirmed):
    _, key, _ = confirmed()
    directory = client.get("/directory?booth=1").get_data(as_text=True)
    assert "/plan?booth=A02" in directory and key in directory
    assert "/plan?booth=A02" in client.get(f"/enterprises/{key}").get_data(as_text=True)
    plan = client.get("/plan?booth=A02&lang=en").get_data(as_text=True)
    assert "booth A02, Hall A" in plan and 'data-code="A02" data-status="confirmed"' in plan
    assert client.get("/api/v1/enterprises?booth=1").json["items"][0]["booth"] == "A02"


@pytest.mark.parametrize("field, path, data", [
    ("price_vnd", "/organizer/booths/booth/A02", {"type": "standard", "zone": "", "price_vnd": "150000000000"}),
    ("price_per_9m2_vnd", "/organizer/booths/halls", {"action": "price", "price-type": "corner",
                                                       "price-price_per_9m2_vnd": "150000000000"}),
])
def test_a_booth_price_with_extra_zeros_is_refused_and_changes_nothing(app, fair, make_user, field, path, data):
    console = signed_in(app, make_user("organizer"))
    with app.app_context():
        before = {b.code: b.price_vnd for b in db.session.scalars(select(Booth))}
    response = console.post(path, data=data, follow_redirects=True)
    assert response.status_code in (200, 422) and "Internal" not in response.get_data(as_text=True)
    with app.app_context():
        assert {b.code: b.price_vnd for b in db.session.scalars(select(Booth))} == before


def test_joining_the_waitlist_with_a_price_beyond_any_booth_is_refused(app, exhibitor):
    email, _ = exhibitor()
    response = signed_in(app, email).post("/me/waitlist?lang=en", data={"booth_type": "", "zone": "",
                                                                       "max_price_vnd": "99999999999999"})
    assert response.status_code == 422
    assert "Enter a whole number of đồng, at most 2,000,000,000." in response.get_data(as_text=True)
