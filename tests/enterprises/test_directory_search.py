"""The directory: accent-insensitive, typo-tolerant search, filters, sorting, pages, and the API."""

import unicodedata
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import Certification, Enterprise, EnterpriseSector
from fairmatch.extensions import db
from tests.conftest import PASSWORD


def names(client, query: str) -> list[str]:
    """The Vietnamese names listed by the API for `query` (a query string), in order."""
    return [item["name_vi"] for item in client.get(f"/api/v1/enterprises?{query}").get_json()["items"]]


@pytest.fixture
def directory(make_enterprise, make_category, make_product):
    make_category()
    make_enterprise(
        name_vi="Công ty TNHH Cơ khí Chính xác Hòa Lạc",
        name_en="Hoa Lac Precision Mechanics Co., Ltd.",
        locality="Thạch Thất",
        kind="supplier",
        sectors=[EnterpriseSector(sector="precision-mechanics")],
        certifications=[Certification(name="ISO 9001")],
    )
    make_enterprise(
        name_vi="Công ty CP Thiết bị điện Đông Anh",
        name_en="Dong Anh Electrical Equipment JSC",
        locality="Đông Anh",
        kind="lead",
        sectors=[EnterpriseSector(sector="electrical-electronics")],
        certifications=[Certification(name="ISO 9001", expires_on=date.today() - timedelta(days=1))],
    )
    key = make_enterprise(
        name_vi="Công ty TNHH Nhựa Tân Phong",
        name_en="Tan Phong Plastics Co., Ltd.",
        locality="dong anh",
        kind="supplier",
        verified=False,
        sectors=[EnterpriseSector(sector="plastics-rubber")],
    )
    make_product(key, "MECH.MACHINED_PARTS", name_vi="Khuôn ép nhựa", name_en="Injection moulds")


def test_typing_without_accents_finds_vietnamese_names(client, directory):
    assert names(client, "q=co+khi") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert names(client, "q=CƠ+KHÍ+chinh+xac") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert names(client, "q=thiet+bi+dien") == ["Công ty CP Thiết bị điện Đông Anh"]
    assert names(client, "q=đông+anh") == names(client, "q=dong+anh") != []


def test_words_typed_in_nfd_match_too(client, directory):
    decomposed = unicodedata.normalize("NFD", "cơ khí")
    assert names(client, f"q={decomposed}") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]


def test_each_word_matches_the_start_of_a_word(client, directory):
    assert names(client, "q=chinh+xa") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert names(client, "q=oa+lac") == []


def test_english_names_tax_codes_and_product_names_are_searched(client, directory):
    assert names(client, "q=precision+mechanics") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert names(client, "q=khuon+ep") == ["Công ty TNHH Nhựa Tân Phong"]
    assert names(client, "q=injection") == ["Công ty TNHH Nhựa Tân Phong"]


def test_a_tax_code_finds_its_enterprise(app, client, make_enterprise):
    key = make_enterprise(name_vi="Công ty CP Bao bì Hưng Yên")
    assert names(client, f"q={key}") == ["Công ty CP Bao bì Hưng Yên"]


def test_one_typo_per_word_is_forgiven_and_said(client, directory):
    body = client.get("/api/v1/enterprises?q=mechancs").get_json()
    assert [i["name_vi"] for i in body["items"]] == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert body["approximate"] is True
    assert names(client, "q=co+khj+hoa+lak") == ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]
    assert names(client, "q=nhuwa+tan") == ["Công ty TNHH Nhựa Tân Phong"]
    page = client.get("/directory?q=mechancs&lang=en").get_data(as_text=True)
    assert "no exact match" in page
    assert client.get("/api/v1/enterprises?q=co+khi").get_json()["approximate"] is False


