"""Booking under load: gunicorn with 4 workers on PostgreSQL (+ Redis), 50 concurrent clients
reserving and cancelling random booths for 30 s, then the floor plan's throughput against a trivial
endpoint, and a final consistency check for double bookings.

    .venv/bin/python bench/booking.py [--seconds 30] [--clients 50] [--database postgresql://...]

It creates (and drops) its own PostgreSQL database; only loopback addresses are used.
"""

import argparse
import http.client
import json
import random
import threading
import time

import psycopg
from harness import (
    DOUBLE_BOOKINGS,
    count,
    drop_database,
    exhibitor_tokens,
    fresh_demo_database,
    gunicorn,
    percentile,
    request,
)

PORT = 8765


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    url, env = fresh_demo_database(args.database, "fairmatch_bench")
    tokens = [token for token, _ in exhibitor_tokens(url, args.clients)]
    with psycopg.connect(url) as connection:
        codes = [row[0] for row in connection.execute("SELECT code FROM booth WHERE NOT blocked")]
    with gunicorn(PORT, env):
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
    print(f"double bookings found by the consistency query: {count(url, DOUBLE_BOOKINGS)}")
    drop_database(args.database, "fairmatch_bench")


if __name__ == "__main__":
    main()
