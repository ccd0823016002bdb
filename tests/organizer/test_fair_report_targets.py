"""The fair report against the programme's targets, each figure checked on a small fair counted by hand.

The fair: hall A of eight booths at 15,000,000 VND (A02 at 18,000,000). Đông Anh (lead, makes motorcycle engines
of aluminium castings and gears) exhibits at A01, Hòa Lạc (supplier, gears) at A02 and A03, Tân Phong (supplier,
castings; the only Vietnamese-owned maker, beside the FDI plant Sakura) at A04. Minh Phát makes gears too; Kim Long
(buyer, needs gears) and Osaka (a Japanese buyer) have no booth. Meetings, all on 15 October:

1. Đông Anh – Tân Phong, held: both report a contract (500 and 450 million VND)
2. Đông Anh – Hòa Lạc, held: an MoU, no value
3. Kim Long – Hòa Lạc, held: a quotation
4. Đông Anh – Sakura, held: a follow-up planned
5. Osaka – Hòa Lạc, held: a contract of 1 billion VND
6. Kim Long – Minh Phát, held: nothing further
7. Đông Anh – Minh Phát, no-show
8. Tân Phong – Hòa Lạc, published, not marked yet
9. Minh Phát – Sakura, a draft (not on the agendas)
plus a declined and a pending request.
"""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Category, CategoryInput, Enterprise, EnterpriseSector, Need, Product
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from fairmatch.organizer import report as report_module
from fairmatch.organizer.report import fair_report
from tests.conftest import signed_in
from tests.printing.test_fair_documents import pdf_text

MILLION = 1_000_000
KEYS = {
    "fair": {"id", "name"},
    "generated_at": None,
    "booths": {"total", "sold", "revenue_vnd", "support_vnd"},
    "register": {"recognised_enterprises", "invited", "registered", "exhibiting", "share_exhibiting"},
    "meetings": {"requested", "accepted", "scheduled", "held", "no_show"},
    "deals": {"count", "value_vnd", "by_kind", "domestic_links", "import_substitution_links"},
    "follow_up": {"m3", "m6"},
    "events": {"sessions", "registered", "attended"},
    "by_sector": None,
}


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, 15, hour - 7, minute, tzinfo=UTC)


