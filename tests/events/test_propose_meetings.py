"""After a connection session the organizer proposes meetings: a pending request from each registered
supplier to the presenting lead enterprise, unless the two already have one; the lead answers as usual."""

from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.meetings.models import MeetingRequest
from tests.conftest import signed_in
from tests.events.conftest import person_id


def lead_id(app, events_fair) -> str:
    with app.app_context():
        return str(db.session.scalar(select(Enterprise.id).where(Enterprise.key == events_fair.keys["lead"])))


def requests(app) -> list[tuple[str, str, str]]:
    with app.app_context():
        return sorted(
            (r.sender.name_en, r.receiver.name_en, r.state) for r in db.session.scalars(select(MeetingRequest))
        )


def test_registered_suppliers_are_proposed_to_the_lead_once(app, add_event, events_fair):
    event_id = add_event(kind="connection", capacity="10", lead_enterprise_id=lead_id(app, events_fair))
    signed_in(app, events_fair.emails["a"]).post(
        f"/events/{event_id}/register", data={"person": person_id(app, "Nguyễn Thị Mai")}
    )
    b = signed_in(app, events_fair.emails["b"])
    b.post(f"/events/{event_id}/register")
    signed_in(app, events_fair.emails["buyer"]).post(f"/events/{event_id}/register")  # a buyer is no supplier
    # B already asked the lead itself: it gets no second request.
    assert b.post("/api/v1/meeting-requests", json={"to": events_fair.keys["lead"]}).status_code == 201
    organizer = signed_in(app, events_fair.emails["organizer"])

    page = organizer.post(f"/organizer/events/{event_id}/propose-meetings?lang=en", follow_redirects=True)
    assert "1 meeting request proposed." in page.get_data(as_text=True)
    assert requests(app) == [
        ("Hoa Lac Packaging Co., Ltd.", "Hung Ha Foods JSC", "pending"),
        ("Tan Phong Spices JSC", "Hung Ha Foods JSC", "pending"),
    ]
    organizer.post(f"/organizer/events/{event_id}/propose-meetings")
    assert len(requests(app)) == 2  # proposing again adds nothing

    lead = signed_in(app, events_fair.emails["lead"])
    mine = lead.get("/me/meetings?lang=en").get_data(as_text=True)
    assert "Hoa Lac Packaging" in mine and "connection session" in mine


def test_only_a_connection_session_with_a_lead_proposes_meetings(app, add_event, events_fair):
    event_id = add_event(kind="workshop")
    organizer = signed_in(app, events_fair.emails["organizer"])
    page = organizer.post(f"/organizer/events/{event_id}/propose-meetings?lang=en", follow_redirects=True)
    assert "Only a connection session with a presenting lead enterprise" in page.get_data(as_text=True)
    assert requests(app) == []
