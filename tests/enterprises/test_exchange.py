"""fairmatch-exchange/1: all or nothing, errors by JSON path, idempotent, exact round trip; and
the directory as CSV and Excel."""

import copy
import io
import json
import unicodedata

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from fairmatch.audit.models import AuditEntry
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.enterprises.import_export import export_document, import_document
from fairmatch.enterprises.models import Category, Enterprise
from fairmatch.extensions import db

DOCUMENT = {
    "format": "fairmatch-exchange/1",
    "categories": [
        {"code": "MAT.COPPER_WIRE", "name_vi": "Dây đồng", "name_en": "Copper winding wire", "sector": "metals"},
        {"code": "ELEC.TRANSFORMER", "name_vi": "Máy biến áp", "name_en": "Power transformer",
         "sector": "electrical-electronics", "inputs": ["MAT.COPPER_WIRE"]},
    ],
    "enterprises": [
        {"tax_code": "0100109106", "name_vi": "Công ty CP Thiết bị điện Sông Hồng",
         "name_en": "Song Hong Electrical Equipment JSC", "kind": "lead", "sectors": ["electrical-electronics"],
         "locality": "Đông Anh", "founded_year": 1999, "employees": 850, "website": "https://songhong.example.vn",
         "contact": {"name": "Nguyễn Văn A", "email": "sales@songhong.example.vn", "phone": "+84 24 1234 5678"},
         "certifications": ["ISO 9001", {"name": "ISO 14001", "expires_on": "2027-06-30"}],
         "export_markets": ["LA", "KH"],
         "products": [{"name_vi": "Máy biến áp 110 kV", "name_en": "110 kV power transformer",
                       "category": "ELEC.TRANSFORMER", "hs_code": "8504",
                       "annual_capacity": {"value": 1200, "unit": "units"},
                       "recognized_key_product": {"year": 2024, "decision_no": "1234/QĐ-UBND"}}],
         "needs": [{"category": "MAT.COPPER_WIRE", "required_certifications": ["ISO 9001"],
                    "annual_volume": {"value": 300.5, "unit": "t"}, "notes": "enamelled, class H"}]},
        {"country": "JP", "registration_no": "0104010012345", "name_en": "Kitaura Trading K.K.", "kind": "buyer"},
    ],
}


def document(**changes) -> dict:
    doc = copy.deepcopy(DOCUMENT)
    for path, value in changes.items():
        target = doc
        *steps, last = path.split("__")
        for step in steps:
            target = target[int(step)] if step.isdigit() else target[step]
        target[int(last) if last.isdigit() else last] = value
    return doc


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def exported(app) -> dict:
    with app.app_context():
        return export_document()


def run_import(app, doc):
    with app.app_context():
        return import_document(doc)


