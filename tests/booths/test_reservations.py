"""Booth sales through the API and the pages: holds, applications, approvals, payments, rules."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.booths import services
from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth, WaitlistEntry
from fairmatch.booths.services import TRANSITIONS
from fairmatch.database import utcnow
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in


def status_of(client, code):
    booths = client.get("/api/v1/booths").json["booths"]
    return next(b for b in booths if b["code"] == code)


def test_the_booth_list_shows_every_booth_with_its_status(client, fair):
    document = client.get("/api/v1/booths").json
    assert document["fair"]["id"] == fair
    assert [b["code"] for b in document["booths"]] == [f"A0{i}" for i in range(1, 9)]
    first = document["booths"][0]
    assert first | {"x_m": 0} == {"code": "A01", "hall": "A", "x_m": 0, "y_m": 3.0, "width_m": 3, "depth_m": 3,
                                  "type": "corner", "price_vnd": 15_000_000, "zone": "electrical-electronics",
                                  "status": "available", "exhibitor": None}


def test_an_exhibitor_holds_a_booth_and_everyone_sees_it_held(app, client, exhibitor):
    email, _ = exhibitor()
    response = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    assert response.status_code == 201
    assert response.json["state"] == "held" and response.json["booths"] == ["A02"]
    assert status_of(client, "A02")["status"] == "held"


def test_a_held_booth_cannot_be_taken_by_another_exhibitor(app, exhibitor):
    first, second = exhibitor()[0], exhibitor()[0]
    signed_in(app, first).post("/api/v1/booths/A02/reservations", json={})
    response = signed_in(app, second).post("/api/v1/booths/A02/reservations", json={})
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"


def test_adjacent_booths_are_held_together_but_distant_ones_are_refused(app, client, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    assert api.post("/api/v1/booths/A02/reservations", json={"extra_booths": ["A03"]}).status_code == 201
    assert status_of(client, "A03")["status"] == "held"
    refused = api.post("/api/v1/booths/A05/reservations", json={"extra_booths": ["A08"]})
    assert refused.status_code == 422
    assert status_of(client, "A05")["status"] == "available"


def test_booths_back_to_back_count_as_adjacent(app, exhibitor):
    email, _ = exhibitor(sector="metals")
    response = signed_in(app, email).post("/api/v1/booths/A05/reservations", json={"extra_booths": ["A06"]})
    assert response.status_code == 201


def test_the_booth_limit_per_enterprise_is_enforced(app, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    assert api.post("/api/v1/booths/A01/reservations", json={"extra_booths": ["A02", "A03"]}).status_code == 201
    response = api.post("/api/v1/booths/A04/reservations", json={})
    assert response.status_code == 422
    assert "3" in response.json["detail"]


def test_a_zone_is_for_its_sector_unless_the_organizer_overrides_it(app, exhibitor, make_user):
    email, key = exhibitor(sector="textiles-garments")
    response = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    assert response.status_code == 422
    assert signed_in(app, email).post("/api/v1/booths/A06/reservations", json={}).status_code == 201
    organizer = make_user("organizer")
    with app.test_request_context():
        from fairmatch.auth.models import User
        from fairmatch.enterprises.models import Enterprise

        actor = db.session.scalar(select(User).where(User.email == organizer))
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        reservation = services.reserve_booths(enterprise, ["A03"], actor, override_reason="Gian trưng bày mẫu")
        assert reservation.zone_override_reason == "Gian trưng bày mẫu"
        with pytest.raises(services.RuleViolation):
            services.reserve_booths(enterprise, ["A04"], actor)


def test_unknown_and_blocked_booths(app, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    assert api.post("/api/v1/booths/Z99/reservations", json={}).status_code == 404
    with app.app_context():
        db.session.scalar(select(Booth).where(Booth.code == "A04")).blocked = True
        db.session.commit()
    assert api.post("/api/v1/booths/A04/reservations", json={}).status_code == 409


def test_only_signed_in_exhibitors_reserve(app, client, fair, make_user):
    assert client.post("/api/v1/booths/A02/reservations", json={}).status_code == 401
    buyer = signed_in(app, make_user("buyer"))
    assert buyer.post("/api/v1/booths/A02/reservations", json={}).status_code == 403


def test_a_bad_body_is_refused_with_a_problem_document(app, exhibitor):
    email, _ = exhibitor()
    response = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={"extra_booths": "A03"})
    assert response.status_code == 422 and response.json["detail"]


def test_submitting_turns_the_hold_into_a_pending_application(app, client, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    reservation = api.post("/api/v1/booths/A02/reservations", json={}).json
    response = api.post(f"/api/v1/reservations/{reservation['id']}/submit")
    assert response.status_code == 200 and response.json["state"] == "submitted"
    assert status_of(client, "A02")["status"] == "pending"
    with app.app_context():
        stored = db.session.get(BoothReservation, reservation["id"])
        assert (stored.price_vnd, stored.vat_percent, stored.total_vnd) == (15_000_000, 8, 16_200_000)


def test_an_incomplete_profile_cannot_apply(app, fair, make_enterprise, make_user):
    from fairmatch.enterprises.models import Enterprise, EnterpriseSector

    key = make_enterprise(kind="supplier")
    with app.app_context():
        db.session.scalar(select(Enterprise).where(Enterprise.key == key)).sectors = [EnterpriseSector(sector="metals")]
        db.session.commit()
    api = signed_in(app, make_user(enterprise=key))
    reservation = api.post("/api/v1/booths/A06/reservations", json={}).json
    response = api.post(f"/api/v1/reservations/{reservation['id']}/submit?lang=en")
    assert response.status_code == 422
    assert "at least one product" in response.json["detail"] and "the address" in response.json["detail"]


def test_an_enterprise_without_a_sector_cannot_hold_even_an_open_booth_and_is_told_why(
    app, fair, make_enterprise, make_user
):
    api = signed_in(app, make_user(enterprise=make_enterprise(kind="supplier")))
    response = api.post("/api/v1/booths/A06/reservations?lang=en", json={})
    assert response.status_code == 422 and "has no sector yet" in response.json["detail"]
    assert api.get("/api/v1/booths").json["booths"][5]["status"] == "available"


def test_an_exhibitor_cannot_touch_another_enterprises_reservation(app, exhibitor):
    owner, _ = exhibitor()
    stranger, _ = exhibitor()
    reservation = signed_in(app, owner).post("/api/v1/booths/A02/reservations", json={}).json
    api = signed_in(app, stranger)
    assert api.post(f"/api/v1/reservations/{reservation['id']}/submit").status_code == 403
    assert api.delete(f"/api/v1/reservations/{reservation['id']}").status_code == 403
    assert api.delete("/api/v1/reservations/9999").status_code == 404


def test_cancelling_frees_the_booth(app, client, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    reservation = api.post("/api/v1/booths/A02/reservations", json={}).json
    assert api.delete(f"/api/v1/reservations/{reservation['id']}").json["state"] == "cancelled"
    assert status_of(client, "A02")["status"] == "available"
    assert api.post("/api/v1/booths/A02/reservations", json={}).status_code == 201


def test_a_hold_expires_on_its_own_and_the_booth_is_free_again(app, client, exhibitor, runner):
    email, _ = exhibitor()
    reservation = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={}).json
    with app.app_context():
        db.session.get(BoothReservation, reservation["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert status_of(client, "A02")["status"] == "available"
    with app.app_context():
        assert db.session.get(BoothReservation, reservation["id"]).state == "expired"


def test_a_hold_that_runs_out_is_logged_as_the_system_s_doing_not_the_visitor_s(app, exhibitor):
    holder, _ = exhibitor()
    visitor, _ = exhibitor()
    reservation = signed_in(app, holder).post("/api/v1/booths/A02/reservations", json={}).json
    with app.app_context():
        db.session.get(BoothReservation, reservation["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert signed_in(app, visitor).get("/me/booths").status_code == 200  # the read that expires it
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "reservation.expired"))
        assert entry.record_id == str(reservation["id"]) and entry.actor_id is None


def test_the_expire_holds_command_releases_holds(app, exhibitor, runner):
    email, _ = exhibitor()
    reservation = signed_in(app, email).post("/api/v1/booths/A02/reservations", json={}).json
    with app.app_context():
        db.session.get(BoothReservation, reservation["id"]).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    result = runner.invoke(args=["expire-holds"])
    assert result.exit_code == 0 and result.stdout.strip() == "1 hold(s) released"
    with app.app_context():
        assert db.session.get(BoothReservation, reservation["id"]).state == "expired"


def test_a_submitted_application_after_the_hold_ran_out_is_refused(app, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    reservation = api.post("/api/v1/booths/A02/reservations", json={}).json
    with app.app_context():
        db.session.get(BoothReservation, reservation["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert api.post(f"/api/v1/reservations/{reservation['id']}/submit").status_code == 409


def organizer_actor(app, make_user):
    from fairmatch.auth.models import User

    email = make_user("organizer")
    return lambda: db.session.scalar(select(User).where(User.email == email))


def test_approval_and_full_payment_confirm_the_booth_and_show_the_exhibitor(app, client, submitted, make_user):
    reservation_id, key = submitted()
    organizer = organizer_actor(app, make_user)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        services.approve(reservation, organizer())
        services.record_payment(reservation, organizer(), 10_000_000, date(2026, 9, 1), "UNC 001")
        assert reservation.state == "approved" and reservation.paid_vnd == 10_000_000
        services.record_payment(reservation, organizer(), 6_200_000, date(2026, 9, 2))
        assert reservation.state == "confirmed"
        with pytest.raises(services.Conflict):
            services.record_payment(reservation, organizer(), 1, date(2026, 9, 3))
        subjects = [n.kind for n in db.session.scalars(select(Notification))]
        assert {"reservation_approved", "reservation_confirmed"} <= set(subjects)
    booth = status_of(client, "A02")
    assert booth["status"] == "confirmed" and booth["exhibitor"]["key"] == key
    assert "Hoa Lac Mechanics" in client.get("/plan?lang=en").get_data(as_text=True)


def test_an_overpayment_is_refused(app, submitted, make_user):
    reservation_id, _ = submitted()
    organizer = organizer_actor(app, make_user)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        services.approve(reservation, organizer())
        with pytest.raises(services.RuleViolation):
            services.record_payment(reservation, organizer(), 16_200_001, date(2026, 9, 1))


def test_a_rejection_needs_a_reason_and_frees_the_booth(app, client, submitted, make_user):
    reservation_id, _ = submitted()
    organizer = organizer_actor(app, make_user)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, reservation_id)
        with pytest.raises(services.RuleViolation):
            services.reject(reservation, organizer(), "  ")
        services.reject(reservation, organizer(), "Hồ sơ chưa đủ")
        assert reservation.decision_reason == "Hồ sơ chưa đủ"
    assert status_of(client, "A02")["status"] == "available"


def test_a_freed_booth_is_offered_to_the_first_matching_waitlist_entry(app, exhibitor):
    holder, _ = exhibitor()
    _, waiting_key = exhibitor()
    _, other_sector_key = exhibitor(sector="textiles-garments")
    with app.test_request_context():
        from fairmatch.enterprises.models import Enterprise

        def entry(key, **fields):
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            db.session.add(WaitlistEntry(fair_id=1, enterprise_id=enterprise.id, **fields))

        entry(other_sector_key)  # first in line, but A02 is in a zone for another sector
        entry(waiting_key, zone="electrical-electronics")
        db.session.commit()
    api = signed_in(app, holder)
    reservation_id = api.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    api.delete(f"/api/v1/reservations/{reservation_id}")
    with app.app_context():
        offer = db.session.scalar(select(BoothReservation).where(BoothReservation.waitlist_entry_id.is_not(None)))
        assert offer.enterprise.key == waiting_key and offer.state == "held" and offer.booths[0].code == "A02"
        assert offer.expires_at - utcnow() > timedelta(hours=47)
        message = db.session.scalar(select(Notification).where(Notification.kind == "waitlist_offer"))
        assert message.email and "A02" in message.subject
        assert db.session.get(WaitlistEntry, offer.waitlist_entry_id).state == "offered"


@pytest.mark.parametrize("start", list(TRANSITIONS))
@pytest.mark.parametrize("target", list(TRANSITIONS))
def test_the_state_machine_allows_exactly_the_legal_transitions(app, fair, start, target):
    with app.app_context():
        reservation = BoothReservation(state=start, expires_at=utcnow() + timedelta(minutes=5))
        if target in TRANSITIONS[start]:
            services.move_to(reservation, target, utcnow())
            assert reservation.state == target
        else:
            with pytest.raises(services.Conflict):
                services.move_to(reservation, target, utcnow())
            assert reservation.state == start


def test_every_reservation_action_is_audited(app, exhibitor):
    email, _ = exhibitor()
    api = signed_in(app, email)
    reservation_id = api.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    api.post(f"/api/v1/reservations/{reservation_id}/submit")
    api.delete(f"/api/v1/reservations/{reservation_id}")
    with app.app_context():
        query = select(AuditEntry.action).where(AuditEntry.record_type == "BoothReservation")
        actions = list(db.session.scalars(query.order_by(AuditEntry.id)))
    assert actions == ["reservation.held", "reservation.submitted", "reservation.cancelled"]


def test_the_database_refuses_two_active_reservations_on_one_booth(app, exhibitor):
    from sqlalchemy.exc import IntegrityError

    email, _ = exhibitor()
    signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    with app.app_context():
        booth = db.session.scalar(select(Booth).where(Booth.code == "A02"))
        other = BoothReservation(fair_id=booth.fair_id, enterprise_id=1, state="submitted",
                                 items=[ReservationBooth(booth=booth, active=True)])
        db.session.add(other)
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(ReservationBooth).where(ReservationBooth.active)) == 1
