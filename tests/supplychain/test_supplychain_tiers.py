"""What a procurement engineer reads first: direct suppliers before their suppliers, tooling and
services as their own kind of link, only the certificates that matter for the link and are valid
at the fair, and no reason that merely repeats the question."""

from datetime import date

from fairmatch.supplychain import (
    Category,
    Enterprise,
    Need,
    SourcingRequest,
    build_graph,
    explain,
    gap_report,
    rank_customers,
    rank_for_request,
    rank_suppliers,
    unmet_needs,
)
from fairmatch.supplychain.graph_input import valid_certifications

# Motorcycles are made from frames (steel tube) and shock absorbers; frames are shaped with bending
# dies (tooling, made of tool steel) and painted by a powder-coating service.
CHAIN = (
    Category("MOTO", "automotive-motorcycle", ("FRAME", "SHOCK"), "Xe máy", "Motorcycles"),
    Category("FRAME", "automotive-motorcycle", ("TUBE",), "Khung xe máy", "Motorcycle frames",
             means=(("DIE", "tooling"), ("COATING", "service"))),
    Category("SHOCK", "automotive-motorcycle", ("TUBE",), "Giảm xóc", "Shock absorbers"),
    Category("TUBE", "metals", ("COIL",), "Ống thép", "Steel tube"),
    Category("COIL", "metals", (), "Thép cuộn cán nóng", "Hot-rolled coil"),
    Category("DIE", "precision-mechanics", ("TOOL_STEEL",), "Khuôn uốn", "Bending dies"),
    Category("TOOL_STEEL", "metals", (), "Thép dụng cụ", "Tool steel"),
    Category("COATING", "precision-mechanics", (), "Sơn tĩnh điện", "Powder coating"),
    Category("IOT", "it", (), "Thiết bị IoT", "IoT devices"),
    Category("ZIP", "textiles-garments", (), "Khóa kéo", "Zippers"),
)


def firm(key, makes=(), needs=(), certifications=("ISO 9001",), **fields) -> Enterprise:
    from fairmatch.supplychain import Product

    base = {"name_vi": f"Công ty {key}", "name_en": f"{key} Co.", "kind": "supplier", "locality": "Đông Anh"}
    return Enterprise(key=key, products=tuple(Product(code) for code in makes), needs=tuple(needs),
                      certifications=frozenset(certifications), **(base | fields))


def test_direct_suppliers_lead_and_deeper_tiers_only_fill_the_room_left_labelled_with_their_tier():
    # The coil mill is as good as it gets on every other criterion; the frame maker is plain.
    graph = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO"], kind="lead", industrial_park="Thăng Long"),
        firm("FRAMES", makes=["FRAME"], certifications=()),
        firm("COILS", makes=["COIL"], certifications=("ISO 9001", "IATF 16949"), industrial_park="Thăng Long",
             booth="A01"),
        firm("TUBES", makes=["TUBE"]),
    ])
    assert [(m.key, m.tier) for m in rank_suppliers(graph, "MAKER", limit=10)] == [("FRAMES", 1)]  # by default
    ranked = rank_suppliers(graph, "MAKER", limit=10, depth=3)
    assert [(m.key, m.tier) for m in ranked] == [("FRAMES", 1), ("TUBES", 2), ("COILS", 3)]
    assert "a supplier of your suppliers, 2 steps up the chain" in explain(ranked[1], graph, "MAKER", str)
    assert [m.key for m in rank_suppliers(graph, "MAKER", limit=1, depth=3)] == ["FRAMES"]


def test_a_category_the_firm_buys_finished_is_not_searched_further_up():
    graph = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO"], kind="lead", needs=[Need("SHOCK")]),
        firm("SHOCKS", makes=["SHOCK"]), firm("FRAMES", makes=["FRAME"]), firm("TUBES", makes=["TUBE"]),
    ])
    ranked = rank_suppliers(graph, "MAKER", limit=10, depth=3)
    # Steel tube goes into frames too, so its maker stays, as a supplier of the frame maker.
    assert [(m.key, m.path) for m in ranked] == [("SHOCKS", ("SHOCK", "MOTO")), ("FRAMES", ("FRAME", "MOTO")),
                                                 ("TUBES", ("TUBE", "FRAME", "MOTO"))]
    buyer = firm("MAKER", makes=["MOTO"], kind="lead", needs=[Need("SHOCK"), Need("FRAME")])
    buying_frames = build_graph(CHAIN, [buyer, firm("TUBES", makes=["TUBE"])])
    assert rank_suppliers(buying_frames, "MAKER", limit=10, depth=3) == []
    assert rank_customers(buying_frames, "TUBES", limit=10, depth=3) == []


