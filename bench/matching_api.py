"""Matching through the JSON API: `GET /api/v1/enterprises/{key}/matches` on demo fairs of growing size.

    .venv/bin/python bench/matching_api.py [--sizes 1000 10000 100000] [--queries 200]

For each size: import the demo fair (past 10,000, the 10,000-enterprise fair repeated with fresh
keys) into a fresh SQLite database, time the first request (it loads
the supply-chain graph from the database), then p50/p95 of top-20 queries for random enterprises
through the Flask test client (the whole request: token check, graph cache check, ranking,
explanations in Vietnamese, JSON). Goal: p95 ≤ 50 ms at 100,000 enterprises.
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("FAIRMATCH_CONFIG", "testing")

from flask_migrate import upgrade
from sqlalchemy import select

from fairmatch import create_app
from fairmatch.auth.services import create_user, issue_token
from fairmatch.common.keys import tax_check_digit
from fairmatch.demo import build_demo_exchange
from fairmatch.enterprises.import_export import import_document
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db


def demo_document(size: int, seed: int) -> dict:
    """The demo fair at `size` enterprises. Past the demo generator's name space (about 20,000
    fictional names) the 10,000-enterprise fair is repeated with fresh keys: same shape, more rows."""
    if size <= 10000:
        return build_demo_exchange(seed=seed, enterprises=size)
    document = build_demo_exchange(seed=seed, enterprises=10000)
    originals, numbers = document["enterprises"], itertools.count(200000001)
    copies = []
    while len(originals) + len(copies) < size:
        batch = len(copies) // len(originals) + 1
        for entry in originals[: size - len(originals) - len(copies)]:
            copy = dict(entry)
            if copy.get("country", "VN") == "VN":
                copy["tax_code"] = next(code for code in (_tax_code(next(numbers)) for _ in range(20)) if code)
            else:
                copy["registration_no"] = f"{entry['registration_no']}-{batch}"
            copies.append(copy)
    document["enterprises"] = originals + copies
    return document


def _tax_code(number: int) -> str | None:
    digit = tax_check_digit(f"{number:09d}")
    return None if digit is None else f"{number:09d}{digit}"


def run(size: int, queries: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db"})
        with app.app_context():
            upgrade()
            started = time.perf_counter()
            import_document(demo_document(size, seed))
            imported = time.perf_counter() - started
            keys = list(db.session.scalars(select(Enterprise.key).where(Enterprise.kind.in_(("lead", "supplier")))))
            token = issue_token(create_user("bench@example.vn", "bench-password-1", "buyer"))
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        rng = random.Random(seed)

        def ask(key: str) -> float:
            started = time.perf_counter()
            response = client.get(f"/api/v1/enterprises/{key}/matches?limit=20&lang=vi", headers=headers)
            assert response.status_code == 200, response.status_code
            return time.perf_counter() - started

        first = ask(rng.choice(keys))
        samples = sorted(ask(rng.choice(keys)) for _ in range(queries))
        p95 = statistics.quantiles(samples, n=100)[94]
        print(f"{size:>7} enterprises: import {imported:6.1f} s, first request (loads the graph) {first:6.2f} s, "
              f"then p50 {statistics.median(samples) * 1000:5.1f} ms, p95 {p95 * 1000:5.1f} ms over {queries} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.queries, args.seed)


if __name__ == "__main__":
    main()