@pytest.fixture
def target_fair(app, make_fair, make_enterprise, make_user) -> dict:
    """The fair above; returns the organizer's email and the meetings' ids by number."""
    keys = {
        "dong_anh": make_enterprise(
            name_vi="Tổng công ty Máy động lực Đông Anh", name_en="Dong Anh Engines", kind="lead"
        ),
        "hoa_lac": make_enterprise(name_vi="Công ty TNHH Cơ khí Hòa Lạc", name_en="Hoa Lac Mechanics"),
        "minh_phat": make_enterprise(name_vi="Công ty TNHH Bánh răng Minh Phát", name_en="Minh Phat Gears"),
        "tan_phong": make_enterprise(name_vi="Công ty TNHH Đúc Tân Phong", name_en="Tan Phong Castings"),
        "sakura": make_enterprise(name_vi="Công ty TNHH Sakura Việt Nam", name_en="Sakura Vietnam", kind="fdi"),
        "kim_long": make_enterprise(name_vi="Công ty CP Kim Long", name_en="Kim Long JSC", kind="buyer"),
        "osaka": make_enterprise(
            key="JP-4120001",
            tax_code=None,
            country="JP",
            registration_no="4120001",
            name_vi="Osaka Trading",
            name_en="Osaka Trading",
            kind="buyer",
        ),
    }
    organizer = make_user("organizer")
    fair_id = make_fair(booths_per_row=4)
    with app.app_context():
        e = {who: db.session.scalar(select(Enterprise).where(Enterprise.key == key)) for who, key in keys.items()}
        booths = {b.code: b for b in db.session.scalars(select(Booth).where(Booth.fair_id == fair_id))}
        booths["A02"].price_vnd = 18 * MILLION
        for who, codes in (("dong_anh", ("A01",)), ("hoa_lac", ("A02", "A03")), ("tan_phong", ("A04",))):
            db.session.add(
                BoothReservation(
                    fair_id=fair_id,
                    enterprise_id=e[who].id,
                    state="confirmed",
                    items=[ReservationBooth(booth=booths[code]) for code in codes],
                )
            )
        for who, sector in (
            ("dong_anh", "automotive-motorcycle"),
            ("hoa_lac", "precision-mechanics"),
            ("minh_phat", "precision-mechanics"),
            ("tan_phong", "metals"),
            ("sakura", "metals"),
        ):
            e[who].sectors = [EnterpriseSector(sector=sector)]
        engine = Category(code="T.ENGINE", name_vi="Động cơ", name_en="Engines", sector="automotive-motorcycle")
        casting = Category(code="T.CASTING", name_vi="Chi tiết đúc", name_en="Castings", sector="metals")
        gears = Category(code="T.GEARS", name_vi="Bánh răng", name_en="Gears", sector="precision-mechanics")
        db.session.add_all([engine, casting, gears])
        db.session.flush()
        db.session.add_all(
            [
                CategoryInput(output_id=engine.id, input_id=casting.id),
                CategoryInput(output_id=engine.id, input_id=gears.id),
            ]
        )
        for who, category in (
            ("dong_anh", engine),
            ("hoa_lac", gears),
            ("minh_phat", gears),
            ("tan_phong", casting),
            ("sakura", casting),
        ):
            e[who].products = [Product(category=category, name_vi=category.name_vi, name_en=category.name_en)]
        e["kim_long"].needs = [Need(category=gears)]

        def request(sender, receiver, state="accepted"):
            made = MeetingRequest(
                fair_id=fair_id, from_enterprise_id=e[sender].id, to_enterprise_id=e[receiver].id, state=state
            )
            db.session.add(made)
            db.session.flush()
            return made

        def meeting(sender, receiver, hour, state, table, outcomes=()):
            held = Meeting(
                fair_id=fair_id,
                request_id=request(sender, receiver).id,
                slot_id=f"2026-10-15-{hour:02d}00",
                starts_at=at(hour),
                ends_at=at(hour, 30),
                table=table,
                state=state,
            )
            held.outcomes = [
                MeetingOutcome(enterprise_id=e[who].id, outcome=outcome, **deal) for who, outcome, deal in outcomes
            ]
            db.session.add(held)
            db.session.flush()
            return held.id

        def value(millions):
            return {"value": millions * MILLION, "currency": "VND", "rate_vnd": 1, "value_vnd": millions * MILLION}

        meetings = {
            1: meeting(
                "dong_anh",
                "tan_phong",
                9,
                "held",
                "T01",
                [("dong_anh", "contract", value(500)), ("tan_phong", "contract", value(450))],
            ),
            2: meeting("dong_anh", "hoa_lac", 10, "held", "T01", [("hoa_lac", "mou", {})]),
            3: meeting("kim_long", "hoa_lac", 11, "held", "T01", [("kim_long", "quotation", {})]),
            4: meeting("dong_anh", "sakura", 11, "held", "T02", [("sakura", "follow_up", {})]),
            5: meeting("osaka", "hoa_lac", 9, "held", "T02", [("osaka", "contract", value(1000))]),
            6: meeting(
                "kim_long", "minh_phat", 9, "held", "T03", [("kim_long", "none", {}), ("minh_phat", "none", {})]
            ),
            7: meeting("dong_anh", "minh_phat", 12, "no_show", "T01"),
            8: meeting("tan_phong", "hoa_lac", 13, "published", "T01"),
            9: meeting("minh_phat", "sakura", 13, "draft", "T02"),
        }
        request("kim_long", "sakura", "declined")
        request("osaka", "tan_phong", "pending")
        db.session.commit()
    return {"organizer": organizer, "meetings": meetings, "fair_id": fair_id}


def report_of(app, lang="en"):
    with app.test_request_context(f"/?lang={lang}"):
        return fair_report(db.session.scalar(select(Fair).where(Fair.is_current)), lang)