def test_the_command_line_reports_every_problem_with_its_json_path_and_imports_nothing(app, runner, tmp_path):
    doc = document(
        enterprises__0__tax_code="0100109107",
        enterprises__0__certifications__1={"name": "ISO 9002"},
        enterprises__0__products__0__hs_code="85",
        enterprises__0__needs__0__annual_volume={"value": 3, "unit": "barrels"},
        enterprises__0__export_markets=["LA", "XX"],
        enterprises__1__country="ZZ",
        categories__0__inputs=["ELEC.TRANSFORMER"],
    )
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for expected in (
        "enterprises[0].tax_code: '0100109107' is not a valid tax code",
        "enterprises[0].certifications[1]: unknown certification 'ISO 9002'",
        "enterprises[0].products[0].hs_code: must be 4 to 10 digits",
        "enterprises[0].needs[0].annual_volume.unit: unknown unit 'barrels'",
        "enterprises[0].export_markets[1]: unknown ISO 3166-1 country code 'XX'",
        "enterprises[1].country: unknown ISO 3166-1 country code 'ZZ'",
        "categories: the inputs form a cycle:",
    ):
        assert any(line.startswith(expected) for line in lines), expected
    assert result.stdout == ""
    assert count(app, Enterprise) == 0 and count(app, Category) == 0


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"enterprises__0__name_vi": "N" * 301}, "enterprises[0].name_vi: is longer than 300 characters"),
        ({"enterprises__0__description_vi": "x" * 10001}, "enterprises[0].description_vi: is longer than 10000"),
        ({"enterprises__0__website": "javascript:alert(1)"}, "enterprises[0].website: must be an http"),
        ({"enterprises__0__contact": {"phone": "9" * 41}}, "enterprises[0].contact.phone: is longer than 40"),
        ({"enterprises__0__kind": ["lead"]}, "enterprises[0].kind: must be one of"),
        ({"enterprises__0__sectors": [["metals"]]}, "enterprises[0].sectors[0]: unknown sector"),
        ({"enterprises__1__country": ["JP"]}, "enterprises[1].country: unknown ISO 3166-1"),
        ({"enterprises__0__tax_code": ["0100109106"]}, "enterprises[0].tax_code:"),
        ({"enterprises__0__products__0__recognized_key_product": {"year": 1990, "decision_no": "1"}},
         "enterprises[0].products[0].recognized_key_product.year: must be between 2000 and 2100"),
        ({"categories__1__parent": "ELEC.TRANSFORMER"}, "categories: the parents form a cycle"),
        ({"categories__0__name_vi": "D" * 201}, "categories[0].name_vi: is longer than 200 characters"),
    ],
)
def test_odd_values_are_reported_never_crash(app, change, path):
    from fairmatch.enterprises.import_export import ImportRefused

    with pytest.raises(ImportRefused) as refusal:
        run_import(app, document(**change))
    assert any(str(p).startswith(path) for p in refusal.value.problems), refusal.value.problems


def test_ten_thousand_characters_and_nfd_text_import_as_nfc(app):
    description = unicodedata.normalize("NFD", "Máy biến áp ") * 833 + "x" * 4
    nfc = unicodedata.normalize("NFC", description)
    assert len(nfc) == 10000 and len(description) > 10000
    run_import(app, document(enterprises__0__description_vi=description))
    with app.app_context():
        assert db.session.scalar(select(Enterprise.description_vi).where(Enterprise.tax_code == "0100109106")) == nfc


def test_importing_twice_changes_nothing_the_second_time(app):
    first = run_import(app, document())
    assert (first.categories_added, first.enterprises_added) == (2, 2)
    with app.app_context():
        stamps = dict(db.session.execute(select(Enterprise.key, Enterprise.updated_at)).all())
    audits = count(app, AuditEntry)
    second = run_import(app, document())
    assert (second.categories_added, second.categories_updated, second.enterprises_added,
            second.enterprises_updated, second.enterprises_unchanged) == (0, 0, 0, 0, 2)
    with app.app_context():
        assert dict(db.session.execute(select(Enterprise.key, Enterprise.updated_at)).all()) == stamps
    assert count(app, AuditEntry) == audits


def test_an_import_updates_by_key_and_replaces_products_and_needs(app):
    run_import(app, document())
    summary = run_import(app, document(enterprises__0__products=[], enterprises__0__employees=900))
    assert (summary.enterprises_updated, summary.enterprises_unchanged) == (1, 1)
    entry = exported(app)["enterprises"][0]
    assert entry["employees"] == 900 and "products" not in entry


def test_export_then_import_into_an_empty_database_gives_the_same_document(app):
    run_import(app, build_demo_exchange(seed=11, enterprises=60))
    run_import(app, document())
    before = exported(app)
    with app.app_context():
        db.session.execute(delete(Enterprise))
        db.session.execute(delete(Category))
        db.session.commit()
    assert count(app, Enterprise) == 0
    run_import(app, json.loads(json.dumps(before, ensure_ascii=False)))
    assert exported(app) == before
    assert run_import(app, before).enterprises_unchanged == len(before["enterprises"])


def test_the_exported_document_keeps_what_was_imported(app):
    run_import(app, document())
    entry = exported(app)["enterprises"][0]
    assert entry["certifications"] == [{"name": "ISO 14001", "expires_on": "2027-06-30"}, "ISO 9001"]
    assert entry["needs"][0]["annual_volume"] == {"value": 300.5, "unit": "t"}
    assert entry["products"][0]["recognized_key_product"] == {"year": 2024, "decision_no": "1234/QĐ-UBND"}


