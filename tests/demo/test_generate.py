"""The demo fair: a deterministic, realistic and matchable `fairmatch-exchange/1` document."""

import json
import re
import unicodedata
from collections import Counter

import networkx as nx
import pytest

from fairmatch.common import registration_numbers
from fairmatch.common.exchange_validation import enterprise_key, validate
from fairmatch.common.keys import is_valid_registration_no, is_valid_tax_code, split_key
from fairmatch.common.vocabulary import CERTIFICATIONS, COUNTRIES, KINDS, SECTORS, UNITS
from fairmatch.demo import build_demo_exchange, kind_counts, load_taxonomy
from fairmatch.demo.__main__ import main
from fairmatch.demo.allocate import CHAIN_GAPS

PRIORITY_SECTORS = set(SECTORS) - {"other"}
# Well-known companies a careless generator might borrow; matched as whole words.
REAL_COMPANIES = (
    *("VinFast", "Vingroup", "Vinamilk", "Viettel", "FPT", "Hòa Phát", "Rạng Đông", "Thaco"),
    *("Samsung", "LG", "Hyundai", "Hanwha", "Daewoo", "Kia", "Honda", "Yamaha", "Toyota", "Canon"),
    *("Panasonic", "Sony", "Toshiba", "Mitsubishi", "Sumitomo", "Mizuno", "Foxconn", "Bosch", "Siemens"),
)


@pytest.fixture(scope="module")
def fair():
    return build_demo_exchange()


@pytest.fixture(scope="module")
def graph(fair):
    g = nx.DiGraph()
    for category in fair["categories"]:
        g.add_node(category["code"])
        g.add_edges_from((category["code"], code) for code in category["inputs"])
    return g


def of_kind(fair, kind):
    return [e for e in fair["enterprises"] if e["kind"] == kind]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def makers_by_category(fair):
    makers = Counter()
    for enterprise in fair["enterprises"]:
        makers.update({p["category"] for p in enterprise["products"]})
    return makers


def lead_bill_of_materials(fair):
    taxonomy = load_taxonomy()
    return {
        code
        for lead in of_kind(fair, "lead")
        for product in lead["products"]
        for code in taxonomy.upstream(product["category"])
    }


# --- the document ------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_fair(fair):
    assert json.dumps(build_demo_exchange(seed=2026), ensure_ascii=False) == json.dumps(fair, ensure_ascii=False)


def test_different_seeds_give_different_fairs(fair):
    other = build_demo_exchange(seed=7)
    assert [e["name_en"] for e in other["enterprises"]] != [e["name_en"] for e in fair["enterprises"]]
    assert other["categories"] == fair["categories"]


def test_the_fair_passes_the_exchange_importer_validation(fair):
    assert fair["format"] == "fairmatch-exchange/1"
    assert validate(fair, {}) == []


@pytest.mark.parametrize(("seed", "enterprises"), [(1, 50), (2, 1000)])
def test_other_seeds_and_sizes_also_give_valid_fairs(seed, enterprises):
    assert validate(build_demo_exchange(seed=seed, enterprises=enterprises), {}) == []


def test_every_string_is_nfc(fair):
    assert all(unicodedata.is_normalized("NFC", s) for s in strings(fair))


# --- the taxonomy ------------------------------------------------------------------------------


def test_the_taxonomy_has_at_least_130_categories_covering_every_priority_sector(fair):
    categories = fair["categories"]
    assert len(categories) >= 130
    assert {c["sector"] for c in categories} == PRIORITY_SECTORS
    assert len({c["code"] for c in categories}) == len(categories)


def test_every_referenced_category_code_exists(fair):
    codes = {c["code"] for c in fair["categories"]}
    referenced = {code for c in fair["categories"] for code in c["inputs"]}
    referenced |= {c["parent"] for c in fair["categories"] if c["parent"]}
    for enterprise in fair["enterprises"]:
        referenced |= {p["category"] for p in enterprise["products"]}
        referenced |= {n["category"] for n in enterprise["needs"]}
    assert referenced <= codes


