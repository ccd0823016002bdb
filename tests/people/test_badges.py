"""Badges for the people at the fair, read back from the PDF: one per person on the lists, the role
written out, the booth codes on exhibitors' badges, a check-in code the desk reads, long names whole;
and one badge reprinted."""

import io
import re

from pypdf import PdfReader

from fairmatch.meetings.codes import read_code
from tests.conftest import signed_in
from tests.people.conftest import person_id, staff

LONG_NAME = "Tôn Nữ Hoàng Thị Khánh Huyền Phương Thảo Nguyên"
LONG_FIRM = "Công ty TNHH Một thành viên Cơ khí Chính xác và Khuôn mẫu Công nghiệp hỗ trợ Hòa Lạc"


def pdf_pages(response) -> list[str]:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return [page.extract_text().replace("\xa0", " ") for page in PdfReader(io.BytesIO(response.data)).pages]


def test_the_badges_have_one_badge_per_person_with_role_booth_codes_and_a_readable_code(app, people_fair):
    a = signed_in(app, people_fair.emails["a"])
    for name in ("Nguyễn Thị Mai", "Trần Văn Hùng"):
        a.post(f"/enterprises/{people_fair.keys['a']}/people", data=staff(name=name))
    signed_in(app, people_fair.emails["b"]).post(
        f"/enterprises/{people_fair.keys['b']}/people", data=staff(name="Đỗ Thanh Phong")
    )
    signed_in(app, people_fair.emails["buyer"]).post(
        f"/enterprises/{people_fair.keys['buyer']}/people", data=staff(name="Sato Kenji", position="Purchasing Manager")
    )
    organizer = signed_in(app, people_fair.emails["organizer"])
    organizer.post(
        "/organizer/people",
        data={"role": "guest", "full_name": "Phạm Văn Khách", "organization": "Ủy ban nhân dân thành phố Hà Nội"},
    )
    organizer.post("/organizer/people", data={"role": "organizer", "full_name": "Lý Thu Hòa"})

    text = " ".join(" ".join(pdf_pages(organizer.get("/print/badges.pdf?lang=en"))).split())
    with app.app_context():
        read = {read_code(code) for code in re.findall(r"FM-P\d+-[0-9A-F]{10}", text)}
    names = ("Nguyễn Thị Mai", "Trần Văn Hùng", "Đỗ Thanh Phong", "Sato Kenji", "Phạm Văn Khách", "Lý Thu Hòa")
    assert read == {("person", person_id(app, name)) for name in names}, "one badge per person, each code genuine"
    assert all(name in text for name in names)
    assert text.count("Booth A01") == 2 and text.count("Booth A02") == 1, "exhibitors' badges carry their booths"
    assert text.count("EXHIBITOR") == 3 and "BUYER" in text and "GUEST" in text and "ORGANIZER" in text
    assert "Purchasing Manager" in text and "Ủy ban nhân dân thành phố Hà Nội" in text
    # The members' user accounts get no badge of their own: the lists say who comes.
    assert "Phạm Thị Hồng" not in text and "FM-B" not in text

    vietnamese = " ".join(pdf_pages(organizer.get("/print/badges.pdf?lang=vi")))
    assert "DOANH NGHIỆP TRƯNG BÀY" in vietnamese and "DOANH NGHIỆP MUA HÀNG" in vietnamese


def test_long_names_wrap_on_the_badge_and_are_never_cut(app, people_fair, make_enterprise, make_user):
    from tests.people.conftest import confirm_booths

    key = make_enterprise(name_vi=LONG_FIRM, name_en=None)
    confirm_booths(app, key, ("A03",))
    member = signed_in(app, make_user("exhibitor", enterprise=key))
    member.post(
        f"/enterprises/{key}/people",
        data=staff(name=LONG_NAME, position="Phó Tổng Giám đốc phụ trách Kinh doanh và Xuất nhập khẩu"),
    )
    text = pdf_pages(signed_in(app, people_fair.emails["organizer"]).get("/print/badges.pdf?lang=vi"))[0]
    flat = " ".join(text.split())
    assert LONG_NAME in flat and LONG_FIRM in flat and "Xuất nhập khẩu" in flat
    assert "…" not in text


def test_one_badge_is_reprinted_with_one_click_from_the_desk(app, people_fair):
    a = signed_in(app, people_fair.emails["a"])
    for name in ("Nguyễn Thị Mai", "Trần Văn Hùng"):
        a.post(f"/enterprises/{people_fair.keys['a']}/people", data=staff(name=name))
    mai = person_id(app, "Nguyễn Thị Mai")
    organizer = signed_in(app, people_fair.emails["organizer"])
    with app.app_context():
        from fairmatch.meetings.codes import person_code

        code = person_code(mai)
    desk = organizer.post("/organizer/check-in?lang=en", data={"code": code}).get_data(as_text=True)
    assert f'href="/organizer/people/{mai}/badge.pdf"' in desk
    pages = pdf_pages(organizer.get(f"/organizer/people/{mai}/badge.pdf?lang=en"))
    assert len(pages) == 1 and "Nguyễn Thị Mai" in pages[0] and code in pages[0] and "Booth A01" in pages[0]
    assert "Trần Văn Hùng" not in pages[0]
    assert organizer.get("/organizer/people/99999/badge.pdf").status_code == 404
