"""My matches as a procurement manager reads them: direct suppliers only unless asked for more,
the suppliers' suppliers then under their own heading, and a need nobody is certified for said."""

import json

import pytest

from tests.conftest import signed_in

LEAD, FRAMES, TUBES, SHOCKS, FDI_TUBES = "0300000018", "0300000025", "0300000032", "0300000057", "0300000064"
DOCUMENT = {
    "format": "fairmatch-exchange/1",
    "categories": [
        {"code": "T.MOTO", "name_vi": "Xe máy", "name_en": "Motorcycles", "sector": "automotive-motorcycle",
         "inputs": ["T.FRAME", "T.SHOCK"]},
        {"code": "T.FRAME", "name_vi": "Khung xe máy", "name_en": "Motorcycle frames",
         "sector": "automotive-motorcycle", "inputs": ["T.TUBE"]},
        {"code": "T.SHOCK", "name_vi": "Giảm xóc", "name_en": "Shock absorbers", "sector": "automotive-motorcycle"},
        {"code": "T.TUBE", "name_vi": "Ống thép", "name_en": "Steel tube", "sector": "metals", "hs": "730630"},
    ],
    "enterprises": [
        {"tax_code": LEAD, "name_vi": "Công ty CP Xe máy Thăng Long", "kind": "lead",
         "products": [{"name_vi": "Xe máy 110 cc", "category": "T.MOTO"}],
         "needs": [{"category": "T.SHOCK", "required_certifications": ["IATF 16949"]}]},
        {"tax_code": FRAMES, "name_vi": "Công ty TNHH Khung xe Đông Anh", "kind": "supplier",
         "products": [{"name_vi": "Khung xe máy", "category": "T.FRAME"}]},
        {"tax_code": TUBES, "name_vi": "Công ty TNHH Ống thép Hòa Phát Lợi", "kind": "supplier",
         "products": [{"name_vi": "Ống thép hàn", "category": "T.TUBE"}]},
        {"tax_code": SHOCKS, "name_vi": "Công ty TNHH Giảm xóc Phố Nối", "kind": "supplier",
         "certifications": ["ISO 9001"], "products": [{"name_vi": "Giảm xóc sau", "category": "T.SHOCK"}]},
        {"tax_code": FDI_TUBES, "name_vi": "Công ty TNHH Ống thép Kaneda Việt Nam", "kind": "fdi",
         "products": [{"name_vi": "Ống thép chính xác", "category": "T.TUBE"}]},
    ],
}


@pytest.fixture
def lead(app, runner, tmp_path, make_user):
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(args=["import-data", str(path)]).exit_code == 0
    return signed_in(app, make_user(enterprise=LEAD))


def test_a_lead_sees_its_direct_suppliers_and_the_tube_mill_only_when_it_asks(lead):
    direct = lead.get("/me/matches?lang=en").get_data(as_text=True)
    assert "Công ty TNHH Khung xe Đông Anh" in direct and "Ống thép Hòa Phát Lợi" not in direct
    further = lead.get("/me/matches?lang=en&further=1").get_data(as_text=True)
    heading = further.index("Your suppliers' suppliers, further up the chain")
    assert further.index("Khung xe Đông Anh") < heading < further.index("Ống thép Hòa Phát Lợi")
    assert "a supplier of your suppliers, 2 steps up the chain" in further


def test_a_need_no_maker_is_certified_for_is_said_with_what_the_closest_lacks(lead):
    page = lead.get("/me/matches?lang=en").get_data(as_text=True)
    assert "No maker of shock absorbers holds IATF 16949 yet" in page
    assert "Công ty TNHH Giảm xóc Phố Nối</a> — lacks IATF 16949" in page
    vietnamese = lead.get("/me/matches?lang=vi").get_data(as_text=True)
    assert "Chưa nhà sản xuất giảm xóc nào có IATF 16949" in vietnamese


def test_the_chain_view_counts_fdi_plants_apart_from_vietnamese_owned_suppliers(lead):
    page = lead.get(f"/enterprises/{LEAD}/chain?lang=en").get_data(as_text=True)
    tube = next(line for line in page.splitlines() if "Steel tube" in line and "<li>" in line)
    assert "HS 730630" in tube and "Ống thép Hòa Phát Lợi" in tube and "FDI:" in tube and "Kaneda" in tube
    assert "Vietnamese-owned suppliers" in page
