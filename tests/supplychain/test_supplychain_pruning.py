"""The best-first search skips candidates only when they cannot make the list: a short list is
always the start of the full one (with diversity off, the full list is plain score order)."""

import random

import pytest

from fairmatch.supplychain import (
    Category,
    Enterprise,
    Need,
    Product,
    Quantity,
    SourcingRequest,
    Weights,
    build_graph,
    rank_customers,
    rank_for_request,
    rank_suppliers,
)

SECTORS = ("pharma", "energy", "metals", "automotive-motorcycle", "packaging")
CERTIFICATIONS = ("ISO 9001", "ISO 13485", "IATF 16949", "CE", "ISO 14001")
PLAIN_ORDER = Weights(diversity=1.0)


def random_fair(seed: int):
    rng = random.Random(seed)
    codes = [f"C{i:02d}" for i in range(24)]
    categories = [
        Category(code, rng.choice(SECTORS), tuple(sorted(set(rng.sample(codes[:i], min(i, rng.randint(0, 3)))))))
        for i, code in enumerate(codes)
    ]

    def quantity():
        return Quantity(rng.choice((50, 100, 300)), rng.choice(("t", "t", "units"))) if rng.random() < 0.5 else None

    enterprises = []
    for i in range(90):
        made = rng.sample(codes, rng.randint(0, 2))
        enterprises.append(
            Enterprise(
                key=f"E{i:03d}",
                name_vi=f"Công ty {i}",
                name_en=f"Company {i}",
                kind=rng.choice(("lead", "supplier", "buyer")),
                sectors=frozenset(rng.sample(SECTORS, rng.randint(0, 2))),
                locality=rng.choice(("Đông Anh", "Gia Lâm", "Sóc Sơn")),
                industrial_park=rng.choice((None, "Nguyên Khê", "Quang Minh")),
                verified=rng.random() < 0.7,
                booth=f"B{i}" if rng.random() < 0.3 else None,
                certifications=frozenset(c for c in CERTIFICATIONS if rng.random() < 0.35),
                products=tuple(
                    Product(code, annual_capacity=quantity(), recognized=rng.random() < 0.3) for code in made
                ),
                needs=tuple(
                    Need(code, frozenset(rng.sample(CERTIFICATIONS, rng.randint(0, 1))), quantity())
                    for code in rng.sample(codes, rng.randint(0, 2))
                ),
            )
        )
    return build_graph(categories, enterprises)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("rank", [rank_suppliers, rank_customers])
@pytest.mark.parametrize("strict", [True, False])
def test_a_short_list_is_exactly_the_start_of_the_full_list(seed, rank, strict):
    graph = random_fair(seed)
    for key in sorted(graph.profiles):
        full = rank(graph, key, limit=1000, weights=PLAIN_ORDER, strict=strict)
        for limit in (1, 3, 7):
            assert rank(graph, key, limit=limit, weights=PLAIN_ORDER, strict=strict) == full[:limit]


@pytest.mark.parametrize("seed", range(3))
def test_a_short_request_list_is_exactly_the_start_of_the_full_list(seed):
    graph = random_fair(seed)
    for code in sorted(graph.categories):
        for buyer in (None, "E001", "E002"):
            request = SourcingRequest(code, frozenset({"ISO 9001"}) if seed else frozenset(), buyer_key=buyer)
            full = rank_for_request(graph, request, limit=1000, weights=PLAIN_ORDER, strict=False)
            assert rank_for_request(graph, request, limit=2, weights=PLAIN_ORDER, strict=False) == full[:2]
