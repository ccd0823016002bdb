"""The demo fair: a deterministic, realistic and matchable `fairmatch-exchange/1` document."""

import json
import re
import unicodedata
from collections import Counter

import networkx as nx
import pytest

from fairmatch.common import registration_numbers
from fairmatch.common.exchange_validation import enterprise_key, input_links, validate
from fairmatch.common.keys import is_valid_registration_no, is_valid_tax_code, split_key
from fairmatch.common.vocabulary import CERTIFICATIONS, COUNTRIES, KINDS, SECTORS, UNITS
from fairmatch.demo import build_demo_exchange, kind_counts, load_taxonomy
from fairmatch.demo.__main__ import main
from fairmatch.demo.allocate import CHAIN_GAPS
from fairmatch.demo.names import trades_for
from fairmatch.supplychain import build_graph, from_exchange, rank_customers, rank_suppliers

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
        g.add_edges_from((category["code"], code) for code, _, _ in input_links(category))
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


def test_the_taxonomy_has_at_least_400_categories_covering_every_priority_sector(fair):
    categories = fair["categories"]
    assert len(categories) >= 400
    assert {c["sector"] for c in categories} >= PRIORITY_SECTORS
    assert len({c["code"] for c in categories}) == len(categories)


def test_every_goods_category_has_an_hs_2022_code_of_six_digits_or_a_heading():
    taxonomy = load_taxonomy()
    goods = [c for c in taxonomy.products if not c.service]
    assert len(goods) >= 380
    assert all(re.fullmatch(r"\d{4}|\d{6}", c.hs) for c in goods)


def test_every_referenced_category_code_exists(fair):
    codes = {c["code"] for c in fair["categories"]}
    referenced = {code for c in fair["categories"] for code, _, _ in input_links(c)}
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


