"""The audit log for organizers: filter by person, record, action and time; newest first, paged."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.services import find_user
from fairmatch.extensions import db
from tests.conftest import signed_in


def entries(client, query: str = "") -> list[tuple[str, str, str]]:
    """(who, action, record) of each row shown, top to bottom."""
    page = client.get(f"/organizer/audit?lang=en&{query}")
    assert page.status_code == 200
    rows = re.findall(r'<tr class="audit-entry">(.*?)</tr>', page.get_data(as_text=True), re.S)
    shown = []
    for row in rows:
        who = re.search(r">([^<>\s]+@example\.vn)</a>|(the system)", row)
        who = who.group(1) or who.group(2)
        action = re.search(r"<code>([^<]+)</code>", row).group(1)
        record = re.search(r'title="Every entry for this record">([^<]+)</a>', row).group(1)
        shown.append((who, action, record))
    return shown


@pytest.fixture
def log(app, make_user):
    """Four entries by two people over three days (Hanoi time), one by the system. Returns
    (a signed-in organizer, the emails of the two people)."""
    lan, minh = make_user("organizer", email="lan@example.vn"), make_user("organizer", email="minh@example.vn")
    with app.app_context():
        lan_id, minh_id = find_user(lan).id, find_user(minh).id
        at = datetime(2026, 10, 14, 20, tzinfo=UTC)  # 15 October, 03:00 in Hanoi
        db.session.add_all([
            AuditEntry(at=at, actor_id=lan_id, action="reservation.approved", record_type="BoothReservation",
                       record_id="7", details={}),
            AuditEntry(at=at + timedelta(days=1), actor_id=minh_id, action="reservation.payment",
                       record_type="BoothReservation", record_id="7", details={"amount_vnd": 16200000}),
            AuditEntry(at=at + timedelta(days=1, hours=1), actor_id=lan_id, action="enterprise.verified",
                       record_type="Enterprise", record_id="12", details={"reason": None}),
            AuditEntry(at=at + timedelta(days=2), actor_id=None, action="reservation.moved",
                       record_type="BoothReservation", record_id="9",
                       details={"from": ["A01"], "to": ["A02", "A03"], "reason": "Đổi sang khu điện tử"}),
        ])
        db.session.commit()
    return signed_in(app, lan), (lan, minh)


def test_the_newest_entry_comes_first_and_details_read_plainly(log):
    client, _ = log
    assert [e[1] for e in entries(client)] == ["reservation.moved", "enterprise.verified", "reservation.payment",
                                               "reservation.approved"]
    page = client.get("/organizer/audit?lang=en").get_data(as_text=True)
    assert "<dt>to</dt><dd>A02, A03</dd>" in page and "Đổi sang khu điện tử" in page
    assert "the system" in page


def test_filtering_by_person_finds_their_entries_by_part_of_the_email(log):
    client, (lan, minh) = log
    assert {e[0] for e in entries(client, "person=MINH@")} == {minh}
    assert {e[0] for e in entries(client, "person=lan")} == {lan}
    assert [e[1] for e in entries(client, "person=lan")] == ["enterprise.verified", "reservation.approved"]
    assert entries(client, "person=nobody") == []


def test_filtering_by_record_shows_its_whole_history(log):
    client, _ = log
    assert [e[1] for e in entries(client, "record_type=BoothReservation&record_id=7")] == [
        "reservation.payment", "reservation.approved"]
    assert len(entries(client, "record_type=Enterprise")) == 1


def test_filtering_by_action(log):
    client, _ = log
    assert entries(client, "action=reservation.payment") == [
        ("minh@example.vn", "reservation.payment", "BoothReservation 7")]


def test_filtering_by_days_counts_in_hanoi_time(log):
    client, _ = log
    # The first entry is at 20:00 UTC on 14 October: already the 15th in Hanoi.
    assert [e[1] for e in entries(client, "since=2026-10-15&until=2026-10-15")] == ["reservation.approved"]
    assert len(entries(client, "since=2026-10-16")) == 3
    assert len(entries(client, "until=2026-10-16")) == 3


def test_a_date_that_cannot_be_read_is_said_so_and_kept(log):
    client, _ = log
    page = client.get("/organizer/audit?lang=vi&since=15/10/2026").get_data(as_text=True)
    assert "Nhập ngày theo dạng 2026-10-15." in page and 'value="15/10/2026"' in page
    assert len(re.findall(r'<tr class="audit-entry">', page)) == 4


def test_a_long_log_is_paged_fifty_at_a_time(app, log):
    client, _ = log
    with app.app_context():
        start = datetime(2026, 11, 1, tzinfo=UTC)
        db.session.add_all([AuditEntry(at=start + timedelta(minutes=i), action="booth.edited", record_type="Booth",
                                       record_id=str(i), details={}) for i in range(60)])
        db.session.commit()
    first = entries(client, "action=booth.edited")
    assert len(first) == 50 and first[0][2] == "Booth 59"
    second = client.get("/organizer/audit?lang=en&action=booth.edited&page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and 'rel="prev"' in second
    assert [e[2] for e in entries(client, "action=booth.edited&page=2")] == [f"Booth {i}" for i in range(9, -1, -1)]
