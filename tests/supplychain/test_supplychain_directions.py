"""Ranking in every direction: who supplies, who buys, who fills a sourcing request."""

import pytest

from fairmatch.supplychain import Need, Quantity, SourcingRequest, Weights, rank_customers, rank_for_request
from fairmatch.supplychain import rank_suppliers as suppliers


def keys(matches) -> list[str]:
    return [m.key for m in matches]


def test_a_stated_need_outranks_a_direct_input_which_outranks_an_input_of_an_input(make_firm, make_graph):
    firms = (make_firm("YARN1", makes=["YARN"]), make_firm("ZIP1", makes=["ZIPPER"]),
             make_firm("FAB1", makes=["FABRIC"]))
    graph = make_graph(make_firm("LEAD", makes=["GARMENT"], needs=[Need("ZIPPER")], kind="lead"), *firms)
    matches = suppliers(graph, "LEAD", depth=3)
    assert keys(matches) == ["ZIP1", "FAB1", "YARN1"]
    assert [m.path for m in matches] == [
        ("ZIPPER", "GARMENT"),
        ("FABRIC", "GARMENT"),
        ("YARN", "FABRIC", "GARMENT"),
    ]
    # A lead that states it buys fabric buys it woven: the yarn behind it is not its business.
    buying_fabric = make_graph(make_firm("LEAD", makes=["GARMENT"], needs=[Need("FABRIC")], kind="lead"), *firms)
    assert keys(suppliers(buying_fabric, "LEAD", depth=3)) == ["FAB1", "ZIP1"]


def test_suppliers_of_unrelated_chains_and_the_asker_itself_are_never_listed(make_firm, make_graph):
    graph = make_graph(
        make_firm("LEAD", makes=["GARMENT", "ZIPPER"], kind="lead", needs=[Need("ZIPPER")]),
        make_firm("WIRE1", makes=["WIRE"]),
        make_firm("ZIP1", makes=["ZIPPER"]),
    )
    assert keys(suppliers(graph, "LEAD")) == ["ZIP1"]


def test_depth_limits_how_far_up_the_bill_of_materials_suppliers_are_sought(make_firm, make_graph):
    graph = make_graph(
        make_firm("ENGINE", makes=["A"]),
        make_firm("PARTS", makes=["B"]),
        make_firm("CAST", makes=["C"]),
        make_firm("INGOT", makes=["D"]),
    )
    assert keys(suppliers(graph, "ENGINE", depth=1)) == ["PARTS"]
    assert keys(suppliers(graph, "ENGINE", depth=2)) == ["PARTS", "CAST"]
    assert keys(suppliers(graph, "ENGINE", depth=3)) == ["PARTS", "CAST", "INGOT"]
    with pytest.raises(ValueError):
        suppliers(graph, "ENGINE", depth=0)


def test_customers_are_those_who_need_it_or_make_something_made_from_it(make_firm, make_graph):
    graph = make_graph(
        make_firm("YARN1", makes=["YARN"]),
        make_firm("FAB1", makes=["FABRIC"]),
        make_firm("BUYER", makes=[], needs=[Need("YARN")], kind="buyer"),
        make_firm("LEAD", makes=["GARMENT"], kind="lead"),
        make_firm("WIRE1", makes=["WIRE"]),
    )
    matches = rank_customers(graph, "YARN1", depth=3)
    assert keys(matches) == ["BUYER", "FAB1", "LEAD"]
    assert [m.path for m in matches] == [("YARN",), ("YARN", "FABRIC"), ("YARN", "FABRIC", "GARMENT")]
    assert all(m.direction == "customers" for m in matches)


