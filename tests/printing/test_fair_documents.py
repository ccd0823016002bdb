"""The organizer's printed matter about the fair, read back as text: catalogue, badges, meeting codes on
agendas, the master meeting grid and the fair report (page and PDF, from one count)."""

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Category, CategoryInput, Enterprise, EnterpriseSector, Product
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.codes import meeting_code, read_code
from fairmatch.meetings.models import Meeting, MeetingOutcome, MeetingRequest
from fairmatch.organizer.report import fair_report
from fairmatch.people.models import FairPerson
from tests.conftest import signed_in

DOCUMENTS = ("/print/catalogue.pdf", "/print/badges.pdf", "/print/grid.pdf", "/print/report.pdf")
HOA_LAC = "Công ty TNHH Cơ khí Chính xác Hòa Lạc"
DONG_ANH = "Tổng công ty Máy động lực Đông Anh"


@dataclass
class SmallFair:
    emails: dict[str, str]  # who → email
    users: dict[str, int]  # who → user id
    meetings: dict[str, int]  # name → meeting id


def pdf_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    return " ".join(unicodedata.normalize("NFC", text).split())


def at(hour: int, minute: int = 0) -> datetime:
    """A time on 15 October 2026 in Hanoi, in UTC."""
    return datetime(2026, 10, 15, hour - 7, minute, tzinfo=UTC)


