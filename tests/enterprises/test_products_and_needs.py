"""What an enterprise makes and buys; recognised key products carry a badge only once verified."""

import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import CategoryInput, Need, Product
from fairmatch.extensions import db


def product_form(**overrides) -> dict:
    data = {"name_vi": "Trục khuỷu xe máy", "name_en": "Motorcycle crankshaft", "category": "MECH.MACHINED_PARTS",
            "description": "Thép C45, dung sai ±0,01 mm", "hs_code": "8483.10", "capacity_value": "120.000",
            "capacity_unit": "units", "min_order_value": "500", "min_order_unit": "units"}
    return data | overrides


def stored_products(app) -> list[Product]:
    with app.app_context():
        products = list(db.session.scalars(select(Product).order_by(Product.id)))
        db.session.expunge_all()
        return products


@pytest.fixture
def category(make_category):
    return make_category()


def test_a_member_adds_a_product_with_quantities_in_vietnamese_notation(app, client, member, category):
    response = client.post(f"/enterprises/{member}/products/new", data=product_form())
    assert response.status_code == 302
    [product] = stored_products(app)
    assert product.hs_code == "848310"
    assert (product.capacity_value, product.capacity_unit) == (120000, "units")
    page = client.get(f"/enterprises/{member}").get_data(as_text=True)
    assert "Trục khuỷu xe máy" in page and "120.000 cái" in page


def test_english_pages_read_english_numbers(app, client, member, category):
    client.post(f"/enterprises/{member}/products/new?lang=en", data=product_form(capacity_value="1,200.5"))
    assert stored_products(app)[0].capacity_value == 1200.5


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hs_code": "85"}, "An HS code has 4 to 10 digits"),
        ({"hs_code": "85042100123"}, "An HS code has 4 to 10 digits"),
        ({"hs_code": "84A3"}, "An HS code has 4 to 10 digits"),
        ({"name_vi": "", "name_en": ""}, "Give the product a name"),
        ({"category": ""}, "This field is required."),
        ({"category": "NO.SUCH"}, "Choose one of the listed options."),
        ({"capacity_value": "nhiều"}, "Enter a number"),
        ({"capacity_value": "-3"}, "Enter a number between 0"),
        ({"capacity_unit": ""}, "Choose the unit."),
        ({"min_order_value": "", "min_order_unit": "kg"}, "Enter the quantity, or clear the unit."),
        ({"capacity_unit": "barrels"}, "Choose one of the listed options."),
        ({"description": "x" * 10001}, "Use at most 10000 characters."),
        ({"recognized": "y", "recognized_year": "", "recognized_decision_no": "12/QĐ-UBND"}, "Enter the year"),
        ({"recognized": "y", "recognized_year": "1999", "recognized_decision_no": "12/QĐ-UBND"}, "between 2000"),
        ({"recognized": "y", "recognized_year": "2024", "recognized_decision_no": ""}, "Enter the number of the"),
    ],
)
def test_a_bad_product_is_refused_and_keeps_what_was_typed(app, client, member, category, overrides, message):
    response = client.post(f"/enterprises/{member}/products/new?lang=en", data=product_form(**overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert "Thép C45, dung sai ±0,01 mm" in page or "description" in overrides
    assert stored_products(app) == []


@pytest.mark.parametrize("hs_code", ["8504", "850421", "8504210000", "8504.21.00"])
def test_hs_codes_of_four_to_ten_digits_are_accepted(app, client, member, category, hs_code):
    assert client.post(f"/enterprises/{member}/products/new", data=product_form(hs_code=hs_code)).status_code == 302


def test_a_claimed_key_product_shows_no_badge_until_an_organizer_verifies_it(
    app, client, member, category, make_user, auth
):
    claim = {"recognized": "y", "recognized_year": "2024", "recognized_decision_no": "1234/QĐ-UBND"}
    client.post(f"/enterprises/{member}/products/new", data=product_form(**claim))
    [product] = stored_products(app)
    assert product.claim_state == "pending"
    owner_view = client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert "Key product 2024" not in owner_view and "awaiting verification" in owner_view
    auth.logout()
    assert "Key product 2024" not in client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert "Makes a recognised" in client.get("/directory?lang=en").get_data(as_text=True)
    assert client.get("/directory?recognized=1").get_data(as_text=True).count('class="card result"') == 0

    auth.login(make_user("organizer"))
    queue = client.get("/organizer/verification?lang=en").get_data(as_text=True)
    assert "1234/QĐ-UBND" in queue
    client.post(f"/organizer/claims/{product.id}/review", data={"verify": "1"})
    auth.logout()
    assert "Key product 2024" in client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert client.get("/directory?recognized=1").get_data(as_text=True).count('class="card result"') == 1


def test_changing_a_verified_claim_asks_for_verification_again(app, client, member, category, make_product):
    product_id = make_product(member, category, recognized_year=2022, recognized_decision_no="12/QĐ-UBND",
                              recognized_verified=True)
    data = product_form(recognized="y", recognized_year="2022", recognized_decision_no="12/QĐ-UBND",
                        description="Mô tả mới")
    client.post(f"/enterprises/{member}/products/{product_id}", data=data)
    assert stored_products(app)[0].claim_state == "verified"
    client.post(f"/enterprises/{member}/products/{product_id}", data=data | {"recognized_year": "2023"})
    assert stored_products(app)[0].claim_state == "pending"


def test_a_member_cannot_touch_another_enterprises_products(app, client, member, category, make_enterprise,
                                                            make_product):
    other = make_enterprise()
    product_id = make_product(other, category)
    assert client.get(f"/enterprises/{other}/products/{product_id}").status_code == 403
    assert client.post(f"/enterprises/{other}/products/{product_id}/delete").status_code == 403
    assert client.post(f"/enterprises/{member}/products/{product_id}/delete").status_code == 404
    assert len(stored_products(app)) == 1


def test_a_member_edits_and_removes_a_product(app, client, member, category, make_product):
    product_id = make_product(member, category)
    page = client.get(f"/enterprises/{member}/products/{product_id}").get_data(as_text=True)
    assert 'value="Trục thép"' in page
    client.post(f"/enterprises/{member}/products/{product_id}", data=product_form(name_vi="Trục thép C45"))
    assert stored_products(app)[0].name_vi == "Trục thép C45"
    client.post(f"/enterprises/{member}/products/{product_id}/delete")
    assert stored_products(app) == []


def test_a_buyer_states_a_need_with_volume_and_certifications(app, client, member, category):
    data = {"category": category, "volume_value": "300", "volume_unit": "t",
            "required_certifications": ["ISO 9001", "IATF 16949"], "notes": "Giao hàng tại Bắc Ninh"}
    assert client.post(f"/enterprises/{member}/needs/new", data=data).status_code == 302
    with app.app_context():
        need = db.session.scalar(select(Need))
        assert (need.volume_value, need.volume_unit) == (300, "t")
        assert need.required_certifications == ["ISO 9001", "IATF 16949"]
    page = client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert "Looking for" in page and "ISO 9001, IATF 16949" in page


def test_an_unknown_certification_in_a_need_is_refused(app, client, member, category):
    data = {"category": category, "required_certifications": ["ISO 9001", "ISO 9999"]}
    response = client.post(f"/enterprises/{member}/needs/new?lang=en", data=data)
    assert response.status_code == 422
    assert "Not in the list: &#39;ISO 9999&#39;." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Need)) is None


