"""Where the demo puts Vietnamese enterprises: the communes and wards in force since 1 July 2025.

Vietnam has had no district level since 1 July 2025. A Vietnamese site's locality is therefore the
commune (xã) or ward (phường) after the 2025 rearrangement, and its address reads
"…, xã Thiên Lộc, Hà Nội". The frozen lists below are copied from the sources named on each, not
derived from the generator; docs/localities.md explains the choices.
"""

import random
import re
import unicodedata

import pytest

from fairmatch.demo import build_demo_exchange
from fairmatch.demo.places import hanoi_office_site, hanoi_park_site, hanoi_workshop_site, nearby_province_site

# Hanoi's 126 commune-level units (51 wards, 75 communes) under Resolution 1656/NQ-UBTVQH15 of the
# National Assembly Standing Committee, 16 June 2025, in force 1 July 2025. Names as published on the
# Department of Survey, Mapping and Geographic Information's merger portal (sapnhap.bando.com.vn, as
# mirrored in github.com/thanglequoc/vietnamese-provinces-database, bando_co_dvch.sql), checked against
# the GSO-derived list of the same repository (json/vn_only_simplified_json_generated_data_vn_units.json,
# which writes "Hoà" for "Hòa") and against Người Lao Động, "Chi tiết 126 phường, xã ở Hà Nội sau sáp
# nhập", 16 June 2025.
HANOI_WARDS = (
    "Ba Đình", "Bạch Mai", "Bồ Đề", "Cầu Giấy", "Chương Mỹ", "Cửa Nam", "Đại Mỗ", "Định Công", "Đống Đa",
    "Đông Ngạc", "Dương Nội", "Giảng Võ", "Hà Đông", "Hai Bà Trưng", "Hoàn Kiếm", "Hoàng Liệt", "Hoàng Mai",
    "Hồng Hà", "Khương Đình", "Kiến Hưng", "Kim Liên", "Láng", "Lĩnh Nam", "Long Biên", "Nghĩa Đô", "Ngọc Hà",
    "Ô Chợ Dừa", "Phú Diễn", "Phú Lương", "Phú Thượng", "Phúc Lợi", "Phương Liệt", "Sơn Tây", "Tây Hồ",
    "Tây Mỗ", "Tây Tựu", "Thanh Liệt", "Thanh Xuân", "Thượng Cát", "Từ Liêm", "Tùng Thiện", "Tương Mai",
    "Văn Miếu - Quốc Tử Giám", "Việt Hưng", "Vĩnh Hưng", "Vĩnh Tuy", "Xuân Đỉnh", "Xuân Phương", "Yên Hòa",
    "Yên Nghĩa", "Yên Sở",
)
HANOI_COMMUNES = (
    "An Khánh", "Ba Vì", "Bất Bạt", "Bát Tràng", "Bình Minh", "Chương Dương", "Chuyên Mỹ", "Cổ Đô", "Đa Phúc",
    "Đại Thanh", "Đại Xuyên", "Dân Hòa", "Đan Phượng", "Đoài Phương", "Đông Anh", "Dương Hòa", "Gia Lâm",
    "Hạ Bằng", "Hát Môn", "Hòa Lạc", "Hòa Phú", "Hòa Xá", "Hoài Đức", "Hồng Sơn", "Hồng Vân", "Hưng Đạo",
    "Hương Sơn", "Kiều Phú", "Kim Anh", "Liên Minh", "Mê Linh", "Minh Châu", "Mỹ Đức", "Nam Phù", "Ngọc Hồi",
    "Nội Bài", "Ô Diên", "Phú Cát", "Phù Đổng", "Phú Nghĩa", "Phú Xuyên", "Phúc Lộc", "Phúc Sơn", "Phúc Thịnh",
    "Phúc Thọ", "Phượng Dực", "Quảng Bị", "Quang Minh", "Quảng Oai", "Quốc Oai", "Sóc Sơn", "Sơn Đồng",
    "Suối Hai", "Tam Hưng", "Tây Phương", "Thạch Thất", "Thanh Oai", "Thanh Trì", "Thiên Lộc", "Thư Lâm",
    "Thuận An", "Thượng Phúc", "Thường Tín", "Tiến Thắng", "Trần Phú", "Trung Giã", "Ứng Hòa", "Ứng Thiên",
    "Vân Đình", "Vật Lại", "Vĩnh Thanh", "Xuân Mai", "Yên Bài", "Yên Lãng", "Yên Xuân",
)
HANOI_UNITS = {**dict.fromkeys(HANOI_WARDS, "phường"), **dict.fromkeys(HANOI_COMMUNES, "xã")}

