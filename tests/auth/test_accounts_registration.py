"""Registration asks what booking needs (sectors) and refuses what no real enterprise or person has:
a personal ID of no province, names with markup or emoji."""

import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, new_tax_code


def registration(**overrides):
    data = {
        "role": "exhibitor",
        "name": "Phạm Thu Hà",
        "email": "ha@thanhcong.vn",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "enterprise_action": "create",
        "country": "VN",
        "tax_code": new_tax_code(),
        "name_vi": "Công ty CP Khuôn mẫu Thành Công",
        "name_en": "Thanh Cong Moulds JSC",
        "kind": "supplier",
        "sectors": ["precision-mechanics"],
        "consent": "y",
    }
    return data | overrides


def confirm_address(app, client, email):
    with app.app_context():
        link = db.session.scalar(
            select(Notification.link).where(Notification.email == email, Notification.kind == "verify_email")
        )
    return client.get(link.replace("http://localhost", ""))


def stored(app, key):
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        return None if enterprise is None else (enterprise.name_vi, enterprise.sector_codes)


def test_the_registration_form_offers_the_profile_sectors(client):
    page = client.get("/register?lang=en").get_data(as_text=True)
    assert 'name="sectors" type="checkbox" value="precision-mechanics"' in page
    assert "Precision mechanics" in page


def test_a_new_exhibitor_chooses_sectors_and_can_book_a_booth_of_its_zone(app, client, make_fair):
    make_fair(booths_per_row=3, zones={"A01": "precision-mechanics"})
    data = registration(sectors=["precision-mechanics", "plastics-rubber"])
    assert client.post("/register", data=data).status_code == 302
    assert stored(app, data["tax_code"])[1] == ["plastics-rubber", "precision-mechanics"]
    confirm_address(app, client, data["email"])
    response = client.post("/api/v1/booths/A01/reservations", json={})
    assert response.status_code == 201, response.get_json()


def test_an_exhibitor_registering_an_enterprise_without_a_sector_is_asked_for_one(app, client):
    data = registration(sectors=[])
    response = client.post("/register?lang=en", data=data)
    assert response.status_code == 422
    assert "Choose at least one sector" in response.get_data(as_text=True)
    assert stored(app, data["tax_code"]) is None


def test_a_buyer_may_register_without_sectors(app, client):
    data = registration(role="buyer", kind="buyer", sectors=[])
    assert client.post("/register", data=data).status_code == 302
    assert stored(app, data["tax_code"])[1] == []


@pytest.mark.parametrize(
    ("personal_id", "reason"),
    [
        ("000000000000", "000 is none"),
        ("099085012345", "099 is none"),
        ("001485012345", "in the future (2185)"),
        ("001212345678", "(2012) of someone under 18"),
    ],
)
def test_a_household_business_id_that_no_citizen_has_is_refused_with_the_reason(app, client, personal_id, reason):
    response = client.post("/register?lang=en", data=registration(tax_code=personal_id))
    assert response.status_code == 422
    assert reason in response.get_data(as_text=True)
    assert stored(app, personal_id) is None


def test_the_reason_for_a_wrong_personal_id_is_given_in_vietnamese_too(client):
    page = client.post("/register", data=registration(tax_code="000000000000")).get_data(as_text=True)
    assert "000" in page and "Số định danh cá nhân" in page


def test_the_id_of_an_adult_born_in_hanoi_registers_a_household_business(app, client):
    assert client.post("/register", data=registration(tax_code="001085012345")).status_code == 302
    assert stored(app, "001085012345") is not None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name_vi", "<b>Công ty</b> TNHH Nhựa Tân Phong"),
        ("name_vi", "Công ty TNHH Nhựa 🚀 Tân Phong"),
        ("name_en", "Tan Phong <script>alert(1)</script>"),
        ("name", "Phạm Thu Hà 😀"),
        ("name", "<img src=x onerror=alert(1)>"),
    ],
)
def test_names_with_markup_or_emoji_are_refused_with_a_clear_message(app, client, field, value):
    data = registration(**{field: value})
    response = client.post("/register?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "no emoji, symbols or markup" in page
    assert stored(app, data["tax_code"]) is None


def test_a_legal_name_with_the_punctuation_of_legal_names_is_accepted(app, client):
    name = "Công ty TNHH Cơ khí & Điện Hòa Lạc (HLM), chi nhánh Bắc Ninh - Số 1/2 O'Brien."
    data = registration(name_vi=name, name="Nguyễn Thị Mai-Anh")
    assert client.post("/register", data=data).status_code == 302
    assert stored(app, data["tax_code"])[0] == name


def test_the_profile_editor_applies_the_same_name_rule(client, make_enterprise, make_user, auth):
    key = make_enterprise()
    auth.login(make_user(enterprise=key))
    response = client.post(
        f"/enterprises/{key}/edit?lang=en",
        data={"country": "VN", "tax_code": key, "name_vi": "Công ty <i>Hòa Lạc</i>", "kind": "supplier"},
    )
    assert response.status_code == 422
    assert "no emoji, symbols or markup" in response.get_data(as_text=True)
