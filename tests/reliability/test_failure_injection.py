"""A crash in the middle of a multi-step write leaves the database as it was: publishing a
schedule, importing data, submitting and approving booth applications."""

import itertools
import json
from datetime import date

import pytest
from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.fairs.services import current_fair
from fairmatch.meetings import schedule
from fairmatch.meetings.models import Meeting
from tests.conftest import signed_in


class InjectedFailure(Exception):
    """The crash a test injects."""


def failing_on(call: int, real):
    """`real`, except that its `call`-th call raises InjectedFailure."""
    calls = itertools.count(1)

    def wrapper(*args, **kwargs):
        if next(calls) == call:
            raise InjectedFailure(f"injected on call {call}")
        return real(*args, **kwargs)

    return wrapper


def database_state() -> dict:
    """Every row of every table, as seen by the current session."""
    return {
        table.name: sorted((tuple(row) for row in db.session.execute(select(table))), key=repr)
        for table in db.metadata.sorted_tables
    }


def snapshot(app) -> dict:
    with app.app_context():
        return database_state()


@pytest.fixture
def accepted(app, make_fair, make_enterprise, make_user):
    """A one-day fair (three 30-minute slots, two tables) with three accepted requests from one
    buyer to three suppliers, each side with two members; returns the suppliers' keys."""
    make_fair(ends_on=date(2026, 10, 15), meeting_slot_minutes=30, meeting_tables=2, meetings_at_booths=False,
              meeting_sessions=[{"session": "am", "start": "09:00", "end": "10:30"}])
    buyer_key = make_enterprise(kind="buyer", name_vi="Công ty Kim Long")
    buyer = signed_in(app, make_user("buyer", enterprise=buyer_key))
    make_user("buyer", enterprise=buyer_key, owner=False)
    suppliers = []
    for name in ("Công ty Cơ khí Hòa Lạc", "Công ty Nhựa Tân Phong", "Công ty Đúc Phố Nối"):
        key = make_enterprise(name_vi=name, name_en=None)
        supplier = signed_in(app, make_user(enterprise=key))
        make_user(enterprise=key, owner=False)
        request_id = buyer.post("/api/v1/meeting-requests", json={"to": key}).json["id"]
        assert supplier.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 200
        suppliers.append(key)
    return suppliers


def test_a_crash_while_publishing_keeps_the_draft_and_tells_nobody(app, runner, accepted, monkeypatch):
    assert runner.invoke(args=["schedule-meetings", "--time-limit", "3"]).exit_code == 0
    before = snapshot(app)
    with app.app_context():
        assert db.session.scalars(select(Meeting.state)).all() == ["draft"] * 3
    monkeypatch.setattr(schedule, "notify", failing_on(5, schedule.notify))
    with app.app_context():
        with pytest.raises(InjectedFailure):
            schedule.schedule_meetings(current_fair(), 3, publish=True)
        # The same session, right after the crash: nothing half-done is visible either.
        assert database_state() == before
    assert snapshot(app) == before


def test_a_crash_in_schedule_meetings_publish_leaves_published_meetings_and_the_outbox_as_they_were(
    app, runner, accepted, make_enterprise, make_user, monkeypatch
):
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"]).exit_code == 0
    newcomer = signed_in(app, make_user(enterprise=make_enterprise(name_vi="Công ty Điện Đông Anh")))
    supplier = signed_in(app, make_user(enterprise=accepted[0], owner=False))
    request_id = newcomer.post("/api/v1/meeting-requests", json={"to": accepted[0]}).json["id"]
    assert supplier.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 200
    before = snapshot(app)
    with app.app_context():
        assert db.session.scalars(select(Meeting.state)).all() == ["published"] * 3

    monkeypatch.setattr(schedule, "notify", failing_on(2, schedule.notify))
    result = runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"])
    assert result.exit_code != 0 and isinstance(result.exception, InjectedFailure)
    assert snapshot(app) == before


def demo_document(seed: int, enterprises: int) -> dict:
    from fairmatch.demo import build_demo_exchange

    return build_demo_exchange(seed=seed, enterprises=enterprises)


def test_a_crash_mid_import_into_an_empty_database_writes_nothing(app, runner, tmp_path, monkeypatch):
    from fairmatch.enterprises import import_export as exchange

    path = tmp_path / "fair.json"
    path.write_text(json.dumps(demo_document(seed=3, enterprises=12), ensure_ascii=False), encoding="utf-8")
    before = snapshot(app)
    monkeypatch.setattr(exchange, "_fill", failing_on(7, exchange._fill))
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code != 0 and isinstance(result.exception, InjectedFailure)
    assert snapshot(app) == before


def test_a_crash_mid_import_keeps_every_enterprise_as_it_was(app, runner, tmp_path, monkeypatch):
    from fairmatch.enterprises import import_export as exchange

    doc = demo_document(seed=3, enterprises=12)
    path = tmp_path / "fair.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(args=["import-data", str(path)]).exit_code == 0
    before = snapshot(app)
    for entry in doc["enterprises"]:
        entry["name_en"] = (entry.get("name_en") or "Firm") + " Group"
        for product in entry.get("products") or []:
            product["name_vi"] = product["name_vi"] + " mới"
    doc["enterprises"].append({**doc["enterprises"][0], "tax_code": "0100109106", "name_en": "Newcomer Ltd."})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    monkeypatch.setattr(exchange, "_fill", failing_on(6, exchange._fill))
    with app.app_context():
        with pytest.raises(InjectedFailure):
            exchange.import_document(doc)
        assert database_state() == before
    monkeypatch.setattr(exchange, "_fill", failing_on(6, exchange._fill))
    result = runner.invoke(args=["import-data", str(path)])
    assert isinstance(result.exception, InjectedFailure)
    assert snapshot(app) == before


def test_a_crash_while_submitting_an_application_keeps_the_hold(app, exhibitor, monkeypatch):
    from fairmatch.booths import services

    email, _ = exhibitor()
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    before = snapshot(app)
    monkeypatch.setattr(services, "record", failing_on(1, services.record))
    response = client.post(f"/api/v1/reservations/{reservation_id}/submit")
    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    assert snapshot(app) == before
    monkeypatch.undo()
    assert client.post(f"/api/v1/reservations/{reservation_id}/submit").json["state"] == "submitted"


def test_a_crash_while_approving_tells_no_member_and_keeps_the_application(
    app, submitted, make_user, monkeypatch
):
    from fairmatch.booths import services

    reservation_id, key = submitted()
    make_user(enterprise=key, owner=False)
    organizer = signed_in(app, make_user("organizer"))
    before = snapshot(app)
    monkeypatch.setattr(services, "notify", failing_on(2, services.notify))
    response = organizer.post(f"/organizer/booths/reservations/{reservation_id}", data={"action": "approve"})
    assert response.status_code == 500
    assert snapshot(app) == before
    monkeypatch.undo()
    organizer.post(f"/organizer/booths/reservations/{reservation_id}", data={"action": "approve"})
    with app.app_context():
        from fairmatch.booths.models import BoothReservation

        assert db.session.get(BoothReservation, reservation_id).state == "approved"
