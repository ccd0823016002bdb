"""The opening minute of booth sales: 300 exhibitors, each trying to hold 1–4 adjacent booths of its
zone within 60 s through the API, against gunicorn with 4 workers on PostgreSQL with Redis.

    .venv/bin/python bench/opening.py [--exhibitors 300] [--seconds 60] [--keep-demo-bookings] \
        [--database postgresql://postgres@127.0.0.1:5432/postgres]

A fresh demo database (`fm_opening`, dropped and recreated on each run, served on 127.0.0.1:8102)
gets its demo bookings released, so that sales open on an empty plan (`--keep-demo-bookings` keeps
them: the rush then fights for the booths that are left). Its Vietnamese exhibitors get API tokens;
new complete suppliers, one sector each spread over the plan's zones, make up the rest.

Each exhibitor arrives once in the minute, more of them at the start (as when sales open), and
wants 1–4 booths. It reads the plan (`GET /api/v1/booths`), picks a free booth of its zone (one of
its sectors' zones, or an open booth) and free booths touching it, and asks for them together
(`POST /api/v1/booths/{code}/reservations` with `extra_booths`). Refused because someone was
faster (409), it reads the plan again and tries other booths, up to 4 times; a rule refusal
(422) or no free booth left ends its try. The run prints the attempts, the answers by status,
the server errors (must be 0), p50/p95/p99 of the holds and of the plan reads, and checks on
the database that no booth is in two active reservations and no enterprise has more booths than
the fair allows.
"""

import argparse
import http.client
import json
import os
import random
import threading
import time
from collections import Counter, defaultdict

import psycopg
from harness import (
    DOUBLE_BOOKINGS,
    count,
    exhibitor_tokens,
    fresh_demo_database,
    gunicorn,
    new_exhibitors,
    percentile,
    request,
    server_cpu_seconds,
    warm_up,
)

from fairmatch.floorplan import Rect, touching

PORT = 8102
DATABASE = "fm_opening"
ATTEMPTS = 4

RELEASE_DEMO_BOOKINGS = """
WITH ended AS (UPDATE booth_reservation SET state = 'cancelled', expires_at = NULL
               WHERE state IN ('held', 'submitted', 'approved', 'confirmed') RETURNING id)
UPDATE reservation_booth SET active = false WHERE reservation_id IN (SELECT id FROM ended)
"""
SECTORS_OF = """
SELECT e.key, s.sector FROM enterprise e JOIN enterprise_sector s ON s.enterprise_id = e.id
"""
OVER_THE_LIMIT = """
SELECT count(*) FROM (
  SELECT r.enterprise_id FROM reservation_booth rb JOIN booth_reservation r ON r.id = rb.reservation_id
  JOIN fair f ON f.id = r.fair_id
  WHERE rb.active GROUP BY r.enterprise_id, f.max_booths_per_enterprise
  HAVING count(*) > f.max_booths_per_enterprise) AS over
"""


class Exhibitor:
    """One exhibitor in the rush: its token, its zones, when it arrives and how many booths it wants."""

    def __init__(self, token: str, zones: set[str], arrives: float, wants: int, seed: int):
        self.token, self.zones, self.arrives, self.wants = token, zones, arrives, wants
        self.rng = random.Random(seed)
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        self.samples: list[tuple[str, int, float]] = []
        self.outcome = "none free"

    def call(self, name, method, path, body=None):
        try:
            status, data, took = request(self.connection, method, path, self.token, body)
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            status, data, took = 0, b"", 0.0
        self.samples.append((name, status, took))
        return status, data

    def group(self, booths: list[dict]) -> list[str]:
        """A free booth of its zone and up to `wants - 1` free booths touching the group, or []."""
        free = [b for b in booths if b["status"] == "available" and (b["zone"] is None or b["zone"] in self.zones)]
        if not free:
            return []
        chosen = [self.rng.choice(free)]
        while len(chosen) < self.wants:
            around = [b for b in free if b not in chosen and b["hall"] == chosen[0]["hall"]
                      and any(touching(rect(b), rect(c)) for c in chosen)]
            if not around:
                break
            chosen.append(self.rng.choice(around))
        return [b["code"] for b in chosen]

    def rush(self, start: float) -> None:
        time.sleep(max(0.0, start + self.arrives - time.monotonic()))
        for _ in range(ATTEMPTS):
            status, data = self.call("GET /api/v1/booths", "GET", "/api/v1/booths")
            if status != 200:
                self.outcome = "error"
                return
            codes = self.group(json.loads(data)["booths"])
            if not codes:
                self.outcome = "none free"
                return
            status, _ = self.call("POST /api/v1/booths/{code}/reservations", "POST",
                                  f"/api/v1/booths/{codes[0]}/reservations", {"extra_booths": codes[1:]})
            if status == 201:
                self.outcome = f"held {len(codes)}"
                return
            if status != 409:
                self.outcome = "refused" if status == 422 else "error"
                return
            self.outcome = "beaten"
            time.sleep(self.rng.uniform(0.5, 2.0))  # a person reads the refusal and looks again


