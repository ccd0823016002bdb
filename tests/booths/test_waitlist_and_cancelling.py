"""The waitlist seen and left from "My booths", never a way around the hold time; cancelling asks
first (#14)."""

from datetime import timedelta

from sqlalchemy import select

from fairmatch.booths.models import BoothReservation, WaitlistEntry
from fairmatch.database import utcnow
from fairmatch.extensions import db
from tests.conftest import signed_in


def join(client, **wish) -> None:
    data = {"booth_type": "", "zone": "", "max_price_vnd": ""} | wish
    assert client.post("/me/waitlist", data=data).status_code == 302


def run_out(app, reservation_id: int) -> None:
    with app.app_context():
        db.session.get(BoothReservation, reservation_id).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()


def offers(app) -> list[tuple[str, str]]:
    """(enterprise key, booth) of every waitlist offer made."""
    with app.app_context():
        rows = db.session.scalars(select(BoothReservation).where(BoothReservation.waitlist_entry_id.is_not(None)))
        return [(r.enterprise.key, r.booths[0].code) for r in rows]


def states(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(WaitlistEntry.state).order_by(WaitlistEntry.id)))


def test_my_own_hold_that_ran_out_does_not_come_back_to_me_as_a_waitlist_offer(app, client, exhibitor):
    email, _ = exhibitor()
    me = signed_in(app, email)
    join(me, zone="electrical-electronics")
    run_out(app, me.post("/api/v1/booths/A02/reservations", json={}).json["id"])
    booths = {b["code"]: b["status"] for b in client.get("/api/v1/booths").json["booths"]}
    assert booths["A02"] == "available"
    assert offers(app) == [] and states(app) == ["waiting"]


def test_a_lapsed_hold_goes_to_the_next_in_line_instead(app, exhibitor):
    email, _ = exhibitor()
    other_email, other_key = exhibitor()
    me, other = signed_in(app, email), signed_in(app, other_email)
    join(me)
    join(other)
    run_out(app, me.post("/api/v1/booths/A02/reservations", json={}).json["id"])
    me.get("/me/booths")  # any read releases the hold
    assert offers(app) == [(other_key, "A02")]
    assert states(app) == ["waiting", "offered"]


def test_a_booth_i_cancelled_is_not_offered_back_to_me(app, exhibitor):
    email, _ = exhibitor()
    me = signed_in(app, email)
    join(me)
    reservation_id = me.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    me.post(f"/me/booths/{reservation_id}/cancel", data={"confirm": "y"})
    assert offers(app) == [] and states(app) == ["waiting"]


def test_the_waitlist_offers_no_booth_beyond_the_enterprise_s_limit(app, exhibitor):
    full_email, _ = exhibitor()
    holder_email, _ = exhibitor()
    full = signed_in(app, full_email)
    assert full.post("/api/v1/booths/A01/reservations", json={"extra_booths": ["A02", "A03"]}).status_code == 201
    join(full)
    holder = signed_in(app, holder_email)
    holder.delete(f"/api/v1/reservations/{holder.post('/api/v1/booths/A05/reservations', json={}).json['id']}")
    assert offers(app) == []


def test_my_booths_lists_my_waitlist_entries_with_their_place_in_line(app, exhibitor):
    first_email, _ = exhibitor()
    second_email, _ = exhibitor()
    join(signed_in(app, first_email))
    second = signed_in(app, second_email)
    join(second, zone="electrical-electronics", booth_type="corner")
    page = second.get("/me/booths?lang=en").get_data(as_text=True)
    assert "Electrical and electronic equipment, Corner" in page
    assert "Waiting" in page and "Place in line: 2" in page
    assert "Leave the waitlist" in page


def test_leaving_the_waitlist_asks_for_confirmation_first(app, exhibitor):
    email, _ = exhibitor()
    me = signed_in(app, email)
    join(me)
    with app.app_context():
        entry_id = db.session.scalar(select(WaitlistEntry.id))
    refused = me.post(f"/me/waitlist/{entry_id}/leave?lang=en", data={}, follow_redirects=True)
    assert "Tick the box" in refused.get_data(as_text=True) and states(app) == ["waiting"]
    left = me.post(f"/me/waitlist/{entry_id}/leave?lang=en", data={"confirm": "y"}, follow_redirects=True)
    page = left.get_data(as_text=True)
    assert "You have left the waitlist." in page and "Withdrawn" in page
    assert states(app) == ["withdrawn"]