def test_an_ambiguous_number_is_refused_rather_than_guessed(app, client, member, category):
    response = client.post(f"/enterprises/{member}/products/new", data=product_form(capacity_value="1.5"))
    assert response.status_code == 422
    assert 'value="1.5"' in response.get_data(as_text=True)
    assert stored_products(app) == []


@pytest.fixture
def transformer_maker(app, member, make_category, make_product):
    """The member makes 400 transformers a year, each made from 0.6 t of electrical steel."""
    make_category("MAT.ELEC_STEEL", name_vi="Thép kỹ thuật điện", name_en="Electrical steel", sector="metals")
    make_category("MAT.RESIN", name_vi="Hạt nhựa PP", name_en="PP resin", sector="chemicals")
    make_category("ELEC.TRANSFORMER", name_vi="Máy biến áp", name_en="Power transformers",
                  sector="electrical-electronics", inputs=["MAT.ELEC_STEEL"])
    with app.app_context():
        link = db.session.scalar(select(CategoryInput))
        link.per_unit_value, link.per_unit_unit = 0.6, "t"
        db.session.commit()
    make_product(member, "ELEC.TRANSFORMER", capacity_value=400, capacity_unit="units")
    return member


def _need(client, key, category, volume="", unit="t"):
    data = {"category": category, "volume_value": volume, "volume_unit": unit if volume else ""}
    return client.post(f"/enterprises/{key}/needs/new?lang=en", data=data, follow_redirects=True)


def test_a_need_that_goes_into_nothing_the_firm_makes_is_saved_with_a_warning(app, client, transformer_maker):
    page = _need(client, transformer_maker, "MAT.RESIN", "59000").get_data(as_text=True)
    assert "The need is saved." in page
    assert "PP resin goes into none of the products you list" in page and "flash-warning" in page
    with app.app_context():
        assert db.session.scalar(select(Need)).category.code == "MAT.RESIN"


def test_a_volume_beyond_what_the_firm_s_output_uses_is_questioned_in_tonnes_or_kilograms(app, client,
                                                                                           transformer_maker):
    too_much = _need(client, transformer_maker, "MAT.ELEC_STEEL", "800000", "kg").get_data(as_text=True)
    assert "800,000 kg a year is more than your output uses: your stated capacity needs about 240,000 kg" in too_much
    fitting = _need(client, transformer_maker, "MAT.ELEC_STEEL", "250").get_data(as_text=True)
    assert "The need is saved." in fitting and "flash-warning" not in fitting


def test_a_buyer_that_makes_nothing_states_any_need_without_a_warning(client, member, category):
    page = _need(client, member, category, "300").get_data(as_text=True)
    assert "The need is saved." in page and "flash-warning" not in page
