from datetime import date, timedelta

import pytest

from tests.conftest import signed_in

PAST_DAY = date(2026, 10, 15)


@pytest.fixture
def meeting_fair(app, make_fair, make_enterprise, make_user):
    """A one-day fair with one 60-minute morning session of 30-minute slots and one table, and
    three accepted requests from one buyer to three suppliers; returns (buyer client, supplier
    clients). The fair is on `on` (by default a day already past, so meetings can be marked)."""

    def make(on: date = PAST_DAY, tables: int = 1):
        make_fair(starts_on=on, ends_on=on, meeting_slot_minutes=30, meeting_tables=tables, meetings_at_booths=False,
                  meeting_sessions=[{"session": "am", "start": "09:00", "end": "10:00"}])
        buyer = signed_in(app, make_user("buyer", enterprise=make_enterprise(kind="buyer", name_vi="Công ty Kim Long")))
        suppliers = []
        for name in ("Công ty Cơ khí Hòa Lạc", "Công ty Nhựa Tân Phong", "Công ty Đúc Phố Nối"):
            key = make_enterprise(name_vi=name, name_en=None)
            client = signed_in(app, make_user(enterprise=key))
            request_id = buyer.post("/api/v1/meeting-requests", json={"to": key}).json["id"]
            assert client.post(f"/api/v1/meeting-requests/{request_id}/accept").status_code == 200
            suppliers.append(client)
        return buyer, suppliers

    return make


@pytest.fixture
def accepted(meeting_fair):
    return meeting_fair()


@pytest.fixture
def upcoming(meeting_fair):
    """The same fair a week ahead: meetings not begun, freed slots still worth filling."""
    return meeting_fair(on=date.today() + timedelta(days=7))
