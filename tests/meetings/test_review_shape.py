"""The shape of the draft on the organizer's review page: meetings per slot against the tables, each
participant's meetings, breaks and sessions, and for each request left out what it would take."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.meetings.models import Meeting
from tests.conftest import signed_in

FAIR_DAY = date(2026, 10, 15)


@pytest.fixture
def requests_between(app, make_fair, make_enterprise, make_user):
    """A fair from 15 October 2026 over `days` days, one morning session from 09:00 to `end` of
    30-minute slots and `tables` tables, and an accepted request for each (buyer, supplier) pair of
    names; returns the organizer's client."""

    def make(pairs: list[tuple[str, str]], *, end: str = "09:30", days: int = 1, tables: int = 1):
        make_fair(
            starts_on=FAIR_DAY,
            ends_on=date(2026, 10, 14 + days),
            meeting_slot_minutes=30,
            meeting_tables=tables,
            meetings_at_booths=False,
            meeting_sessions=[{"session": "am", "start": "09:00", "end": end}],
        )
        clients = {}

        def client(name: str, kind: str):
            if name not in clients:
                key = make_enterprise(kind=kind, name_vi=name, name_en=None)
                clients[name] = signed_in(app, make_user("buyer" if kind == "buyer" else "exhibitor", enterprise=key))
            return clients[name]

        for buyer, supplier in pairs:
            host = client(supplier, "supplier")
            asked = client(buyer, "buyer").post("/api/v1/meeting-requests", json={"to": _key(app, supplier)})
            assert host.post(f"/api/v1/meeting-requests/{asked.json['id']}/accept").status_code == 200
        organizer = signed_in(app, make_user("organizer"))
        organizer.post("/organizer/meetings/run", data={"time_limit": "2"})
        return organizer

    return make


def _key(app, name: str) -> str:
    from fairmatch.enterprises.models import Enterprise

    with app.app_context():
        return db.session.scalars(select(Enterprise.key).where(Enterprise.name_vi == name)).one()


def section(page, anchor: str) -> str:
    html = page.get_data(as_text=True)
    return re.search(rf'<section aria-labelledby="{anchor}">.*?</section>', html, re.S).group(0)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


TWO_PAIRS = [("Công ty Kim Long", "Công ty Cơ khí Hòa Lạc"), ("Công ty Sao Mai", "Công ty Nhựa Tân Phong")]


def test_a_request_left_out_for_want_of_a_table_asks_for_one_more_table_in_its_session(app, requests_between):
    organizer = requests_between(TWO_PAIRS)
    with app.app_context():
        placed = db.session.scalars(select(Meeting)).one().request.sender.name_vi
    buyer, supplier = next(pair for pair in TWO_PAIRS if pair[0] != placed)
    english = section(organizer.get("/organizer/meetings?lang=en"), "unplaced")
    assert "Add one B2B table on 15 October 2026 (Morning): this request then fits at 09:00." in english
    assert f"No table is free in any slot both {buyer} and {supplier} can attend." in english
    vietnamese = section(organizer.get("/organizer/meetings?lang=vi"), "unplaced")
    assert "Thêm một bàn B2B vào ngày 15/10/2026 (Buổi sáng): khi đó yêu cầu này xếp được lúc 09:00." in vietnamese
    assert f"Không còn bàn trống trong khung giờ nào mà cả {buyer} và {supplier} đều có thể gặp." in vietnamese


def test_a_request_whose_sides_are_busy_names_the_meeting_that_would_give_way(app, requests_between):
    buyer = "Công ty Kim Long"
    suppliers = ["Công ty Cơ khí Hòa Lạc", "Công ty Nhựa Tân Phong", "Công ty Đúc Phố Nối"]
    organizer = requests_between([(buyer, s) for s in suppliers], end="10:00")
    with app.app_context():
        first, second = db.session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        meeting_id, partner = first.id, first.request.receiver.name_vi
        waiting = next(s for s in suppliers if s not in (partner, second.request.receiver.name_vi))
    english = section(organizer.get("/organizer/meetings?lang=en"), "unplaced")
    assert (
        f"Cancel the meeting of {buyer} with {partner} at 09:00, 15 October 2026 (it has no other slot): "
        "this request then takes its place."
    ) in english
    assert f'<a href="/organizer/meetings/{meeting_id}">Open that meeting</a>' in english
    assert (
        f"{buyer} is busy in every slot {waiting} can also attend. {buyer} has 3 meetings requested but "
        "only 2 slots to hold them. Its meetings there have equal or higher priority."
    ) in english
    vietnamese = section(organizer.get("/organizer/meetings?lang=vi"), "unplaced")
    assert (
        f"Hủy cuộc gặp giữa {buyer} và {partner} lúc 09:00, 15/10/2026 (cuộc gặp đó không còn khung giờ nào "
        "khác): khi đó yêu cầu này được xếp vào chỗ đó."
    ) in vietnamese


