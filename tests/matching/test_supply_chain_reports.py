"""The organizer's supply-chain reports on a small known ecosystem, on screen and exported."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.conftest import signed_in

LEAD, SUPPLIER = "0300000018", "0300000025"  # outside the range that fixtures draw tax codes from
DOCUMENT = {
    "format": "fairmatch-exchange/1",
    "categories": [
        {"code": "T.TRANSFORMER", "name_vi": "Máy biến áp", "name_en": "Power transformer",
         "sector": "electrical-electronics", "inputs": ["T.COPPER", "T.STEEL"]},
        {"code": "T.COPPER", "name_vi": "Dây đồng", "name_en": "Copper winding wire", "sector": "metals"},
        {"code": "T.STEEL", "name_vi": "Thép kỹ thuật điện", "name_en": "Electrical steel", "sector": "metals"},
    ],
    "enterprises": [
        {"tax_code": LEAD, "name_vi": "Công ty CP Thiết bị điện Sông Hồng", "kind": "lead",
         "products": [{"name_vi": "Máy biến áp 110 kV", "category": "T.TRANSFORMER"}]},
        {"tax_code": SUPPLIER, "name_vi": "Công ty TNHH Dây đồng Đông Anh", "kind": "supplier",
         "products": [{"name_vi": "Dây đồng tráng men", "category": "T.COPPER"}]},
    ],
}


@pytest.fixture
def ecosystem(app, runner, tmp_path):
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(args=["import-data", str(path)]).exit_code == 0
    return app


def test_the_reports_show_gaps_nuclei_and_hubs(ecosystem, make_user):
    page = signed_in(ecosystem, make_user("organizer")).get("/organizer/supply-chain").get_data(as_text=True)
    assert "Thép kỹ thuật điện" in page and "Công ty CP Thiết bị điện Sông Hồng" in page
    assert "Công ty TNHH Dây đồng Đông Anh" in page


def test_the_gap_report_exports_to_csv_and_xlsx_with_vietnamese_intact(ecosystem, make_user):
    client = signed_in(ecosystem, make_user("organizer"))
    response = client.get("/organizer/supply-chain/gaps.csv")
    assert response.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    gaps = {row[0]: row for row in rows[1:]}
    assert rows[0][:8] == ["Mã nhóm", "Mã HS", "Nhóm sản phẩm", "Đầu vào", "Số DN dẫn dắt và FDI cần",
                           "trong đó DN FDI", "Nhà cung ứng Việt Nam", "Nhà cung ứng FDI tại Việt Nam"]
    assert gaps["T.STEEL"][2] == "Thép kỹ thuật điện" and gaps["T.STEEL"][4:8] == ["1", "0", "0", "0"]
    assert gaps["T.COPPER"][6] == "1" and gaps["T.COPPER"][9] == "Công ty TNHH Dây đồng Đông Anh"
    sheet = load_workbook(io.BytesIO(client.get("/organizer/supply-chain/nuclei.xlsx?lang=en").data)).active
    header, lead = list(sheet.iter_rows(values_only=True))[:2]
    assert header[1] == "Lead enterprise" and lead[0] == LEAD and lead[2] == 1 and lead[4] == "Electrical steel"


def test_the_reports_are_for_organizers_only(ecosystem, client, make_user):
    assert client.get("/organizer/supply-chain").status_code == 302
    assert signed_in(ecosystem, make_user("exhibitor")).get("/organizer/supply-chain/hubs.csv").status_code == 403


def test_the_chain_view_shows_each_input_with_its_local_suppliers_and_the_gaps(ecosystem, client):
    profile = client.get(f"/enterprises/{LEAD}").get_data(as_text=True)
    assert f"/enterprises/{LEAD}/chain" in profile
    page = client.get(f"/enterprises/{LEAD}/chain?lang=en").get_data(as_text=True)
    assert "Power transformer" in page and 'role="img"' in page
    assert page.count('class="chain-gap"') == 1 and page.count('class="chain-covered"') == 1
    assert "Công ty TNHH Dây đồng Đông Anh" in page and "no local supplier" in page
    assert client.get("/enterprises/0100109106/chain").status_code == 404


def test_the_printed_gap_names_the_first_four_leads_and_counts_the_rest():
    from fairmatch.matching.reports import _first

    class Names:
        def enterprise_name(self, key, lang):
            return f"Công ty {key}"

    assert _first(Names(), ("A", "B"), "vi") == "Công ty A; Công ty B"
    assert _first(Names(), tuple("ABCDEFG"), "vi") == "Công ty A; Công ty B; Công ty C; Công ty D +3"
