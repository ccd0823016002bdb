"""Days I attend and meet at my booth: the days an enterprise will be at the fair (asked on the
availability page, and when accepting a request until answered) become whole days the scheduler
keeps it out of; a host with a booth chooses to meet there or at a B2B table.

A three-day fair a week ahead, one morning session of two 30-minute slots a day, two tables and
meetings at booths; a buyer asks two suppliers for meetings, and the first supplier holds booth A01."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import day_text
from fairmatch.meetings.attendance import attended_days
from fairmatch.meetings.day import freed_slot_offers
from fairmatch.meetings.models import AttendanceAnswer, Meeting, MeetingRequest, Unavailability
from fairmatch.meetings.schedule import build_instance
from tests.conftest import signed_in

FIRST = date.today() + timedelta(days=7)
DAYS = [FIRST + timedelta(days=n) for n in range(3)]
SLOTS = {d: [f"{d.isoformat()}-0900", f"{d.isoformat()}-0930"] for d in DAYS}
ALL_SLOTS = [slot for d in DAYS for slot in SLOTS[d]]


@pytest.fixture
def fair(app, make_fair, make_enterprise, make_user):
    """(buyer's client, host's client, other supplier's client, keys): the buyer asked both suppliers."""
    fair_id = make_fair(
        starts_on=DAYS[0],
        ends_on=DAYS[-1],
        booths_per_row=2,
        meeting_slot_minutes=30,
        meeting_tables=2,
        meetings_at_booths=True,
        meeting_sessions=[{"session": "am", "start": "09:00", "end": "10:00"}],
    )
    keys = {
        "buyer": make_enterprise(kind="buyer", name_vi="Công ty Kim Long", name_en="Kim Long Trading"),
        "host": make_enterprise(name_vi="Công ty Cơ khí Hòa Lạc", name_en="Hoa Lac Mechanics"),
        "other": make_enterprise(name_vi="Công ty Nhựa Tân Phong", name_en="Tan Phong Plastics"),
    }
    with app.app_context():
        host = db.session.scalar(select(Enterprise).where(Enterprise.key == keys["host"]))
        booth = db.session.scalar(select(Booth).where(Booth.fair_id == fair_id, Booth.code == "A01"))
        db.session.add(
            BoothReservation(
                fair_id=fair_id, enterprise_id=host.id, state="confirmed", items=[ReservationBooth(booth=booth)]
            )
        )
        db.session.commit()
    buyer = signed_in(app, make_user("buyer", enterprise=keys["buyer"]))
    host = signed_in(app, make_user(enterprise=keys["host"]))
    other = signed_in(app, make_user(enterprise=keys["other"]))
    for supplier in ("host", "other"):
        assert buyer.post("/api/v1/meeting-requests", json={"to": keys[supplier]}).status_code == 201
    return buyer, host, other, keys


def request_to(app, key: str) -> MeetingRequest:
    with app.app_context():
        return db.session.scalar(select(MeetingRequest).join(MeetingRequest.receiver).where(Enterprise.key == key))


def forbidden(app, key: str) -> list[str]:
    """The slots the scheduler's instance forbids to enterprise `key`."""
    with app.app_context():
        instance, *_ = build_instance(db.session.scalar(select(Fair)))
    return next(p["forbidden_slots"] for p in instance["participants"] if p["id"] == key)


def days_of(app, key: str) -> list[date]:
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        return attended_days(fair, db.session.scalar(select(Enterprise.id).where(Enterprise.key == key)))


def availability_form(days: list[date], unavailable: tuple[str, ...] = ()) -> dict:
    return {
        "attendance": "1",
        "attend": [d.isoformat() for d in days],
        "available": [s for s in ALL_SLOTS if s not in unavailable],
    }


def accept(app, client, key: str, **fields):
    return client.post(f"/me/meetings/{request_to(app, key).id}/accept?lang=en", data=fields)


def test_the_availability_page_asks_first_which_days_i_will_be_at_the_fair(app, fair):
    buyer, *_ = fair
    page = buyer.get("/me/availability?lang=vi").get_data(as_text=True)
    ticked = re.findall(r'name="attend" value="([\d-]+)" checked> <span>([^<]+)</span>', page)
    assert ticked == [(d.isoformat(), day_text(d, "vi", weekday=True)) for d in DAYS]  # "thứ Năm 15/10/2026"
    english = buyer.get("/me/availability?lang=en").get_data(as_text=True)
    assert english.index("Which days will you be at the fair?") < english.index('name="available"')
    assert f"<span>{day_text(DAYS[0], 'en', weekday=True)}</span>" in english


def test_the_days_i_leave_out_become_whole_days_the_scheduler_keeps_me_out_of(app, fair):
    buyer, _host, other, keys = fair
    assert accept(app, other, keys["other"]).status_code == 302  # the scheduler's instance holds the buyer
    saved = buyer.post("/me/availability", data=availability_form([DAYS[1]], unavailable=(SLOTS[DAYS[1]][1],)))
    assert saved.status_code == 302
    assert forbidden(app, keys["buyer"]) == sorted([*SLOTS[DAYS[0]], SLOTS[DAYS[1]][1], *SLOTS[DAYS[2]]])
    assert days_of(app, keys["buyer"]) == [DAYS[1]]
    page = buyer.get("/me/availability").get_data(as_text=True)
    assert re.findall(r'name="attend" value="([\d-]+)" checked', page) == [DAYS[1].isoformat()]
    # Ticking a day again frees it whole (its slots were shown free under it).
    assert buyer.post("/me/availability", data=availability_form(DAYS)).status_code == 302
    assert forbidden(app, keys["buyer"]) == []


def test_no_day_ticked_is_refused_with_what_was_ticked_kept_and_nothing_changed(app, fair):
    buyer, _host, other, keys = fair
    assert accept(app, other, keys["other"]).status_code == 302  # the scheduler's instance holds the buyer
    assert buyer.post("/me/availability", data=availability_form(DAYS[:2])).status_code == 302
    refused = buyer.post("/me/availability?lang=en", data=availability_form([], unavailable=(SLOTS[DAYS[0]][0],)))
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "Tick at least one day on which you will be at the fair." in page
    assert 'name="attend" value="' + DAYS[0].isoformat() + '">' in page  # left unticked, as sent
    assert f'value="{SLOTS[DAYS[0]][0]}" >' in page.replace("  ", " ")  # the slot taken out stays out
    assert forbidden(app, keys["buyer"]) == SLOTS[DAYS[2]]


def test_a_day_ticked_with_every_slot_taken_out_is_refused(app, fair):
    buyer, _host, other, keys = fair
    assert accept(app, other, keys["other"]).status_code == 302  # the scheduler's instance holds the buyer
    refused = buyer.post(
        "/me/availability?lang=en", data=availability_form(DAYS[:1], unavailable=tuple(SLOTS[DAYS[0]]))
    )
    assert refused.status_code == 422
    assert f"You will be at the fair on {day_text(DAYS[0], 'en', weekday=True)}, but no slot" in refused.get_data(
        as_text=True
    )
    assert forbidden(app, keys["buyer"]) == []


def test_leaving_out_a_day_that_holds_a_published_meeting_is_refused_naming_it(app, runner, fair):
    buyer, host, _other, keys = fair
    assert accept(app, host, keys["host"]).status_code == 302
    assert buyer.post("/me/availability", data=availability_form([DAYS[0]])).status_code == 302
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "2"]).exit_code == 0
    refused = buyer.post("/me/availability?lang=en", data=availability_form([DAYS[1]]))
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    assert "A published meeting is on a day you left out: 09:" in page and "with Hoa Lac Mechanics" in page
    assert days_of(app, keys["buyer"]) == [DAYS[0]]