def test_two_typos_or_a_typo_in_a_short_word_find_nothing(client, directory):
    assert names(client, "q=mchancs") == []
    assert names(client, "q=ci+khi") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=plastics-rubber", ["Công ty TNHH Nhựa Tân Phong"]),
        ("kind=lead", ["Công ty CP Thiết bị điện Đông Anh"]),
        ("certification=ISO+9001", ["Công ty TNHH Cơ khí Chính xác Hòa Lạc"]),
        ("locality=Dong+Anh", ["Công ty CP Thiết bị điện Đông Anh", "Công ty TNHH Nhựa Tân Phong"]),
        ("locality=đông+anh&q=nhua", ["Công ty TNHH Nhựa Tân Phong"]),
        ("sector=no-such-sector", []),
    ],
)
def test_filters_narrow_the_list(client, directory, query, expected):
    assert names(client, query) == expected


def test_an_expired_certificate_does_not_count(client, directory):
    assert "Công ty CP Thiết bị điện Đông Anh" not in names(client, "certification=ISO+9001")


def test_verified_enterprises_come_first_then_by_name(client, directory):
    assert names(client, "") == [
        "Công ty CP Thiết bị điện Đông Anh",
        "Công ty TNHH Cơ khí Chính xác Hòa Lạc",
        "Công ty TNHH Nhựa Tân Phong",
    ]
    assert names(client, "sort=newest")[0] == "Công ty TNHH Nhựa Tân Phong"


def test_the_typed_phrase_ranks_first(client, make_enterprise):
    make_enterprise(name_vi="Công ty CP Điện Anh Khoa", locality="Cơ Khí")
    make_enterprise(name_vi="Công ty TNHH Cơ khí Anh Khoa")
    assert names(client, "q=co+khi+anh") == ["Công ty TNHH Cơ khí Anh Khoa", "Công ty CP Điện Anh Khoa"]


@pytest.fixture
def homophones(make_enterprise, make_category, make_product):
    """Four enterprises whose names fold to the same `duong`, and, by name, the wrong ones first."""
    make_category()
    make_enterprise(name_vi="Công ty CP Dương Hà", name_en=None)
    make_enterprise(name_vi="Công ty CP Dưỡng Chất Việt", name_en=None)
    make_enterprise(name_vi="Công ty TNHH Đường Biên Hòa", name_en=None, verified=False)
    key = make_enterprise(name_vi="Công ty TNHH Sản xuất Phú Thái", name_en=None)
    make_product(key, "MECH.MACHINED_PARTS", name_vi="Đường ống thép hàn", name_en="Welded steel pipes")


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("đường", {"Công ty TNHH Đường Biên Hòa", "Công ty TNHH Sản xuất Phú Thái"}),
        ("ĐƯỜNG", {"Công ty TNHH Đường Biên Hòa", "Công ty TNHH Sản xuất Phú Thái"}),
        ("đường+ống", {"Công ty TNHH Sản xuất Phú Thái"}),
        ("dương", {"Công ty CP Dương Hà"}),
        ("dưỡng", {"Công ty CP Dưỡng Chất Việt"}),
        ("đườ", {"Công ty TNHH Đường Biên Hòa", "Công ty TNHH Sản xuất Phú Thái"}),
    ],
)
def test_words_typed_with_their_marks_rank_that_spelling_first_and_keep_the_others(client, homophones, typed, first):
    found = names(client, f"q={typed}")
    assert set(found[: len(first)]) == first, found
    if "+" not in typed:
        assert len(found) == 4  # the other spellings still follow
    assert set(names(client, f"q={typed}&sort=relevance")) == set(found)


def test_words_typed_without_marks_rank_every_spelling_alike(client, homophones):
    assert names(client, "q=duong") == [
        "Công ty CP Dưỡng Chất Việt",
        "Công ty CP Dương Hà",
        "Công ty TNHH Sản xuất Phú Thái",
        "Công ty TNHH Đường Biên Hòa",
    ]