@pytest.fixture
def small_fair(app, make_fair, make_enterprise, make_user) -> SmallFair:
    """One morning of meetings: Hòa Lạc (supplier) exhibits at A01 and A02, Đông Anh (lead) at A03; Sakura (FDI),
    Kim Long (buyer), Tân Phong (supplier) and Vô Danh (supplier, only a draft meeting) have no booth."""
    keys = {
        "hoa_lac": make_enterprise(name_vi=HOA_LAC, name_en="Hoa Lac Precision Mechanics Co., Ltd.", kind="supplier",
                                   description_vi="Gia công bánh răng và trục cho xe máy.",
                                   description_en="Gears and shafts for motorcycles.", contact_name="Lê Văn Bình",
                                   contact_phone="0912 345 678", contact_email="binh@hoalac.vn"),
        "dong_anh": make_enterprise(name_vi=DONG_ANH, name_en="Dong Anh Engines Corporation", kind="lead"),
        "sakura": make_enterprise(name_vi="Công ty TNHH Điện tử Sakura Việt Nam", name_en=None, kind="fdi"),
        "kim_long": make_enterprise(name_vi="Công ty CP Thương mại Kim Long", name_en=None, kind="buyer"),
        "tan_phong": make_enterprise(name_vi="Công ty TNHH Nhựa Tân Phong", name_en=None, kind="supplier"),
        "vo_danh": make_enterprise(name_vi="Công ty TNHH Vô Danh", name_en=None, kind="supplier"),
    }
    emails = {
        "hong": make_user("exhibitor", enterprise=keys["hoa_lac"], name="Phạm Thị Hồng"),
        "gone": make_user("exhibitor", enterprise=keys["hoa_lac"], owner=False, name="Đã Nghỉ", active=False),
        "dung": make_user("exhibitor", enterprise=keys["dong_anh"], name="Trần Văn Dũng"),
        "sato": make_user("exhibitor", enterprise=keys["sakura"], name="Sato Kenji"),
        "nam": make_user("buyer", enterprise=keys["kim_long"], name="Lê Hoàng Nam"),
        "phong": make_user("exhibitor", enterprise=keys["tan_phong"], name="Đỗ Thanh Phong"),
        "an": make_user("exhibitor", enterprise=keys["vo_danh"], name="Vũ Văn An"),
        "organizer": make_user("organizer", name="Ban tổ chức"),
    }
    fair_id = make_fair(name_vi="Hội chợ Công nghiệp Hà Nội 2026", name_en="Hanoi Industry Fair 2026",
                        ends_on=date(2026, 10, 15), meeting_tables=2, meeting_slot_minutes=30,
                        meeting_sessions=[{"session": "am", "start": "09:00", "end": "10:30"}],
                        booths_per_row=2, zones={"A01": "precision-mechanics"})
    with app.app_context():
        e = {who: db.session.scalar(select(Enterprise).where(Enterprise.key == key)) for who, key in keys.items()}
        fair = db.session.get(Fair, fair_id)
        booths = {booth.code: booth for booth in db.session.scalars(select(Booth).where(Booth.fair_id == fair.id))}
        booths["A02"].price_vnd = 18_000_000
        db.session.flush()
        for who, codes in (("hoa_lac", ("A01", "A02")), ("dong_anh", ("A03",))):
            db.session.add(BoothReservation(fair_id=fair.id, enterprise_id=e[who].id, state="confirmed", items=[
                ReservationBooth(booth=booths[code]) for code in codes]))
        e["hoa_lac"].sectors = [EnterpriseSector(sector="precision-mechanics")]
        e["dong_anh"].sectors = [EnterpriseSector(sector="automotive-motorcycle")]
        casting = Category(code="T.CASTING", name_vi="Chi tiết đúc nhôm", name_en="Aluminium castings", sector="metals")
        engine = Category(code="T.ENGINE", name_vi="Động cơ xe máy", name_en="Motorcycle engines",
                          sector="automotive-motorcycle")
        gears = Category(code="T.GEARS", name_vi="Bánh răng", name_en="Gears", sector="precision-mechanics")
        db.session.add_all([casting, engine, gears])
        db.session.flush()
        db.session.add(CategoryInput(output_id=engine.id, input_id=casting.id))
        e["hoa_lac"].products = [Product(category=gears, name_vi="Bánh răng côn", name_en="Bevel gears")]
        e["dong_anh"].products = [Product(category=engine, name_vi="Động cơ 110 cc", name_en="110 cc engine")]

        def meeting(sender, receiver, hour, minute, state, table=None, booth=None, outcomes=()):
            request = MeetingRequest(fair_id=fair.id, from_enterprise_id=e[sender].id,
                                     to_enterprise_id=e[receiver].id, state="accepted")
            db.session.add(request)
            db.session.flush()
            held = Meeting(fair_id=fair.id, request_id=request.id, slot_id=f"2026-10-15-{hour:02d}{minute:02d}",
                           starts_at=at(hour, minute), ends_at=at(hour, minute + 30) if minute == 0 else at(hour + 1),
                           table=table, booth=booth, state=state)
            held.outcomes = [MeetingOutcome(enterprise_id=e[who].id, outcome=outcome) for who, outcome in outcomes]
            db.session.add(held)
            db.session.flush()
            return held.id

        meetings = {
            "contract": meeting("dong_anh", "hoa_lac", 9, 0, "held", table="T01",
                                outcomes=[("dong_anh", "contract"), ("hoa_lac", "quotation")]),
            "follow_up": meeting("sakura", "tan_phong", 9, 0, "held", table="T02",
                                 outcomes=[("sakura", "follow_up"), ("tan_phong", "none")]),
            "buyer": meeting("kim_long", "hoa_lac", 9, 30, "held", booth="A01", outcomes=[("kim_long", "quotation")]),
            "no_show": meeting("dong_anh", "tan_phong", 9, 30, "no_show", table="T01"),
            "draft": meeting("vo_danh", "tan_phong", 10, 0, "draft", table="T01"),
            "nothing": meeting("sakura", "hoa_lac", 10, 0, "held", table="T02",
                               outcomes=[("sakura", "none"), ("hoa_lac", "none")]),
            "published": meeting("tan_phong", "hoa_lac", 9, 30, "published", table="T02"),
        }
        db.session.commit()
        users = {who: db.session.scalar(select(User.id).where(User.email == email)) for who, email in emails.items()}
    return SmallFair(emails, users, meetings)