def test_tooling_and_services_are_suppliers_of_their_user_only_not_bills_of_materials():
    graph = build_graph(CHAIN, [
        firm("FRAMER", makes=["FRAME"], kind="lead"),
        firm("MAKER", makes=["MOTO"], kind="lead"),
        firm("DIES", makes=["DIE"]),
        firm("PAINT", makes=["COATING"]),
        firm("STEEL", makes=["TOOL_STEEL"]),
    ])
    framer = {m.key: m for m in rank_suppliers(graph, "FRAMER", limit=10)}
    assert set(framer) == {"DIES", "PAINT"}
    assert (framer["DIES"].relation, framer["DIES"].tier) == ("tooling", 1)
    assert explain(framer["DIES"], graph, "FRAMER", str).startswith(
        "You make motorcycle frames → made with bending dies → DIES Co. makes bending dies")
    # The frame's tools are nothing to the motorcycle maker, nor the tool steel to anyone here.
    assert {m.key for m in rank_suppliers(graph, "MAKER", limit=10)} == {"FRAMER"}
    customers = rank_customers(graph, "DIES", limit=10)
    assert [(m.key, m.relation) for m in customers] == [("FRAMER", "tooling")]
    assert "it is used to make motorcycle frames" in explain(customers[0], graph, "DIES", str)
    # Tool steel goes into the dies: the die maker is its customer, the die's users are not.
    assert [m.key for m in rank_customers(graph, "STEEL", limit=10)] == ["DIES"]


def test_a_one_category_request_is_not_thinned_out_and_not_its_own_reason():
    graph = build_graph(CHAIN, [firm("BUYER", kind="buyer"), firm("Z1", makes=["ZIP"]), firm("Z2", makes=["ZIP"])])
    ranked = rank_for_request(graph, SourcingRequest("ZIP", buyer_key="BUYER"), limit=5)
    assert [m.key for m in ranked] == ["Z1", "Z2"] and ranked[0].score == ranked[1].score
    for match in ranked:
        sentence = explain(match, graph, "BUYER", str)
        assert "already higher in the list" not in sentence and "as a need" not in sentence


def test_a_quality_system_counts_only_in_the_industry_it_certifies():
    graph = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO"], kind="lead"),
        firm("MEDICAL", makes=["SHOCK"], certifications=("ISO 13485",)),
        firm("AUTO", makes=["SHOCK"], certifications=("IATF 16949",)),
    ])
    ranked = {m.key: m for m in rank_suppliers(graph, "MAKER", limit=10)}
    assert ranked["AUTO"].own > ranked["MEDICAL"].own
    assert "ISO 13485" not in explain(ranked["MEDICAL"], graph, "MAKER", str)
    assert "no quality certification listed" in explain(ranked["MEDICAL"], graph, "MAKER", str)
    assert "IATF 16949" in explain(ranked["AUTO"], graph, "MAKER", str)


def test_a_certificate_counts_only_while_valid_on_the_fair_s_last_day_and_is_flagged_when_expiring():
    held = [("ISO 9001", date(2025, 12, 31)), ("IATF 16949", date(2027, 3, 1)), ("ISO 14001", None)]
    valid, expiring = valid_certifications(held, date(2026, 10, 18))
    assert valid == {"IATF 16949", "ISO 14001"} and expiring == {"IATF 16949"}
    supplier = firm("EXPIRED", makes=["SHOCK"], certifications=valid, expiring=expiring)
    requiring = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO"], kind="lead", needs=[Need("SHOCK", frozenset({"ISO 9001"}))]), supplier])
    assert rank_suppliers(requiring, "MAKER", limit=10) == []  # its ISO 9001 ran out before the fair
    loose = rank_suppliers(requiring, "MAKER", limit=10, strict=False)
    assert "lacks required ISO 9001" in explain(loose[0], requiring, "MAKER", str)
    graph = build_graph(CHAIN, [firm("MAKER", makes=["MOTO"], kind="lead"), supplier])
    sentence = explain(rank_suppliers(graph, "MAKER", limit=10)[0], graph, "MAKER", str)
    assert "IATF 16949" in sentence and "IATF 16949 runs out within six months of the fair" in sentence


