"""seed-demo gives the meeting features something to show: requests in every state, a published
schedule (held and missed meetings with outcomes once the fair is over), and new acceptances."""

from datetime import date

from sqlalchemy import func, select

from fairmatch.enterprises.models import Membership
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.matching.graph import supply_graph
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from fairmatch.supplychain import rank_suppliers
from tests.conftest import signed_in


def test_the_demo_fair_has_requests_in_every_state_and_a_published_schedule(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    with app.app_context():
        states = dict(db.session.execute(
            select(MeetingRequest.state, func.count()).group_by(MeetingRequest.state)).all())
        assert set(states) == {"pending", "accepted", "declined", "cancelled"}
        on_agendas = db.session.scalar(select(func.count()).where(Meeting.state.in_(("published", "held", "no_show"))))
        assert on_agendas > 10
        waiting = db.session.scalar(select(func.count(MeetingRequest.id)).where(
            MeetingRequest.state == "accepted", MeetingRequest.id.not_in(select(Meeting.request_id))))
        assert waiting >= 8
        over = db.session.scalar(select(Fair.ends_on)) < date.today()
        # Once the demo fair (mid-October) is over, its meetings were held or missed, with outcomes.
        assert (db.session.scalar(select(func.count(MeetingOutcome.id))) > 0) == over
    buyer = signed_in(app, "muahang@demo.fairmatch.vn", "hoicho-2026")
    agenda = buyer.get("/api/v1/me/agenda").json["meetings"]
    assert agenda and all(m["status"] in (("held", "no_show") if over else ("published",)) for m in agenda)
    supplier = signed_in(app, "cungung@demo.fairmatch.vn", "hoicho-2026")
    assert any(m["with"]["key"] for m in supplier.get("/api/v1/me/agenda").json["meetings"])


def test_the_demo_requests_link_customers_to_suppliers_the_matching_ranks_for_them(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "60"]).exit_code == 0
    with app.app_context():
        graph = supply_graph()
        demo_firms = set(db.session.scalars(select(Membership.enterprise_id)))
        requests = [r for r in db.session.scalars(select(MeetingRequest))
                    if r.from_enterprise_id not in demo_firms and r.to_enterprise_id not in demo_firms]
        assert len(requests) >= 20
        for request in requests:
            ranked = [m.key for m in rank_suppliers(graph, request.sender.key, limit=10)]
            assert request.receiver.key in ranked, (request.sender.name_vi, request.receiver.name_vi)
            made = {p.category.name_vi.lower() for p in request.receiver.products}
            assert any(name in request.message.lower() for name in made), request.message
