"""The organizer's dashboard: booths, money, queues and the meeting funnel of a small known fair."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from fairmatch.auth.services import find_user
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.matching.models import MatchView
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from tests.conftest import signed_in


def number(page: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">([^<]*)<', page)
    assert found, element_id
    return found.group(1).strip()


@pytest.fixture
def sales(app, confirmed, submitted, make_enterprise):
    """Three booths paid (A01, A02 in the electronics zone; A05 on the open floor), A03 waiting for
    approval, A06 approved with 6.200.000 ₫ of its 16.200.000 ₫ paid; one enterprise to verify.
    Returns an organizer's email."""
    *_, organizer = confirmed(code="A01")
    confirmed(code="A02")
    confirmed(code="A05")
    submitted(code="A03")
    unpaid, *_ = confirmed(code="A06", pay=False)
    with app.test_request_context():
        reservation = db.session.get(BoothReservation, unpaid)
        services.record_payment(reservation, find_user(organizer), 6_200_000, date(2026, 9, 1))
    make_enterprise(verified=False, name_vi="Công ty CP Nhựa Đông Á")
    return organizer


def test_booths_money_and_queues_are_counted_on_a_known_fair(app, sales):
    page = signed_in(app, sales).get("/organizer/?lang=vi").get_data(as_text=True)
    statuses = ("confirmed", "approved", "pending", "held", "available", "blocked")
    counts = {s: number(page, f"booths-{s}") for s in statuses}
    # A06 is approved and waiting for the rest of its payment: not "pending approval" any more.
    assert counts == {"confirmed": "3", "approved": "1", "pending": "1", "held": "0", "available": "3", "blocked": "0"}
    assert number(page, "occupancy") == "38%"
    assert number(page, "revenue-confirmed") == "48.600.000\xa0₫"  # 3 × 15.000.000 ₫ + 8 % VAT
    assert number(page, "revenue-paid") == "54.800.000\xa0₫"
    assert number(page, "revenue-due") == "10.000.000\xa0₫"
    assert number(page, "applications-waiting") == "1" and number(page, "unpaid") == "1"
    assert number(page, "enterprises-waiting") == "1" and number(page, "claims-waiting") == "0"
    assert 'href="/organizer/booths/#apps"' in page and 'href="/organizer/verification"' in page


def test_booths_are_shown_per_sector_zone_with_their_occupancy(app, sales):
    page = signed_in(app, sales).get("/organizer/?lang=en").get_data(as_text=True)
    electronics = re.search(r"<th scope=\"row\">Electrical and electronic equipment</th>(.*?)</tr>", page, re.S)
    assert electronics, "the electronics zone has its row"
    cells = re.findall(r"<td>([^<]*)</td>", electronics.group(1))
    # confirmed, approved, pending, held, available, blocked
    assert cells[:7] == ["2", "0", "1", "0", "1", "0", "50%"]
    assert cells[7] == "₫30,000,000"
    assert "<svg" in page and "Booths by sector zone and status" in page