def test_each_session_of_each_day_shows_its_meetings_per_slot_against_the_tables(app, requests_between):
    organizer = requests_between(TWO_PAIRS, end="10:00", days=2)
    english = section(organizer.get("/organizer/meetings?lang=en"), "slot-load")
    captions = re.findall(r"<figcaption>([^<]+)</figcaption>", english)
    assert captions == ["Thursday 15 October 2026 · Morning", "Friday 16 October 2026 · Morning"]
    bars = [text(bar).strip() for bar in re.findall(r"<li.*?</li>", english, re.S)]
    # Two meetings and one table: two slots full, the other two empty, every slot of both days shown.
    assert sorted(bars) == [
        "0 09:00 0 of 1 tables taken, 0 at booths",
        "0 09:30 0 of 1 tables taken, 0 at booths",
        "1 09:00 1 of 1 tables taken, 0 at booths",
        "1 09:30 1 of 1 tables taken, 0 at booths",
    ]
    assert english.count('<li class="full">') == 2
    vietnamese = section(organizer.get("/organizer/meetings?lang=vi"), "slot-load")
    assert "thứ Năm 15/10/2026 · Buổi sáng" in vietnamese and "1/1 bàn đã dùng, 0 cuộc gặp tại gian hàng" in vietnamese
    assert re.search(r"Khung giờ đông nhất: 09:\d0, 1[56]/10/2026 với 1 cuộc gặp; trung bình 0,5 cuộc gặp", vietnamese)


def test_the_load_per_participant_counts_meetings_breaks_and_sessions_and_sorts_by_any_of_them(app, requests_between):
    buyer = "Công ty Kim Long"
    organizer = requests_between(
        [(buyer, "Công ty Cơ khí Hòa Lạc"), (buyer, "Công ty Nhựa Tân Phong")], end="10:30", tables=2
    )
    with app.app_context():
        earlier, later = (m.id for m in db.session.scalars(select(Meeting).order_by(Meeting.starts_at)))
    # The scheduler keeps the buyer's two meetings side by side; moved to 09:00 and 10:00 they leave a gap.
    for meeting_id, slot in ((later, "2026-10-15-1000"), (earlier, "2026-10-15-0900")):
        organizer.post(f"/organizer/meetings/{meeting_id}", data={"action": "move", "slot": slot, "place": "T01"})
    page = section(organizer.get("/organizer/meetings?lang=en&by=breaks"), "loads")
    rows = [text(row).split() for row in re.findall(r"<tr><td>.*?</tr>", page, re.S)]
    assert rows[0] == [*buyer.split(), "2", "0", "1", "1"]
    assert all(row[-2:] == ["0", "1"] for row in rows[1:])
    assert "1 break in the current schedule." in text(
        section(organizer.get("/organizer/meetings?lang=en"), "slot-load")
    )
    by_name = section(organizer.get("/organizer/meetings?lang=vi&by=name"), "loads")
    names = re.findall(r"<tr><td><a [^>]*>([^<]+)</a>", by_name)
    assert names == ["Công ty Cơ khí Hòa Lạc", buyer, "Công ty Nhựa Tân Phong"]
    assert "Quãng chờ" in by_name and "Số buổi có gặp" in by_name


def test_past_the_first_participants_the_rest_open_without_script(app, requests_between, monkeypatch):
    monkeypatch.setattr("fairmatch.meetings.review.TOP_PARTICIPANTS", 3)
    organizer = requests_between(TWO_PAIRS)
    page = section(organizer.get("/organizer/meetings?lang=en"), "loads")
    first, rest = page.split('<details class="show-all">')
    assert len(re.findall(r"<tr><td>", first)) == 3
    assert "<summary>Show the other 1 participant</summary>" in rest and len(re.findall(r"<tr><td>", rest)) == 1
