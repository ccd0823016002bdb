"""The fair's website under a mixed load: gunicorn with 4 workers on PostgreSQL with Redis, a fresh
demo database, 50 simulated users for 60 s, then the invariants.

    .venv/bin/python bench/load.py [--seconds 60] [--users 50] [--think 1.0] \
        [--database postgresql://postgres@127.0.0.1:5432/postgres]

Each simulated user is an exhibitor with an API token. It loops: think (uniformly 0 to twice
`--think` seconds, like a person reading a page), then one action drawn by weight — browse the
floor plan, the directory (a search or a filter) or an enterprise's page as a visitor; hold a
booth through the API and give it back; ask another enterprise for a meeting through the API;
read its agenda through the API. It prints requests/s, p50/p95/p99 per endpoint, the answers by
status, the server errors, and then checks on the database that no booth is booked twice and no
enterprise sits in two meetings at once (after publishing a schedule of the accepted requests).

It creates the database `fm_load` beside `--database` (dropped and recreated on each run) and
serves on 127.0.0.1:8101; only loopback addresses are used.
"""

import argparse
import http.client
import json
import os
import random
import threading
import time
from collections import defaultdict
from urllib.parse import urlencode

import psycopg
from harness import (
    DOUBLE_BOOKINGS,
    DOUBLE_MEETINGS,
    count,
    exhibitor_tokens,
    flask,
    fresh_demo_database,
    gunicorn,
    percentile,
    request,
    server_cpu_seconds,
    warm_up,
)

PORT = 8101
DATABASE = "fm_load"
SEARCHES = ("co khi chinh xac", "thiết bị điện", "nhựa", "packaging", "khuon mau", "mechancs", "điện tử", "")
FILTERS = ("sector=precision-mechanics", "kind=supplier", "kind=lead&certification=ISO+9001", "page=3")

# The booths an exhibitor could hold when the run starts: free, and open or in one of its sectors'
# zones (as a person would choose on the plan). Others may still take them first: that is the point.
FREE_BOOTHS_FOR = """
SELECT b.code FROM booth b
WHERE NOT b.blocked
  AND NOT EXISTS (SELECT 1 FROM reservation_booth rb WHERE rb.booth_id = b.id AND rb.active)
  AND (b.zone IS NULL OR b.zone IN (SELECT s.sector FROM enterprise_sector s JOIN enterprise e ON e.id = s.enterprise_id
                                    WHERE e.key = %(key)s))
ORDER BY b.code
"""


class Session:
    """One simulated user: its token, its enterprise, a kept-alive connection and its own dice."""

    def __init__(self, token: str, key: str, world: dict, seed: int):
        self.token, self.key, self.world = token, key, world
        self.rng = random.Random(seed)
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)

    def call(self, name, method, path, token=None, body=None):
        try:
            status, data, took = request(self.connection, method, path, token, body)
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            status, data, took = 0, b"", 0.0
        return name, status, took, data

    def browse_plan(self):
        return [self.call("GET /plan", "GET", "/plan")]

    def browse_directory(self):
        if self.rng.random() < 0.6:
            words = self.rng.choice(SEARCHES)
            query = urlencode({"q": words}) if words else ""
        else:
            query = self.rng.choice(FILTERS)
        return [self.call("GET /directory", "GET", "/directory?" + query)]

    def browse_enterprise(self):
        return [self.call("GET /enterprises/{key}", "GET", f"/enterprises/{self.rng.choice(self.world['keys'])}")]

    def reserve_booth(self):
        code = self.rng.choice(self.world["codes"][self.key] or self.world["all codes"])
        held = self.call("POST /api/v1/booths/{code}/reservations", "POST", f"/api/v1/booths/{code}/reservations",
                         self.token, {})
        calls = [held]
        if held[1] == 201:
            reservation = json.loads(held[3])["id"]
            calls.append(self.call("DELETE /api/v1/reservations/{id}", "DELETE", f"/api/v1/reservations/{reservation}",
                                   self.token))
        return calls

    def request_meeting(self):
        to = self.rng.choice(self.world["keys"])
        body = {"to": to, "message": "Gặp nhau tại hội chợ? / Meet at the fair?", "must_meet": False}
        return [self.call("POST /api/v1/meeting-requests", "POST", "/api/v1/meeting-requests", self.token, body)]

    def read_agenda(self):
        return [self.call("GET /api/v1/me/agenda", "GET", "/api/v1/me/agenda", self.token)]

    ACTIONS = (  # (action, weight): mostly reading, as at a real fair
        (browse_plan, 20), (browse_directory, 20), (browse_enterprise, 20),
        (reserve_booth, 15), (request_meeting, 10), (read_agenda, 15),
    )