def test_both_spellings_of_a_tone_meet(client, make_enterprise):
    make_enterprise(name_vi="Công ty CP Hóa chất Đức Giang", name_en=None)
    make_enterprise(name_vi="Công ty CP Hoá Dầu Hà Nội", name_en=None)
    make_enterprise(name_vi="Công ty CP Hòa An", name_en=None)
    for typed in ("hóa", "hoá"):
        assert set(names(client, f"q={typed}")[:2]) == {"Công ty CP Hóa chất Đức Giang", "Công ty CP Hoá Dầu Hà Nội"}


def test_marks_typed_in_nfd_rank_as_in_nfc(client, homophones):
    decomposed = unicodedata.normalize("NFD", "dương")
    assert names(client, f"q={decomposed}")[0] == "Công ty CP Dương Hà"


@pytest.mark.parametrize("typed", ["🏭", "😀😀", "!!!", "—", "…?", "%", "_", "★ ☆"])
def test_a_query_with_no_letter_or_digit_finds_nothing_and_says_why(client, directory, typed):
    body = client.get("/api/v1/enterprises", query_string={"q": typed}).get_json()
    assert (body["items"], body["total"]) == ([], 0)
    page = client.get("/directory", query_string={"q": typed, "lang": "en"}).get_data(as_text=True)
    assert "Nothing to search by" in page and "Show every enterprise" in page
    assert "Công ty TNHH Cơ khí Chính xác Hòa Lạc" not in page
    assert len(names(client, "q=")) == 3  # an empty search still lists everyone


def test_an_organizer_export_of_a_query_with_no_letter_lists_no_one(app, client, directory, make_user):
    client.post("/login", data={"email": make_user("organizer"), "password": PASSWORD})
    export = client.get("/organizer/directory.csv", query_string={"q": "🏭"})
    assert export.status_code == 200
    assert "Hòa Lạc" not in export.get_data(as_text=True)
    assert "Hòa Lạc" in client.get("/organizer/directory.csv", query_string={"q": "co khi"}).get_data(as_text=True)


def test_the_directory_pages_through_many_enterprises(client, make_enterprise):
    for i in range(30):
        make_enterprise(name_vi=f"Công ty TNHH Bao bì Số {i:02d}")
    first = client.get("/api/v1/enterprises?q=bao+bi").get_json()
    second = client.get("/api/v1/enterprises?q=bao+bi&page=2").get_json()
    assert (first["total"], first["pages"], len(first["items"]), len(second["items"])) == (30, 2, 24, 6)
    assert {i["key"] for i in first["items"]}.isdisjoint(i["key"] for i in second["items"])
    assert client.get("/api/v1/enterprises?q=bao+bi&page=99").get_json()["page"] == 2
    page = client.get("/directory?q=bao+bi&lang=en").get_data(as_text=True)
    assert "Page 1 of 2" in page and "page=2" in page and "q=bao+bi" in page


def test_nonsense_parameters_are_ignored(client, directory):
    for query in ("page=abc", "page=-1", "sort=price", "recognized=maybe", "q=" + "x" * 5000):
        assert client.get(f"/directory?{query}").status_code == 200
        assert client.get(f"/api/v1/enterprises?{query}").status_code == 200


def test_the_api_describes_every_filter(client):
    document = client.get("/api/v1/openapi.json").get_json()
    parameters = {p["name"] for p in document["paths"]["/enterprises"]["get"]["parameters"]}
    assert parameters == {"q", "sector", "kind", "certification", "locality", "recognized", "booth", "sort", "page"}


def test_search_text_follows_renames_and_product_changes(app, client, member, make_category, make_product):
    make_category()
    make_product(member, "MECH.MACHINED_PARTS", name_vi="Bánh răng côn")
    assert member in [i["key"] for i in client.get("/api/v1/enterprises?q=banh+rang").get_json()["items"]]
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == member))
        enterprise.products.clear()
        enterprise.name_vi = "Công ty CP Đúc Gang Phố Nối"
        db.session.commit()
    assert names(client, "q=banh+rang") == []
    assert names(client, "q=duc+gang") == ["Công ty CP Đúc Gang Phố Nối"]