@pytest.fixture
def meetings(app, fair, sales, make_enterprise):
    """Seven requests (one pending, one declined, four accepted — one of them cancelled since —, one
    withdrawn unanswered); two meetings published on 15 October (one held, with a contract reported
    by one side and nothing by the other), one in the draft on the 16th; 90 matches shown in 8 views,
    50 of them after the fair."""
    buyer_key = make_enterprise(kind="buyer", name_vi="Công ty TNHH Thương mại Kim Long")
    with app.app_context():
        buyer = db.session.scalar(select(Enterprise).where(Enterprise.key == buyer_key))
        suppliers = list(db.session.scalars(select(Enterprise).where(Enterprise.kind == "supplier")))
        decided = datetime(2026, 10, 1, tzinfo=UTC)
        states = [
            ("pending", None),
            ("declined", decided),
            ("accepted", decided),
            ("accepted", decided),
            ("accepted", decided),
            ("cancelled", decided),
            ("cancelled", None),
        ]
        requests = []
        for i, (state, decided_at) in enumerate(states):
            supplier = suppliers[i % len(suppliers)]
            sender, receiver = (buyer, supplier) if i % 2 else (supplier, buyer)
            requests.append(
                MeetingRequest(
                    fair_id=fair,
                    from_enterprise_id=sender.id,
                    to_enterprise_id=receiver.id,
                    state=state,
                    decided_at=decided_at,
                )
            )
        db.session.add_all(requests)
        db.session.flush()

        def meeting(request, slot_id, state):
            starts = datetime.strptime(slot_id, "%Y-%m-%d-%H%M").replace(tzinfo=UTC) - timedelta(hours=7)
            return Meeting(
                fair_id=fair,
                request_id=request.id,
                slot_id=slot_id,
                table="T1",
                state=state,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=30),
                published_at=None if state == "draft" else decided,
            )

        held = meeting(requests[2], "2026-10-15-0900", "held")
        published = meeting(requests[3], "2026-10-15-0930", "published")
        draft = meeting(requests[4], "2026-10-16-0900", "draft")
        db.session.add_all([held, published, draft])
        db.session.flush()
        db.session.add_all(
            [
                MeetingOutcome(
                    meeting_id=held.id,
                    enterprise_id=requests[2].from_enterprise_id,
                    outcome="contract",
                    note="Hợp đồng khung 12 tháng",
                ),
                MeetingOutcome(meeting_id=held.id, enterprise_id=requests[2].to_enterprise_id, outcome="none"),
                MatchView(enterprise_id=buyer.id, viewed_on=date(2026, 9, 20), views=2, matches=30),
                MatchView(enterprise_id=suppliers[0].id, viewed_on=date(2026, 9, 21), views=1, matches=10),
                # Shown after the fair ended: still shown, and requests made then count too.
                MatchView(enterprise_id=suppliers[0].id, viewed_on=date(2026, 12, 1), views=5, matches=50),
            ]
        )
        db.session.commit()


def test_the_meeting_funnel_counts_each_step_once(app, sales, meetings):
    page = signed_in(app, sales).get("/organizer/?lang=en").get_data(as_text=True)
    funnel = re.search(r'<table class="numbers" id="funnel">(.*?)</table>', page, re.S).group(1)
    steps = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', funnel))
    assert steps == {
        "Matches shown": "90",
        "Meeting requests": "7",
        "Accepted": "4",
        "Scheduled (published)": "2",
        "Took place": "1",
        "With an outcome": "1",
    }
    assert "in 8 list views by 2 enterprises" in funnel and "1 more in the draft schedule" in funnel
    outcomes = re.search(r'<ul class="legend" id="outcomes">(.*?)</ul>', page, re.S).group(1)
    assert "Contract signed: <strong>1</strong>" in outcomes and "Nothing further: <strong>1</strong>" in outcomes
    assert "Quotation requested: <strong>0</strong>" in outcomes


def test_meetings_are_drawn_per_fair_day(app, sales, meetings):
    page = signed_in(app, sales).get("/organizer/?lang=en").get_data(as_text=True)
    chart = re.search(r'<svg class="chart"[^>]*aria-label="Meetings per fair day".*?</svg>', page, re.S).group(0)
    labels = re.findall(r'class="chart-label"[^>]*>([^<]+)<', chart)
    # The one date style of the site (fairmatch.i18n.day_text), with the weekday.
    assert labels == [
        "Thursday 15 October 2026",
        "Friday 16 October 2026",
        "Saturday 17 October 2026",
        "Sunday 18 October 2026",
    ]
    assert "<title>Took place: 1</title>" in chart and "<title>Published: 1</title>" in chart
    assert "<title>Draft: 1</title>" in chart


def test_showing_an_enterprise_its_matches_is_counted_once_per_showing(app, exhibitor):
    email, key = exhibitor()
    client = signed_in(app, email)
    assert client.get("/me/matches").status_code == 200
    assert client.get(f"/api/v1/enterprises/{key}/matches").status_code == 200
    with app.app_context():
        enterprise_id = db.session.scalar(select(Enterprise.id).where(Enterprise.key == key))
        [row] = db.session.scalars(select(MatchView).where(MatchView.enterprise_id == enterprise_id))
        assert row.views == 2


