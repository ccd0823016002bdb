"""Quality of supply-chain matching: the public cases, then planted links in a synthetic fair.

    .venv/bin/python bench/match_quality.py [--cases DIR] [--enterprises 1500] [--seed 11]

1. Runs every expectation of DIR/expect.json (default /work/shared/bench/matching) against
   DIR/cases.json and prints pass/fail per expectation.
2. Builds a synthetic fair, plants the supplier each lead "really" buys from (a noisy choice
   driven by what procurement teams weigh: the bill of materials, required certifications,
   closeness, quality system, capacity, recognition, verification, market focus; the engine never
   sees the planted links or the noise), then ranks suppliers for every lead and prints recall@10
   and NDCG@10 for the engine and two naive baselines (shared category tags, shared sector), and
   the engine's precision by tier (1: a stated need or direct input; 2, 3+: further up).
3. Ranks the suppliers and customers of every lead and FDI firm of the demo fair and prints, by
   tier, how many of the top-10 lines a procurement engineer would take at face value (the
   partner makes something that goes directly into, or is used to make, the firm's products),
   and how many firms get no customer at all.

Tiers are read from each match's path, so the same script measures an older engine too.
"""

import argparse
import json
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching import synthetic_enterprises, synthetic_taxonomy

from fairmatch.supplychain import SupplyGraph, build_graph, explain, from_exchange, rank_customers, rank_suppliers
from fairmatch.supplychain.certifications import QUALITY_SYSTEMS

PUBLIC = Path("/work/shared/bench/matching")
TOP = 10


def run_public_cases(folder: Path) -> bool:
    """Print one line per expectation; True when all pass."""
    graph = build_graph(*from_exchange(json.loads((folder / "cases.json").read_text(encoding="utf-8"))))
    cases = json.loads((folder / "expect.json").read_text(encoding="utf-8"))
    passed = failed = 0
    for case in cases:
        rank = rank_suppliers if case["dir"] == "suppliers" else rank_customers
        matches = rank(graph, case["q"], limit=TOP)
        ranked = [m.key for m in matches]
        checks = [
            (f"{key} within top {worst}", key in ranked and ranked.index(key) < worst)
            for key, worst in case["top"].items()
        ]
        checks += [(f"{key} absent from top {TOP}", key not in ranked) for key in case["absent"]]
        checks += [
            (f"{a} above {b}", a in ranked and (b not in ranked or ranked.index(a) < ranked.index(b)))
            for a, b in case["before"]
        ]
        checks.append(("every match explained", all(explain(m, graph, case["q"], str).strip() for m in matches)))
        for label, ok in checks:
            passed, failed = passed + ok, failed + (not ok)
            print(f"  {'PASS' if ok else 'FAIL'}  {case['q']} {case['dir']}: {label}")
    print(f"public cases: {passed} passed, {failed} failed")
    return failed == 0


def _utility(graph: SupplyGraph, lead_key: str, supplier_key: str, code: str, rng: random.Random | None) -> float:
    """How attractive a maker of `code` is to the lead, with noise the engine cannot see
    (none without `rng`: the oracle's view)."""
    lead, supplier = graph.profiles[lead_key], graph.profiles[supplier_key]
    need = lead.needs.get(code)
    held = supplier.enterprise.certifications
    if need and not need.required_certifications <= held:
        return 0.0
    offer = supplier.offers[code]
    value = math.exp(rng.gauss(0.0, 0.5)) if rng else 1.0
    if lead.park and supplier.park == lead.park:
        value *= 3.0
    elif supplier.locality == lead.locality:
        value *= 2.0
    value *= 1.6 if not held.isdisjoint(QUALITY_SYSTEMS) else 1.0
    volume = need.annual_volume if need else None
    if volume and offer.capacity and offer.capacity.unit == volume.unit:
        value *= 2.0 if offer.capacity.value >= volume.value else 0.6
    value *= 1.5 if offer.recognized else 1.0
    value *= 1.0 if supplier.enterprise.verified else 0.5
    value *= 1.5 if supplier.enterprise.sectors & lead.enterprise.sectors else 1.0
    return value


