"""Fixtures: apps on a migrated database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set)
that starts empty for every test, and factories that build what a test needs."""

import itertools
import os
import shutil
import threading
from datetime import date

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

os.environ["FAIRMATCH_CONFIG"] = "testing"

from fairmatch import create_app
from fairmatch.auth.models import User
from fairmatch.booths.models import Booth, Hall
from fairmatch.common.keys import tax_check_digit
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.floorplan import grid_layout, hall_size

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def migrated_url(tmp_path_factory) -> str:
    """The schema built by the migrations, once per session."""
    url = POSTGRES_URL or f"sqlite:///{tmp_path_factory.mktemp('db') / 'template.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def database_url(migrated_url, tmp_path):
    """An empty migrated database for one test: a copy of the template on SQLite, emptied
    afterwards on PostgreSQL."""
    if migrated_url.startswith("sqlite"):
        copy = tmp_path / "test.db"
        shutil.copy(migrated_url.removeprefix("sqlite:///"), copy)
        yield f"sqlite:///{copy}"
        return
    yield migrated_url
    engine = create_engine(migrated_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                 "AND tablename NOT IN ('alembic_version', 'change_stamp')")  # what the migrations seed stays
        ).scalars()
        quoted = ", ".join(f'"{table}"' for table in tables)
        connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def make_app(database_url):
    """Build an app on this test's database, with settings overridden as the test needs."""
    apps = []

    def make(**overrides):
        app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False} | overrides)
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def run_pending(app):
    """Run the jobs a `manual` app (`make_app(JOBS_DISPATCHER="manual")`) is holding."""

    def run() -> None:
        with app.app_context():
            app.extensions["fairmatch.jobs"].run_pending()

    return run


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_numbers = itertools.count(100000001)


def new_tax_code() -> str:
    """A fresh valid 10-digit tax code."""
    while True:
        first_nine = f"{next(_numbers):09d}"
        digit = tax_check_digit(first_nine)
        if digit is not None:
            return first_nine + str(digit)


@pytest.fixture
def make_enterprise(app):
    """Create an enterprise; returns its key."""

    def make(**overrides) -> str:
        fields = {"tax_code": new_tax_code(), "name_vi": "Công ty TNHH Cơ khí Hòa Lạc",
                  "name_en": "Hoa Lac Mechanics Co., Ltd.", "kind": "supplier", "verified": True}
        fields |= overrides
        fields.setdefault("key", fields["tax_code"])
        with app.app_context():
            db.session.add(Enterprise(**fields))
            db.session.commit()
        return fields["key"]

    return make


@pytest.fixture
def make_user(app):
    """Create an active user (optionally an approved member or owner of an enterprise); returns its email."""
    emails = itertools.count(1)

    def make(role="exhibitor", *, email=None, password=PASSWORD, enterprise=None, owner=True, **fields) -> str:
        email = email or f"{role}{next(emails)}@example.vn"
        with app.app_context():
            user = User(email=email, role=role, name=fields.pop("name", "Nguyễn Văn An"), **fields)
            user.set_password(password)
            db.session.add(user)
            if enterprise:
                target = db.session.query(Enterprise).filter_by(key=enterprise).one()
                db.session.add(Membership(user=user, enterprise=target, is_owner=owner, status="approved"))
            db.session.commit()
        return email

    return make


@pytest.fixture
def make_fair(app):
    """Create the current fair edition: 15–18 October 2026 unless `settings` say otherwise. With
    `booths_per_row`, hall A of two back-to-back rows of 3 × 3 m booths (A01… in front, the rest
    behind them) at 15,000,000 VND each, `zones` giving booths their sector zone. Returns its id."""

    def make(*, booths_per_row: int = 0, zones: dict[str, str] | None = None, **settings) -> int:
        fields = {"name_vi": "Hội chợ thử", "name_en": "Test fair", "starts_on": date(2026, 10, 15),
                  "ends_on": date(2026, 10, 18), "is_current": True} | settings
        with app.app_context():
            fair = Fair(**fields)
            db.session.add(fair)
            if booths_per_row:
                _add_hall(fair, booths_per_row, zones or {})
            db.session.commit()
            return fair.id

    return make


def _add_hall(fair: Fair, booths_per_row: int, zones: dict[str, str]) -> None:
    layout = {"double_rows": 1, "blocks_per_row": 1, "booths_per_block": booths_per_row}
    width, depth = hall_size(**layout)
    hall = Hall(fair=fair, code="A", name_vi="Nhà A", name_en="Hall A", width_m=width, depth_m=depth,
                entrances=[{"side": "north", "offset_m": 3, "width_m": 4}])
    db.session.add(hall)
    for spot in grid_layout("A", **layout):
        db.session.add(Booth(fair=fair, hall=hall, code=spot.code, x_m=spot.rect.x, y_m=spot.rect.y, width_m=3,
                             depth_m=3, type=spot.type, price_vnd=15_000_000, zone=zones.get(spot.code)))


def signed_in(app, email, password=PASSWORD):
    """A new browser (test client) of `app`, signed in as `email`."""
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": password}).status_code == 302
    return client


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, email, password=PASSWORD):
        return self.client.post("/login", data={"email": email, "password": password})

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


def at_once(count: int, work) -> None:
    """Run `work(n, ready)` for n in range(count), each in its own thread, and wait for all (a
    minute at most). `ready()` returns once every thread has called it: the race tests call it
    right before the write that races."""
    barrier = threading.Barrier(count)
    threads = [threading.Thread(target=work, args=(n, barrier.wait)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