# Hanoi's 30 district-level units before 1 July 2025: 12 urban districts, 1 town, 17 rural districts.
FORMER_HANOI_DISTRICTS = (
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai",
    "Thanh Xuân", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông", "Sơn Tây", "Ba Vì", "Chương Mỹ", "Đan Phượng",
    "Đông Anh", "Gia Lâm", "Hoài Đức", "Mê Linh", "Mỹ Đức", "Phú Xuyên", "Phúc Thọ", "Quốc Oai", "Sóc Sơn",
    "Thạch Thất", "Thanh Oai", "Thanh Trì", "Thường Tín", "Ứng Hòa",
)

# The 34 provinces and centrally run cities of Resolution 202/2025/QH15 (12 June 2025), and the 29
# provinces that it merged into them.
PROVINCES = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)
FORMER_PROVINCES = (
    "Hà Giang", "Yên Bái", "Bắc Kạn", "Vĩnh Phúc", "Hòa Bình", "Bắc Giang", "Thái Bình", "Hải Dương", "Hà Nam",
    "Nam Định", "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định", "Ninh Thuận", "Đắk Nông", "Bình Thuận",
    "Phú Yên", "Bà Rịa - Vũng Tàu", "Bình Dương", "Bình Phước", "Long An", "Sóc Trăng", "Hậu Giang", "Bến Tre",
    "Trà Vinh", "Tiền Giang", "Bạc Liêu", "Kiên Giang",
)

# The units outside Hanoi the demo may use, from the same merger portal (province → unit → kind).
NEIGHBOURING_UNITS = {
    "Bắc Ninh": {"Yên Trung": "xã", "Nam Sơn": "phường", "Đại Đồng": "xã", "Nếnh": "phường"},
    "Hưng Yên": {"Đường Hào": "phường", "Như Quỳnh": "xã"},
    "Phú Thọ": {"Bình Xuyên": "xã"},
}