def _wanted(graph: SupplyGraph, key: str) -> dict[str, float]:
    """The chance that the lead buys each category from someone: stated needs almost surely,
    direct inputs often, inputs of inputs rarely (leads mostly buy from their first tier)."""
    lead = graph.profiles[key]
    wanted = {
        code: 0.1
        for made in lead.offers
        for code, path in graph.upstream(made).items()
        if len(path) == 3 and code not in lead.offers
    }
    wanted.update({code: 0.6 for made in lead.offers for code in graph.categories[made].inputs})
    wanted.update(dict.fromkeys(lead.needs, 0.95))
    return wanted


def by_planted_utility(graph: SupplyGraph, key: str) -> list[str]:
    """Reference: the planting model without its noise (what a perfect engine could know)."""
    expected: dict[str, float] = {}
    for code, chance in _wanted(graph, key).items():
        makers = [k for k in graph.producers(code) if k != key]
        utilities = {maker: _utility(graph, key, maker, code, None) for maker in makers}
        total = sum(utilities.values())
        for maker, utility in utilities.items():
            if total:
                expected[maker] = expected.get(maker, 0.0) + chance * utility / total
    return sorted(expected, key=lambda k: (-expected[k], k))[:TOP]


def plant_links(graph: SupplyGraph, rng: random.Random) -> dict[str, set[str]]:
    """The suppliers each lead really buys from: per wanted category, maybe one or two makers."""
    truth: dict[str, set[str]] = {}
    for key in sorted(graph.profiles):
        lead = graph.profiles[key]
        if lead.enterprise.kind not in ("lead", "fdi"):
            continue
        chosen: set[str] = set()
        wanted = _wanted(graph, key)
        for code, chance in sorted(wanted.items()):
            makers = sorted(k for k in graph.producers(code) if k != key)
            weights = [_utility(graph, key, maker, code, rng) for maker in makers]
            if rng.random() < chance and sum(weights) > 0:
                chosen.update(rng.choices(makers, weights, k=1 if rng.random() < 0.7 else 2))
        if chosen:
            truth[key] = chosen
    return truth


def by_category_tags(graph: SupplyGraph, key: str) -> list[str]:
    """Baseline: makers of the lead's stated needs and direct inputs, most shared tags first."""
    lead = graph.profiles[key]
    tags = set(lead.needs) | {code for made in lead.offers for code in graph.categories[made].inputs}
    counts: dict[str, int] = {}
    for code in tags:
        for maker in graph.producers(code):
            counts[maker] = counts.get(maker, 0) + 1
    counts.pop(key, None)
    return sorted(counts, key=lambda k: (-counts[k], k))[:TOP]


def by_sector(graph: SupplyGraph, key: str) -> list[str]:
    """Baseline: enterprises sharing a sector with the lead, most shared sectors first."""
    sectors = graph.profiles[key].enterprise.sectors
    shared = {k: len(p.enterprise.sectors & sectors) for k, p in graph.profiles.items() if k != key}
    return sorted((k for k in shared if shared[k]), key=lambda k: (-shared[k], k))[:TOP]


def _scores(ranked: list[str], truth: set[str]) -> tuple[float, float]:
    """recall@10 and NDCG@10 (binary relevance) of one list."""
    hits = [1.0 if key in truth else 0.0 for key in ranked[:TOP]]
    dcg = sum(hit / math.log2(i + 2) for i, hit in enumerate(hits))
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(truth), TOP)))
    return sum(hits) / len(truth), dcg / ideal


def _tier(match) -> str:
    distance = len(match.path) - 1
    return "1" if distance <= 1 else "2" if distance == 2 else "3+"


