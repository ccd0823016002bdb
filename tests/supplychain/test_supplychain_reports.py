"""Fair-wide reports: chain gaps (import-substitution openings), nuclei and supplier hubs."""

import pytest

from fairmatch.supplychain import Gap, Hub, Need, Nucleus, gap_report, nucleus_report, supplier_hubs


@pytest.fixture
def fair(make_firm, make_graph):
    return make_graph(
        make_firm("LEAD1", kind="lead", makes=["GARMENT"], needs=[Need("YARN")]),
        make_firm("LEAD2", kind="lead", makes=["TRANSFORMER"], needs=[Need("CARTON")]),
        make_firm("LEAD3", kind="lead", makes=["GARMENT"]),
        make_firm("F1", makes=["FABRIC"]),
        make_firm("F2", makes=["FABRIC"]),
        make_firm("Z1", makes=["ZIPPER"]),
        make_firm("C1", makes=["CARTON"]),
        make_firm("W1", makes=["WIRE"]),
        make_firm("JP-OIL", makes=["OIL"], country="JP"),
        make_firm("BUYER", kind="buyer", needs=[Need("OIL"), Need("WIRE")]),
    )


def test_gaps_are_inputs_leads_want_with_at_most_one_local_maker_most_wanted_first(fair):
    assert gap_report(fair) == [
        Gap("CARTON", ("LEAD1", "LEAD2", "LEAD3"), ("C1",)),
        Gap("ZIPPER", ("LEAD1", "LEAD3"), ("Z1",)),
        Gap("OIL", ("LEAD2",), ()),
        Gap("YARN", ("LEAD1",), ()),
        Gap("WIRE", ("LEAD2",), ("W1",)),
    ]


def test_a_foreign_maker_does_not_close_a_gap(fair):
    oil = next(gap for gap in gap_report(fair) if gap.category == "OIL")
    assert oil.suppliers == ()


def test_nuclei_are_leads_ranked_by_their_linked_local_suppliers(fair):
    assert nucleus_report(fair) == [
        Nucleus("LEAD1", ("C1", "F1", "F2", "Z1"), ("CARTON", "FABRIC", "ZIPPER"), ("YARN",)),
        Nucleus("LEAD3", ("C1", "F1", "F2", "Z1"), ("CARTON", "FABRIC", "ZIPPER"), ()),
        Nucleus("LEAD2", ("C1", "W1"), ("CARTON", "WIRE"), ("OIL",)),
    ]


def test_hubs_are_suppliers_that_serve_several_leads(fair):
    assert supplier_hubs(fair) == [
        Hub("C1", ("LEAD1", "LEAD2", "LEAD3"), ("CARTON",)),
        Hub("F1", ("LEAD1", "LEAD3"), ("FABRIC",)),
        Hub("F2", ("LEAD1", "LEAD3"), ("FABRIC",)),
        Hub("Z1", ("LEAD1", "LEAD3"), ("ZIPPER",)),
    ]
    assert [hub.key for hub in supplier_hubs(fair, min_leads=1)][-1] == "W1"


def test_a_lead_that_makes_its_own_input_has_no_gap_there(make_firm, make_graph):
    graph = make_graph(make_firm("LEAD", kind="lead", makes=["GARMENT", "ZIPPER"]))
    assert [gap.category for gap in gap_report(graph)] == ["CARTON", "FABRIC"]
