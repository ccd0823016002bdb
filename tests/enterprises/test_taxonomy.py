"""Organizers browse and edit the taxonomy; a loop in the supply chain is refused and explained."""

from sqlalchemy import select

from fairmatch.enterprises.models import Category
from fairmatch.extensions import db


def category_form(**overrides) -> dict:
    data = {"code": "ELEC.TRANSFORMER", "name_vi": "Máy biến áp", "name_en": "Power transformer",
            "sector": "electrical-electronics", "parent": "", "inputs": ""}
    return data | overrides


def inputs_of(app, code) -> list[str]:
    with app.app_context():
        category = db.session.scalar(select(Category).where(Category.code == code))
        return [c.code for c in category.inputs]


def test_an_organizer_adds_a_category_with_its_inputs(app, client, make_category, make_user, auth):
    make_category("MAT.COPPER_WIRE", name_vi="Dây đồng", name_en="Copper winding wire", sector="metals")
    make_category("MAT.ELEC_STEEL", name_vi="Tôn silic", name_en="Electrical steel", sector="metals")
    auth.login(make_user("organizer"))
    response = client.post("/organizer/taxonomy/new", data=category_form(inputs="mat.copper_wire,\nMAT.ELEC_STEEL"))
    assert response.status_code == 302
    assert inputs_of(app, "ELEC.TRANSFORMER") == ["MAT.COPPER_WIRE", "MAT.ELEC_STEEL"]
    page = client.get("/organizer/taxonomy/MAT.COPPER_WIRE?lang=en").get_data(as_text=True)
    assert "Used to make" in page and "ELEC.TRANSFORMER" in page
    listing = client.get("/organizer/taxonomy?q=bien+ap").get_data(as_text=True)
    assert "ELEC.TRANSFORMER" in listing and "MAT.ELEC_STEEL" in listing


def test_a_cycle_is_refused_with_a_clear_message(app, client, make_category, make_user, auth):
    make_category("MAT.ALU_INGOT", name_vi="Nhôm thỏi", name_en="Aluminium ingot", sector="metals")
    make_category("METAL.DIE_CASTING", name_vi="Đúc áp lực nhôm", name_en="Aluminium die castings",
                  sector="metals", inputs=["MAT.ALU_INGOT"])
    make_category("MECH.MACHINED_PARTS", inputs=["METAL.DIE_CASTING"])
    auth.login(make_user("organizer"))
    response = client.post("/organizer/taxonomy/MAT.ALU_INGOT?lang=en", data=category_form(
        code="MAT.ALU_INGOT", name_vi="Nhôm thỏi", name_en="Aluminium ingot", sector="metals",
        inputs="MECH.MACHINED_PARTS",
    ))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "loop in the supply chain" in page
    assert "MAT.ALU_INGOT → MECH.MACHINED_PARTS → METAL.DIE_CASTING → MAT.ALU_INGOT" in page
    assert inputs_of(app, "MAT.ALU_INGOT") == []


def test_a_category_cannot_be_its_own_input_or_inside_itself(app, client, make_category, make_user, auth):
    make_category("MECH.PARTS", name_vi="Linh kiện", name_en="Parts")
    make_category("MECH.GEARS", name_vi="Bánh răng", name_en="Gears", parent="MECH.PARTS")
    auth.login(make_user("organizer"))
    own = client.post("/organizer/taxonomy/MECH.PARTS?lang=en", data=category_form(code="MECH.PARTS",
                                                                                    inputs="MECH.PARTS"))
    assert own.status_code == 422 and "cannot be an input of itself" in own.get_data(as_text=True)
    inside = client.post("/organizer/taxonomy/MECH.PARTS?lang=en", data=category_form(code="MECH.PARTS",
                                                                                       parent="MECH.GEARS"))
    assert inside.status_code == 422 and "cannot be inside itself" in inside.get_data(as_text=True)


def test_unknown_codes_and_duplicates_are_refused(app, client, make_category, make_user, auth):
    make_category()
    auth.login(make_user("organizer"))
    unknown = client.post("/organizer/taxonomy/new?lang=en", data=category_form(inputs="MAT.UNOBTAINIUM"))
    assert unknown.status_code == 422 and "Unknown category codes: MAT.UNOBTAINIUM." in unknown.get_data(as_text=True)
    duplicate = client.post("/organizer/taxonomy/new?lang=en", data=category_form(code="MECH.MACHINED_PARTS"))
    assert duplicate.status_code == 422 and "already exists" in duplicate.get_data(as_text=True)
    bad_code = client.post("/organizer/taxonomy/new?lang=en", data=category_form(code="máy biến áp"))
    assert bad_code.status_code == 422 and "capital letters" in bad_code.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Category).where(Category.code == "ELEC.TRANSFORMER")) is None


def test_the_code_of_an_existing_category_never_changes(app, client, make_category, make_user, auth):
    make_category()
    auth.login(make_user("organizer"))
    client.post("/organizer/taxonomy/MECH.MACHINED_PARTS", data=category_form(code="OTHER.CODE", name_vi="Chi tiết"))
    with app.app_context():
        assert db.session.scalar(select(Category.name_vi).where(Category.code == "MECH.MACHINED_PARTS")) == "Chi tiết"


def test_a_category_in_use_cannot_be_deleted(app, client, make_enterprise, make_category, make_product, make_user,
                                             auth):
    make_category()
    make_category("MAT.SPARE", name_vi="Dự phòng", name_en="Spare", sector="other")
    make_product(make_enterprise(), "MECH.MACHINED_PARTS")
    auth.login(make_user("organizer"))
    refused = client.post("/organizer/taxonomy/MECH.MACHINED_PARTS/delete?lang=en")
    assert refused.status_code == 422
    assert "still in use (products: 1, needs: 0, subcategories: 0)" in refused.get_data(as_text=True)
    assert client.post("/organizer/taxonomy/MAT.SPARE/delete").status_code == 302
    with app.app_context():
        assert [c.code for c in db.session.scalars(select(Category))] == ["MECH.MACHINED_PARTS"]


def test_only_organizers_edit_the_taxonomy(client, make_category, make_user, auth):
    make_category()
    auth.login(make_user())
    assert client.get("/organizer/taxonomy").status_code == 403
    assert client.post("/organizer/taxonomy/new", data=category_form()).status_code == 403
    assert client.post("/organizer/taxonomy/MECH.MACHINED_PARTS/delete").status_code == 403