def test_the_supply_chain_graph_is_acyclic_and_several_levels_deep(graph):
    assert nx.is_directed_acyclic_graph(graph)
    depths = [
        nx.dag_longest_path_length(graph.subgraph(nx.descendants(graph, code) | {code}))
        for code in ("ELEC.TRANSFORMER", "AUTO.MOTORCYCLE", "TEX.GARMENTS", "ENER.SOLAR_SYSTEM")
    ]
    assert min(depths) >= 3


@pytest.mark.parametrize(
    ("product", "inputs"),
    [
        ("ELEC.TRANSFORMER", {"MAT.ELEC_STEEL", "MAT.COPPER_WIRE", "CHEM.INSULATING_OIL", "MECH.STEEL_TANK"}),
        ("AUTO.MOTO_ENGINE", {"MECH.PRECISION_PARTS"}),
        ("MECH.PRECISION_PARTS", {"CAST.AL_DIE"}),
        ("TEX.GARMENTS", {"TEX.FABRIC", "TEX.ZIPPERS", "TEX.LABELS", "PACK.CARTON"}),
        ("TEX.FABRIC", {"TEX.YARN", "CHEM.DYES"}),
        ("ENER.SOLAR_SYSTEM", {"ENER.PV_MODULE", "ENER.INVERTER", "ENER.MOUNTING"}),
        ("PHAR.TABLETS", {"PHAR.API", "PHAR.EXCIPIENTS", "PACK.BLISTER_FOIL"}),
        ("MED.SYRINGE", {"CHEM.MEDICAL_PP", "MED.NEEDLE", "MOULD.PLASTIC_INJECTION"}),
        ("AGRI.TRACTOR", {"AGRI.DIESEL_ENGINE", "MECH.GEARS", "CAST.GREY_IRON", "MAT.STEEL_SHEET"}),
        ("AUTO.EV_BUS", {"ELX.WIRE_HARNESS", "RUB.RUBBER_PARTS"}),
        ("ELX.PCBA", {"ELX.PCB", "ELX.SMT_COMPONENTS"}),
        ("AUTOM.ROBOT", {"AUTOM.SERVO_MOTOR", "AUTOM.SENSORS"}),
        ("FOOD.BEVERAGES", {"PACK.METAL_CAN", "PACK.PET_BOTTLE"}),
    ],
)
def test_the_bills_of_materials_named_in_the_brief_are_in_the_taxonomy(fair, product, inputs):
    category = next(c for c in fair["categories"] if c["code"] == product)
    assert inputs <= set(category["inputs"])


@pytest.mark.parametrize(
    "supporting",
    [
        "MOULD.PLASTIC_INJECTION",
        "CAST.AL_DIE",
        "FORG.HOT_FORGED",
        "PLAS.INJECTION_PARTS",
        "RUB.SEALS",
        "PACK.CARTON",
        "SURF.ELECTROPLATING",
        "MECH.FASTENERS",
        "MECH.SPRINGS",
        "ELX.PCB",
    ],
)
def test_supporting_industries_feed_several_lead_products(supporting):
    taxonomy = load_taxonomy()
    finals = {c.code for c in taxonomy.finals} & taxonomy.downstream(supporting)
    assert len(finals) >= 3


def test_category_names_are_bilingual_and_grouped_under_real_categories(fair):
    codes = {c["code"] for c in fair["categories"]}
    for category in fair["categories"]:
        assert category["name_vi"] and category["name_en"]
        assert category["name_vi"] != category["name_en"] or category["name_vi"].isascii()
        assert category["parent"] is None or category["parent"] in codes


def test_hs_codes_are_four_to_eight_digits(fair):
    hs_codes = [p["hs_code"] for e in fair["enterprises"] for p in e["products"] if "hs_code" in p]
    assert hs_codes
    assert all(re.fullmatch(r"\d{4}(\d{2}){0,2}", code) for code in hs_codes)


# --- enterprises: identity -----------------------------------------------------------------------


def test_a_fair_of_300_has_hanois_mix_of_kinds(fair):
    kinds = Counter(e["kind"] for e in fair["enterprises"])
    assert kinds == {"lead": 45, "supplier": 130, "fdi": 40, "buyer": 70, "other": 15}
    buyers = of_kind(fair, "buyer")
    foreign = [b for b in buyers if b["country"] != "VN"]
    assert 0.35 <= len(foreign) / len(buyers) <= 0.65