def test_a_missing_required_certification_excludes_a_supplier_unless_not_strict(make_firm, make_graph):
    graph = make_graph(
        make_firm("MAKER", makes=["TRANSFORMER"], needs=[Need("WIRE", frozenset({"UL"}))]),
        make_firm("CERTIFIED", makes=["WIRE"], certifications={"UL"}),
        make_firm("AAA-UNCERTIFIED", makes=["WIRE"], certifications=set()),
    )
    assert keys(suppliers(graph, "MAKER")) == ["CERTIFIED"]
    flagged = suppliers(graph, "MAKER", strict=False)
    assert keys(flagged) == ["CERTIFIED", "AAA-UNCERTIFIED"]
    missing = [f for f in flagged[1].factors if f.code == "missing_certifications"]
    assert missing and missing[0].effect == "-" and missing[0].values["certifications"] == ("UL",)


def test_a_supplier_that_also_buys_from_the_asker_ranks_higher_and_is_two_sided(make_firm, make_graph):
    graph = make_graph(
        make_firm("WEAVER", makes=["FABRIC"]),
        make_firm("A-ONE-WAY", makes=["YARN"], booth="B01"),
        make_firm("B-BOTH-WAYS", makes=["YARN"], needs=[Need("FABRIC")], booth="B02"),
    )
    one_way, both_ways = sorted(suppliers(graph, "WEAVER", weights=Weights(diversity=1.0)), key=lambda m: m.key)
    assert both_ways.own == one_way.own and both_ways.their > one_way.their
    assert keys(suppliers(graph, "WEAVER")) == ["B-BOTH-WAYS", "A-ONE-WAY"]
    assert both_ways.two_sided and not one_way.two_sided
    assert "mutual_trade" in {f.code for f in both_ways.factors}


def test_the_pair_score_blends_both_views_by_the_reciprocity_weight(make_firm, make_graph):
    graph = make_graph(make_firm("LEAD", makes=["FABRIC"]), make_firm("Y", makes=["YARN"], verified=False))
    (one_sided,) = suppliers(graph, "LEAD", weights=Weights(reciprocity=0.0))
    (blended,) = suppliers(graph, "LEAD")
    assert one_sided.score == pytest.approx(one_sided.own, abs=1e-6)
    harmonic = 2 * blended.own * blended.their / (blended.own + blended.their)
    assert blended.score == pytest.approx(0.7 * blended.own + 0.3 * harmonic, abs=1e-6)


def test_diversity_keeps_one_category_from_filling_the_top_of_the_list(make_firm, make_graph):
    zipper_makers = [make_firm(f"Z{i:02d}", makes=["ZIPPER"], locality="Gia Lâm", booth=f"Z{i}") for i in range(12)]
    graph = make_graph(
        make_firm("LEAD", makes=["GARMENT"], locality="Gia Lâm"),
        *zipper_makers,
        make_firm("CARTON1", makes=["CARTON"]),
    )
    plain = keys(suppliers(graph, "LEAD", weights=Weights(diversity=1.0)))
    diverse = suppliers(graph, "LEAD")
    assert plain.index("CARTON1") == 12
    assert keys(diverse).index("CARTON1") < 5
    assert [m.score for m in diverse] == sorted((m.score for m in diverse), reverse=True)
    repeated = [f for f in diverse[1].factors if f.code == "diversity"]
    assert repeated[0].values == {"count": 1, "category": "ZIPPER"}


def test_equal_matches_are_ordered_by_key_and_every_score_lies_between_0_and_1(make_firm, make_graph):
    graph = make_graph(make_firm("LEAD", makes=["GARMENT"]), *(make_firm(k, makes=["CARTON"]) for k in "DBCA"))
    matches = suppliers(graph, "LEAD", weights=Weights(diversity=1.0))
    assert keys(matches) == ["A", "B", "C", "D"]
    assert all(0.0 <= m.score <= 1.0 for m in matches)