def test_leaving_the_waitlist_needs_the_form_s_csrf_token(make_app, fair, exhibitor):
    app = make_app(WTF_CSRF_ENABLED=True)
    email, _ = exhibitor()
    with app.test_request_context():
        from fairmatch.auth.services import find_user
        from fairmatch.booths.waitlist import join_waitlist

        user = find_user(email)
        entry_id = join_waitlist(user.enterprise, user, None, None, None).id
    client = app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"email": email, "password": "correct horse battery", "csrf_token": token})
    assert client.post(f"/me/waitlist/{entry_id}/leave", data={"confirm": "y"}).status_code == 400
    assert states(app) == ["waiting"]


def test_leaving_with_a_booth_on_offer_passes_the_booth_to_the_next_in_line(app, exhibitor):
    holder_email, _ = exhibitor()
    first_email, _ = exhibitor()
    _, next_key = exhibitor()
    first = signed_in(app, first_email)
    join(first)
    with app.test_request_context():
        from fairmatch.booths.waitlist import join_waitlist
        from fairmatch.enterprises.models import Enterprise

        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == next_key))
        join_waitlist(enterprise, enterprise.members[0], None, None, None)
    holder = signed_in(app, holder_email)
    holder.delete(f"/api/v1/reservations/{holder.post('/api/v1/booths/A05/reservations', json={}).json['id']}")
    page = first.get("/me/booths?lang=en").get_data(as_text=True)
    assert "Offered a booth" in page and "Booth A05 is held for you" in page
    with app.app_context():
        entry_id = db.session.scalar(select(WaitlistEntry.id).order_by(WaitlistEntry.id))
    first.post(f"/me/waitlist/{entry_id}/leave", data={"confirm": "y"})
    assert states(app) == ["withdrawn", "offered"]
    assert offers(app)[-1] == (next_key, "A05")


def test_another_firm_cannot_take_me_off_the_waitlist(app, exhibitor):
    email, _ = exhibitor()
    stranger_email, _ = exhibitor()
    join(signed_in(app, email))
    with app.app_context():
        entry_id = db.session.scalar(select(WaitlistEntry.id))
    signed_in(app, stranger_email).post(f"/me/waitlist/{entry_id}/leave", data={"confirm": "y"})
    assert states(app) == ["waiting"]


def test_cancelling_a_reservation_asks_for_confirmation_first(app, exhibitor):
    email, _ = exhibitor()
    me = signed_in(app, email)
    reservation_id = me.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    page = me.get(f"/me/booths/{reservation_id}?lang=en").get_data(as_text=True)
    assert 'name="confirm"' in page and "required" in page.split('name="confirm"')[1][:40]
    refused = me.post(f"/me/booths/{reservation_id}/cancel?lang=en", data={}, follow_redirects=True)
    assert "Tick the box to confirm the cancellation." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "held"
    me.post(f"/me/booths/{reservation_id}/cancel", data={"confirm": "y"})
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "cancelled"


def test_cancelling_an_approved_booth_says_what_it_gives_up(app, confirmed, make_user):
    reservation_id, key, _ = confirmed(pay=False)
    member = signed_in(app, make_user(enterprise=key, owner=False))
    page = member.get(f"/me/booths/{reservation_id}?lang=en").get_data(as_text=True)
    assert "The organizer has approved this booth." in page and "applying again" in page
    member.post(f"/me/booths/{reservation_id}/cancel", data={})
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "approved"


def test_the_organizer_s_cancel_asks_for_confirmation_too(app, confirmed):
    reservation_id, _, organizer = confirmed()
    console = signed_in(app, organizer)
    path = f"/organizer/booths/reservations/{reservation_id}"
    assert console.post(path, data={"action": "cancel"}).status_code == 422
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "confirmed"
    assert console.post(path, data={"action": "cancel", "confirm": "y"}).status_code == 302
    with app.app_context():
        assert db.session.get(BoothReservation, reservation_id).state == "cancelled"
