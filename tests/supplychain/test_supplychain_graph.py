"""The graph, its indexes, and patching it when a profile changes."""

import pytest

from fairmatch.supplychain import Category, Need, build_graph, rank_customers, rank_suppliers


def test_the_bill_of_materials_is_indexed_up_and_down_with_shortest_paths(make_graph):
    graph = make_graph()
    assert graph.upstream("A") == {"B": ("B", "A"), "C": ("C", "B", "A"), "D": ("D", "C", "B", "A")}
    assert graph.downstream("YARN") == {"FABRIC": ("YARN", "FABRIC"), "GARMENT": ("YARN", "FABRIC", "GARMENT")}
    assert graph.nx.has_edge(("category", "YARN"), ("category", "FABRIC"))


def test_enterprises_link_to_what_they_make_and_need_in_the_networkx_graph(make_firm, make_graph):
    graph = make_graph(make_firm("S1", makes=["WIRE"], needs=[Need("OIL")]))
    assert graph.nx.edges[("enterprise", "S1"), ("category", "WIRE")]["relation"] == "makes"
    assert graph.nx.edges[("category", "OIL"), ("enterprise", "S1")]["relation"] == "needs"
    assert list(graph.producers("WIRE")) == ["S1"] and list(graph.needers("OIL")) == ["S1"]


def test_an_updated_profile_replaces_the_old_one_in_every_result(make_firm, make_graph):
    graph = make_graph(make_firm("MAKER", makes=["TRANSFORMER"]), make_firm("S1", makes=["WIRE"]))
    assert [m.key for m in rank_suppliers(graph, "MAKER")] == ["S1"]
    graph.upsert_enterprise(make_firm("S1", makes=["YARN"]))
    assert rank_suppliers(graph, "MAKER") == []
    assert list(graph.producers("WIRE")) == [] and list(graph.producers("YARN")) == ["S1"]
    assert [m.key for m in rank_customers(graph, "S1")] == []
    graph.upsert_enterprise(make_firm("WEAVER", makes=["FABRIC"]))
    assert [m.key for m in rank_customers(graph, "S1")] == ["WEAVER"]


def test_a_removed_enterprise_disappears_and_removing_twice_is_harmless(make_firm, make_graph):
    graph = make_graph(make_firm("MAKER", makes=["TRANSFORMER"]), make_firm("S1", makes=["WIRE"]))
    graph.remove_enterprise("S1")
    graph.remove_enterprise("S1")
    assert "S1" not in graph and len(graph) == 1
    assert rank_suppliers(graph, "MAKER") == []
    assert not graph.nx.has_node(("enterprise", "S1"))


def test_a_patched_graph_ranks_exactly_like_a_rebuilt_one(make_firm, make_graph):
    firms = [make_firm(f"S{i}", makes=["WIRE"], locality=("Đông Anh", "Gia Lâm")[i % 2]) for i in range(6)]
    patched = make_graph(make_firm("MAKER", makes=["TRANSFORMER"], locality="Đông Anh"), *firms)
    changed = make_firm("S3", makes=["WIRE"], locality="Đông Anh", booth="A1", verified=False)
    patched.upsert_enterprise(changed)
    patched.remove_enterprise("S4")
    rebuilt = make_graph(
        make_firm("MAKER", makes=["TRANSFORMER"], locality="Đông Anh"),
        *[changed if f.key == "S3" else f for f in firms if f.key != "S4"],
    )
    assert rank_suppliers(patched, "MAKER") == rank_suppliers(rebuilt, "MAKER")


def test_unknown_categories_are_refused(make_firm, make_graph):
    graph = make_graph()
    with pytest.raises(ValueError, match="NOPE"):
        graph.upsert_enterprise(make_firm("S1", makes=["NOPE"]))
    with pytest.raises(ValueError, match="NOPE"):
        build_graph([Category("X", "other", ("NOPE",))], [])


def test_names_follow_the_language_and_fall_back_to_the_other_one(make_firm, make_graph):
    graph = make_graph(make_firm("S1", makes=["WIRE"], name_en=""))
    assert graph.category_name("WIRE", "vi") == "Dây đồng"
    assert graph.category_name("WIRE", "en") == "Copper winding wire"
    assert graph.enterprise_name("S1", "en") == "Công ty S1"