# Each chain of the brief, end to end: an end product, what goes directly into it or is used to
# make it (with its kind), and materials three or more steps further up.
CHAINS = {
    "AUTO.CAR": {"AUTO.CAR_ENGINE", "AUTO.SEATS", "RUB.CAR_TYRE", "AUTO.WIRE_HARNESS", "AUTO.SAFETY_GLASS"},
    "AUTO.TRUCK": {"AUTO.DIESEL_ENGINE", "AUTO.AXLE", "AUTO.LEAF_SPRING", "RUB.TRUCK_TYRE"},
    "AUTO.MOTORCYCLE": {"ENER.LEAD_ACID", "AUTO.MOTO_SHOCK", "AUTO.DRIVE_CHAIN", "RUB.MOTO_TYRE", "AUTO.MOTO_ENGINE"},
    "AUTO.MOTO_ENGINE": {"AUTO.PISTON", "AUTO.SPARK_PLUG", "MECH.PRECISION_PARTS"},
    "AUTO.E_SCOOTER": {"ENER.EBIKE_BATTERY", "AUTO.HUB_MOTOR", "AUTO.EV_CONTROLLER", "ENER.EBIKE_CHARGER"},
    "AUTO.EV_BUS": {"ENER.TRACTION_BATTERY", "AUTO.EV_TRACTION_MOTOR", "AUTO.EV_INVERTER", "RUB.TRUCK_TYRE"},
    "AGRI.TRACTOR": {"AGRI.DIESEL_ENGINE", "MECH.GEARS", "RUB.AGRI_TYRE", "MECH.HYDRAULIC_CYL"},
    "AGRI.COMBINE": {"AGRI.DIESEL_ENGINE", "RUB.V_BELT", "MECH.ROLLER_CHAIN"},
    "ELEC.TRANSFORMER": {"MAT.ELEC_STEEL", "MAT.COPPER_WIRE", "CHEM.INSULATING_OIL", "MECH.STEEL_TANK",
                         ("ELEC.TESTING", "service")},
    "ELEC.POWER_CABLE": {"MAT.COPPER_ROD", "PLAS.CABLE_COMPOUND"},
    "IT.SECURITY_CAMERA": {"ELX.PCBA", "ELX.IMAGE_SENSOR", "ELX.OPTICAL_LENS"},
    "IT.MOBILE_PHONE": {"ELX.LCD_MODULE", "ELX.CAMERA_MODULE", "ENER.DEVICE_BATTERY"},
    "ELX.PCBA": {"ELX.PCB"},
    "TEX.GARMENTS": {"TEX.FABRIC", "TEX.INTERLINING", "TEX.ZIPPERS", "TEX.LABELS", "PACK.POLY_BAG", "PACK.CARTON"},
    "TEX.KNITWEAR": {"TEX.KNIT_FABRIC", "TEX.ELASTIC"},
    "TEX.LEATHER_SHOES": {"TEX.FINISHED_LEATHER", "TEX.SOLES", "CHEM.ADHESIVES", ("MOULD.SHOE_LAST", "tooling")},
    "MAT.REBAR": {"MAT.STEEL_BILLET", ("CAST.MILL_ROLLS", "tooling")},
    "MAT.STEEL_PIPE": {"MAT.HR_COIL"},
    "MECH.STEEL_STRUCTURE": {"MAT.SECTIONS", "MAT.STEEL_PLATE"},
    "RUB.MOTO_TYRE": {"RUB.NATURAL_RUBBER", "CHEM.CARBON_BLACK", ("MOULD.TYRE", "tooling")},
    "PLAS.HOUSEHOLD": {"CHEM.PP_RESIN", ("MOULD.PLASTIC_INJECTION", "tooling")},
    "FOOD.BEER": {"FOOD.MALT", "FOOD.HOPS", "PACK.GLASS_BOTTLE", "PACK.ALU_CAN", "PACK.CROWN_CAP"},
    "FOOD.DAIRY": {"FOOD.RAW_MILK", "PACK.ASEPTIC_CARTON"},
    "PHAR.TABLETS": {"PHAR.API", "PHAR.EXCIPIENTS", "PACK.BLISTER_FOIL", ("MOULD.TABLET_PUNCH", "tooling")},
    "PHAR.INJECTABLES": {"PHAR.API", "PACK.GLASS_VIAL", "PACK.RUBBER_STOPPER", "PACK.ALU_SEAL"},
    "MED.SYRINGE": {"CHEM.MEDICAL_PP", "MED.NEEDLE", ("MOULD.PLASTIC_INJECTION", "tooling"),
                    ("MED.STERILISATION", "service")},
    "ENER.PV_MODULE": {"ENER.PV_CELL", "ADV.SOLAR_GLASS", "ADV.EVA_FILM", "ENER.JUNCTION_BOX"},
    "ENER.SOLAR_SYSTEM": {"ENER.PV_MODULE", "ENER.INVERTER", "ELEC.POWER_CABLE"},
    "AUTOM.PRODUCTION_LINE": {"AUTOM.ROBOT", "AUTOM.MACHINE_VISION", ("IT.SYSTEM_INTEGRATION", "service")},
}


@pytest.mark.parametrize("product", CHAINS)
def test_each_chain_of_the_brief_exists_end_to_end(product, graph):
    category = load_taxonomy().by_code[product]
    materials = {code for code in CHAINS[product] if isinstance(code, str)}
    means = {link for link in CHAINS[product] if isinstance(link, tuple)}
    assert materials <= set(category.inputs) and means <= set(category.means)
    deepest = nx.dag_longest_path_length(graph.subgraph(nx.descendants(graph, product) | {product}))
    assert deepest >= 2


def test_machine_vision_is_fed_by_cameras_and_optics_not_by_business_software():
    vision = load_taxonomy().by_code["AUTOM.MACHINE_VISION"]
    assert {"ELX.CAMERA_MODULE", "ELX.OPTICAL_LENS"} & set(vision.direct_inputs)
    assert not [code for code in vision.direct_inputs if "ERP" in code]


def test_moulds_and_dies_are_tooling_and_surface_treatments_services_never_materials():
    taxonomy = load_taxonomy()
    for category in taxonomy.categories:
        if category.family != "MOULD":  # a mould is built from mould components
            assert not [code for code in category.inputs if code.startswith(("MOULD.", "SURF."))], category.code
    kinds = {kind for c in taxonomy.categories for code, kind in c.means if code.startswith("MOULD.")}
    assert kinds == {"tooling"}


def test_buyers_distinguish_motorcycle_truck_and_car_tyres():
    taxonomy = load_taxonomy()
    assert "RUB.MOTO_TYRE" in taxonomy.by_code["AUTO.MOTORCYCLE"].inputs
    assert "RUB.TRUCK_TYRE" in taxonomy.by_code["AUTO.TRUCK"].inputs
    assert "RUB.MOTO_TYRE" not in taxonomy.by_code["AUTO.TRUCK"].inputs


