"""Exhibitors name their booth staff and buyers their delegates, within the organizer's limits and until
its deadline; after it, changes go through the organizer; a firm reaches only its own list."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.people.models import FairPerson
from tests.conftest import signed_in
from tests.people.conftest import confirm_booths, names_on_list, person_id, staff


def fair_today() -> date:
    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def set_fair(app, **settings) -> None:
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        for name, value in settings.items():
            setattr(fair, name, value)
        db.session.commit()


def add(client, key, **person):
    return client.post(f"/enterprises/{key}/people?lang=en", data=staff(**person))


def test_an_exhibitor_names_three_staff_per_confirmed_booth_and_no_more(app, people_fair):
    exhibitor = signed_in(app, people_fair.emails["a"])
    key = people_fair.keys["a"]
    for name in ("Nguyễn Thị Mai", "Trần Văn Hùng", "Lê Thu Hà"):
        assert add(exhibitor, key, name=name).status_code == 302
    page = exhibitor.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert "3 of 3 named" in page and "The list is full" in page
    refused = add(exhibitor, key, name="Đỗ Văn Tư")
    assert refused.status_code == 422
    assert "The list is full: 3 people, 3 per confirmed booth." in refused.get_data(as_text=True)
    assert names_on_list(app, key) == ["Nguyễn Thị Mai", "Trần Văn Hùng", "Lê Thu Hà"]


def test_the_staff_limit_follows_the_number_of_confirmed_booths_and_the_organizers_setting(app, people_fair):
    exhibitor = signed_in(app, people_fair.emails["a"])
    key = people_fair.keys["a"]
    for n in range(3):
        assert add(exhibitor, key, name=f"Nguyễn Văn An {'ABC'[n]}").status_code == 302
    assert add(exhibitor, key, name="Đỗ Văn Tư").status_code == 422
    confirm_booths(app, key, ("A03",))  # a second booth: six people
    assert add(exhibitor, key, name="Đỗ Văn Tư").status_code == 302
    assert "4 of 6 named" in exhibitor.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    set_fair(app, staff_per_booth=2)  # the organizer lowers the limit: 2 × 2 booths
    refused = add(exhibitor, key, name="Hoàng Văn Năm")
    assert refused.status_code == 422
    assert "The list is full: 4 people, 2 per confirmed booth." in refused.get_data(as_text=True)


def test_a_buyer_names_its_delegates_up_to_the_organizers_limit(app, people_fair):
    set_fair(app, delegates_per_buyer=2)
    buyer = signed_in(app, people_fair.emails["buyer"])
    key = people_fair.keys["buyer"]
    page = buyer.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert "<h1>Delegates</h1>" in page and "0 of 2 named" in page
    assert add(buyer, key, name="Sato Kenji", position="Purchasing Manager").status_code == 302
    assert add(buyer, key, name="Lê Hoàng Nam").status_code == 302
    refused = add(buyer, key, name="Trịnh Văn Ba")
    assert refused.status_code == 422 and "The list is full: 2 delegates." in refused.get_data(as_text=True)


def test_an_enterprise_without_a_confirmed_booth_names_nobody_yet(app, people_fair):
    member = signed_in(app, people_fair.emails["nobooth"])
    key = people_fair.keys["nobooth"]
    page = member.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert "Booth staff can be named once the enterprise has a confirmed booth." in page
    assert 'name="full_name"' not in page
    refused = add(member, key)
    assert refused.status_code == 422 and names_on_list(app, key) == []


def test_before_the_deadline_the_exhibitor_changes_its_list(app, people_fair):
    set_fair(app, people_due_on=fair_today())  # lists close at the end of today
    exhibitor = signed_in(app, people_fair.emails["a"])
    key = people_fair.keys["a"]
    page = exhibitor.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert "You can change the list until the end of" in page
    assert add(exhibitor, key, name="Nguyễn Thị Mai").status_code == 302
    mai = person_id(app, "Nguyễn Thị Mai")
    changed = exhibitor.post(f"/enterprises/{key}/people/{mai}", data=staff(name="Nguyễn Thị Mai Anh"))
    assert changed.status_code == 302 and names_on_list(app, key) == ["Nguyễn Thị Mai Anh"]
    assert exhibitor.post(f"/enterprises/{key}/people/{mai}/remove").status_code == 302
    assert names_on_list(app, key) == []


def test_after_the_deadline_changes_are_refused_with_the_reason_and_the_organizer_still_makes_them(app, people_fair):
    exhibitor = signed_in(app, people_fair.emails["a"])
    key = people_fair.keys["a"]
    assert add(exhibitor, key, name="Nguyễn Thị Mai").status_code == 302
    mai = person_id(app, "Nguyễn Thị Mai")
    set_fair(app, people_due_on=fair_today() - timedelta(days=1))
    page = exhibitor.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert "The list closed on" in page and "ask the organizer" in page
    assert 'name="full_name"' not in page, "no form to fill in that would be refused"
    refused = add(exhibitor, key, name="Trần Văn Hùng")
    assert refused.status_code == 422 and "The list closed on" in refused.get_data(as_text=True)
    edit = exhibitor.post(f"/enterprises/{key}/people/{mai}?lang=en", data=staff(name="Nguyễn Thị Mai Anh"))
    assert edit.status_code == 422 and "ask the organizer" in edit.get_data(as_text=True)
    removal = exhibitor.post(f"/enterprises/{key}/people/{mai}/remove?lang=en", follow_redirects=True)
    assert "The list closed on" in removal.get_data(as_text=True)
    assert names_on_list(app, key) == ["Nguyễn Thị Mai"]

    organizer = signed_in(app, people_fair.emails["organizer"])
    assert "you can still change it" in organizer.get(f"/enterprises/{key}/people?lang=en").get_data(as_text=True)
    assert add(organizer, key, name="Trần Văn Hùng").status_code == 302
    assert organizer.post(f"/enterprises/{key}/people/{mai}", data=staff(name="Nguyễn Thị Mai Anh")).status_code == 302
    assert names_on_list(app, key) == ["Nguyễn Thị Mai Anh", "Trần Văn Hùng"]
    assert organizer.post(f"/enterprises/{key}/people/{mai}/remove").status_code == 302
    assert names_on_list(app, key) == ["Trần Văn Hùng"]


def test_a_firm_reaches_only_its_own_list(app, people_fair):
    a = signed_in(app, people_fair.emails["a"])
    assert add(a, people_fair.keys["a"], name="Nguyễn Thị Mai").status_code == 302
    mai = person_id(app, "Nguyễn Thị Mai")
    b = signed_in(app, people_fair.emails["b"])
    a_key, b_key = people_fair.keys["a"], people_fair.keys["b"]
    assert b.get(f"/enterprises/{a_key}/people").status_code == 403
    assert add(b, a_key, name="Kẻ Lạ").status_code == 403
    assert b.post(f"/enterprises/{a_key}/people/{mai}", data=staff(name="Kẻ Lạ")).status_code == 403
    assert b.post(f"/enterprises/{a_key}/people/{mai}/remove").status_code == 403
    # A's person through B's own list: no such person there.
    assert b.get(f"/enterprises/{b_key}/people/{mai}").status_code == 404
    assert b.post(f"/enterprises/{b_key}/people/{mai}", data=staff(name="Kẻ Lạ")).status_code == 404
    assert b.post(f"/enterprises/{b_key}/people/{mai}/remove").status_code == 404
    assert b.get(f"/organizer/people/{mai}/badge.pdf").status_code == 403
    assert names_on_list(app, a_key) == ["Nguyễn Thị Mai"]
    # "My people" leads each member to its own enterprise's list.
    assert b.get("/me/people").headers["Location"].endswith(f"/enterprises/{b_key}/people")


def test_names_are_plain_and_phone_numbers_are_phone_numbers(app, people_fair):
    exhibitor = signed_in(app, people_fair.emails["a"])
    key = people_fair.keys["a"]
    page = add(exhibitor, key, name="<b>Mai</b> 🎉", phone="gọi tôi").get_data(as_text=True)
    assert "no emoji, symbols or markup" in page and "Enter a phone number" in page
    assert "&lt;b&gt;Mai&lt;/b&gt; 🎉" in page, "what was typed is kept for correction"
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Mai"  # typed with combining marks: stored as NFC
    assert add(exhibitor, key, name=decomposed, phone="+84 912 345 678").status_code == 302
    assert names_on_list(app, key) == ["Nguyễn Thị Mai"]


def test_the_organizer_adds_guests_press_and_staff_and_sets_the_limits_and_deadline(app, people_fair):
    organizer = signed_in(app, people_fair.emails["organizer"])
    added = organizer.post(
        "/organizer/people",
        data={"role": "press", "full_name": "Đặng Thu Trang", "organization": "Báo Kinh tế Thủ đô", "phone": ""},
    )
    assert added.status_code == 302
    assert organizer.post("/organizer/people", data={"role": "exhibitor", "full_name": "Ai Đó"}).status_code == 422
    page = organizer.get("/organizer/people?lang=en").get_data(as_text=True)
    assert "Đặng Thu Trang" in page and "Báo Kinh tế Thủ đô" in page and "Press: <strong>1</strong>" in page
    saved = organizer.post(
        "/organizer/people/settings",
        data={"staff_per_booth": "4", "delegates_per_buyer": "6", "people_due_on": "2026-10-01"},
    )
    assert saved.status_code == 302
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        assert (fair.staff_per_booth, fair.delegates_per_buyer, fair.people_due_on) == (4, 6, date(2026, 10, 1))
        press = db.session.scalar(select(FairPerson).where(FairPerson.full_name == "Đặng Thu Trang"))
        assert (press.role, press.enterprise_id) == ("press", None)
    # A journalist who turns out to be a guest: the change is kept and in the audit log.
    changed = organizer.post(f"/organizer/people/{press.id}", data={"role": "guest", "full_name": "Đặng Thu Trang"})
    assert changed.status_code == 302
    with app.app_context():
        assert db.session.get(FairPerson, press.id).role == "guest"
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "person.changed"))
        assert "role" in entry.details["fields"]
    refused = organizer.post("/organizer/people/settings", data={"staff_per_booth": "0", "delegates_per_buyer": "6"})
    assert refused.status_code == 422
    # Members cannot reach the organizer's list.
    assert signed_in(app, people_fair.emails["a"]).get("/organizer/people").status_code == 403