def test_accepting_asks_my_days_until_i_answer_them_and_saves_them_with_the_acceptance(app, fair):
    _buyer, host, other, keys = fair
    page = host.get("/me/meetings?lang=en").get_data(as_text=True)
    assert page.count("<legend>Which days will you be at the fair?</legend>") == 1
    assert re.findall(r'name="attend" value="([\d-]+)" checked', page) == [d.isoformat() for d in DAYS]
    assert (
        accept(
            app, host, keys["host"], attendance="1", attend=[DAYS[0].isoformat(), DAYS[2].isoformat()], place="booth"
        ).status_code
        == 302
    )
    assert request_to(app, keys["host"]).state == "accepted"
    assert days_of(app, keys["host"]) == [DAYS[0], DAYS[2]]
    assert forbidden(app, keys["host"]) == SLOTS[DAYS[1]]
    # Answered once: the next request is accepted in one click.
    assert other.post("/api/v1/meeting-requests", json={"to": keys["host"]}).status_code == 201
    page = host.get("/me/meetings?lang=en").get_data(as_text=True)
    assert "Which days will you be at the fair?" not in page and 'name="must_meet"' in page


def test_accepting_with_no_day_ticked_is_refused_and_the_request_stays_pending(app, fair):
    _buyer, host, _other, keys = fair
    refused = accept(app, host, keys["host"], attendance="1", place="table", must_meet="1")
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "Tick at least one day on which you will be at the fair." in page
    assert 'name="place" value="table" checked' in page and 'name="must_meet" value="1" checked' in page
    assert request_to(app, keys["host"]).state == "pending"
    with app.app_context():
        assert db.session.scalar(select(func.count(AttendanceAnswer.id))) == 0
        assert db.session.scalar(select(func.count(Unavailability.id))) == 0