def rect(booth: dict) -> Rect:
    return Rect(booth["x_m"], booth["y_m"], booth["width_m"], booth["depth_m"])


def exhibitors_for(url: str, count_wanted: int, seconds: float, seed: int) -> list[Exhibitor]:
    """The demo's Vietnamese exhibitors and new suppliers (one per zone in turn) up to `count_wanted`."""
    rng = random.Random(seed)
    tokens = exhibitor_tokens(url, count_wanted)
    with psycopg.connect(url) as connection:
        zones = sorted(row[0] for row in connection.execute("SELECT DISTINCT zone FROM booth WHERE zone IS NOT NULL"))
    missing = count_wanted - len(tokens)
    tokens += new_exhibitors(url, [zones[i % len(zones)] for i in range(missing)])
    sectors = defaultdict(set)
    with psycopg.connect(url) as connection:
        for key, sector in connection.execute(SECTORS_OF):
            sectors[key].add(sector)
    # Arrivals crowd the first seconds: the square of a uniform draw puts half of them in the first quarter.
    return [Exhibitor(token, sectors[key], seconds * rng.random() ** 2, rng.randint(1, 4), seed * 1000 + i)
            for i, (token, key) in enumerate(tokens)]


def report(exhibitors: list[Exhibitor], elapsed: float) -> int:
    """Print the figures; returns the number of server errors and failed connections."""
    samples = [sample for exhibitor in exhibitors for sample in exhibitor.samples]
    statuses = defaultdict(Counter)
    times = defaultdict(list)
    for name, status, took in samples:
        statuses[name][status] += 1
        if status:
            times[name].append(took)
    errors = sum(n for per in statuses.values() for status, n in per.items() if status == 0 or status >= 500)
    holds = statuses["POST /api/v1/booths/{code}/reservations"]
    print(f"{len(samples)} requests in {elapsed:.1f} s; hold attempts {sum(holds.values())}: "
          f"201 {holds[201]}, 409 {holds[409]}, 422 {holds[422]}; server errors {errors}")
    print(f"{'endpoint':44} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  statuses")
    for name in sorted(statuses):
        took = times[name] or [0.0]
        p50, p95, p99 = (percentile(took, q) * 1000 for q in (50, 95, 99))
        answers = dict(sorted(statuses[name].items()))
        print(f"{name:44} {len(times[name]):>6} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f}  {answers}")
    outcomes = Counter(exhibitor.outcome for exhibitor in exhibitors)
    print("exhibitors: " + ", ".join(f"{what} {n}" for what, n in sorted(outcomes.items())))
    return errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exhibitors", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--keep-demo-bookings", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    url, env = fresh_demo_database(args.database, DATABASE)
    if not args.keep_demo_bookings:
        with psycopg.connect(url) as connection:
            connection.execute(RELEASE_DEMO_BOOKINGS)
    exhibitors = exhibitors_for(url, args.exhibitors, args.seconds, args.seed)
    free = count(url, "SELECT count(*) FROM booth b WHERE NOT b.blocked AND NOT EXISTS "
                      "(SELECT 1 FROM reservation_booth rb WHERE rb.booth_id = b.id AND rb.active)")
    with gunicorn(PORT, env) as server:
        warm_up(PORT, ["/api/v1/booths", "/plan"])
        cpu_before = server_cpu_seconds(server)
        start = time.monotonic()
        threads = [threading.Thread(target=e.rush, args=(start,)) for e in exhibitors]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        cpu = server_cpu_seconds(server) - cpu_before
    print(f"opening minute: {len(exhibitors)} exhibitors wanting 1–4 booths each, {free} booths free, "
          f"arrivals over {args.seconds:.0f} s, gunicorn 4 workers, PostgreSQL + Redis")
    errors = report(exhibitors, elapsed)
    requests = sum(len(exhibitor.samples) for exhibitor in exhibitors)
    print(f"app CPU: {cpu:.1f} s in the workers, {cpu / max(requests, 1) * 1000:.1f} ms a request; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    held = count(url, "SELECT count(*) FROM reservation_booth WHERE active")
    doubles, over = count(url, DOUBLE_BOOKINGS), count(url, OVER_THE_LIMIT)
    print(f"invariants: booths held now {held} of {free} free; booths in two active reservations {doubles}; "
          f"enterprises over the booth limit {over}")
    print("OK" if errors == doubles == over == 0 else "FAILED")


if __name__ == "__main__":
    main()
