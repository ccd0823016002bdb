"""Organizers decide many applications, payments and waitlist offers at once; each item goes
through the single action's rules, audit entry and notices."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.booths.models import BoothReservation, WaitlistEntry
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in


def _states(app, ids):
    with app.app_context():
        return [db.session.get(BoothReservation, i).state for i in ids]


def _count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_bulk_approve_of_three_applications_approves_each_with_its_audit_entry_and_notice(app, submitted, make_user):
    ids = [submitted(code)[0] for code in ("A05", "A06", "A07")]
    organizer = signed_in(app, make_user("organizer"))
    queue = organizer.get("/organizer/booths/?lang=en").get_data(as_text=True)
    assert 'form="bulk-applications" name="ids"' in queue and "Approve selected" in queue
    response = organizer.post(
        "/organizer/booths/bulk?lang=en", data={"action": "approve", "ids": ids}, follow_redirects=True
    )
    assert "Done for 3 items" in response.get_data(as_text=True)
    assert _states(app, ids) == ["approved"] * 3
    assert _count(app, AuditEntry, AuditEntry.action == "reservation.approved") == 3
    assert _count(app, Notification, Notification.kind == "reservation_approved") == 3


def test_an_item_already_decided_is_reported_and_the_others_go_ahead(app, submitted, make_user):
    ids = [submitted(code)[0] for code in ("A05", "A06", "A07")]
    organizer = signed_in(app, make_user("organizer"))
    organizer.post("/organizer/booths/bulk", data={"action": "approve", "ids": [ids[1]]})
    response = organizer.post(
        "/organizer/booths/bulk?lang=en", data={"action": "approve", "ids": ids}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert "Done for 2 items" in page
    assert "Not done for" in page and "A06" in page and "cannot go from approved to approved" in page
    assert _states(app, ids) == ["approved"] * 3
    assert _count(app, AuditEntry, AuditEntry.action == "reservation.approved") == 3
    assert _count(app, Notification, Notification.kind == "reservation_approved") == 3


def test_a_bulk_rejection_needs_a_reason_and_keeps_what_was_ticked(app, submitted, make_user):
    ids = [submitted(code)[0] for code in ("A05", "A06")]
    organizer = signed_in(app, make_user("organizer"))
    refused = organizer.post("/organizer/booths/bulk?lang=en", data={"action": "reject", "ids": ids, "reason": ""})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Give the reason" in page
    assert f'name="ids" value="{ids[0]}" checked' in page
    assert _states(app, ids) == ["submitted"] * 2
    organizer.post("/organizer/booths/bulk", data={"action": "reject", "ids": ids, "reason": "Hồ sơ chưa đủ."})
    assert _states(app, ids) == ["rejected"] * 2
    assert _count(app, Notification, Notification.kind == "reservation_rejected") == 2


def test_nothing_ticked_is_a_clear_message(app, submitted, make_user):
    submitted("A05")
    organizer = signed_in(app, make_user("organizer"))
    refused = organizer.post("/organizer/booths/bulk?lang=en", data={"action": "approve"})
    assert refused.status_code == 422 and "Select at least one item" in refused.get_data(as_text=True)


def test_recording_several_payments_confirms_each_reservation(app, confirmed, make_user):
    ids = [confirmed(pay=False, code=code)[0] for code in ("A05", "A06")]
    organizer = signed_in(app, make_user("organizer"))
    refused = organizer.post("/organizer/booths/bulk?lang=en", data={"action": "paid", "ids": ids})
    assert refused.status_code == 422 and "Give the date of payment" in refused.get_data(as_text=True)
    response = organizer.post(
        "/organizer/booths/bulk?lang=en",
        follow_redirects=True,
        data={"action": "paid", "ids": ids, "paid_on": date(2026, 9, 1).isoformat(), "reference": "UNC 0912"},
    )
    assert "Done for 2 items" in response.get_data(as_text=True)
    assert _states(app, ids) == ["confirmed"] * 2
    assert _count(app, AuditEntry, AuditEntry.action == "reservation.payment") == 2
    assert _count(app, Notification, Notification.kind == "reservation_confirmed") == 2


def test_withdrawing_a_waitlist_offer_frees_the_booth_for_the_next_in_line(app, confirmed, exhibitor, make_user):
    from fairmatch.booths.waitlist import join_waitlist
    from fairmatch.enterprises.models import Enterprise

    reservation_id, _, organizer_email = confirmed(code="A06")
    firsts = [exhibitor()[1] for _ in range(2)]
    with app.test_request_context():
        for key in firsts:
            enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
            join_waitlist(enterprise, enterprise.members[0], None, None, None)
    organizer = signed_in(app, organizer_email)
    organizer.post(f"/organizer/booths/reservations/{reservation_id}", data={"action": "cancel", "confirm": "y"})
    with app.app_context():
        first, second = db.session.scalars(select(WaitlistEntry).order_by(WaitlistEntry.id))
        assert (first.state, second.state) == ("offered", "waiting")
        first_id = first.id
    response = organizer.post(
        "/organizer/booths/bulk?lang=en", data={"action": "withdraw_offer", "ids": [first_id]}, follow_redirects=True
    )
    assert "Done for 1 item" in response.get_data(as_text=True)
    with app.app_context():
        first, second = db.session.scalars(select(WaitlistEntry).order_by(WaitlistEntry.id))
        assert (first.state, second.state) == ("lapsed", "offered")
    again = organizer.post(
        "/organizer/booths/bulk?lang=en", data={"action": "withdraw_offer", "ids": [first_id]}, follow_redirects=True
    )
    assert "No booth is on offer to this enterprise now" in again.get_data(as_text=True)


def test_only_organizers_may_use_bulk_actions(app, submitted, make_user, make_enterprise):
    reservation_id, _ = submitted("A05")
    for role in ("exhibitor", "buyer"):
        visitor = signed_in(app, make_user(role, enterprise=make_enterprise()))
        answer = visitor.post("/organizer/booths/bulk", data={"action": "approve", "ids": [reservation_id]})
        assert answer.status_code == 403
        assert (
            visitor.post("/organizer/verification/enterprises/bulk", data={"action": "verify", "ids": [1]}).status_code
            == 403
        )
    assert _states(app, [reservation_id]) == ["submitted"]


def _application_rows(page: str) -> list[str]:
    """The enterprises of the applications table, top to bottom."""
    table = re.search(r'<h2 id="apps">.*?</table>', page, re.S).group(0)
    return re.findall(r'<tr><td><label class="choice">.*?</label></td><td>([^<]+)</td>', table, re.S)


@pytest.fixture
def three_applications(app, submitted):
    """Three applications submitted in this order: Cơ khí Việt (A05), An Phát (A01, electronics zone),
    Bảo Minh (A06); Bảo Minh's enterprise is not verified."""
    for code, name, verified in (
        ("A05", "Công ty TNHH Cơ khí Việt", True),
        ("A01", "Công ty CP An Phát", True),
        ("A06", "Công ty TNHH Bảo Minh", False),
    ):
        submitted(code, name_vi=name, name_en=name, verified=verified)


