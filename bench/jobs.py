"""Issue #16's "done when", end to end: PostgreSQL, Redis, gunicorn (4 workers, --timeout 30) and
one `flask worker --beat` process. Three long pieces of work are started the way people start them
and followed to their end, while a prober keeps asking the common pages:

1. a scheduler run with the 30-second limit on a fair of `--participants` enterprises (the API);
2. the all-agendas PDF of the published schedule (`/print/agendas.pdf`, an organizer's token);
3. an import of `--enterprises` enterprises through the organizer's upload form (signed in, CSRF).

    .venv/bin/python bench/jobs.py [--participants 1000] [--requests 2500] [--enterprises 10000] \
        [--database postgresql://postgres@127.0.0.1:5432/postgres]

For each: how long the starting request took (goal < 1 s), the progress messages seen, and when the
job was done. The prober's figures show what everyone else saw meanwhile (goal: no request > 2 s).
It creates the database `fm_jobs` beside `--database` (dropped and recreated) and serves on
127.0.0.1:8102; Redis database 13 is emptied and used as the broker.
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import subprocess
import threading
import time
from urllib.parse import urlencode

import psycopg
import redis
from harness import BIN, ROOT, fresh_demo_database, percentile, request, wait_until_up

PORT = 8102
DATABASE = "fm_jobs"
REDIS_URL = "redis://127.0.0.1:6379/13"
PROBED = ("/plan", "/directory?q=co+khi", "/api/v1/booths", "/enterprises/{key}", "/healthz")


def grow_fair(url: str, participants: int, requests: int, seed: int) -> None:
    """Accepted meeting requests among `participants` enterprises of the demo (more are added),
    B2B tables for all of them, and the demo's drafts and published meetings cleared."""
    from fairmatch import create_app
    from fairmatch.demo.generate import build_demo_exchange
    from fairmatch.enterprises.import_export import import_document
    from fairmatch.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    with app.app_context():
        have = db.session.execute(db.text("SELECT count(*) FROM enterprise")).scalar()
        if have < participants:
            extra = build_demo_exchange(seed + 1, participants - have)
            extra["categories"] = []
            for enterprise in extra["enterprises"]:
                enterprise["booth"] = None
            import_document(extra, actor=None)
            db.session.commit()
        db.engine.dispose()
    rng = random.Random(seed)
    with psycopg.connect(url) as connection:
        fair_id, = connection.execute("SELECT id FROM fair WHERE is_current").fetchone()
        rows = connection.execute("SELECT id, kind FROM enterprise ORDER BY id LIMIT %s", (participants,)).fetchall()
        hosts = [i for i, kind in rows if kind in ("supplier", "fdi", "lead")]
        guests = [i for i, _kind in rows]
        connection.execute("DELETE FROM meeting WHERE fair_id = %s", (fair_id,))
        connection.execute("DELETE FROM meeting_request WHERE fair_id = %s", (fair_id,))
        pairs = set()
        while len(pairs) < requests:
            guest, host = rng.choice(guests), rng.choice(hosts)
            if guest != host and (host, guest) not in pairs:
                pairs.add((guest, host))
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO meeting_request (fair_id, from_enterprise_id, to_enterprise_id, state, must_meet_from,"
                " must_meet_to, created_at, decided_at, place) VALUES (%s, %s, %s, 'accepted', false, false, now(),"
                " now(), 'table')", [(fair_id, guest, host) for guest, host in sorted(pairs)])
        connection.execute("UPDATE fair SET meeting_tables = 60 WHERE id = %s", (fair_id,))


def organizer_token(url: str) -> str:
    from fairmatch import create_app
    from fairmatch.auth.services import create_user, issue_token
    from fairmatch.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    with app.app_context():
        user = create_user("bench-organizer@bench.fairmatch.vn", "bench-password-1", "organizer")
        db.session.flush()
        token = issue_token(user)
        db.engine.dispose()
    return token