@pytest.mark.parametrize("enterprises", [0, 1, 5, 17, 299, 301, 1000, 10000])
def test_kind_counts_add_up_for_any_size(enterprises):
    counts = kind_counts(enterprises)
    assert sum(counts.values()) == enterprises
    assert set(counts) == set(KINDS)


def test_tax_codes_are_valid_and_every_key_is_unique(fair):
    keys = [enterprise_key(e) for e in fair["enterprises"]]
    assert len(set(keys)) == len(keys)
    vietnamese = [e for e in fair["enterprises"] if e["country"] == "VN"]
    assert all(is_valid_tax_code(e["tax_code"]) for e in vietnamese)
    assert all(split_key(key) for key in keys)
    shapes = Counter(len(e["tax_code"]) for e in vietnamese)
    assert shapes[10] > 200 and shapes[14] >= 1 and shapes[12] >= 1


def test_foreign_buyers_are_keyed_by_country_and_registration_number(fair):
    foreign = [e for e in fair["enterprises"] if e["country"] != "VN"]
    assert foreign and all(e["kind"] == "buyer" for e in foreign)
    for buyer in foreign:
        assert "tax_code" not in buyer
        assert is_valid_registration_no(buyer["registration_no"])
        assert registration_numbers.check(buyer["country"], buyer["registration_no"]) is True, buyer
        assert buyer["name_en"] and "name_vi" not in buyer


def test_every_sector_certification_unit_and_country_is_in_the_vocabulary(fair):
    for enterprise in fair["enterprises"]:
        assert set(enterprise["sectors"]) <= set(SECTORS)
        assert {enterprise["country"], *enterprise["export_markets"]} <= COUNTRIES
        held = {c if isinstance(c, str) else c["name"] for c in enterprise["certifications"]}
        required = {c for n in enterprise["needs"] for c in n["required_certifications"]}
        assert held | required <= set(CERTIFICATIONS)
        quantities = [n["annual_volume"] for n in enterprise["needs"]]
        quantities += [q for p in enterprise["products"] for q in (p["annual_capacity"], p["min_order"])]
        assert all(q["unit"] in UNITS and q["value"] > 0 for q in quantities)


def test_certificate_expiry_dates_are_iso_dates(fair):
    dated = [c for e in fair["enterprises"] for c in e["certifications"] if isinstance(c, dict)]
    assert dated
    assert all(re.fullmatch(r"20\d\d-\d\d-\d\d", c["expires_on"]) for c in dated)


def test_names_are_unique_and_never_numbered(fair):
    names = [e[key] for e in fair["enterprises"] for key in ("name_vi", "name_en") if key in e]
    assert len(set(names)) == len(names)
    assert not [n for n in names if re.search(r"No\. ?\d", n)]


def test_no_enterprise_borrows_a_real_company_name(fair):
    names = " | ".join(e[key] for e in fair["enterprises"] for key in ("name_vi", "name_en") if key in e)
    borrowed = [real for real in REAL_COMPANIES if re.search(rf"\b{re.escape(real)}\b", names, re.IGNORECASE)]
    assert borrowed == []


def test_vietnamese_names_have_a_matching_english_name(fair):
    company = next(e for e in of_kind(fair, "supplier") if e["name_vi"].startswith("Công ty CP"))
    assert company["name_en"].endswith("JSC")
    fdi = of_kind(fair, "fdi")
    assert all(e["name_vi"].endswith(("Việt Nam", "Vina")) for e in fdi)
    assert all(e["name_en"].endswith(("Vietnam Co., Ltd.", "Vina Co., Ltd.")) for e in fdi)


def test_websites_and_e_mail_addresses_are_fictional_and_agree(fair):
    for enterprise in fair["enterprises"]:
        domain = enterprise["website"].removeprefix("https://")
        assert domain.endswith((".example.vn", ".example.com"))
        assert enterprise["contact"]["email"].endswith("@" + domain)
    hanoi = [e for e in fair["enterprises"] if e["address"].endswith("Hà Nội")]
    assert len(hanoi) > 150 and all(e["contact"]["phone"].startswith("+84 24 ") for e in hanoi)