def test_material_quantities_per_unit_are_plausible_for_an_engineer():
    taxonomy = load_taxonomy()
    transformer, motorcycle = taxonomy.by_code["ELEC.TRANSFORMER"], taxonomy.by_code["AUTO.MOTORCYCLE"]
    steel, copper = transformer.per_unit["MAT.ELEC_STEEL"], transformer.per_unit["MAT.COPPER_WIRE"]
    assert steel[1] == copper[1] == "t" and 0.1 <= steel[0] <= 2 and 0.05 <= copper[0] <= steel[0]
    assert motorcycle.per_unit["RUB.MOTO_TYRE"] == (2, "units")
    assert motorcycle.per_unit["AUTO.DRIVE_CHAIN"] == (1, "units")


def _served(taxonomy, code: str) -> set[str]:
    """The end products `code` goes into or is used to make, directly or further down."""
    users = {code, *taxonomy.used_with[code]}
    reached = set().union(*(taxonomy.downstream(user) | {user} for user in users))
    return {c.code for c in taxonomy.finals} & reached


@pytest.mark.parametrize(
    "supporting",
    [
        "MOULD.PLASTIC_INJECTION",
        "CAST.AL_DIE",
        "FORG.HOT_FORGED",
        "PLAS.INJECTION_PARTS",
        "RUB.SEALS",
        "PACK.CARTON",
        "SURF.POWDER_COATING",
        "MECH.FASTENERS",
        "MECH.SPRINGS",
        "ELX.PCB",
    ],
)
def test_supporting_industries_feed_several_lead_products(supporting):
    assert len(_served(load_taxonomy(), supporting)) >= 3


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
        quantities = [n["annual_volume"] for n in enterprise["needs"] if "annual_volume" in n]
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


def test_a_firm_s_products_share_one_trade_so_its_name_fits_them(fair):
    for enterprise in fair["enterprises"]:
        trades = {trades_for(p["category"]) for p in enterprise["products"]}
        assert len(trades) <= 1, (enterprise["name_en"], [p["category"] for p in enterprise["products"]])
        if trades and enterprise["kind"] != "buyer" and "Hợp tác xã" not in enterprise.get("name_vi", ""):
            words = [en for _, en in trades.pop()]
            assert any(word in enterprise["name_en"] for word in words), enterprise["name_en"]


def test_leads_make_final_products_and_suppliers_make_inputs(fair):
    taxonomy = load_taxonomy()
    finals = {c.code for c in taxonomy.finals}
    inputs = {c.code for c in taxonomy.inputs}
    assert all(p["category"] in finals for e in of_kind(fair, "lead") for p in e["products"])
    assert all(p["category"] in inputs for e in of_kind(fair, "supplier") for p in e["products"])


def test_recognised_key_products_include_supporting_industry_products(fair):
    suppliers = [e for e in of_kind(fair, "supplier") if any("recognized_key_product" in p for p in e["products"])]
    assert 0.05 * len(of_kind(fair, "supplier")) <= len(suppliers) <= 0.3 * len(of_kind(fair, "supplier"))
    assert all(len(e["tax_code"]) == 10 for e in suppliers)  # companies, not household workshops


def test_about_sixty_percent_of_lead_products_are_recognised_key_products(fair):
    products = [p for e in of_kind(fair, "lead") for p in e["products"]]
    recognised = [p["recognized_key_product"] for p in products if "recognized_key_product" in p]
    assert 0.45 <= len(recognised) / len(products) <= 0.75
    assert all(2022 <= r["year"] <= 2025 and re.fullmatch(r"\d+/QĐ-UBND", r["decision_no"]) for r in recognised)
    assert all(any("recognized_key_product" in p for p in e["products"]) for e in of_kind(fair, "lead"))