def _by_tier(lines: list[tuple[str, bool]]) -> str:
    """`tier: hits/lines (share)` for tiers 1, 2, 3+, and all."""
    parts = []
    for tier in ("1", "2", "3+", "all"):
        chosen = [ok for t, ok in lines if tier in ("all", t)]
        share = f"{sum(chosen) / len(chosen):.3f}" if chosen else "  -  "
        parts.append(f"tier {tier}: {sum(chosen)}/{len(chosen)} ({share})")
    return "   ".join(parts)


def run_demo() -> None:
    from fairmatch.demo import build_demo_exchange

    graph = build_graph(*from_exchange(build_demo_exchange()))
    firms = sorted(k for k, p in graph.profiles.items() if p.enterprise.kind in ("lead", "fdi"))
    supplier_lines, customer_lines, no_customers, no_suppliers, above = [], [], 0, 0, 0
    for key in firms:
        firm = graph.profiles[key]
        # What goes directly into, or is used to make, what the firm makes; a stated need counts
        # only when it is one of those (a need three tiers up is the demo's error, not a reason).
        direct = set()
        for made in firm.offers:
            category = graph.categories[made]
            direct |= set(category.inputs) | {code for code, _ in getattr(category, "means", ())}
        suppliers = rank_suppliers(graph, key, limit=TOP)
        no_suppliers += not suppliers
        supplier_lines += [(_tier(m), m.path[0] in direct) for m in suppliers]
        tiers = [_tier(m) for m in suppliers]
        above += sum(1 for i, tier in enumerate(tiers) if tier == "1" and any(t != "1" for t in tiers[:i]))
        customers = rank_customers(graph, key, limit=TOP)
        no_customers += not customers
        for match in customers:
            buyer = graph.profiles[match.key]
            wanted = set(buyer.needs) | {c for made in buyer.offers for c in graph.categories[made].inputs}
            wanted |= {c for made in buyer.offers for c, _ in getattr(graph.categories[made], "means", ())}
            customer_lines.append((_tier(match), bool(wanted & set(firm.offers))))
    print(f"demo fair: {len(firms)} lead and FDI firms, {len(graph.categories)} categories")
    print(f"  suppliers taken at face value   {_by_tier(supplier_lines)}")
    print(f"  customers who buy it directly   {_by_tier(customer_lines)}")
    print(f"  tier-1 suppliers listed below a deeper one   {above}")
    print(f"  firms with no customer          {no_customers}")
    print(f"  firms with no supplier          {no_suppliers}")


def run_planted(enterprises: int, seed: int) -> None:
    rng = random.Random(seed)
    categories = synthetic_taxonomy(rng, 150)
    graph = build_graph(categories, synthetic_enterprises(rng, categories, enterprises, booths=60))
    truth = plant_links(graph, rng)
    methods = {
        "engine (rank_suppliers)": lambda key: [m.key for m in rank_suppliers(graph, key, limit=TOP)],
        "reference: noise-free planting": lambda key: by_planted_utility(graph, key),
        "baseline: shared category tags": lambda key: by_category_tags(graph, key),
        "baseline: shared sector": lambda key: by_sector(graph, key),
    }
    print(
        f"planted links: {enterprises} enterprises, {len(categories)} categories, {len(truth)} leads, "
        f"{sum(map(len, truth.values()))} true supplier links"
    )
    for name, rank in methods.items():
        results = [_scores(rank(key), found) for key, found in sorted(truth.items())]
        recall = sum(r for r, _ in results) / len(results)
        ndcg = sum(n for _, n in results) / len(results)
        print(f"  {name:<32} recall@10 {recall:.3f}   NDCG@10 {ndcg:.3f}")
    lines = [(_tier(m), m.key in found) for key, found in sorted(truth.items())
             for m in rank_suppliers(graph, key, limit=TOP)]
    print(f"  engine precision@10 by tier    {_by_tier(lines)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=PUBLIC)
    parser.add_argument("--enterprises", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    ok = run_public_cases(args.cases)
    run_planted(args.enterprises, args.seed)
    run_demo()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
