"""Typed, quantified supply-chain relations and HS codes: an input is a material (with how much of
it goes into one unit), tooling, equipment or a service; bad input is refused whole, by JSON path;
the taxonomy editor reads and shows the same."""

import copy

import pytest
from sqlalchemy import select

from fairmatch.common.exchange_validation import validate
from fairmatch.enterprises.import_export import ImportRefused, export_document, import_document
from fairmatch.enterprises.models import Category, CategoryInput
from fairmatch.extensions import db

TAXONOMY = {
    "format": "fairmatch-exchange/1",
    "categories": [
        {"code": "MAT.ELEC_STEEL", "name_vi": "Thép kỹ thuật điện", "name_en": "Electrical steel",
         "sector": "metals", "hs": "722611"},
        {"code": "MAT.COPPER_WIRE", "name_vi": "Dây đồng", "name_en": "Copper winding wire", "sector": "metals",
         "hs": "740811"},
        {"code": "TOOL.WINDING_JIG", "name_vi": "Đồ gá quấn dây", "name_en": "Winding jigs",
         "sector": "precision-mechanics", "hs": "8207"},
        {"code": "SVC.HV_TESTING", "name_vi": "Thử nghiệm cao áp", "name_en": "High-voltage testing",
         "sector": "electrical-electronics"},
        {"code": "ELEC.TRANSFORMER", "name_vi": "Máy biến áp", "name_en": "Power transformers",
         "sector": "electrical-electronics", "hs": "850422",
         "inputs": [{"code": "MAT.COPPER_WIRE", "per_unit": {"value": 0.25, "unit": "t"}},
                    {"code": "MAT.ELEC_STEEL", "per_unit": {"value": 0.6, "unit": "t"}},
                    {"code": "SVC.HV_TESTING", "kind": "service"},
                    {"code": "TOOL.WINDING_JIG", "kind": "tooling"}]},
    ],
    "enterprises": [],
}


def doc_with(**changes) -> dict:
    doc = copy.deepcopy(TAXONOMY)
    transformer = doc["categories"][4]
    for key, value in changes.items():
        transformer[key] = value
    return doc


def problems(doc) -> list[str]:
    return [str(problem) for problem in validate(doc, {})]


def test_a_typed_quantified_taxonomy_is_valid_and_round_trips_exactly(app):
    assert problems(TAXONOMY) == []
    with app.app_context():
        import_document(copy.deepcopy(TAXONOMY))
        first = export_document()
        transformer = db.session.scalar(select(Category).where(Category.code == "ELEC.TRANSFORMER"))
        kinds = {link.code: (link.kind, link.per_unit_value, link.per_unit_unit) for link in transformer.input_links}
        assert transformer.hs == "850422"
        assert kinds == {"MAT.COPPER_WIRE": ("material", 0.25, "t"), "MAT.ELEC_STEEL": ("material", 0.6, "t"),
                         "SVC.HV_TESTING": ("service", None, None), "TOOL.WINDING_JIG": ("tooling", None, None)}
        summary = import_document(copy.deepcopy(first))
        assert (summary.categories_added, summary.categories_updated) == (0, 0)
        assert export_document() == first
    transformer = next(c for c in first["categories"] if c["code"] == "ELEC.TRANSFORMER")
    assert transformer["inputs"] == [
        {"code": "MAT.COPPER_WIRE", "per_unit": {"value": 0.25, "unit": "t"}},
        {"code": "MAT.ELEC_STEEL", "per_unit": {"value": 0.6, "unit": "t"}},
        {"code": "SVC.HV_TESTING", "kind": "service"},
        {"code": "TOOL.WINDING_JIG", "kind": "tooling"},
    ]


def test_a_material_of_unknown_quantity_is_written_as_its_plain_code(app):
    doc = doc_with(inputs=[{"code": "MAT.COPPER_WIRE", "kind": "material"}, "MAT.ELEC_STEEL"])
    with app.app_context():
        import_document(doc)
        transformer = next(c for c in export_document()["categories"] if c["code"] == "ELEC.TRANSFORMER")
    assert transformer["inputs"] == ["MAT.COPPER_WIRE", "MAT.ELEC_STEEL"]


@pytest.mark.parametrize("entry, path, message", [
    ({"code": "TOOL.WINDING_JIG", "kind": "mould"}, "categories[4].inputs[0].kind", "unknown kind of input 'mould'"),
    ({"code": "TOOL.WINDING_JIG", "kind": "tooling", "per_unit": {"value": 1, "unit": "units"}},
     "categories[4].inputs[0].per_unit", "only a material goes into a product by quantity"),
    ({"code": "MAT.ELEC_STEEL", "per_unit": {"value": 0, "unit": "t"}},
     "categories[4].inputs[0].per_unit.value", "must be a number more than 0"),
    ({"code": "MAT.ELEC_STEEL", "per_unit": {"value": -0.6, "unit": "t"}},
     "categories[4].inputs[0].per_unit.value", "must be a number more than 0"),
    ({"code": "MAT.ELEC_STEEL", "per_unit": {"value": 0.6, "unit": "tonnes"}},
     "categories[4].inputs[0].per_unit.unit", "unknown unit 'tonnes'"),
    ({"code": "MAT.ELEC_STEEL", "grade": "M4"}, "categories[4].inputs[0]", "unknown field 'grade'"),
    (["MAT.ELEC_STEEL"], "categories[4].inputs[0]", 'must be a category code or {"code", "kind", "per_unit"}'),
])
def test_a_bad_relation_is_refused_whole_with_its_json_path(app, entry, path, message):
    doc = doc_with(inputs=[entry])
    assert any(p.startswith(f"{path}: {message}") for p in problems(doc)), problems(doc)
    with app.app_context(), pytest.raises(ImportRefused):
        import_document(doc)
    with app.app_context():
        assert db.session.scalar(select(Category)) is None


