"""Speed of the directory on a fair of 10,000 enterprises: the import, then searches.

    .venv/bin/python bench/directory.py [--enterprises 10000] [--seed 7] [--rounds 5]
                                        [--database-url postgresql://postgres@127.0.0.1:5432/bench]

Builds the demo fair (`fairmatch.demo.generate.build_demo_exchange`), imports it into an empty,
migrated database (a temporary SQLite file unless --database-url names an empty one), prints the
import time, then p50/p95 of whole directory pages (HTML, through the Flask test client) and of
API searches: plain words, words without accents, typos, filters and later pages. Goals: p95 below
50 ms per search page, import below 30 s.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("FAIRMATCH_CONFIG", "testing")

from flask_migrate import upgrade
from sqlalchemy import text

from fairmatch import create_app
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises.import_export import import_document
from fairmatch.extensions import db

SEARCHES = {
    "words": ["co khi chinh xac", "thiet bi dien", "nhua", "khuon mau", "bao bi", "det may", "duoc pham",
              "precision mechanics", "electrical", "moulds"],
    "accented": ["cơ khí chính xác", "Thiết bị điện", "khuôn mẫu", "Đông Anh", "chế biến thực phẩm"],
    "typo": ["co khj", "mechancs", "khuon mua", "elecrtical", "plastcs", "thiet bi dein"],
    "filters": ["sector=precision-mechanics", "kind=lead&certification=ISO+9001", "locality=dong+anh",
                "recognized=1", "sector=plastics-rubber&q=nhua&sort=newest", "certification=IATF+16949&kind=supplier"],
    "pages": ["page=2", "page=40", "q=cong+ty&page=20", "sort=newest&page=100", "q=san+xuat&page=3"],
}


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[94]


def query_string(search: str) -> str:
    return search if "=" in search else "q=" + search.replace(" ", "+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5, help="times each search is repeated")
    parser.add_argument("--database-url", default="", help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        url = args.database_url or f"sqlite:///{Path(scratch) / 'bench.db'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        doc = build_demo_exchange(seed=args.seed, enterprises=args.enterprises)
        with app.app_context():
            upgrade()
            started = time.perf_counter()
            summary = import_document(doc)
            imported = time.perf_counter() - started
            db.session.remove()
            if db.engine.dialect.name == "postgresql":
                # What autovacuum does within a minute of a large import: statistics for the
                # planner and the visibility map that lets it scan the narrow indexes only.
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.execute(text("VACUUM ANALYZE"))
        print(f"database: {app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}")
        print(f"import of {summary.enterprises_added} enterprises and {summary.categories_added} categories: "
              f"{imported:.1f} s (goal < 30 s)")

        client = app.test_client()
        client.get("/directory")  # warm up templates and connections
        timings: dict[str, list[float]] = {}
        for _ in range(args.rounds):
            for kind, searches in SEARCHES.items():
                for search in searches:
                    for path in ("/directory?", "/api/v1/enterprises?"):
                        started = time.perf_counter()
                        response = client.get(path + query_string(search))
                        elapsed = (time.perf_counter() - started) * 1000
                        assert response.status_code == 200, (path, search, response.status_code)
                        timings.setdefault(("page" if path.startswith("/directory") else "api", kind), []).append(
                            elapsed
                        )
        every_page = [t for (where, _), samples in timings.items() if where == "page" for t in samples]
        for (where, kind), samples in sorted(timings.items()):
            p50, p95 = percentiles(samples)
            print(f"{where:4} {kind:9} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({len(samples)} requests)")
        p50, p95 = percentiles(every_page)
        print(f"all directory pages: p50 {p50:.1f} ms, p95 {p95:.1f} ms (goal p95 < 50 ms)")
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
