"""Booking under load: gunicorn with 4 workers on PostgreSQL (+ Redis), 50 concurrent clients
reserving and cancelling random booths for 30 s, then the floor plan's throughput against a trivial
endpoint, and a final consistency check for double bookings.

    .venv/bin/python bench/booking.py [--seconds 30] [--clients 50] [--database postgresql://...]

It creates (and drops) its own PostgreSQL database; only loopback addresses are used.
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
PORT = 8765


def run(*args, env):
    subprocess.run([str(BIN / "flask"), "--app", "fairmatch", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True)


def prepare(admin_url: str, name: str) -> tuple[str, dict]:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    env = os.environ | {"DATABASE_URL": url, "SECRET_KEY": "bench-only", "FAIRMATCH_CONFIG": "production",
                        "REDIS_URL": "redis://127.0.0.1:6379/14"}
    run("init-db", env=env)
    run("seed-demo", env=env)
    return url, env


def tokens_for_exhibitors(url: str, count: int) -> list[str]:
    """One API token per exhibitor enterprise, each acted for by a fresh bench user."""
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
            tokens.append(issue_token(user))
    return tokens


def request(connection, method, path, token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data, time.perf_counter() - started


def booking_load(tokens, codes, seconds):
    """Each client holds a random booth, then cancels it, again and again."""
    stop = time.monotonic() + seconds
    latencies, statuses, lock = [], {}, threading.Lock()

    def client(token, seed):
        rng = random.Random(seed)
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        while time.monotonic() < stop:
            status, data, took = request(connection, "POST", f"/api/v1/booths/{rng.choice(codes)}/reservations",
                                         token, {})
            record = [(status, took)]
            if status == 201:
                reservation = json.loads(data)["id"]
                record.append(request(connection, "DELETE", f"/api/v1/reservations/{reservation}", token)[::2])
            with lock:
                for code, elapsed in record:
                    statuses[code] = statuses.get(code, 0) + 1
                    latencies.append(elapsed)

    threads = [threading.Thread(target=client, args=(t, i)) for i, t in enumerate(tokens)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


def throughput(path, seconds, clients=8):
    stop = time.monotonic() + seconds
    counts = [0] * clients

    def client(i):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        while time.monotonic() < stop:
            status, _, _ = request(connection, "GET", path)
            assert status == 200, (path, status)
            counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started)


def percentile(values, q):
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    url, env = prepare(args.database, "fairmatch_bench")
    tokens = tokens_for_exhibitors(url, args.clients)
    with psycopg.connect(url) as connection:
        codes = [row[0] for row in connection.execute("SELECT code FROM booth WHERE NOT blocked")]
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "4", "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning",
         "fairmatch:create_app()"], cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        latencies, statuses, elapsed = booking_load(tokens, codes, args.seconds)
        errors = sum(n for code, n in statuses.items() if code >= 500)
        print(f"booking load: {args.clients} clients, {elapsed:.1f} s, {len(latencies)} requests, "
              f"{len(latencies) / elapsed:.0f} req/s")
        print(f"  latency p50 {percentile(latencies, 50) * 1000:.1f} ms, p95 {percentile(latencies, 95) * 1000:.1f} ms")
        print(f"  statuses {dict(sorted(statuses.items()))}, server errors {errors}")
        trivial = throughput("/healthz", 10)
        plan = throughput("/plan", 10)
        print(f"throughput: trivial endpoint {trivial:.0f} req/s, floor plan {plan:.0f} req/s, "
              f"ratio {plan / trivial:.0%} (goal >= 25 %)")
    finally:
        server.terminate()
        server.wait(timeout=30)
    with psycopg.connect(url) as connection:
        doubles = connection.execute(
            "SELECT count(*) FROM (SELECT booth_id FROM reservation_booth WHERE active "
            "GROUP BY booth_id HAVING count(*) > 1) AS d").fetchone()[0]
    print(f"double bookings found by the consistency query: {doubles}")
    with psycopg.connect(args.database, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS fairmatch_bench WITH (FORCE)")


if __name__ == "__main__":
    main()