def test_one_input_counted_in_two_kinds_of_unit_is_refused(app):
    doc = copy.deepcopy(TAXONOMY)
    doc["categories"].append({"code": "ELEC.MOTOR", "name_vi": "Động cơ điện", "name_en": "Electric motors",
                              "sector": "electrical-electronics",
                              "inputs": [{"code": "MAT.ELEC_STEEL", "per_unit": {"value": 40, "unit": "m"}}]})
    assert problems(doc) == [
        "categories[5].inputs[0].per_unit.unit: 'm' does not fit: MAT.ELEC_STEEL is counted in mass at "
        "categories[4].inputs[1].per_unit.unit"
    ]


@pytest.mark.parametrize("hs", ["85042211", "85", "8504 22", 850422])
def test_a_category_hs_code_is_six_digits_or_a_four_digit_heading(hs):
    assert problems(doc_with(hs=hs)) == [
        "categories[4].hs: must be an HS 2022 code: 6 digits, or the 4-digit heading"
    ]


def test_an_input_listed_twice_is_refused():
    assert problems(doc_with(inputs=["MAT.ELEC_STEEL", {"code": "MAT.ELEC_STEEL", "kind": "tooling"}])) == [
        "categories[4].inputs[1]: 'MAT.ELEC_STEEL' is listed twice"
    ]


@pytest.fixture
def organizer_client(app, client, make_user, auth):
    with app.app_context():
        import_document(copy.deepcopy(TAXONOMY))
    auth.login(make_user("organizer"))
    return client


def _form(**fields) -> dict:
    return {"code": "ELEC.TRANSFORMER", "name_vi": "Máy biến áp", "name_en": "Power transformers",
            "sector": "electrical-electronics", "parent": "", "hs": "850422", "inputs": ""} | fields


def test_the_editor_saves_quantities_and_kinds_typed_one_per_line_and_shows_them(app, organizer_client):
    typed = "MAT.ELEC_STEEL 0.55 t\nMAT.COPPER_WIRE\nTOOL.WINDING_JIG tooling\nSVC.HV_TESTING dịch vụ"
    response = organizer_client.post("/organizer/taxonomy/ELEC.TRANSFORMER?lang=en", data=_form(inputs=typed))
    assert response.status_code == 302
    with app.app_context():
        links = db.session.scalars(select(CategoryInput).join(Category, Category.id == CategoryInput.output_id)
                                   .where(Category.code == "ELEC.TRANSFORMER")).all()
        assert sorted((link.code, link.kind, link.per_unit_value, link.per_unit_unit) for link in links) == [
            ("MAT.COPPER_WIRE", "material", None, None), ("MAT.ELEC_STEEL", "material", 0.55, "t"),
            ("SVC.HV_TESTING", "service", None, None), ("TOOL.WINDING_JIG", "tooling", None, None)]
    page = organizer_client.get("/organizer/taxonomy/ELEC.TRANSFORMER?lang=en").get_data(as_text=True)
    assert "0.55 t per unit" in page and "(tooling)" in page and "(service)" in page
    assert "MAT.ELEC_STEEL 0.55 t" in page  # the form shows what it saved, in the same syntax
    vietnamese = organizer_client.get("/organizer/taxonomy/ELEC.TRANSFORMER?lang=vi").get_data(as_text=True)
    assert "0,55 tấn mỗi đơn vị" in vietnamese and "(khuôn, dưỡng, đồ gá)" in vietnamese
    assert "MAT.ELEC_STEEL 0,55 t" in vietnamese  # the Vietnamese form writes a decimal comma


def test_a_quantity_reads_in_the_page_s_language_and_an_ambiguous_one_is_refused(app, organizer_client):
    vietnamese = organizer_client.post("/organizer/taxonomy/ELEC.TRANSFORMER?lang=vi",
                                       data=_form(inputs="MAT.ELEC_STEEL 1,25 t"))
    assert vietnamese.status_code == 302
    with app.app_context():
        link = db.session.scalar(select(CategoryInput).join(Category, Category.id == CategoryInput.input_id)
                                 .where(Category.code == "MAT.ELEC_STEEL"))
        assert link.per_unit_value == 1.25
    english = organizer_client.post("/organizer/taxonomy/ELEC.TRANSFORMER?lang=en",
                                    data=_form(inputs="MAT.ELEC_STEEL 1,25 t"))
    assert english.status_code == 422


def test_the_editor_refuses_a_line_it_cannot_read_and_keeps_what_was_typed(app, organizer_client):
    typed = "MAT.ELEC_STEEL 0,6 barrels"
    response = organizer_client.post("/organizer/taxonomy/ELEC.TRANSFORMER?lang=en", data=_form(inputs=typed))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Line 1: after the code write how much goes into one unit" in page and typed in page
    with app.app_context():
        transformer = db.session.scalar(select(Category).where(Category.code == "ELEC.TRANSFORMER"))
        assert len(transformer.input_links) == 4


def test_the_editor_refuses_a_quantity_in_a_unit_of_another_kind_than_elsewhere(app, organizer_client):
    form = _form(code="ELEC.MOTOR", name_vi="Động cơ", name_en="Motors", hs="850152", inputs="MAT.ELEC_STEEL 40 m")
    response = organizer_client.post("/organizer/taxonomy/new?lang=en", data=form)
    assert response.status_code == 422
    assert "MAT.ELEC_STEEL is counted in t in other categories" in response.get_data(as_text=True)