class Browser:
    """A signed-in browser: cookies kept, CSRF token read from the form it posts."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def call(self, method, path, body=None, content_type=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response, data, time.perf_counter() - started

    def csrf(self, path) -> str:
        return re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', self.call("GET", path)[1]).group(1).decode()

    def sign_in(self, email, password) -> None:
        body = urlencode({"csrf_token": self.csrf("/login"), "email": email, "password": password})
        response, _data, _seconds = self.call("POST", "/login", body, "application/x-www-form-urlencoded")
        assert response.status == 302, response.status


class Prober(threading.Thread):
    """Asks the common pages in turn, one at a time, and keeps every (phase, path, seconds)."""

    def __init__(self, port, key):
        super().__init__(daemon=True)
        self.port, self.key, self.phase = port, key, "idle"
        self.samples: list[tuple[str, str, float, int]] = []
        self.stop = threading.Event()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while not self.stop.is_set():
            for path in PROBED:
                started = time.perf_counter()
                try:
                    status, _data, seconds = request(connection, "GET", path.format(key=self.key))
                except (OSError, http.client.HTTPException):  # counted as a server error
                    connection.close()
                    status, seconds = 599, time.perf_counter() - started
                self.samples.append((self.phase, path.split("?")[0], seconds, status))
            time.sleep(0.1)

    def summary(self, phase):
        seconds = [s for p, _path, s, _status in self.samples if p == phase]
        errors = sum(1 for p, _path, _s, status in self.samples if p == phase and status >= 500)
        if not seconds:
            return "no samples"
        return (f"{len(seconds)} requests, p50 {percentile(seconds, 50) * 1000:.0f} ms, "
                f"p95 {percentile(seconds, 95) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms, {errors} errors")


def follow(connection, token, address):
    """Poll the job until it ends; print each new message; (seconds, final job document)."""
    started, seen = time.perf_counter(), None
    while True:
        _status, data, _seconds = request(connection, "GET", address, token)
        job = json.loads(data)
        said = (job["state"], job["message"])
        if said != seen:
            at = time.perf_counter() - started
            print(f"    {at:6.1f} s  {job['state']:8} {job['progress']:.0%} {job['message']}")
            seen = said
        if job["state"] in ("done", "failed"):
            return time.perf_counter() - started, job
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2500)
    parser.add_argument("--enterprises", type=int, default=10000)
    parser.add_argument("--time-limit", type=int, default=30)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    redis.Redis.from_url(REDIS_URL).flushdb()
    print("building the database ...", flush=True)
    url, env = fresh_demo_database(args.database, DATABASE)
    env = env | {"REDIS_URL": REDIS_URL}
    grow_fair(url, args.participants, args.requests, args.seed)
    token = organizer_token(url)
    password = "bench-password-1"
    from fairmatch.demo.generate import build_demo_exchange

    document = json.dumps(build_demo_exchange(args.seed + 2, args.enterprises), ensure_ascii=False).encode()
    with psycopg.connect(url) as connection:
        key, = connection.execute("SELECT key FROM enterprise ORDER BY id LIMIT 1").fetchone()

    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "4", "--timeout", "30", "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning", "fairmatch:create_app()"], cwd=ROOT, env=env)
    worker = subprocess.Popen([str(BIN / "flask"), "--app", "fairmatch", "worker", "--concurrency", "1", "--beat"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        wait_until_up(PORT)
        time.sleep(5)  # the worker connects to Redis
        prober = Prober(PORT, key)
        prober.start()
        time.sleep(5)
        print(f"quiet: {prober.summary('idle')}")
        api = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)

        prober.phase = "schedule"
        status, data, seconds = request(api, "POST", "/api/v1/organizer/schedule-runs", token,
                                        {"time_limit": args.time_limit, "publish": True})
        print(f"1. scheduler run ({args.requests} requests, {args.participants} participants, "
              f"{args.time_limit} s): {status} in {seconds * 1000:.0f} ms")
        took, job = follow(api, token, json.loads(data)["job"])
        print(f"   done in {took:.1f} s: {job['result'] or job['error']}")
        print(f"   meanwhile: {prober.summary('schedule')}")

        prober.phase = "agendas"
        status, data, seconds = request(api, "GET", "/print/agendas.pdf", token)
        print(f"2. all agendas: {status} in {seconds * 1000:.0f} ms, Retry-After "
              f"{'yes' if status == 202 else 'n/a'}")
        if status == 202:
            took, job = follow(api, token, json.loads(data)["job"])
            print(f"   done in {took:.1f} s: {job['result'] or job['error']}")
        status, data, seconds = request(api, "GET", "/print/agendas.pdf", token)
        with psycopg.connect(url) as connection:
            agendas = connection.execute(
                "SELECT count(DISTINCT e) FROM (SELECT from_enterprise_id e FROM meeting_request r JOIN meeting m "
                "ON m.request_id = r.id UNION SELECT to_enterprise_id FROM meeting_request r JOIN meeting m "
                "ON m.request_id = r.id) x").fetchone()[0]
        print(f"   then: {status} in {seconds * 1000:.0f} ms, {len(data) / 1e6:.1f} MB, {agendas} agendas")
        print(f"   meanwhile: {prober.summary('agendas')}")

        prober.phase = "import"
        browser = Browser(PORT)
        browser.sign_in("bench-organizer@bench.fairmatch.vn", password)
        boundary = "fairmatchbench"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
                f"{browser.csrf('/organizer/exchange')}\r\n--{boundary}\r\nContent-Disposition: form-data; "
                f"name=\"document\"; filename=\"fair.json\"\r\nContent-Type: application/json\r\n\r\n").encode() \
            + document + f"\r\n--{boundary}--\r\n".encode()
        response, _data, seconds = browser.call("POST", "/organizer/exchange", body,
                                                f"multipart/form-data; boundary={boundary}")
        where = response.getheader("Location") or ""
        print(f"3. import of {args.enterprises} enterprises ({len(document) / 1e6:.1f} MB): {response.status} "
              f"in {seconds * 1000:.0f} ms → {where}")
        job_id = where.rstrip("/").rsplit("/", 1)[-1]
        took, job = follow(api, token, f"/api/v1/jobs/{job_id}")
        print(f"   done in {took:.1f} s: {job['state']} {job['error'] or ''}")
        print(f"   meanwhile: {prober.summary('import')}")
        prober.stop.set()
        prober.join()
        worst = max(s for p, _path, s, _status in prober.samples if p != "idle")
        print(f"slowest request of anyone while the three ran: {worst * 1000:.0f} ms")
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
