"""Explanations a person can read, in English or Vietnamese, and the `matches` JSON objects."""

import pytest

from fairmatch.supplychain import Enterprise, Need, Product, Quantity, explain, rank_customers, rank_suppliers, to_json
from fairmatch.supplychain import explanations as templates

VIETNAMESE = {
    templates.YOU_MAKE: "Bạn sản xuất {category}",
    templates.MADE_FROM: "làm từ {category}",
    templates.PARTNER_MAKES: "{name} sản xuất {category}",
    templates.PARTNER_NEEDS: "{name} cần {category}",
    templates.PER_YEAR: "{quantity}/năm",
    templates.BOOTH: "gian hàng {booth}",
    templates.RAISED_BY: "điểm cộng: {criteria}",
    templates.LOWERED_BY: "điểm trừ: {criteria}",
    templates.CRITERIA["stated_need"][0]: "bạn đã nêu nhu cầu {category}",
    templates.CRITERIA["capacity_covers"][0]: "năng lực {capacity} đủ cho {volume} của bạn",
    templates.CRITERIA["same_locality"][0]: "cùng địa bàn ({locality})",
    templates.CRITERIA["two_sided"][0]: "phù hợp cả hai chiều",
}


@pytest.fixture
def transformer_fair(make_graph):
    maker = Enterprise(
        "0101234567",
        "Công ty CP Thiết bị điện Sông Hồng",
        "Song Hong Electrical",
        "lead",
        locality="Đông Anh",
        certifications=frozenset({"ISO 9001"}),
        products=(Product("TRANSFORMER", recognized=True),),
        needs=(Need("WIRE", annual_volume=Quantity(300, "t")),),
    )
    wire = Enterprise(
        "0100109106",
        "Công ty TNHH Dây đồng Sông Hồng",
        "Song Hong Wire",
        "supplier",
        locality="Đông Anh",
        booth="B07",
        certifications=frozenset({"ISO 9001"}),
        products=(Product("WIRE", annual_capacity=Quantity(1200, "t")),),
    )
    oil = Enterprise(
        "JP-0104010012345",
        "Công ty Dầu Nhật",
        "Nippon Oil",
        "fdi",
        country="JP",
        verified=False,
        products=(Product("OIL"),),
    )
    return make_graph(maker, wire, oil)


def test_a_supplier_is_explained_from_the_buyers_product_down_to_the_supplier(transformer_fair):
    match = rank_suppliers(transformer_fair, "0101234567")[0]
    assert explain(match, transformer_fair, "0101234567", str) == (
        "You make power transformers → made from copper winding wire → Song Hong Wire makes copper winding "
        "wire, ISO 9001, 1,200 t/yr, booth B07; raised by: you listed copper winding wire as a need, "
        "capacity 1,200 t covers your 300 t, same locality (Đông Anh), a good fit both ways."
    )


def test_what_lowered_a_match_is_said_too(transformer_fair):
    match = rank_suppliers(transformer_fair, "0101234567")[1]
    assert explain(match, transformer_fair, "0101234567", str).endswith(
        "Nippon Oil makes insulating oil; lowered by: no quality certification listed, profile not yet verified."
    )


def test_a_customer_is_explained_from_the_suppliers_product_to_what_the_customer_needs(transformer_fair):
    match = rank_customers(transformer_fair, "0100109106")[0]
    sentence = explain(match, transformer_fair, "0100109106", str)
    assert sentence.startswith(
        "You make copper winding wire → Song Hong Electrical needs copper winding wire, 300 t/yr; raised by: "
    )
    assert "they make a recognised key product (power transformers)" in sentence


def test_an_indirect_customer_is_explained_hop_by_hop(make_firm, make_graph):
    graph = make_graph(make_firm("YARN1", makes=["YARN"]), make_firm("LEAD", makes=["GARMENT"], locality="Ba Vì"))
    (match,) = rank_customers(graph, "YARN1", depth=3)
    assert explain(match, graph, "YARN1", str) == (
        "You make yarn → it goes into woven fabric → which goes into ready-made garments → "
        "LEAD Co. makes ready-made garments; lowered by: a customer of your customers, 2 steps down the chain."
    )


def test_every_template_goes_through_gettext_and_names_follow_the_language(transformer_fair):
    match = rank_suppliers(transformer_fair, "0101234567")[0]
    sentence = explain(match, transformer_fair, "0101234567", lambda s: VIETNAMESE.get(s, s), lang="vi")
    assert sentence == (
        "Bạn sản xuất máy biến áp → làm từ dây đồng → Công ty TNHH Dây đồng Sông Hồng sản xuất dây đồng, "
        "ISO 9001, 1.200 tấn/năm, gian hàng B07; điểm cộng: bạn đã nêu nhu cầu dây đồng, "
        "năng lực 1.200 tấn đủ cho 300 tấn của bạn, cùng địa bàn (Đông Anh), phù hợp cả hai chiều."
    )


def test_json_objects_carry_rank_key_tax_code_name_score_explanation_and_path(transformer_fair):
    wire, oil = rank_suppliers(transformer_fair, "0101234567")
    as_json = to_json(wire, 1, transformer_fair, "0101234567", str, lang="vi")
    assert as_json == {
        "rank": 1,
        "key": "0100109106",
        "tax_code": "0100109106",
        "name": "Công ty TNHH Dây đồng Sông Hồng",
        "score": round(wire.score, 4),
        "explanation": explain(wire, transformer_fair, "0101234567", str, lang="vi"),
        "path": ["WIRE", "TRANSFORMER"],
        "tier": 1,
        "relation": "material",
    }
    foreign = to_json(oil, 2, transformer_fair, "0101234567", str)
    assert foreign["tax_code"] is None and foreign["key"] == "JP-0104010012345" and foreign["name"] == "Nippon Oil"