def test_a_host_without_a_booth_is_not_asked_where_and_accepting_without_days_stays_one_click(app, fair):
    _buyer, host, other, keys = fair
    assert 'name="place"' in host.get("/me/meetings").get_data(as_text=True)
    assert 'name="place"' not in other.get("/me/meetings").get_data(as_text=True)
    assert accept(app, other, keys["other"]).status_code == 302  # no days sent: none saved
    assert request_to(app, keys["other"]).state == "accepted"
    assert days_of(app, keys["other"]) == DAYS


@pytest.mark.parametrize("place", ["booth", "table"])
def test_the_host_meets_where_it_chose_when_accepting(app, runner, fair, place):
    buyer, host, _other, keys = fair
    assert accept(app, host, keys["host"], place=place).status_code == 302
    mine = host.get("/me/meetings?lang=en").get_data(as_text=True)
    theirs = buyer.get("/me/meetings?lang=en").get_data(as_text=True)
    if place == "booth":
        assert "Where: at your booth A01" in mine and "Where: at their booth A01" in theirs
    else:
        assert "Where: at a B2B table" in mine and "Where: at a B2B table" in theirs
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "2"]).exit_code == 0
    with app.app_context():
        meeting = db.session.scalar(select(Meeting))
        assert (meeting.booth, meeting.table) == (("A01", None) if place == "booth" else (None, "T01"))


def test_a_freed_slot_is_offered_at_a_table_to_a_host_that_chose_one(app, runner, fair, make_enterprise, make_user):
    buyer, host, other, keys = fair
    third_key = make_enterprise(name_vi="Công ty Đúc Phố Nối", name_en="Pho Noi Casting")
    third = signed_in(app, make_user(enterprise=third_key))
    assert buyer.post("/api/v1/meeting-requests", json={"to": third_key}).status_code == 201
    assert buyer.post("/me/availability", data=availability_form([DAYS[0]])).status_code == 302
    assert accept(app, other, keys["other"]).status_code == 302
    assert accept(app, third, third_key).status_code == 302
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "2"]).exit_code == 0
    assert accept(app, host, keys["host"], place="table").status_code == 302  # waits for a slot
    with app.app_context():
        freed = db.session.scalar(select(Meeting).where(Meeting.request_id == request_to(app, keys["other"]).id))
    assert buyer.post(f"/me/agenda/{freed.id}/cancel").status_code == 302
    with app.app_context():
        [offer] = freed_slot_offers(db.session.scalar(select(Fair)))
        assert (offer.request.receiver.key, offer.place) == (keys["host"], "T01")