def test_a_partner_s_other_relevant_products_are_named_too():
    graph = build_graph(CHAIN, [firm("MAKER", makes=["MOTO"], kind="lead"), firm("BOTH", makes=["FRAME", "SHOCK"])])
    (match,) = rank_suppliers(graph, "MAKER", limit=10)
    assert "also makes shock absorbers" in explain(match, graph, "MAKER", str)


def test_acronyms_keep_their_capitals_in_the_middle_of_a_sentence():
    graph = build_graph(CHAIN, [firm("BUYER", kind="buyer"), firm("SENSORS", makes=["IOT"])])
    (match,) = rank_for_request(graph, SourcingRequest("IOT", buyer_key="BUYER"))
    assert "You need IoT devices" in explain(match, graph, "BUYER", str)


def test_the_gap_report_answers_where_a_vietnamese_firm_can_replace_an_import():
    chain = (*CHAIN[:2], Category("SHOCK", "automotive-motorcycle", ("TUBE",), "Giảm xóc", "Shock absorbers",
                                  hs="871410"), *CHAIN[3:])
    graph = build_graph(chain, [
        firm("HONDA_VN", makes=["MOTO"], kind="fdi"),  # an FDI plant's needs count too
        firm("FRAMER", makes=["FRAME"], kind="lead"),
        firm("FDI_SHOCKS", makes=["SHOCK"], kind="fdi"),  # made here, but not by a Vietnamese-owned firm
        firm("VN_FRAMES", makes=["FRAME"]),
    ])
    gaps = {gap.category: gap for gap in gap_report(graph)}
    shock = gaps["SHOCK"]
    assert (shock.leads, shock.suppliers, shock.fdi_suppliers, shock.hs) == (("HONDA_VN",), (), ("FDI_SHOCKS",),
                                                                             "871410")
    assert gaps["DIE"].relation == "tooling" and gaps["COATING"].relation == "service"
    assert "FRAME" not in gaps  # a Vietnamese-owned frame maker serves the FDI plant


def test_a_need_nobody_meets_is_said_with_the_closest_makers_and_what_they_lack():
    graph = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO"], kind="lead", needs=[Need("SHOCK", frozenset({"IATF 16949", "ISO 9001"}))]),
        firm("PARTLY", makes=["SHOCK"], certifications=("ISO 9001",)),
        firm("NEITHER", makes=["SHOCK"], certifications=()),
        firm("FRAMES", makes=["FRAME"], certifications=("IATF 16949", "ISO 9001")),
    ])
    (unmet,) = unmet_needs(graph, "MAKER")
    assert unmet.category == "SHOCK" and unmet.required == {"IATF 16949", "ISO 9001"}
    assert dict(unmet.closest) == {"PARTLY": {"IATF 16949"}, "NEITHER": {"IATF 16949", "ISO 9001"}}
    assert unmet.closest[0][0] == "PARTLY"
    certified = build_graph(CHAIN, [
        graph.enterprise("MAKER"), firm("FULL", makes=["SHOCK"], certifications=("IATF 16949", "ISO 9001"))])
    assert unmet_needs(certified, "MAKER") == []


def test_a_firm_that_makes_an_input_itself_is_not_offered_its_competitors_as_suppliers():
    graph = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO", "FRAME"], kind="lead"), firm("FRAMES", makes=["FRAME"]),
        firm("SHOCKS", makes=["SHOCK"]),
    ])
    assert [m.key for m in rank_suppliers(graph, "MAKER", limit=10)] == ["SHOCKS"]
    assert rank_customers(graph, "FRAMES", limit=10) == []  # the maker frames its motorcycles itself
    stating = build_graph(CHAIN, [
        firm("MAKER", makes=["MOTO", "FRAME"], kind="lead", needs=[Need("FRAME")]), firm("FRAMES", makes=["FRAME"])])
    assert [m.key for m in rank_suppliers(stating, "MAKER", limit=10)] == ["FRAMES"]  # it says it buys more