def report_json(runner, lang):
    result = runner.invoke(args=["report", "--json", "--lang", lang])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_booths_sold_and_their_value_at_list_price(app, target_fair):
    report = report_of(app)
    assert (report.booths_total, report.booths_sold, report.exhibitors) == (8, 4, 3)
    assert report.booth_value_vnd == (15 + 18 + 15 + 15) * MILLION


def test_meetings_count_requests_agendas_held_and_no_shows(app, target_fair):
    report = report_of(app)
    assert (report.requests, report.requests_accepted) == (11, 9)
    assert (report.meetings_on_agenda, report.meetings_held, report.meetings_no_show, report.meetings_unmarked) == (
        8,
        6,
        1,
        1,
    )


def test_a_deal_counts_once_under_its_strongest_outcome_with_the_largest_value_either_side_recorded(app, target_fair):
    report = report_of(app)
    assert report.deals == 5
    assert {t.key: t.count for t in report.deals_by_kind} == {"contract": 2, "mou": 1, "quotation": 1, "follow_up": 1}
    # Đông Anh – Tân Phong: 500 million, not 500 + 450; Osaka – Hòa Lạc: 1 billion; the others have no value.
    assert report.deal_value_vnd == 1_500 * MILLION


def test_domestic_links_are_deals_between_two_vietnamese_owned_firms(app, target_fair):
    # Meetings 1, 2 and 3; not Sakura (FDI) nor Osaka (Japan).
    assert report_of(app).domestic_links == 3


def test_a_side_saying_its_partner_is_foreign_takes_the_deal_out_of_the_domestic_links(app, target_fair):
    with app.app_context():
        outcome = db.session.scalar(
            select(MeetingOutcome).where(MeetingOutcome.meeting_id == target_fair["meetings"][3])
        )
        outcome.partner_foreign = True
        db.session.commit()
    assert report_of(app).domestic_links == 2


def test_import_substitution_is_a_domestic_link_for_an_input_no_other_vietnamese_firm_makes(app, target_fair):
    # Castings for Đông Anh's engines came only from Sakura (FDI) or abroad before Tân Phong: one link. Gears have
    # two Vietnamese-owned makers (Hòa Lạc, Minh Phát), so meetings 2 and 3 replace no import.
    assert report_of(app).import_substitution_links == 1


def test_a_deal_recorded_for_another_category_substitutes_no_import(app, target_fair):
    with app.app_context():
        gears = db.session.scalar(select(Category).where(Category.code == "T.GEARS"))
        for outcome in db.session.scalars(
            select(MeetingOutcome).where(MeetingOutcome.meeting_id == target_fair["meetings"][1])
        ):
            outcome.category_id = gears.id
        db.session.commit()
    assert report_of(app).import_substitution_links == 0


def test_results_by_sector_count_each_side_under_its_main_sector(app, target_fair):
    lines = [(s.key, s.exhibitors, s.meetings, s.deals, s.value_vnd) for s in report_of(app).by_sector]
    assert lines == [
        ("precision-mechanics", 1, 6, 3, 1_000 * MILLION),
        ("automotive-motorcycle", 1, 4, 3, 500 * MILLION),
        ("metals", 1, 3, 2, 500 * MILLION),
        ("other", 0, 3, 2, 1_000 * MILLION),
    ]


def test_a_chain_is_a_lead_with_its_suppliers_and_customers_on_the_supply_graph(app, target_fair):
    chains = [
        (c.lead, c.members, c.exhibitors, c.booths, c.meetings, c.deals, c.value_vnd) for c in report_of(app).chains
    ]
    assert chains == [
        # Đông Anh, the makers of castings (Tân Phong, Sakura) and of gears (Hòa Lạc, Minh Phát): meetings 1, 2, 4,
        # 7 and 8, deals 1, 2 and 4.
        ("Dong Anh Engines", 5, 3, 4, 5, 3, 500 * MILLION),
        # Sakura and Đông Anh, which uses its castings; meeting 4 has no value recorded.
        ("Sakura Vietnam", 2, 1, 1, 1, 1, None),
    ]


