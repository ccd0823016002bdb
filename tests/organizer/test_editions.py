"""A new fair edition starts from a copy of the previous layout; past editions stay as they were
and readable; marking an edition current switches what the public plan shows."""

from datetime import date

from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.models import User
from fairmatch.booths.models import Booth, BoothReservation, Hall
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from tests.conftest import signed_in

NEW_EDITION = {"name_vi": "Hội chợ thử 2027", "name_en": "Test fair 2027", "starts_on": "2027-10-14",
               "ends_on": "2027-10-17"}


def _layout(app, fair_id):
    """Every hall and booth of an edition as plain values, without ids."""
    with app.app_context():
        halls = [(h.code, h.name_vi, h.width_m, h.depth_m, h.entrances)
                 for h in db.session.scalars(select(Hall).where(Hall.fair_id == fair_id).order_by(Hall.code))]
        booths = [(b.hall.code, b.code, b.x_m, b.y_m, b.width_m, b.depth_m, b.type, b.price_vnd, b.zone, b.blocked)
                  for b in db.session.scalars(select(Booth).where(Booth.fair_id == fair_id).order_by(Booth.code))]
    return halls, booths


def _create(organizer, fair_id, **fields):
    return organizer.post("/organizer/editions/?lang=en", data={"source": fair_id, **NEW_EDITION, **fields})


def _new_fair_id(app):
    with app.app_context():
        return db.session.scalar(select(Fair.id).where(Fair.name_en == "Test fair 2027"))


def test_a_new_edition_copies_halls_booths_geometry_prices_and_settings_but_nothing_sold(app, fair, confirmed):
    reservation_id, _, organizer_email = confirmed(code="A02")
    with app.app_context():
        old = db.session.get(Fair, fair)
        old.meeting_slot_minutes, old.meeting_sessions = 20, [{"session": "am", "start": "08:30", "end": "11:00"}]
        db.session.get(Booth, 3).price_vnd, db.session.get(Booth, 3).blocked = 21_000_000, True
        db.session.commit()
    before = _layout(app, fair)
    organizer = signed_in(app, organizer_email)
    form = organizer.get("/organizer/editions/?lang=en").get_data(as_text=True)
    assert "Test fair" in form and "2027" in form  # proposes next year's name and dates
    assert _create(organizer, fair).status_code == 302
    new_id = _new_fair_id(app)
    assert _layout(app, new_id) == before and len(before[1]) == 8
    assert _layout(app, fair) == before
    with app.app_context():
        new = db.session.get(Fair, new_id)
        assert not new.is_current and new.starts_on == date(2027, 10, 14)
        assert (new.meeting_slot_minutes, new.meeting_sessions[0]["start"]) == (20, "08:30")
        assert new.max_booths_per_enterprise == 3 and new.vat_percent == 8
        assert db.session.scalars(select(BoothReservation).where(BoothReservation.fair_id == new_id)).all() == []
        assert db.session.get(BoothReservation, reservation_id).state == "confirmed"
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fair.created"))
        assert entry.details == {"copied_from": fair, "booths": 8}


def test_a_past_edition_stays_readable_with_its_exhibitors(app, fair, confirmed):
    *_, organizer_email = confirmed(code="A02", name_vi="Công ty CP Điện Sông Hồng",
                                    name_en="Song Hong Electric JSC")
    organizer = signed_in(app, organizer_email)
    _create(organizer, fair)
    organizer.post(f"/organizer/editions/{_new_fair_id(app)}/current")
    past = organizer.get(f"/organizer/editions/{fair}?lang=en")
    page = past.get_data(as_text=True)
    assert past.status_code == 200 and "read-only" in page and "Song Hong Electric JSC" in page
    assert "/plan/booths/" not in page  # no link into the current edition's booths
    assert "Công ty CP Điện Sông Hồng" not in app.test_client().get("/plan").get_data(as_text=True)


def test_marking_an_edition_current_switches_the_plan_and_keeps_one_current(app, fair, make_user):
    organizer = signed_in(app, make_user("organizer"))
    _create(organizer, fair)
    new_id = _new_fair_id(app)
    visitor = app.test_client()
    assert "Hội chợ thử 2027" not in visitor.get("/plan").get_data(as_text=True)
    assert organizer.post(f"/organizer/editions/{new_id}/current").status_code == 302
    assert "Hội chợ thử 2027" in visitor.get("/plan").get_data(as_text=True)
    assert visitor.get("/api/v1/booths").json["fair"]["id"] == new_id
    with app.app_context():
        assert db.session.scalars(select(Fair.id).where(Fair.is_current)).all() == [new_id]
    organizer.post(f"/organizer/editions/{fair}/current")
    assert "Hội chợ thử 2027" not in visitor.get("/plan").get_data(as_text=True)


def test_a_new_edition_with_wrong_dates_is_refused_and_keeps_what_was_typed(app, fair, make_user):
    organizer = signed_in(app, make_user("organizer"))
    refused = _create(organizer, fair, ends_on="2027-10-01", name_vi="Hội chợ Đông Anh 2027")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "cannot end before it starts" in page
    assert 'value="Hội chợ Đông Anh 2027"' in page
    with app.app_context():
        assert len(db.session.scalars(select(Fair)).all()) == 1


def test_an_empty_form_creates_no_edition(app, fair, make_user):
    organizer = signed_in(app, make_user("organizer"))
    # The page proposes next year's names and dates, but only a form that carries them creates one.
    assert organizer.post("/organizer/editions/", data={}).status_code == 422
    with app.app_context():
        assert len(db.session.scalars(select(Fair)).all()) == 1


def test_only_organizers_see_and_change_editions(app, fair, make_user, make_enterprise):
    for role in ("exhibitor", "buyer"):
        visitor = signed_in(app, make_user(role, enterprise=make_enterprise()))
        assert visitor.get("/organizer/editions/").status_code == 403
        assert visitor.get(f"/organizer/editions/{fair}").status_code == 403
        assert _create(visitor, fair).status_code == 403
        assert visitor.post(f"/organizer/editions/{fair}/current").status_code == 403


def test_a_copied_edition_shares_no_setting_or_entrance_with_the_one_it_came_from(app, fair, make_user):
    from fairmatch.organizer.editions import copy_edition

    organizer = make_user("organizer")
    with app.app_context():
        source = db.session.get(Fair, fair)
        actor = db.session.scalar(select(User).where(User.email == organizer))
        copy = copy_edition(source, actor, name_vi="Hội chợ 2027", name_en="Fair 2027", starts_on=date(2027, 10, 14),
                            ends_on=date(2027, 10, 17))
        copy.meeting_sessions[0]["start"] = "08:00"
        db.session.scalar(select(Hall).where(Hall.fair_id == copy.id)).entrances[0]["width_m"] = 9
        db.session.commit()
        assert source.meeting_sessions[0]["start"] == "09:00"
        assert db.session.scalar(select(Hall).where(Hall.fair_id == source.id)).entrances[0]["width_m"] == 4
        assert not copy.is_current and source.is_current


def test_marking_the_current_edition_current_again_changes_nothing(app, fair, make_user):
    from fairmatch.fairs.services import mark_current

    organizer = make_user("organizer")
    with app.app_context():
        actor = db.session.scalar(select(User).where(User.email == organizer))
        mark_current(db.session.get(Fair, fair), actor)
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fair.marked_current")) is None