def test_enterprises_sit_in_hanoi_and_its_industrial_parks(fair):
    localities = Counter(e["locality"] for e in fair["enterprises"])
    assert {"Đông Anh", "Thạch Thất", "Sóc Sơn", "Long Biên"} <= set(localities)
    parks = {e.get("industrial_park") for e in fair["enterprises"]}
    assert {"Thăng Long", "Nội Bài", "Quang Minh", "Phú Nghĩa"} <= parks


# --- enterprises: what they make and need ---------------------------------------------------------


def test_makers_list_one_to_four_products_and_buyers_none(fair):
    for enterprise in fair["enterprises"]:
        count = len(enterprise["products"])
        assert count == 0 if enterprise["kind"] == "buyer" else 1 <= count <= 4


def test_leads_make_final_products_and_suppliers_make_inputs(fair):
    taxonomy = load_taxonomy()
    finals = {c.code for c in taxonomy.finals}
    inputs = {c.code for c in taxonomy.inputs}
    assert all(p["category"] in finals for e in of_kind(fair, "lead") for p in e["products"])
    assert all(p["category"] in inputs for e in of_kind(fair, "supplier") for p in e["products"])


def test_about_sixty_percent_of_lead_products_are_recognised_key_products(fair):
    products = [p for e in of_kind(fair, "lead") for p in e["products"]]
    recognised = [p["recognized_key_product"] for p in products if "recognized_key_product" in p]
    assert 0.45 <= len(recognised) / len(products) <= 0.75
    assert all(2022 <= r["year"] <= 2025 and re.fullmatch(r"\d+/QĐ-UBND", r["decision_no"]) for r in recognised)
    assert all(any("recognized_key_product" in p for p in e["products"]) for e in of_kind(fair, "lead"))


@pytest.mark.parametrize("kind", ["lead", "fdi"])
def test_makers_need_inputs_of_their_own_products(fair, kind):
    taxonomy = load_taxonomy()
    for enterprise in of_kind(fair, kind):
        upstream = set().union(*(taxonomy.upstream(p["category"]) for p in enterprise["products"]))
        assert enterprise["needs"]
        assert {n["category"] for n in enterprise["needs"]} <= upstream


def test_needs_ask_for_certifications_that_fit_the_sector(fair):
    leads = of_kind(fair, "lead")
    automotive = [e for e in leads if "automotive-motorcycle" in e["sectors"] and len(e["sectors"]) == 1]
    assert automotive
    assert all("IATF 16949" in n["required_certifications"] for e in automotive for n in e["needs"])
    needs = [n for e in fair["enterprises"] for n in e["needs"]]
    api = [n for n in needs if n["category"].startswith("PHAR.")]
    assert api and all({"GMP-WHO", "EU-GMP"} & set(n["required_certifications"]) for n in api)
    assert all(n["annual_volume"]["value"] > 0 and n["notes"] for n in needs)


def test_every_lead_input_has_at_most_four_local_makers(fair):
    makers = makers_by_category(fair)
    assert max(makers[code] for code in lead_bill_of_materials(fair)) <= 4


def test_the_fair_shows_chain_gaps_and_single_supplier_inputs(fair):
    makers = makers_by_category(fair)
    bom = lead_bill_of_materials(fair)
    gaps = {code for code in bom if makers[code] == 0}
    assert gaps and gaps <= CHAIN_GAPS
    assert [code for code in bom if makers[code] == 1]


# --- sizes, command line and purity -------------------------------------------------------------------


@pytest.mark.parametrize("enterprises", [5, 10000])
def test_small_and_large_fairs_generate(enterprises):
    fair = build_demo_exchange(seed=1, enterprises=enterprises)
    assert len(fair["enterprises"]) == enterprises
    keys = [enterprise_key(e) for e in fair["enterprises"]]
    assert len(set(keys)) == enterprises


def test_the_command_prints_the_fair_as_json(capsys):
    assert main(["--seed", "3", "--enterprises", "12"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == build_demo_exchange(seed=3, enterprises=12)
    assert "Công ty" in printed


def test_the_vocabulary_lists_every_iso_country_and_bilingual_labels():
    assert len(COUNTRIES) == 249 and {"VN", "JP", "KR", "DE", "US", "AX", "BQ"} <= COUNTRIES
    assert KINDS["supplier"] == ("Nhà cung ứng CNHT", "Supporting-industry supplier")
    assert all(len(label) == 2 and all(label) for label in [*SECTORS.values(), *KINDS.values()])
