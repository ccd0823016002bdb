"""Browser fixtures: the app served on 127.0.0.1 with a fresh demo fair (SQLite, or PostgreSQL when
TEST_DATABASE_URL is set), Debian's Chromium driven by Playwright, axe-core on every page, and
screenshots of each step kept under test-artifacts/browser/ when a journey fails.

Each journey runs at a desktop size and a phone size; each size gets its own server and database,
so that the journeys of one size start from the same demo fair."""

import os
import re
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from browsing import DEVICES, PASSWORD, SEED_ENTERPRISES, Fair, Visitor
from sqlalchemy import create_engine, text

CHROMIUM = "/usr/bin/chromium"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "browser"


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(scope="session")
def playwright_browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium libatomic1)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: the CI runs as root, where Chromium's sandbox refuses to start.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_app(*args: str, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(HERE / "serve.py"), *args], cwd=ROOT, text=True, **options)


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """The demo fair, seeded once: each device's server gets a copy of it."""
    postgres = os.environ.get("TEST_DATABASE_URL")
    name = f"fm_browser_{uuid.uuid4().hex[:8]}"
    if postgres:
        admin = create_engine(
            postgres.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
        )
        url = re.sub(r"/[^/]*$", f"/{name}", postgres)
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    else:
        admin, url = None, f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    seeding = run_app("seed", url, str(SEED_ENTERPRISES), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output, _ = seeding.communicate(timeout=300)
    if seeding.returncode:
        pytest.fail(f"the demo fair could not be seeded:\n{output[-3000:]}")
    copies = []

    def copy(device: str) -> str:
        if admin is None:
            target = Path(url.removeprefix("sqlite:///")).with_name(f"{device}.db")
            shutil.copy(url.removeprefix("sqlite:///"), target)
            return f"sqlite:///{target}"
        copies.append(f"{name}_{device}")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{copies[-1]}" TEMPLATE "{name}"'))
        return re.sub(r"/[^/]*$", f"/{copies[-1]}", postgres)

    yield copy
    if admin is not None:
        with admin.connect() as connection:
            for database in [*copies, name]:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=list(DEVICES))
def fair(request, demo_database, tmp_path_factory):
    """The app serving a fresh copy of the demo fair, for one device size."""
    device = request.param
    log = tmp_path_factory.mktemp(f"server-{device}") / "server.log"
    port = free_port()
    database_url = demo_database(device)
    with log.open("w") as sink:
        server = run_app("serve", database_url, str(port), stdout=subprocess.PIPE, stderr=sink)
    try:
        if server.stdout.readline().strip() != "ready":
            pytest.fail(f"the app did not start:\n{log.read_text()[-3000:]}")
        served = Fair(f"http://127.0.0.1:{port}", device)
        served.database_url = database_url  # for what only email would show (the outbox's links)
        yield served
    finally:
        server.terminate()
        server.wait(timeout=20)
        server.stdout.close()


@pytest.fixture
def visit(request, fair, playwright_browser):
    """Open pages as a visitor or a signed-in user: `visit(email=None) -> Visitor`."""
    visitors = []

    def open_visitor(email: str | None = None, password: str = PASSWORD, lang: str = "vi"):
        context = playwright_browser.new_context(
            base_url=fair.base_url,
            locale="vi-VN" if lang == "vi" else "en-GB",
            accept_downloads=True,
            **DEVICES[fair.device],
        )
        context.set_default_timeout(15_000)
        visitor = Visitor(context.new_page(), fair, label=email or "visitor")
        visitors.append(visitor)
        if email:
            visitor.sign_in(email, password)
        return visitor

    yield open_visitor
    if getattr(request.node, "browser_failed", False):
        folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for visitor in visitors:
            visitor.keep_steps(folder)
    for visitor in visitors:
        visitor.page.context.close()
