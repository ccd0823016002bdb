"""The report's event figures, and the demo programme."""

from datetime import date

from sqlalchemy import select

from fairmatch.events.models import EventRegistration, SideEvent
from fairmatch.events.services import event_figures
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.codes import person_code
from tests.conftest import signed_in
from tests.events.conftest import person_id


def test_the_figures_count_sessions_seats_taken_and_attendance(app, add_event, events_fair):
    first = add_event(capacity="1")
    add_event(kind="conference")
    member = signed_in(app, events_fair.emails["a"])
    for name in ("Nguyễn Thị Mai", "Vũ Thị Lan"):  # one seat: Lan waits, and does not count
        member.post(f"/events/{first}/register", data={"person": person_id(app, name)})
    with app.app_context():
        code = person_code(person_id(app, "Nguyễn Thị Mai"))
    signed_in(app, events_fair.emails["organizer"]).post(f"/organizer/events/{first}/check-in", data={"code": code})
    with app.app_context():
        fair = db.session.get(Fair, events_fair.fair_id)
        assert event_figures(fair) == {"sessions": 2, "registered": 1, "attended": 1}


def test_the_demo_programme_has_sessions_presented_by_leads_with_registrations(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        events = db.session.scalars(select(SideEvent).where(SideEvent.fair_id == fair.id)).all()
        kinds = sorted(e.kind for e in events)
        assert kinds == ["conference", "connection", "connection", "training", "workshop"]
        assert "IATF 16949" in next(e.title_vi for e in events if e.kind == "workshop")
        sessions = [e for e in events if e.kind == "connection"]
        assert all(e.lead_enterprise.kind == "lead" and e.lead_enterprise.name("vi") in e.title_vi for e in sessions)
        for session in sessions:
            firms = {
                r.enterprise_id
                for r in db.session.scalars(select(EventRegistration).where(EventRegistration.event_id == session.id))
            }
            assert firms and session.lead_enterprise_id not in firms
        for event in events:
            seated = db.session.scalars(
                select(EventRegistration).where(
                    EventRegistration.event_id == event.id, EventRegistration.state == "registered"
                )
            ).all()
            assert 0 < len(seated) <= event.capacity
        figures = event_figures(fair)
        past = fair.ends_on < date.today()
        assert figures["sessions"] == 5 and (0 < figures["attended"] < figures["registered"]) == past
        assert past or figures["attended"] == 0
