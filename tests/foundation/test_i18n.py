"""Vietnamese first, English second: the switch, its memory, and locale formatting."""

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.i18n import (
    day_text,
    local_date,
    local_datetime,
    local_time,
    official_date,
    place_and_date,
    span_text,
    vnd,
)


def test_the_language_switch_turns_the_page_into_english_and_back(client):
    english = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english and "For exhibitors" in english
    remembered = client.get("/directory").get_data(as_text=True)
    assert '<html lang="en">' in remembered and "Directory of enterprises" in remembered
    vietnamese = client.get("/?lang=vi").get_data(as_text=True)
    assert '<html lang="vi">' in vietnamese and "Dành cho doanh nghiệp trưng bày" in vietnamese


def test_an_unknown_language_is_ignored(client):
    assert '<html lang="vi">' in client.get("/?lang=xx").get_data(as_text=True)


def test_a_signed_in_users_choice_is_kept_on_the_account(app, client, make_user, auth):
    email = make_user(locale="vi")
    auth.login(email)
    client.get("/?lang=en")
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(User.email == email)) == "en"
    other_device = app.test_client()
    other_device.post("/login", data={"email": email, "password": "correct horse battery"})
    assert '<html lang="en">' in other_device.get("/me").get_data(as_text=True)


def test_money_is_whole_dong_formatted_per_language(app):
    with app.test_request_context("/?lang=vi"):
        assert vnd(15_000_000) == "15.000.000\xa0₫"
    with app.test_request_context("/?lang=en"):
        assert vnd(15_000_000) == "₫15,000,000"


def test_times_are_stored_in_utc_and_shown_in_hanoi_time(app):
    at = datetime(2026, 10, 15, 2, 0, tzinfo=UTC)
    with app.test_request_context("/?lang=vi"):
        assert local_datetime(at) == "09:00, 15/10/2026"
    with app.test_request_context("/?lang=en"):
        assert local_datetime(at) == "09:00, 15 October 2026"


def test_one_style_per_kind_of_value_on_every_page(app):
    """A date, a date with its time, a time: the same style wherever a page shows one (not "01:59 7/12/26"
    beside "6 thg 12, 2026"), whatever form an older template asks for."""
    at = datetime(2026, 12, 6, 18, 59, tzinfo=UTC)  # 01:59 on 7 December in Hanoi
    with app.test_request_context("/?lang=vi"):
        assert local_datetime(at, "short") == local_datetime(at) == "01:59, 07/12/2026"
        assert local_date(date(2026, 12, 6), "short") == local_date(date(2026, 12, 6)) == "06/12/2026"
        assert local_date(date(2026, 10, 15), "full") == "thứ Năm 15/10/2026"
        assert local_time(at) == "01:59"
    with app.test_request_context("/?lang=en"):
        assert local_datetime(at, "short") == "01:59, 7 December 2026"
        assert local_date(date(2026, 10, 18), "full") == "Sunday 18 October 2026"
        assert local_time(datetime(2026, 10, 15, 8, 30, tzinfo=UTC)) == "15:30"  # 24-hour clock in English too


def test_meeting_times_read_as_the_programme_prints_them(app):
    start, end = datetime(2026, 10, 15, 2, 0, tzinfo=UTC), datetime(2026, 10, 15, 2, 30, tzinfo=UTC)
    with app.app_context():
        assert span_text(start, end, "vi") == "09:00–09:30, thứ Năm 15/10/2026"
        assert span_text(start, end, "en") == "09:00–09:30, Thursday 15 October 2026"
        late = datetime(2026, 10, 15, 16, 30, tzinfo=UTC), datetime(2026, 10, 15, 17, 30, tzinfo=UTC)
        assert span_text(*late, "vi") == "23:30, 15/10/2026 – 00:30, 16/10/2026"


def test_official_documents_date_as_decree_30_says():
    """A zero before days under 10 and before months 1 and 2 (Decree 30/2020/NĐ-CP, Appendix I)."""
    assert official_date(date(2026, 10, 15), "vi") == "ngày 15 tháng 10 năm 2026"
    assert official_date(date(2027, 2, 5), "vi") == "ngày 05 tháng 02 năm 2027"
    assert official_date(date(2026, 7, 9), "vi") == "ngày 09 tháng 7 năm 2026"
    assert place_and_date("Hà Nội", date(2026, 10, 15), "vi") == "Hà Nội, ngày 15 tháng 10 năm 2026"
    assert place_and_date("Hà Nội", date(2026, 10, 15), "en") == "Hà Nội, 15 October 2026"
    assert day_text(date(2026, 10, 19), "vi", weekday=True) == "thứ Hai 19/10/2026"
    assert day_text(date(2026, 10, 18), "vi", weekday=True) == "Chủ nhật 18/10/2026"


def test_every_message_in_the_code_has_a_vietnamese_translation(tmp_path):
    """A string added without its translation would show in English on a Vietnamese page."""
    root = Path(__file__).resolve().parents[2]
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l", "-k", "N_",
         "--no-location", "-o", str(template), "."],
        cwd=root, capture_output=True, check=True,
    )
    with open(template, "rb") as handle:
        wanted = read_po(handle)
    with open(root / "fairmatch/translations/vi/LC_MESSAGES/messages.po", "rb") as handle:
        catalog = read_po(handle)
    assert len(wanted) > 100
    missing = [m.id for m in wanted if m.id and not _translated(catalog.get(m.id))]
    assert missing == []


def _translated(message) -> bool:
    if message is None or message.fuzzy:
        return False
    return all(message.string) if isinstance(message.string, tuple) else bool(message.string)
