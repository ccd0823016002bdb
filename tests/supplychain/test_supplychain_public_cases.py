"""The public matching cases (bench/matching): answers a procurement engineer agrees on."""

import json
from pathlib import Path

import pytest

from fairmatch.supplychain import build_graph, explain, from_exchange, rank_customers, rank_suppliers

DATA = Path(__file__).parent / "data"
EXPECTATIONS = json.loads((DATA / "expect.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph():
    return build_graph(*from_exchange(json.loads((DATA / "cases.json").read_text(encoding="utf-8"))))


def top_ten(graph, case) -> list:
    rank = rank_suppliers if case["dir"] == "suppliers" else rank_customers
    return rank(graph, case["q"], limit=10)


@pytest.mark.parametrize("case", EXPECTATIONS, ids=lambda case: f"{case['q']}-{case['dir']}")
def test_expected_partners_rank_high_enough_unrelated_ones_stay_out_and_order_holds(graph, case):
    ranked = [match.key for match in top_ten(graph, case)]
    for key, worst in case["top"].items():
        assert key in ranked and ranked.index(key) + 1 <= worst, (key, ranked)
    for key in case["absent"]:
        assert key not in ranked, (key, ranked)
    for above, below in case["before"]:
        assert above in ranked, (above, ranked)
        assert below not in ranked or ranked.index(above) < ranked.index(below), ranked


@pytest.mark.parametrize("case", EXPECTATIONS, ids=lambda case: f"{case['q']}-{case['dir']}")
def test_every_public_match_carries_an_explanation(graph, case):
    for match in top_ten(graph, case):
        assert explain(match, graph, case["q"], str).strip()
