"""Speed of the matching core on synthetic fairs of 1,000, 10,000 and 100,000 enterprises.

    .venv/bin/python bench/matching.py [--sizes 1000 10000 100000] [--queries 500] [--seed 7] [--depth 1]

Prints, per size: graph build time, memory held by the graph (tracemalloc, on a second build),
and p50/p95 of a top-20 `rank_suppliers` and `rank_customers` query from random enterprises,
wall-clock and CPU time of the thread (the CPU time is what the core costs when other processes
share the machine). Goals: p95 ≤ 5 ms at 100,000 enterprises, build ≤ 10 s.
`synthetic_taxonomy` and `synthetic_enterprises` are also used by bench/match_quality.py.
"""

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fairmatch.supplychain import (
    Category,
    Enterprise,
    Need,
    Product,
    Quantity,
    build_graph,
    rank_customers,
    rank_suppliers,
)

SECTORS = ("it", "precision-mechanics", "electrical-electronics", "automotive-motorcycle", "energy")
SECTORS += ("agri-machinery", "agri-food-processing", "biotech", "pharma", "chemicals", "metals")
SECTORS += ("plastics-rubber", "textiles-garments", "packaging", "automation", "advanced-materials")
CERTIFICATIONS = ("ISO 9001", "ISO 14001", "ISO 45001", "IATF 16949", "ISO 13485", "HACCP", "ISO 22000")
CERTIFICATIONS += ("CE", "UL", "RoHS")
LOCALITIES = ("Đông Anh", "Gia Lâm", "Long Biên", "Hà Đông", "Sóc Sơn", "Thạch Thất", "Mê Linh", "Thanh Trì")
LOCALITIES += ("Hoài Đức", "Chương Mỹ", "Thường Tín", "Phú Xuyên", "Quốc Oai", "Đan Phượng", "Ba Vì", "Mỹ Đức")
LOCALITIES += ("Ứng Hòa", "Thanh Oai", "Phúc Thọ", "Sơn Tây")
PARKS = ("Nguyên Khê", "Quang Minh", "Thăng Long", "Nội Bài", "Phú Nghĩa", "Bắc Thường Tín")
LAYERS = 5


def synthetic_taxonomy(rng: random.Random, size: int) -> list[Category]:
    """A layered bill of materials: raw materials at layer 0, end products at the top layer; a
    third of the products above layer 0 are also made with a tool or a service of layer 1."""
    categories: list[Category] = []
    layers: list[list[str]] = []
    for layer in range(LAYERS):
        codes = [f"L{layer}.C{i:05d}" for i in range(size // LAYERS)]
        for code in codes:
            inputs: tuple[str, ...] = ()
            if layer:
                below = layers[-1] + (layers[-2] if layer > 1 else [])
                inputs = tuple(sorted(set(rng.sample(below, rng.randint(2, 5)))))
            name = f"category {code}"
            means: tuple[tuple[str, str], ...] = ()
            if layer > 1 and rng.random() < 0.33:
                means = ((rng.choice(layers[1]), rng.choice(("tooling", "equipment", "service"))),)
                inputs = tuple(code for code in inputs if code != means[0][0])
            categories.append(Category(code, rng.choice(SECTORS), inputs, f"Hạng mục {code}", name, means=means))
        layers.append(codes)
    return categories


def _quantity(rng: random.Random) -> Quantity | None:
    return Quantity(float(rng.choice((50, 100, 300, 1000, 5000))), "t") if rng.random() < 0.4 else None


def synthetic_enterprises(
    rng: random.Random, categories: list[Category], count: int, booths: int = 200
) -> list[Enterprise]:
    """Leads make upper-layer products and state some of their inputs as needs; suppliers make
    lower layers; everyone gets a locality, sometimes a park, certifications and a status."""
    by_layer: dict[int, list[Category]] = {}
    for category in categories:
        by_layer.setdefault(int(category.code[1]), []).append(category)
    booth_holders = set(rng.sample(range(count), min(booths, count)))
    enterprises = []
    for i in range(count):
        kind = rng.choices(("lead", "supplier", "fdi", "buyer"), (10, 65, 10, 15))[0]
        top = kind in ("lead", "fdi", "buyer")
        layer = rng.choice((3, 4)) if top else rng.choice((0, 1, 2, 3))
        made = rng.sample(by_layer[layer], rng.choice((1, 1, 2, 3)))
        products = tuple(
            Product(c.code, f"SP {c.code}", f"P {c.code}", _quantity(rng), kind == "lead" and rng.random() < 0.5)
            for c in made
        )
        needs: tuple[Need, ...] = ()
        if top:
            inputs = sorted({code for c in made for code in c.inputs})
            stated = rng.sample(inputs, min(len(inputs), rng.randint(1, 3)))
            needs = tuple(
                Need(
                    code,
                    frozenset(rng.sample(CERTIFICATIONS[:3], 1)) if rng.random() < 0.3 else frozenset(),
                    _quantity(rng),
                )
                for code in stated
            )
        enterprises.append(
            Enterprise(
                key=f"{1000000000 + i}",
                name_vi=f"Công ty {i}",
                name_en=f"Company {i}",
                kind=kind,
                sectors=frozenset({made[0].sector}),
                locality=rng.choice(LOCALITIES),
                industrial_park=rng.choice(PARKS) if rng.random() < 0.3 else None,
                verified=rng.random() < 0.85,
                booth=f"B{i:04d}" if i in booth_holders else None,
                certifications=frozenset(c for c in CERTIFICATIONS if rng.random() < 0.2),
                products=products,
                needs=needs,
            )
        )
    return enterprises


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[94]


def run(size: int, queries: int, seed: int, depth: int = 1) -> None:
    """Build a synthetic fair of `size` enterprises and time it and its queries."""
    rng = random.Random(seed)
    categories = synthetic_taxonomy(rng, max(100, min(2000, size // 50)))
    enterprises = synthetic_enterprises(rng, categories, size)
    started = time.perf_counter()
    graph = build_graph(categories, enterprises)
    build_s = time.perf_counter() - started
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    traced = build_graph(categories, enterprises)
    held_mb = (tracemalloc.get_traced_memory()[0] - before) / 1e6
    tracemalloc.stop()
    del traced
    askers = rng.sample(sorted(graph.profiles), min(queries, size))
    print(
        f"{size:>7} enterprises, {len(categories):>4} categories: build {build_s:6.2f} s, "
        f"graph memory {held_mb:7.1f} MB"
    )
    for name, rank in (("suppliers", rank_suppliers), ("customers", rank_customers)):
        wall, cpu, found = [], [], 0
        for key in askers:
            started, started_cpu = time.perf_counter(), time.thread_time()
            found += len(rank(graph, key, limit=20, depth=depth))
            cpu.append((time.thread_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        (wall50, wall95), (cpu50, cpu95) = _percentiles(wall), _percentiles(cpu)
        print(
            f"        top-20 {name:<9}: p50 {wall50:5.2f} ms, p95 {wall95:5.2f} ms wall-clock "
            f"(CPU p50 {cpu50:5.2f} ms, p95 {cpu95:5.2f} ms; {found / len(askers):.1f} matches a query)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--depth", type=int, default=1, help="1: the lists a firm sees; 3: with deeper tiers")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.queries, args.seed, args.depth)


if __name__ == "__main__":
    main()