@pytest.mark.parametrize("url", [*DOCUMENTS, "/organizer/report"])
def test_fair_documents_are_for_organizers_only(app, client, small_fair, url):
    assert client.get(url).status_code in (302, 401)
    assert signed_in(app, small_fair.emails["hong"]).get(url).status_code == 403
    assert signed_in(app, small_fair.emails["nam"]).get(url).status_code == 403
    assert signed_in(app, small_fair.emails["organizer"]).get(url).status_code == 200


def test_the_catalogue_accepts_the_organizers_bearer_token(app, runner, small_fair):
    token = runner.invoke(args=["tokens", "create", "--email", small_fair.emails["organizer"]]).stdout.split()[-1]
    response = app.test_client().get("/print/catalogue.pdf", headers={"Authorization": f"Bearer {token}"})
    assert HOA_LAC in pdf_text(response)


def test_the_catalogue_lists_each_exhibitor_under_its_sector_with_booths_products_and_contact(app, small_fair):
    text = pdf_text(signed_in(app, small_fair.emails["organizer"]).get("/print/catalogue.pdf?lang=vi"))
    assert "Hội chợ Công nghiệp Hà Nội 2026" in text
    assert "Cơ khí chính xác / Precision mechanics" in text and "Ô tô, xe máy / Automotive and motorcycles" in text
    assert HOA_LAC in text and "Hoa Lac Precision Mechanics Co., Ltd." in text and "A01, A02" in text
    assert "Gia công bánh răng và trục cho xe máy." in text and "Gears and shafts for motorcycles." in text
    assert "Bánh răng côn / Bevel gears" in text and "0912 345 678" in text and "binh@hoalac.vn" in text
    assert DONG_ANH in text and "A03" in text
    # Only exhibitors with a confirmed booth are in the catalogue.
    assert "Kim Long" not in text and "Sakura" not in text
    # The sector index gives the page where each sector starts (cover 1, index 2, sectors from 3).
    index = text[text.index("Mục lục theo ngành"):]
    first_sector = "Mục lục theo ngành Cơ khí chính xác / Precision mechanics 1 doanh nghiệp trưng bày 3"
    assert index.startswith(first_sector), index


def test_badges_carry_a_check_in_code_the_desk_can_read(app, small_fair):
    """Badges are for the people on the lists (tests/people), not for user accounts."""
    with app.app_context():
        hoa_lac = db.session.scalar(select(Enterprise).where(Enterprise.name_vi == HOA_LAC))
        people = [FairPerson(fair_id=current_fair_id(), enterprise_id=hoa_lac.id, role="exhibitor",
                             full_name="Phạm Thị Hồng", phone="0912 345 678"),
                  FairPerson(fair_id=current_fair_id(), role="organizer", full_name="Lý Thu Hòa")]
        db.session.add_all(people)
        db.session.commit()
        ids = {person.id for person in people}
    text = pdf_text(signed_in(app, small_fair.emails["organizer"]).get("/print/badges.pdf"))
    with app.app_context():
        read = {read_code(code) for code in re.findall(r"FM-P\d+-[0-9A-F]{10}", text)}
    assert read == {("person", person) for person in ids}
    assert "Phạm Thị Hồng" in text and HOA_LAC in text and "A01, A02" in text and "Lý Thu Hòa" in text
    # The accounts of the enterprises' members get no badge of their own.
    assert "Lê Hoàng Nam" not in text and "FM-B" not in text


def current_fair_id() -> int:
    return db.session.scalar(select(Fair.id).where(Fair.is_current))


def test_agendas_show_each_meetings_check_in_code_beside_it(app, small_fair):
    exhibitor = signed_in(app, small_fair.emails["hong"])
    with app.app_context():
        code = meeting_code(small_fair.meetings["published"])
    own = pdf_text(exhibitor.get("/me/agenda.pdf?lang=vi"))
    assert code in own and "Công ty TNHH Nhựa Tân Phong" in own and "09:30" in own
    page = exhibitor.get("/me/agenda?lang=vi").get_data(as_text=True)
    assert code in page and f'aria-label="Mã QR của mã điểm danh {code}"' in page
    organizer = signed_in(app, small_fair.emails["organizer"])
    assert code in pdf_text(organizer.get("/print/agendas.pdf"))
    assert code in pdf_text(organizer.get("/print/tables.pdf"))


