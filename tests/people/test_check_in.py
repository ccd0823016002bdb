"""The check-in desk with people's badges: a staff badge checks its person in once (when, and who
scanned), a second scan says so, a forged or unknown code is refused, and the desk lists the
operator's last ten scans with their results."""

import re

from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.meetings.codes import person_code
from fairmatch.people.models import DeskScan, FairPerson
from tests.conftest import signed_in
from tests.people.conftest import person_id, staff


def scan(client, code: str):
    return client.post("/organizer/check-in?lang=en", data={"code": code})


def last_scans(page: str) -> list[str]:
    """The results in the desk's list of last scans, newest first."""
    section = page[page.index('id="desk-scans"') :]
    return re.findall(r'class="desk-scan result-(\w+)"', section)


def test_scanning_a_staff_badge_checks_the_person_in_once(app, people_fair):
    signed_in(app, people_fair.emails["a"]).post(
        f"/enterprises/{people_fair.keys['a']}/people", data=staff(name="Nguyễn Thị Mai", position="Kỹ sư")
    )
    mai = person_id(app, "Nguyễn Thị Mai")
    with app.app_context():
        code = person_code(mai)
    organizer = signed_in(app, people_fair.emails["organizer"])

    first = scan(organizer, code)
    page = first.get_data(as_text=True)
    assert first.status_code == 200
    assert 'data-result="ok"' in page and "Checked in" in page and "Nguyễn Thị Mai" in page
    assert "Hoa Lac Precision Co., Ltd." in page and "Booth A01" in page and "Exhibitor" in page
    with app.app_context():
        person = db.session.get(FairPerson, mai)
        checked_at, by = person.checked_in_at, person.checked_in_by.email
    assert checked_at is not None and by == people_fair.emails["organizer"]

    # A scanner types in capitals or not, with the Enter it sends; the second scan changes nothing.
    again = scan(organizer, f" {code.lower()}\n").get_data(as_text=True)
    assert 'data-result="again"' in again and "Already checked in" in again
    with app.app_context():
        assert db.session.get(FairPerson, mai).checked_in_at == checked_at
    assert last_scans(again) == ["again", "ok"]
    assert "Arrivals so far: 1" in again


def test_a_forged_or_unknown_badge_is_refused_and_shown_as_refused(app, people_fair):
    signed_in(app, people_fair.emails["a"]).post(
        f"/enterprises/{people_fair.keys['a']}/people", data=staff(name="Nguyễn Thị Mai")
    )
    mai = person_id(app, "Nguyễn Thị Mai")
    with app.app_context():
        genuine = person_code(mai)
    organizer = signed_in(app, people_fair.emails["organizer"])
    forged = genuine[:-4] + ("0000" if not genuine.endswith("0000") else "1111")
    guessed = genuine.replace(f"P{mai}-", f"P{mai + 1}-")
    for code in (forged, guessed, genuine.replace("FM-P", "FM-B"), "hello"):
        refused = scan(organizer, code)
        assert refused.status_code == 422, code
        assert 'data-result="unknown"' in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(FairPerson, mai).checked_in_at is None
        assert db.session.scalar(select(db.func.count(DeskScan.id)).where(DeskScan.result == "unknown")) == 4
    page = organizer.get("/organizer/check-in?lang=en").get_data(as_text=True)
    assert last_scans(page) == ["unknown"] * 4
    assert "Arrivals so far: 0" in page


def test_a_removed_persons_badge_no_longer_checks_in(app, people_fair):
    a = signed_in(app, people_fair.emails["a"])
    a.post(f"/enterprises/{people_fair.keys['a']}/people", data=staff(name="Nguyễn Thị Mai"))
    mai = person_id(app, "Nguyễn Thị Mai")
    with app.app_context():
        code = person_code(mai)
    a.post(f"/enterprises/{people_fair.keys['a']}/people/{mai}/remove")
    refused = scan(signed_in(app, people_fair.emails["organizer"]), code)
    assert refused.status_code == 422 and "not on this fair" in refused.get_data(as_text=True)


def test_the_desk_lists_the_last_ten_scans_of_its_operator_newest_first(app, people_fair, make_user):
    a = signed_in(app, people_fair.emails["a"])
    for name in ("Nguyễn Thị Mai", "Trần Văn Hùng"):
        a.post(f"/enterprises/{people_fair.keys['a']}/people", data=staff(name=name))
    with app.app_context():
        codes = [person_code(person_id(app, name)) for name in ("Nguyễn Thị Mai", "Trần Văn Hùng")]
    organizer = signed_in(app, people_fair.emails["organizer"])
    for n in range(12):
        scan(organizer, codes[n % 2] if n < 11 else "FM-P1-0000000000")
    page = organizer.get("/organizer/check-in?lang=en").get_data(as_text=True)
    assert last_scans(page) == ["unknown"] + ["again"] * 9
    # Another operator's desk starts empty; the camera may be used on this page.
    colleague = signed_in(app, make_user("organizer", name="Quầy số 2"))
    other = colleague.get("/organizer/check-in?lang=en")
    assert last_scans(other.get_data(as_text=True)) == [] and "No scan yet." in other.get_data(as_text=True)
    assert "camera=(self)" in other.headers["Permissions-Policy"]