def test_the_top_chain_gaps_come_from_the_supply_chain_report(app, sales, make_enterprise):
    from fairmatch.enterprises.models import Category, CategoryInput, Product

    with app.app_context():
        transformer = Category(
            code="EE.TRANSFORMER", name_vi="Máy biến áp", name_en="Power transformer", sector="electrical-electronics"
        )
        steel = Category(
            code="EE.LAMINATION",
            name_vi="Lá thép kỹ thuật điện",
            name_en="Electrical steel laminations",
            sector="electrical-electronics",
        )
        db.session.add_all([transformer, steel])
        db.session.flush()
        db.session.add(CategoryInput(output_id=transformer.id, input_id=steel.id))
        db.session.commit()
    lead = make_enterprise(kind="lead", name_vi="Tổng công ty Thiết bị điện Đông Anh")
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == lead))
        db.session.add(
            Product(
                enterprise=enterprise,
                category=db.session.scalar(select(Category).where(Category.code == "EE.TRANSFORMER")),
                name_vi="Máy biến áp 110 kV",
            )
        )
        db.session.commit()
    page = signed_in(app, sales).get("/organizer/?lang=vi").get_data(as_text=True)
    gaps = re.search(r'aria-labelledby="gaps-title">(.*?)</section>', page, re.S).group(1)
    assert "Lá thép kỹ thuật điện" in gaps and "EE.LAMINATION" in gaps


@pytest.mark.parametrize(
    "path", ["/organizer/", "/organizer/audit", "/organizer/exports/booths.csv", "/organizer/exports/meetings.xlsx"]
)
def test_only_organizers_see_the_console(app, fair, make_user, path):
    assert app.test_client().get(path).status_code == 302
    assert "/login" in app.test_client().get(path).headers["Location"]
    for role in ("exhibitor", "buyer"):
        assert signed_in(app, make_user(role)).get(path).status_code == 403
    assert signed_in(app, make_user("organizer")).get(path).status_code == 200


def test_without_a_current_fair_the_dashboard_still_leads_to_every_task(app, make_user):
    page = signed_in(app, make_user("organizer")).get("/organizer/?lang=en").get_data(as_text=True)
    assert "No fair edition is marked current yet." in page
    assert 'href="/organizer/audit"' in page and 'href="/organizer/verification"' in page


def test_the_demo_fairs_funnel_narrows_from_matches_shown_to_outcomes(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    page = signed_in(app, "btc@demo.fairmatch.vn", "hoicho-2026").get("/organizer/?lang=en").get_data(as_text=True)
    funnel = re.search(r'<table class="numbers" id="funnel">(.*?)</table>', page, re.S).group(1)
    steps = [int(n) for n in re.findall(r'<th scope="row">[^<]+</th><td>(\d+)</td>', funnel)]
    assert len(steps) == 6 and steps[1] > 0
    assert steps == sorted(steps, reverse=True), f"matches shown, requests, accepted, … = {steps}"


def test_what_waits_for_a_decision_comes_first_then_the_actions_then_the_figures(app, sales, meetings, make_enterprise):
    from fairmatch.notifications.models import Notification

    supplier_key = make_enterprise(kind="supplier", name_vi="Công ty TNHH Cơ khí Tiến Lợi")
    with app.app_context():
        db.session.add(
            Notification(
                email="ke.toan@example.vn",
                language="vi",
                kind="meeting_scheduled",
                subject="Lịch gặp",
                body="…",
                email_state="failed",
            )
        )
        buyer = db.session.scalar(select(Enterprise.id).where(Enterprise.kind == "buyer"))
        supplier = db.session.scalar(select(Enterprise.id).where(Enterprise.key == supplier_key))
        db.session.add(
            MeetingRequest(
                fair_id=db.session.scalar(select(MeetingRequest.fair_id)),
                from_enterprise_id=buyer,
                to_enterprise_id=supplier,
                state="accepted",
                decided_at=datetime(2026, 10, 2, tzinfo=UTC),
            )
        )
        db.session.commit()
    page = signed_in(app, sales).get("/organizer/?lang=en").get_data(as_text=True)
    decisions, actions, figures = (page.index(f'id="{anchor}"') for anchor in ("decisions", "tasks", "figures-title"))
    assert decisions < actions < figures
    assert number(page, "meetings-to-place") == "1" and number(page, "drafts-to-publish") == "1"
    assert number(page, "failed-emails") == "1" and 'href="/organizer/outbox?state=failed"' in page
    # The draft is on 16 October 2026, a slot that has begun by the time the tests run.
    assert "1 in a slot already begun" in page
    # Printing and the scheduler are among the actions, above every figure.
    for link in ('href="/organizer/meetings"', 'href="/print/badges.pdf"', "/organizer/exports/booths.csv"):
        assert actions < page.index(link) < figures, link


def test_the_dashboard_leads_to_the_people_at_the_fair_and_the_check_in_desk(app, sales):
    page = signed_in(app, sales).get("/organizer/?lang=en").get_data(as_text=True)
    assert 'href="/organizer/people"' in page and 'href="/organizer/check-in"' in page