def test_links_per_lead_enterprise_show_the_suppliers_it_drew_in(app, target_fair):
    nuclei = [(n.lead, n.links, n.partners, n.local_suppliers) for n in report_of(app).nuclei]
    # Đông Anh: Tân Phong and Hòa Lạc make what it needs; Sakura is FDI.
    assert nuclei == [("Dong Anh Engines", 3, 3, 2), ("Sakura Vietnam", 1, 1, 0)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_json_report_has_exactly_the_interface_keys_in_both_languages(app, runner, target_fair, lang):
    document = report_json(runner, lang)
    assert set(document) == set(KEYS)
    for key, inner in KEYS.items():
        if inner is not None:
            assert set(document[key]) == inner, key
    assert set(document["deals"]["by_kind"]) == {"contract", "mou", "quotation", "follow_up"}
    assert all(set(document["follow_up"][r]) == {"sent", "answered", "contracts"} for r in ("m3", "m6"))
    assert [set(line) for line in document["by_sector"]] == [
        {"sector", "exhibitors", "meetings", "deals", "value_vnd"}
    ] * 4
    assert document["booths"] | {"support_vnd": None} == {
        "total": 8,
        "sold": 4,
        "revenue_vnd": 63 * MILLION,
        "support_vnd": None,
    }
    assert document["meetings"] == {"requested": 11, "accepted": 9, "scheduled": 8, "held": 6, "no_show": 1}
    assert document["deals"] == {
        "count": 5,
        "value_vnd": 1_500 * MILLION,
        "by_kind": {"contract": 2, "mou": 1, "quotation": 1, "follow_up": 1},
        "domestic_links": 3,
        "import_substitution_links": 1,
    }
    assert document["by_sector"][0] == {
        "sector": "precision-mechanics",
        "exhibitors": 1,
        "meetings": 6,
        "deals": 3,
        "value_vnd": 1_000 * MILLION,
    }
    assert document["fair"] == {"id": target_fair["fair_id"], "name": "Hội chợ thử" if lang == "vi" else "Test fair"}


def test_a_figure_not_known_yet_is_null_in_the_json_and_says_so_on_the_page(app, runner, target_fair, monkeypatch):
    monkeypatch.setattr(
        report_module, "event_figures", lambda fair: dict.fromkeys(("sessions", "registered", "attended"))
    )
    with app.app_context():
        db.session.execute(
            MeetingOutcome.__table__.update().values(value=None, currency=None, rate_vnd=None, value_vnd=None)
        )
        db.session.commit()
    document = report_json(runner, "en")
    assert document["events"] == {"sessions": None, "registered": None, "attended": None}
    assert document["deals"]["value_vnd"] is None
    organizer = signed_in(app, target_fair["organizer"])
    page = organizer.get("/organizer/report?lang=en").get_data(as_text=True)
    assert "not known yet" in page
    assert "chưa có số liệu" in pdf_text(organizer.get("/print/report.pdf?lang=vi"))


def test_every_figure_shows_how_it_is_computed_on_the_page_and_on_paper(app, target_fair):
    organizer = signed_in(app, target_fair["organizer"])
    page = organizer.get("/organizer/report?lang=en").get_data(as_text=True)
    paper = pdf_text(organizer.get("/print/report.pdf?lang=en"))
    for text in (page, paper):
        assert "Import-substitution links" in text and "no other Vietnamese-owned enterprise makes" in text
        assert "Results by production chain" in text and "Dong Anh Engines" in text
        assert "Links formed per lead enterprise" in text and "the suppliers it drew in" in text


def test_the_text_report_speaks_the_language_asked(app, runner, target_fair):
    english = runner.invoke(args=["report", "--lang", "en"])
    vietnamese = runner.invoke(args=["report"])
    assert english.exit_code == vietnamese.exit_code == 0
    assert "Import-substitution links: 1" in english.stdout
    assert "Liên kết thay thế nhập khẩu: 1" in vietnamese.stdout


def test_the_report_refuses_without_a_current_fair(app, runner, make_fair):
    make_fair(is_current=False)
    result = runner.invoke(args=["report", "--json"])
    assert result.exit_code == 1
    assert result.stdout == "" and "no fair edition is marked current" in result.stderr