def test_the_booth_queue_shows_submission_date_zone_and_verification_oldest_first(app, three_applications, make_user):
    page = signed_in(app, make_user("organizer")).get("/organizer/booths/?lang=en").get_data(as_text=True)
    assert _application_rows(page) == ["Công ty TNHH Cơ khí Việt", "Công ty CP An Phát", "Công ty TNHH Bảo Minh"]
    for heading in ("Submitted", "Sector zone", "Verification"):
        assert heading in re.search(r'<h2 id="apps">.*?</thead>', page, re.S).group(0)
    row = re.search(r"Công ty CP An Phát</td>.*?</tr>", page, re.S).group(0)
    assert "Electrical and electronic equipment" in row and "<time datetime=" in row and "verified" in row
    unverified = re.search(r"Công ty TNHH Bảo Minh</td>.*?</tr>", page, re.S).group(0)
    assert ">unverified<" in unverified and "Open to all sectors" in unverified


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("enterprise", ["Công ty CP An Phát", "Công ty TNHH Bảo Minh", "Công ty TNHH Cơ khí Việt"]),
        ("-submitted", ["Công ty TNHH Bảo Minh", "Công ty CP An Phát", "Công ty TNHH Cơ khí Việt"]),
        # The electronics zone before the open floor; among equals, the oldest submission first.
        ("zone", ["Công ty CP An Phát", "Công ty TNHH Cơ khí Việt", "Công ty TNHH Bảo Minh"]),
        ("nonsense", ["Công ty TNHH Cơ khí Việt", "Công ty CP An Phát", "Công ty TNHH Bảo Minh"]),
    ],
)
def test_the_booth_queue_sorts_by_the_column_asked_for(app, three_applications, make_user, sort, expected):
    page = signed_in(app, make_user("organizer")).get(f"/organizer/booths/?lang=en&sort={sort}").get_data(as_text=True)
    assert _application_rows(page) == expected


def test_select_all_without_javascript_ticks_every_application_of_the_page_only(
    app, three_applications, confirmed, make_user
):
    confirmed(code="A07", pay=False)
    organizer = signed_in(app, make_user("organizer"))
    page = organizer.get("/organizer/booths/?lang=en&select=applications").get_data(as_text=True)
    assert page.count('form="bulk-applications" name="ids"') == 3
    assert len(re.findall(r'form="bulk-applications" name="ids" value="\d+" checked', page)) == 3
    assert not re.search(r'form="bulk-payments" name="ids" value="\d+" checked', page)
    plain = organizer.get("/organizer/booths/?lang=en").get_data(as_text=True)
    assert "checked" not in re.search(r'<h2 id="apps">.*?</table>', plain, re.S).group(0)
    assert 'data-select-all="bulk-applications"' in plain and "js/select-all.js" in plain


def test_a_long_queue_is_paged_and_each_page_keeps_the_sort(app, three_applications, make_user, monkeypatch):
    from fairmatch.booths import console

    monkeypatch.setattr(console, "PAGE_SIZE", 2)
    organizer = signed_in(app, make_user("organizer"))
    first = organizer.get("/organizer/booths/?lang=en&sort=enterprise").get_data(as_text=True)
    assert _application_rows(first) == ["Công ty CP An Phát", "Công ty TNHH Bảo Minh"]
    assert "2 of 3 shown" in first and "applications_page=2" in first
    second = organizer.get("/organizer/booths/?lang=en&sort=enterprise&applications_page=2").get_data(as_text=True)
    assert _application_rows(second) == ["Công ty TNHH Cơ khí Việt"]