@pytest.mark.parametrize("kind", ["lead", "fdi", "supplier", "other"])
def test_makers_need_only_direct_inputs_of_their_own_products_and_no_more_than_their_output_uses(fair, kind):
    taxonomy = load_taxonomy()
    for enterprise in of_kind(fair, kind):
        made = [taxonomy.by_code[p["category"]] for p in enterprise["products"]]
        direct = {code for category in made for code in category.direct_inputs}
        assert {n["category"] for n in enterprise["needs"]} <= direct, enterprise["name_en"]
        for need in enterprise["needs"]:
            if "annual_volume" not in need:
                continue
            used = sum(p["annual_capacity"]["value"] * taxonomy.by_code[p["category"]].per_unit[need["category"]][0]
                       for p in enterprise["products"] if need["category"] in taxonomy.by_code[p["category"]].per_unit)
            assert 0 < need["annual_volume"]["value"] <= used, (enterprise["name_en"], need)
    if kind in ("lead", "fdi"):
        assert all(e["needs"] for e in of_kind(fair, kind))


def test_a_capacity_fits_the_size_of_the_firm(fair):
    taxonomy = load_taxonomy()
    for enterprise in fair["enterprises"]:
        for product in enterprise["products"]:
            typical = taxonomy.by_code[product["category"]].scale * (enterprise["employees"] / 150) ** 0.5
            assert product["annual_capacity"]["value"] <= 4 * typical, (enterprise["name_en"], product)


def test_certifications_come_from_the_firm_s_own_industry(fair):
    taxonomy = load_taxonomy()
    for enterprise in fair["enterprises"]:
        typical = {name for p in enterprise["products"] for name in taxonomy.by_code[p["category"]].certifications}
        held = {c if isinstance(c, str) else c["name"] for c in enterprise["certifications"]}
        assert held <= typical | {"ISO 9001"}, (enterprise["name_en"], held - typical)
        if "IATF 16949" in held:
            assert "automotive-motorcycle" in enterprise["sectors"] or any(
                "IATF 16949" in taxonomy.by_code[p["category"]].certifications for p in enterprise["products"])


def test_needs_ask_for_the_customer_s_industry_standard(fair):
    taxonomy = load_taxonomy()
    needs = [(e, n) for e in (*of_kind(fair, "lead"), *of_kind(fair, "fdi")) for n in e["needs"]]
    vehicle_parts = [n for e, n in needs if e["sectors"] == ["automotive-motorcycle"]
                     and "IATF 16949" in taxonomy.by_code[n["category"]].certifications]
    assert vehicle_parts and all("IATF 16949" in n["required_certifications"] for n in vehicle_parts)
    api = [n for _, n in needs if n["category"] == "PHAR.API"]
    assert all({"GMP-WHO", "EU-GMP"} & set(n["required_certifications"]) for n in api)
    assert all(n["notes"] for _, n in needs)


def test_every_end_product_a_lead_makes_has_a_buyer(fair):
    bought = {n["category"] for e in of_kind(fair, "buyer") for n in e["needs"]}
    bought |= {n["category"] for e in fair["enterprises"] for n in e["needs"]}
    made = {p["category"] for e in of_kind(fair, "lead") for p in e["products"]}
    assert made <= bought, made - bought


def test_every_lead_input_has_at_most_four_local_makers(fair):
    makers = makers_by_category(fair)
    assert max(makers[code] for code in lead_bill_of_materials(fair)) <= 4


def test_the_fair_shows_chain_gaps_and_single_supplier_inputs_but_covers_most_direct_inputs(fair):
    taxonomy = load_taxonomy()
    makers = makers_by_category(fair)
    bom = lead_bill_of_materials(fair)
    gaps = {code for code in bom if makers[code] == 0}
    assert gaps & CHAIN_GAPS and not [code for code in CHAIN_GAPS if makers[code]]
    assert [code for code in bom if makers[code] == 1]
    direct = {code for lead in of_kind(fair, "lead") for product in lead["products"]
              for code in taxonomy.by_code[product["category"]].direct_inputs}
    assert sum(1 for code in direct if makers[code]) >= 0.85 * len(direct)


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


def test_every_lead_and_fdi_firm_has_customers_and_direct_suppliers_first(fair):
    graph = build_graph(*from_exchange(fair))
    for key, profile in graph.profiles.items():
        if profile.enterprise.kind not in ("lead", "fdi"):
            continue
        assert rank_customers(graph, key, limit=10), profile.enterprise.name_en
        tiers = [match.tier for match in rank_suppliers(graph, key, limit=10)]
        assert tiers == sorted(tiers), profile.enterprise.name_en
