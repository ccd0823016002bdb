"""What the HTTP benches share: a fresh PostgreSQL demo database, API tokens for exhibitors,
gunicorn on a loopback port, timed requests, percentiles and the consistency queries."""

import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/14"


def flask(*args, env) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "fairmatch", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True)


def fresh_demo_database(admin_url: str, name: str) -> tuple[str, dict]:
    """Drop and recreate database `name` beside `admin_url`, migrate it and seed the demo fair;
    returns its URL and the environment for production settings on it."""
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    env = os.environ | {"DATABASE_URL": url, "SECRET_KEY": "bench-only", "FAIRMATCH_CONFIG": "production",
                        "REDIS_URL": REDIS_URL}
    flask("init-db", env=env)
    flask("seed-demo", env=env)
    return url, env


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def exhibitor_tokens(url: str, count: int) -> list[tuple[str, str]]:
    """(API token, enterprise key) for up to `count` Vietnamese exhibitor enterprises, each acted
    for by a fresh bench user."""
    from sqlalchemy import select

    from fairmatch import create_app
    from fairmatch.auth.services import create_user, issue_token
    from fairmatch.enterprises.models import Enterprise, Membership
    from fairmatch.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    tokens = []
    with app.app_context():
        enterprises = db.session.scalars(
            select(Enterprise).where(Enterprise.kind.in_(("lead", "supplier", "fdi")), Enterprise.country == "VN")
            .order_by(Enterprise.key).limit(count)
        ).all()
        for i, enterprise in enumerate(enterprises):
            user = create_user(f"bench{i}@bench.fairmatch.vn", "bench-password-1", "exhibitor")
            db.session.add(Membership(user=user, enterprise=enterprise, status="approved"))
            db.session.flush()
            tokens.append((issue_token(user), enterprise.key))
        db.engine.dispose()
    return tokens


def new_exhibitors(url: str, sectors: list[str], first: int = 0) -> list[tuple[str, str]]:
    """(API token, enterprise key) for one new complete Vietnamese supplier per entry of `sectors`
    (its one sector), each acted for by a fresh bench user: for benches that need more exhibitors
    than the demo has."""
    from fairmatch import create_app
    from fairmatch.auth.services import create_user, issue_token
    from fairmatch.common.keys import tax_check_digit
    from fairmatch.enterprises.models import Enterprise, EnterpriseSector, Membership
    from fairmatch.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    tokens, serial = [], 0
    with app.app_context():
        for i, sector in enumerate(sectors, start=first):
            digit = None
            while digit is None:  # nine digits that no check digit completes are skipped
                serial += 1
                nine = f"09{first + serial:07d}"
                digit = tax_check_digit(nine)
            code = f"{nine}{digit}"
            enterprise = Enterprise(key=code, tax_code=code, kind="supplier", name_vi=f"Công ty TNHH Thử tải {i}",
                                    name_en=f"Bench Supplier {i} Co., Ltd.", address="KCN Thăng Long, Hà Nội",
                                    contact_name="Nguyễn Văn An", contact_email=f"contact{i}@bench.fairmatch.vn",
                                    sectors=[EnterpriseSector(sector=sector)])
            user = create_user(f"bench-new{i}@bench.fairmatch.vn", "bench-password-1", "exhibitor")
            db.session.add_all([enterprise, Membership(user=user, enterprise=enterprise, status="approved")])
            db.session.flush()
            tokens.append((issue_token(user), enterprise.key))
        db.session.commit()
        db.engine.dispose()
    return tokens


@contextlib.contextmanager
def gunicorn(port: int, env: dict, workers: int = 4):
    """gunicorn serving the app on 127.0.0.1:`port` until the block ends."""
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
         "fairmatch:create_app()"], cwd=ROOT, env=env)
    try:
        wait_until_up(port)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU time (user + system) used so far by the gunicorn workers of `server`: the cost of the
    requests, which holds whatever else the machine is running, unlike their times."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(fields[1]) == server.pid:  # the parent's id: a worker of this server
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def wait_until_up(port: int, seconds: float = 60) -> None:
    """Until the server answers /healthz with 200 (the workers may take seconds to boot)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if request(connection, "GET", "/healthz")[0] == 200:
                return
        except (OSError, http.client.HTTPException):
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def warm_up(port: int, paths: list[str], rounds: int = 8) -> None:
    """Request each path a few times, so that every worker has booted and filled its caches."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(rounds):
        for path in paths:
            request(connection, "GET", path)
        connection.close()


def request(connection, method, path, token=None, body=None):
    """(status, body bytes, seconds) of one request on a kept-alive connection."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data, time.perf_counter() - started


def percentile(values, q):
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


DOUBLE_BOOKINGS = (
    "SELECT count(*) FROM (SELECT booth_id FROM reservation_booth WHERE active "
    "GROUP BY booth_id HAVING count(*) > 1) AS d"
)

# Two meetings of one enterprise whose times overlap (draft or published).
DOUBLE_MEETINGS = """
WITH seat AS (
    SELECT m.id, m.fair_id, m.starts_at, m.ends_at, r.from_enterprise_id AS enterprise_id
    FROM meeting m JOIN meeting_request r ON r.id = m.request_id
    UNION ALL
    SELECT m.id, m.fair_id, m.starts_at, m.ends_at, r.to_enterprise_id
    FROM meeting m JOIN meeting_request r ON r.id = m.request_id
)
SELECT count(*) FROM seat a JOIN seat b
  ON a.enterprise_id = b.enterprise_id AND a.fair_id = b.fair_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
"""


def count(url: str, query: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute(query).fetchone()[0]