def test_the_grid_shows_who_meets_where_in_each_slot_without_drafts(app, small_fair):
    text = pdf_text(signed_in(app, small_fair.emails["organizer"]).get("/print/grid.pdf?lang=vi"))
    assert "T01 T02 Gian hàng A01" in text
    assert "09:00–09:30" in text and "10:00–10:30" in text
    # The shortest names no two firms share, as on the web grid; never a name cut short.
    assert "Đông Anh – Hòa Lạc" in text and "Kim Long – Hòa Lạc" in text
    assert "…" not in text.split("Các cuộc gặp trong lịch")[1]
    assert "Vô Danh" not in text and "bản nháp" in text


def test_the_report_counts_what_the_fair_produced_the_same_on_page_and_paper(app, small_fair):
    with app.test_request_context("/?lang=en"):
        report = fair_report(db.session.scalar(select(Fair)), "en")
    assert [(t.key, t.count, t.value_vnd) for t in report.booths_by_sector] == [
        ("precision-mechanics", 2, 33_000_000), ("automotive-motorcycle", 1, 15_000_000)]
    assert (report.booths_sold, report.booths_total, report.exhibitors) == (3, 4, 2)
    assert [(t.key, t.count) for t in report.exhibitors_by_kind] == [("lead", 1), ("supplier", 1)]
    assert (report.meetings_on_agenda, report.meetings_held, report.meetings_no_show, report.meetings_unmarked) == (
        6, 4, 1, 1)
    assert {t.key: t.count for t in report.outcomes} == {
        "follow_up": 1, "quotation": 2, "contract": 1, "mou": 0, "none": 3}
    assert (report.quotation_meetings, report.deal_meetings) == (2, 1)
    assert [(link.lead, link.supplier, link.outcome) for link in report.links] == [
        ("Dong Anh Engines Corporation", "Hoa Lac Precision Mechanics Co., Ltd.", "Contract signed"),
        ("Công ty TNHH Điện tử Sakura Việt Nam", "Công ty TNHH Nhựa Tân Phong", "Follow-up planned")]
    assert [(g.name, g.leads, g.suppliers) for g in report.gaps] == [("Aluminium castings", 1, 0)]

    organizer = signed_in(app, small_fair.emails["organizer"])
    page = organizer.get("/organizer/report?lang=vi").get_data(as_text=True)
    paper = pdf_text(organizer.get("/print/report.pdf?lang=vi"))
    for text in (page, paper):
        assert "33.000.000" in text and "Chi tiết đúc nhôm" in text
        assert DONG_ANH in text and "Công ty TNHH Nhựa Tân Phong" in text
    assert "3 / 4" in paper and "Cơ khí chính xác 2 · 33.000.000 ₫" in paper


def test_the_printed_report_lists_the_thirty_most_wanted_gaps_and_says_where_the_rest_are(app, small_fair,
                                                                                         monkeypatch):
    from fairmatch.matching.reports import GapLine
    from fairmatch.organizer import report

    gaps = [GapLine(f"T.GAP{n:02d}", f"Vật tư số {n:02d}", "7326", "", 40 - n, 0, 0, 0, "", "", "Công ty A")
            for n in range(40)]
    monkeypatch.setattr(report, "gap_lines", lambda lang: gaps)
    organizer = signed_in(app, small_fair.emails["organizer"])
    paper = pdf_text(organizer.get("/print/report.pdf?lang=en"))
    assert "The 30 most wanted of 40" in paper
    assert "Vật tư số 29" in paper and "Vật tư số 30" not in paper
