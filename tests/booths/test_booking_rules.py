"""What an exhibitor hits in the first hour (#14): the booking rules said before the click, from the
same checks the service enforces; a refusal that keeps the exhibitor on the plan; the holder told the
booth is theirs; an approved booth no longer "pending"; the sector-zone legend."""

import html
import json
import re
from datetime import timedelta

from markupsafe import escape

from fairmatch.booths.models import BoothReservation
from fairmatch.booths.plan import ZONE_COLOURS
from fairmatch.database import utcnow
from fairmatch.extensions import db
from tests.conftest import signed_in


def verdicts(page: str) -> dict:
    """The signed-in person's verdicts that the plan carries for its script."""
    found = re.search(r'<div id="booth-verdicts" data-verdicts="([^"]*)" hidden>', page)
    assert found, "the plan carries no verdicts"
    return json.loads(html.unescape(found.group(1)))


def refusal_on_the_plan(page: str, code: str) -> str | None:
    document = verdicts(page)
    return document["reasons"][document["refused"][code]] if code in document["refused"] else None


def test_the_plan_says_which_free_booths_a_firm_of_another_sector_cannot_hold_and_why(app, exhibitor):
    email, _ = exhibitor(sector="textiles-garments")
    page = signed_in(app, email).get("/plan?lang=en").get_data(as_text=True)
    for code in ("A01", "A02", "A03", "A04"):
        assert "zone for another sector" in refusal_on_the_plan(page, code)
    assert refusal_on_the_plan(page, "A05") is None  # an open booth
    assert "You may hold 4 of the free booths" in page


def test_the_plan_and_the_booth_page_give_the_very_refusal_the_booking_gives(app, exhibitor):
    email, _ = exhibitor(sector="textiles-garments")
    client = signed_in(app, email)
    refused = client.post("/api/v1/booths/A02/reservations?lang=en", json={}).json["detail"]
    assert refusal_on_the_plan(client.get("/plan?lang=en").get_data(as_text=True), "A02") == refused
    booth_page = client.get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert str(escape(refused)) in booth_page and "Hold this booth" not in booth_page


def test_a_firm_at_its_booth_limit_is_told_before_the_click_on_every_free_booth(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    assert client.post("/api/v1/booths/A01/reservations", json={"extra_booths": ["A02", "A03"]}).status_code == 201
    page = client.get("/plan?lang=en").get_data(as_text=True)
    for code in ("A04", "A05", "A08"):
        assert "at most 3 booths" in refusal_on_the_plan(page, code)
    assert "You cannot hold a booth now:" in page
    assert "at most 3 booths" in client.get("/plan/booths/A05?lang=en").get_data(as_text=True)


def test_a_firm_with_no_sector_is_told_to_name_its_sectors_before_it_tries(app, fair, make_enterprise, make_user):
    client = signed_in(app, make_user(enterprise=make_enterprise(kind="supplier")))
    page = client.get("/plan?lang=en").get_data(as_text=True)
    assert all("has no sector yet" in refusal_on_the_plan(page, f"A0{i}") for i in range(1, 9))
    assert "has no sector yet" in client.get("/plan/booths/A06?lang=en").get_data(as_text=True)


def test_a_buyer_sees_that_only_exhibitors_hold_booths(app, fair, make_enterprise, make_user):
    client = signed_in(app, make_user("buyer", enterprise=make_enterprise(kind="buyer")))
    assert refusal_on_the_plan(client.get("/plan?lang=en").get_data(as_text=True), "A05") == (
        "Only exhibitors can reserve booths."
    )


def test_a_refused_booking_keeps_the_exhibitor_on_the_plan_with_the_reason(app, exhibitor):
    email, _ = exhibitor(sector="textiles-garments")
    client = signed_in(app, email)
    response = client.post("/plan/booths/A02/reserve?lang=en", data={})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/plan?booth=A02")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "flash-error" in page and "zone for another sector" in page
    assert 'data-code="A02"' in page  # the plan itself, with the booth pointed out
    assert "booth A02, Hall A" in page


def test_a_booth_taken_while_the_page_was_open_sends_the_exhibitor_back_to_the_plan(app, exhibitor):
    late, _ = exhibitor()
    first, _ = exhibitor()
    late_client = signed_in(app, late)
    assert "Hold this booth" in late_client.get("/plan/booths/A02?lang=en").get_data(as_text=True)
    signed_in(app, first).post("/api/v1/booths/A02/reservations", json={})
    response = late_client.post("/plan/booths/A02/reserve?lang=en", data={}, follow_redirects=True)
    assert response.status_code == 200 and response.request.path == "/plan"
    assert "already taken or held" in response.get_data(as_text=True)


def test_the_web_plan_has_the_sector_zone_legend_of_the_printed_plan(client, fair):
    page = client.get("/plan?lang=en").get_data(as_text=True)
    legend = page[page.index('class="zone-legend"') : page.index('class="plan-tools')]
    assert "Electrical and electronic equipment" in legend and "open to all sectors" in legend
    assert f'stroke="{ZONE_COLOURS["electrical-electronics"]}"' in legend


def test_the_holder_is_told_the_booth_is_theirs_not_to_join_the_waitlist(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    page = client.get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert "This booth is yours." in page and "State: Held." in page
    assert f"/me/booths/{reservation_id}" in page and "Join the waitlist" not in page
    mine = verdicts(client.get("/plan?lang=en").get_data(as_text=True))["mine"]
    assert mine["A02"] == ["Held", f"/me/booths/{reservation_id}"]
    other, _ = exhibitor()
    assert "Join the waitlist" in signed_in(app, other).get("/plan/booths/A02?lang=en").get_data(as_text=True)


def test_an_approved_booth_no_longer_says_pending_on_the_plan_or_its_page(app, client, confirmed):
    reservation_id, _, _ = confirmed(pay=False)
    plan = client.get("/plan?lang=en").get_data(as_text=True)
    assert 'data-code="A02" data-status="approved"' in plan
    assert "A02: Approved, awaiting payment" in plan and "Approved, awaiting payment (1)" in plan
    booth = client.get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert "status-approved" in booth and "Pending approval" not in booth
    assert client.get("/api/v1/booths").json["booths"][1]["status"] == "pending"  # the API's stable words
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "approved"


def test_the_holder_of_an_approved_booth_reads_its_state_on_the_booth_page(app, confirmed, make_user):
    _, key, _ = confirmed(pay=False)
    member = make_user(enterprise=key, owner=False)
    page = signed_in(app, member).get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert "This booth is yours." in page and "State: Approved, awaiting payment." in page


def test_a_hold_that_ran_out_is_no_longer_shown_as_the_holders(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    with app.app_context():
        db.session.get(BoothReservation, reservation_id).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    page = client.get("/plan/booths/A02?lang=en").get_data(as_text=True)
    assert "This booth is yours." not in page and "Hold this booth" in page


def test_an_organizer_s_plan_carries_no_exhibitor_verdicts(app, fair, make_user):
    page = signed_in(app, make_user("organizer")).get("/plan?lang=en").get_data(as_text=True)
    assert 'id="booth-verdicts"' not in page and 'id="booking-rules"' not in page
