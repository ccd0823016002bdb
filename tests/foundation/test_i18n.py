"""Vietnamese first, English second: the switch, its memory, and locale formatting."""

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.extensions import db
from fairmatch.i18n import local_datetime, vnd


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
        assert local_datetime(at).startswith("09:00")
    with app.test_request_context("/?lang=en"):
        assert "9:00" in local_datetime(at) and "Oct 15, 2026" in local_datetime(at)


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