def upload(client, body: bytes, filename="data.json"):
    boundary, payload = encode_multipart(MultiDict({"document": FileStorage(io.BytesIO(body), filename)}))
    return client.post("/organizer/exchange?lang=en", data=payload,
                       content_type=f"multipart/form-data; boundary={boundary}")


def import_outcome(client, body: bytes):
    """Upload `body` and follow it as a browser does: to the import's progress page, then (the job
    ran inside the upload) to the page its result names."""
    response = upload(client, body)
    assert response.status_code == 303 and response.location.startswith("/jobs/")
    progress = client.get(response.location)
    assert progress.status_code == 200 and "Importing enterprises" in progress.get_data(as_text=True)
    job = client.get("/api/v1/jobs/" + response.location.rsplit("/", 1)[1]).get_json()
    assert job["state"] == "done"
    return client.get(job["result"]["url"])


@pytest.fixture
def organizer(make_user, auth):
    auth.login(make_user("organizer"))


def test_the_console_upload_reports_problems_row_by_row_and_imports_nothing(app, client, organizer):
    doc = document(enterprises__1__registration_no=None, enterprises__0__products__0__hs_code="85A")
    response = import_outcome(client, json.dumps(doc, ensure_ascii=False).encode())
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was imported" in page and "2 rows have problems." in page
    assert "0100109106 — Công ty CP Thiết bị điện Sông Hồng" in page
    assert "products[0].hs_code" in page and "must be 4 to 10 digits" in page
    assert "enterprises[1]" in page and "registration_no" in page
    assert count(app, Enterprise) == 0


def test_the_console_upload_imports_a_good_file_with_a_summary(app, client, organizer):
    body = ("\ufeff" + json.dumps(document(), ensure_ascii=False)).encode()
    page = import_outcome(client, body).get_data(as_text=True)
    assert "Enterprises: 2 added, 0 updated, 0 unchanged." in page
    assert "Enterprises: 0 added, 0 updated, 2 unchanged." in import_outcome(client, body).get_data(as_text=True)


def test_the_console_refuses_a_file_that_is_not_json(app, client, organizer):
    response = upload(client, b"\xff\xfe not json")
    assert response.status_code == 422 and "not valid UTF-8 JSON" in response.get_data(as_text=True)


def test_the_console_export_is_the_same_document_as_the_command(app, client, organizer, runner):
    run_import(app, document())
    response = client.get("/organizer/exchange/export.json")
    assert response.mimetype == "application/json" and "attachment" in response.headers["Content-Disposition"]
    assert response.get_json() == json.loads(runner.invoke(args=["export-data"]).stdout)


def test_the_directory_exports_to_csv_with_a_bom_for_excel(app, client, organizer):
    run_import(app, document(enterprises__0__contact={"name": "=HYPERLINK(\"http://evil\")",
                                                       "phone": "+84 24 1234 5678"}))
    response = client.get("/organizer/directory.csv?lang=vi&q=song+hong")
    assert response.mimetype == "text/csv" and response.data.startswith("\ufeff".encode())
    text = response.data.decode("utf-8-sig")
    assert "Công ty CP Thiết bị điện Sông Hồng" in text and "Kitaura" not in text
    assert "'=HYPERLINK" in text and ",+84 24 1234 5678," in text
    assert "Mã số thuế" in text.splitlines()[0]


def test_the_directory_exports_to_excel(app, client, organizer):
    run_import(app, document())
    response = client.get("/organizer/directory.xlsx?lang=en")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Key", "Tax code") and len(rows) == 3
    assert "Song Hong Electrical Equipment JSC" in rows[1] or "Song Hong Electrical Equipment JSC" in rows[2]


def test_only_organizers_import_and_export(client, make_user, auth):
    auth.login(make_user())
    for path in ("/organizer/exchange", "/organizer/exchange/export.json", "/organizer/directory.csv",
                 "/organizer/directory.xlsx"):
        assert client.get(path).status_code == 403
    assert upload(client, b"{}").status_code == 403