DISTRICT_WORDS = re.compile(r"\b(quận|huyện|thị xã|thị trấn|tỉnh|thành phố)\b", re.IGNORECASE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def vietnamese():
    return [e for e in build_demo_exchange()["enterprises"] if e["country"] == "VN"]


@pytest.fixture(scope="module")
def drawn():
    """Many sites from every Vietnamese site function, so that each table entry is drawn."""
    rng = random.Random(2025)
    return [draw(rng) for draw in (hanoi_park_site, hanoi_workshop_site, hanoi_office_site, nearby_province_site)
            for _ in range(500)]


def in_hanoi(address: str) -> bool:
    return nfc(address).endswith(", Hà Nội")


def province_of(address: str) -> str:
    return nfc(address).rsplit(", ", 1)[1]


# --- the frozen lists ---------------------------------------------------------------------------


def test_the_frozen_list_has_hanois_126_units_51_wards_and_75_communes():
    assert len(HANOI_WARDS) == len(set(HANOI_WARDS)) == 51
    assert len(HANOI_COMMUNES) == len(set(HANOI_COMMUNES)) == 75
    assert len(HANOI_UNITS) == 126


def test_the_frozen_province_list_has_34_provinces_and_none_merged_away():
    assert len(set(PROVINCES)) == 34 and len(set(FORMER_PROVINCES)) == 29
    assert not set(PROVINCES) & set(FORMER_PROVINCES)


# --- Hanoi ----------------------------------------------------------------------------------------


def test_every_hanoi_enterprise_of_the_demo_fair_has_a_post_2025_commune_or_ward_as_locality(vietnamese):
    hanoi = [e for e in vietnamese if in_hanoi(e["address"])]
    assert len(hanoi) > 150
    assert sorted({nfc(e["locality"]) for e in hanoi} - set(HANOI_UNITS)) == []


def test_every_hanoi_site_the_generator_can_draw_is_a_post_2025_commune_or_ward(drawn):
    hanoi = [site for site in drawn if in_hanoi(site.address)]
    assert sorted({nfc(site.locality) for site in hanoi} - set(HANOI_UNITS)) == []


def test_a_hanoi_address_names_its_commune_or_ward_with_the_right_prefix(vietnamese, drawn):
    sites = [(e["address"], e["locality"]) for e in vietnamese] + [(s.address, s.locality) for s in drawn]
    for address, locality in sites:
        if in_hanoi(address):
            expected = f", {HANOI_UNITS[nfc(locality)]} {nfc(locality)}, Hà Nội"
            assert nfc(address).endswith(expected), address


def test_no_former_district_appears_unless_a_new_commune_or_ward_has_its_name(vietnamese, drawn):
    gone = set(FORMER_HANOI_DISTRICTS) - set(HANOI_UNITS)
    assert gone == {"Nam Từ Liêm", "Bắc Từ Liêm"}
    texts = [nfc(text) for e in vietnamese for text in (e["address"], e["locality"], e.get("industrial_park") or "")]
    texts += [nfc(text) for site in drawn for text in (site.address, site.locality)]
    assert [text for text in texts if any(name in text for name in gone)] == []


def test_no_address_has_a_district_level_or_a_prefixed_province(vietnamese, drawn):
    addresses = [e["address"] for e in vietnamese] + [site.address for site in drawn]
    assert [a for a in addresses if DISTRICT_WORDS.search(nfc(a))] == []


# --- the neighbouring provinces --------------------------------------------------------------------


def test_a_site_outside_hanoi_is_in_a_post_2025_province_and_one_of_its_communes_or_wards(vietnamese, drawn):
    sites = [(e["address"], e["locality"]) for e in vietnamese] + [(s.address, s.locality) for s in drawn]
    outside = [(address, locality) for address, locality in sites if not in_hanoi(address)]
    assert outside
    for address, locality in outside:
        province = province_of(address)
        assert province in PROVINCES and province not in FORMER_PROVINCES, address
        kind = NEIGHBOURING_UNITS[province][nfc(locality)]
        assert nfc(address).endswith(f", {kind} {nfc(locality)}, {province}"), address


def test_a_plant_outside_hanoi_keeps_the_tax_code_prefix_of_the_province_that_issued_it(vietnamese, drawn):
    # The demo's firms were founded before July 2025, so their codes carry the prefix of the province
    # of the time: 23 Bắc Ninh, 24 Bắc Giang, 09 Hưng Yên, 25 Vĩnh Phúc.
    issued_by = {"Yên Phong": "23", "Quế Võ": "23", "Đại Đồng – Hoàn Sơn": "23", "Quang Châu": "24",
                 "Thăng Long II": "09", "Phố Nối A": "09", "Bá Thiện": "25"}
    outside = [site for site in drawn if not in_hanoi(site.address)]
    assert {site.industrial_park for site in outside} == set(issued_by)
    assert all(site.tax_prefix == issued_by[site.industrial_park] for site in outside)
    firms = [e for e in vietnamese if not in_hanoi(e["address"]) and len(e["tax_code"]) >= 10]
    assert firms and all(e["tax_code"][:2] == issued_by[e["industrial_park"]] for e in firms)