def run_load(sessions: list[Session], seconds: float, think: float):
    stop = time.monotonic() + seconds
    samples, lock = [], threading.Lock()
    actions, weights = zip(*Session.ACTIONS, strict=True)

    def user(session: Session):
        while True:
            time.sleep(session.rng.uniform(0, 2 * think))
            if time.monotonic() >= stop:
                return
            action = session.rng.choices(actions, weights)[0]
            done = action(session)
            with lock:
                samples.extend((name, status, took) for name, status, took, _ in done)

    threads = [threading.Thread(target=user, args=(s,)) for s in sessions]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


def report(samples, elapsed: float) -> int:
    """Print the table; returns the number of errors (server errors and failed connections)."""
    by_endpoint = defaultdict(list)
    statuses = defaultdict(lambda: defaultdict(int))
    for name, status, took in samples:
        statuses[name][status] += 1
        if status:
            by_endpoint[name].append(took)
    errors = sum(n for per in statuses.values() for status, n in per.items() if status == 0 or status >= 500)
    every = [took for name, status, took in samples if status]
    print(f"{len(samples)} requests in {elapsed:.1f} s: {len(samples) / elapsed:.1f} requests/s, errors {errors}")
    print(f"{'endpoint':44} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  statuses")
    for name in sorted(statuses):
        times = by_endpoint[name] or [0.0]
        print(f"{name:44} {len(by_endpoint[name]):>6} {percentile(times, 50) * 1000:>8.1f} "
              f"{percentile(times, 95) * 1000:>8.1f} {percentile(times, 99) * 1000:>8.1f}  "
              f"{dict(sorted(statuses[name].items()))}")
    print(f"{'all':44} {len(every):>6} {percentile(every, 50) * 1000:>8.1f} {percentile(every, 95) * 1000:>8.1f} "
          f"{percentile(every, 99) * 1000:>8.1f}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a user's actions")
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    url, env = fresh_demo_database(args.database, DATABASE)
    tokens = exhibitor_tokens(url, args.users)
    with psycopg.connect(url) as connection:
        world = {
            "all codes": [row[0] for row in connection.execute("SELECT code FROM booth WHERE NOT blocked")],
            "codes": {key: [row[0] for row in connection.execute(FREE_BOOTHS_FOR, {"key": key})] for _, key in tokens},
            "keys": [row[0] for row in connection.execute("SELECT key FROM enterprise ORDER BY key")],
        }
    sessions = [Session(token, key, world, seed) for seed, (token, key) in enumerate(tokens)]
    with gunicorn(PORT, env) as server:
        warm_up(PORT, ["/plan", "/directory", f"/enterprises/{world['keys'][0]}"])
        cpu_before, load_before = server_cpu_seconds(server), os.getloadavg()[0]
        samples, elapsed = run_load(sessions, args.seconds, args.think)
        cpu = server_cpu_seconds(server) - cpu_before
    print(f"mixed load: {len(sessions)} users, think time 0–{2 * args.think:.1f} s, gunicorn 4 workers, "
          f"PostgreSQL + Redis")
    errors = report(samples, elapsed)
    print(f"app CPU: {cpu:.1f} s in the workers, {cpu / len(samples) * 1000:.1f} ms a request "
          f"({os.cpu_count()} CPUs; load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)")
    flask("schedule-meetings", "--publish", "--time-limit", "10", env=env)
    doubles, clashes = count(url, DOUBLE_BOOKINGS), count(url, DOUBLE_MEETINGS)
    print(f"invariants: booths booked twice {doubles}, enterprises in two meetings at once {clashes}")
    print("OK" if errors == doubles == clashes == 0 else "FAILED")


if __name__ == "__main__":
    main()
