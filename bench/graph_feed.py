"""The supply graph kept current from the change feed, on synthetic fairs of 10,000 to 100,000 enterprises.

    .venv/bin/python bench/graph_feed.py [--sizes 10000 50000 100000] [--edits 20] [--seed 7]

For each size: write the synthetic fair of bench/matching.py into a fresh SQLite database, then, in
a fresh process (so that its memory is its own): build the graph once (what a worker's first use
costs), then edit profiles through another app on the same database (rename the asker's best
supplier, or take its products away) and time how long until `matches_for` in the process holding
the graph shows the edit; also a query with nothing changed (the cost of asking the feed), and the
process RSS after the build and after the edits. Goals: an edit visible within 2 s at 100,000, RSS
under 500 MB.
"""

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("FAIRMATCH_CONFIG", "testing")

from sqlalchemy import select

from fairmatch import create_app
from fairmatch.enterprises.models import Category, CategoryInput, Certification, Enterprise, EnterpriseSector, Need
from fairmatch.enterprises.models import Product as ProductRow
from fairmatch.extensions import db


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (VmRSS), or its peak so far (VmHWM), in MB."""
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith(f"{field}:"))
    return kb / 1024


def populate(url: str, size: int, seed: int) -> None:
    """The synthetic fair of bench/matching.py as database rows (Core inserts: fast, and no feed rows)."""
    from flask_migrate import upgrade
    from matching import synthetic_enterprises, synthetic_taxonomy

    rng = random.Random(seed)
    categories = synthetic_taxonomy(rng, max(100, min(2000, size // 50)))
    enterprises = synthetic_enterprises(rng, categories, size, booths=0)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        connection = db.session.connection()
        ids = {c.code: i for i, c in enumerate(categories, start=1)}
        connection.execute(Category.__table__.insert(), [
            {"id": ids[c.code], "code": c.code, "name_vi": c.name_vi, "name_en": c.name_en, "sector": c.sector}
            for c in categories
        ])
        links = [{"output_id": ids[c.code], "input_id": ids[i], "kind": "material"}
                 for c in categories for i in c.inputs]
        links += [{"output_id": ids[c.code], "input_id": ids[i], "kind": kind}
                  for c in categories for i, kind in c.means]
        connection.execute(CategoryInput.__table__.insert(), links)
        for start in range(0, size, 5000):
            chunk = list(enumerate(enterprises[start:start + 5000], start=start + 1))
            connection.execute(Enterprise.__table__.insert(), [
                {"id": n, "key": e.key, "tax_code": e.key, "name_vi": e.name_vi, "name_en": e.name_en, "kind": e.kind,
                 "locality": e.locality, "industrial_park": e.industrial_park, "verified": e.verified}
                for n, e in chunk
            ])
            connection.execute(EnterpriseSector.__table__.insert(), [
                {"enterprise_id": n, "sector": s} for n, e in chunk for s in e.sectors
            ])
            certified = [{"enterprise_id": n, "name": c} for n, e in chunk for c in e.certifications]
            if certified:
                connection.execute(Certification.__table__.insert(), certified)
            connection.execute(ProductRow.__table__.insert(), [
                {"enterprise_id": n, "category_id": ids[p.category], "name_vi": p.name_vi, "name_en": p.name_en,
                 "capacity_value": p.annual_capacity.value if p.annual_capacity else None,
                 "capacity_unit": p.annual_capacity.unit if p.annual_capacity else None,
                 "recognized_year": 2024 if p.recognized else None, "recognized_verified": p.recognized}
                for n, e in chunk for p in e.products
            ])
            needs = [
                {"enterprise_id": n, "category_id": ids[d.category],
                 "required_certifications": sorted(d.required_certifications),
                 "volume_value": d.annual_volume.value if d.annual_volume else None,
                 "volume_unit": d.annual_volume.unit if d.annual_volume else None}
                for n, e in chunk for d in e.needs
            ]
            if needs:
                connection.execute(Need.__table__.insert(), needs)
        db.session.commit()
        db.engine.dispose()


def measure(url: str, edits: int, seed: int) -> dict:
    """In this process: build, then edit through a second app and time until the reader shows it."""
    from fairmatch.matching.graph import rebuilds, supply_graph, wait_for_rebuild
    from fairmatch.matching.services import matches_for

    reader = create_app({"SQLALCHEMY_DATABASE_URI": url, "SUPPLY_GRAPH_BACKGROUND": True})
    writer = create_app({"SQLALCHEMY_DATABASE_URI": url})
    gc.collect()
    figures = {"rss_start_mb": rss_mb()}
    with reader.app_context():
        started, cpu = time.perf_counter(), time.process_time()
        graph = supply_graph()
        figures["build_s"], figures["build_cpu_s"] = time.perf_counter() - started, time.process_time() - cpu
        askers = sorted(key for key, profile in graph.profiles.items() if profile.needs)
        built_id = id(graph)  # to tell the rebuilt graph from it below
        del graph  # a graph someone holds is not patched
        db.session.remove()
    gc.collect()
    figures["rss_built_mb"], figures["rss_peak_mb"] = rss_mb(), rss_mb("VmHWM")
    rng = random.Random(seed)
    commit_s, visible_s, quiet_s, check_s = [], [], [], []
    for edit in range(edits):
        with reader.app_context():
            asker = rng.choice(askers)
            found = matches_for(asker, limit=20)
            while not found:
                asker = rng.choice(askers)
                found = matches_for(asker, limit=20)
            started = time.perf_counter()
            supply_graph()
            check_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            matches_for(asker, limit=20)
            quiet_s.append(time.perf_counter() - started)
        target = found[0]["key"]
        with writer.app_context():
            started = time.perf_counter()
            row = db.session.scalar(select(Enterprise).where(Enterprise.key == target))
            if edit % 2:
                row.products.clear()
            else:
                row.name_en = f"Edited {edit}"
            db.session.commit()
            committed = time.perf_counter()
            commit_s.append(committed - started)
        with reader.app_context():
            shown = matches_for(asker, limit=20)
            visible_s.append(time.perf_counter() - committed)
        names = {m["key"]: m["name"] for m in shown}
        assert (target not in names) if edit % 2 else (names.get(target) == f"Edited {edit}"), (edit, target)
    gc.collect()
    figures |= {
        "rss_after_edits_mb": rss_mb(), "rebuilds": rebuilds(reader), "commit_ms": _spread(commit_s),
        "visible_ms": _spread(visible_s), "quiet_query_ms": _spread(quiet_s), "feed_check_ms": _spread(check_s),
    }
    with writer.app_context():  # a taxonomy change: the reader rebuilds in the background
        db.session.add(Category(code="BENCH.NEW", sector="it", name_vi="Hạng mục mới", name_en="New category"))
        db.session.commit()
    with reader.app_context():
        started = time.perf_counter()
        assert id(supply_graph()) == built_id  # the old graph answers while the new one is built
        figures["answer_during_rebuild_ms"] = round((time.perf_counter() - started) * 1000, 1)
        db.session.remove()
    wait_for_rebuild(reader)
    figures["background_rebuild_s"] = time.perf_counter() - started
    gc.collect()
    figures["rss_after_rebuild_mb"], figures["rss_peak_mb_with_rebuild"] = rss_mb(), rss_mb("VmHWM")
    return figures


def _spread(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50": round(statistics.median(ordered) * 1000, 1), "max": round(ordered[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000, 100000])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.edits, args.seed)))
        return
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            started = time.perf_counter()
            populate(url, size, args.seed)
            written = time.perf_counter() - started
            child = subprocess.run([sys.executable, __file__, "--measure", url, "--edits", str(args.edits),
                                    "--seed", str(args.seed)], capture_output=True, text=True, check=True)
            figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{size:>7} enterprises (written in {written:5.1f} s): first build {figures['build_s']:5.1f} s "
              f"({figures['build_cpu_s']:.1f} s CPU); "
              f"RSS {figures['rss_start_mb']:.0f} MB at start, {figures['rss_built_mb']:.0f} MB with the graph, "
              f"{figures['rss_after_edits_mb']:.0f} MB after {args.edits} edits ({figures['rebuilds']} build(s)), "
              f"peak {figures['rss_peak_mb']:.0f} MB during the build; "
              f"edit commit p50 {figures['commit_ms']['p50']} ms; visible in matches p50 "
              f"{figures['visible_ms']['p50']} ms, max {figures['visible_ms']['max']} ms; "
              f"query with nothing changed p50 {figures['quiet_query_ms']['p50']} ms "
              f"(of which asking the feed {figures['feed_check_ms']['p50']} ms); "
              f"taxonomy change: answered from the old graph in {figures['answer_during_rebuild_ms']} ms, "
              f"background rebuild {figures['background_rebuild_s']:.1f} s, RSS after it "
              f"{figures['rss_after_rebuild_mb']:.0f} MB, peak {figures['rss_peak_mb_with_rebuild']:.0f} MB",
              flush=True)


if __name__ == "__main__":
    main()