def test_limit_cuts_the_list_and_a_bad_limit_or_unknown_key_is_refused(make_firm, make_graph):
    graph = make_graph(make_firm("LEAD", makes=["GARMENT"]), *(make_firm(k, makes=["CARTON"]) for k in "ABC"))
    assert len(suppliers(graph, "LEAD", limit=2)) == 2
    with pytest.raises(ValueError):
        suppliers(graph, "LEAD", limit=0)
    with pytest.raises(KeyError):
        suppliers(graph, "NOBODY")


def test_capacity_that_covers_the_stated_volume_ranks_above_capacity_that_does_not(make_firm, make_graph):
    volume = Quantity(300, "t")
    graph = make_graph(
        make_firm("MAKER", makes=["TRANSFORMER"], needs=[Need("WIRE", annual_volume=volume)]),
        make_firm("A-SMALL", makes=["WIRE"], capacity={"WIRE": Quantity(100, "t")}),
        make_firm("B-LARGE", makes=["WIRE"], capacity={"WIRE": Quantity(500, "t")}),
    )
    small, large = sorted(suppliers(graph, "MAKER"), key=lambda m: m.key)
    assert keys(suppliers(graph, "MAKER")) == ["B-LARGE", "A-SMALL"]
    assert "capacity_covers" in {f.code for f in large.factors}
    assert "capacity_short" in {f.code for f in small.factors}


def test_closeness_recognition_booth_and_verification_each_raise_a_supplier(make_firm, make_graph):
    base = {"makes": ["WIRE"], "locality": "Sóc Sơn", "verified": False}
    graph = make_graph(
        make_firm("MAKER", makes=["TRANSFORMER"], locality="Đông Anh", industrial_park="Nguyên Khê"),
        make_firm("PLAIN", **base),
        make_firm("NEARBY", **{**base, "locality": "dong anh"}),
        make_firm("SAME-PARK", **{**base, "locality": "Đông Anh", "industrial_park": "Nguyen Khe"}),
        make_firm("RECOGNIZED", **base, recognized=["WIRE"]),
        make_firm("AT-FAIR", **{**base, "booth": "B07"}),
        make_firm("VERIFIED", **{**base, "verified": True}),
    )
    scores = {m.key: m.own for m in suppliers(graph, "MAKER", weights=Weights(diversity=1.0))}
    assert scores["SAME-PARK"] > scores["NEARBY"] > scores["PLAIN"]
    for better in ("RECOGNIZED", "AT-FAIR", "VERIFIED"):
        assert scores[better] > scores["PLAIN"]


def test_a_sourcing_request_ranks_makers_of_the_category_for_an_anonymous_buyer(make_firm, make_graph):
    graph = make_graph(
        make_firm("UL-WIRE", makes=["WIRE"], certifications={"UL", "ISO 9001"}),
        make_firm("WIRE", makes=["WIRE"]),
        make_firm("OIL", makes=["OIL"]),
    )
    request = SourcingRequest("WIRE", frozenset({"UL"}), Quantity(50, "t"))
    matches = rank_for_request(graph, request)
    assert keys(matches) == ["UL-WIRE"]
    assert matches[0].their is None and not matches[0].two_sided and matches[0].path == ("WIRE",)
    assert keys(rank_for_request(graph, SourcingRequest("WIRE"))) == ["UL-WIRE", "WIRE"]
    with pytest.raises(KeyError):
        rank_for_request(graph, SourcingRequest("NO.SUCH.CATEGORY"))


def test_a_known_buyers_request_counts_closeness_and_its_own_products(make_firm, make_graph):
    graph = make_graph(
        make_firm("BUYER", makes=["TRANSFORMER"], locality="Đông Anh"),
        make_firm("A-FAR", makes=["WIRE"], locality="Sóc Sơn"),
        make_firm("B-NEAR", makes=["WIRE"], locality="Đông Anh"),
    )
    matches = rank_for_request(graph, SourcingRequest("WIRE", buyer_key="BUYER"))
    assert keys(matches) == ["B-NEAR", "A-FAR"]
    assert matches[0].path == ("WIRE", "TRANSFORMER") and matches[0].their is not None
