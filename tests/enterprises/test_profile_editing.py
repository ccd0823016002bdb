"""Members edit their own enterprise's profile; every field is checked; nothing typed is lost."""

import unicodedata
from datetime import date

import pytest
from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from tests.conftest import new_tax_code
from tests.enterprises.conftest import certification, enterprise, profile_form


def test_a_member_saves_the_whole_profile(app, client, member):
    data = profile_form(sectors=["precision-mechanics", "metals"], export_markets="jp, kr de") | certification(
        "ISO 9001", "2028-03-31"
    ) | certification("IATF 16949")
    response = client.post(f"/enterprises/{member}/edit", data=data)
    assert response.status_code == 302
    saved = enterprise(app, member)
    assert saved.sector_codes == ["metals", "precision-mechanics"]
    assert saved.export_markets == ["JP", "KR", "DE"]
    assert {c.name: c.expires_on for c in saved.certifications} == {"ISO 9001": date(2028, 3, 31), "IATF 16949": None}
    assert (saved.founded_year, saved.employees, saved.locality) == (2004, 180, "Thạch Thất")
    page = client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert "Precision machining." in page and "Japan" in page and "valid until 31 March 2028" in page


def test_a_member_cannot_edit_another_enterprise(app, client, member, make_enterprise):
    other = make_enterprise(name_vi="Công ty CP Nhựa Tân Phong")
    assert client.get(f"/enterprises/{other}/edit").status_code == 403
    response = client.post(f"/enterprises/{other}/edit", data=profile_form(name_vi="Đã bị sửa"))
    assert response.status_code == 403
    assert enterprise(app, other).name_vi == "Công ty CP Nhựa Tân Phong"


def test_a_visitor_is_sent_to_sign_in_and_a_pending_member_is_refused(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    assert client.get(f"/enterprises/{key}/edit").status_code == 302
    email = make_user()
    with app.app_context():
        from fairmatch.auth.models import User
        from fairmatch.enterprises.models import Membership

        user = db.session.scalar(select(User).where(User.email == email))
        target = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        db.session.add(Membership(user=user, enterprise=target, status="pending"))
        db.session.commit()
    auth.login(email)
    assert client.get(f"/enterprises/{key}/edit").status_code == 403


def test_an_organizer_edits_any_enterprise_and_may_correct_its_tax_code(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    auth.login(make_user("organizer"))
    corrected = new_tax_code()
    response = client.post(f"/enterprises/{key}/edit", data=profile_form(country="VN", tax_code=corrected))
    assert response.status_code == 302
    assert enterprise(app, corrected).tax_code == corrected
    assert client.get(f"/enterprises/{key}").status_code == 404


def test_a_member_cannot_change_the_tax_code(app, client, member):
    client.post(f"/enterprises/{member}/edit", data=profile_form(country="VN", tax_code=new_tax_code()))
    assert enterprise(app, member).key == member


def test_an_organizer_cannot_give_a_tax_code_that_another_enterprise_has(client, make_enterprise, make_user, auth):
    key, taken = make_enterprise(), make_enterprise()
    auth.login(make_user("organizer"))
    response = client.post(f"/enterprises/{key}/edit?lang=en", data=profile_form(country="VN", tax_code=taken))
    assert response.status_code == 422
    assert "Another enterprise already has this tax code" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("tax_code", "valid"),
    [("0100109106", True), ("0100109106-001", True), ("001188089222", True), ("0100109107", False),
     ("0100109106-01", False), ("01001091", False), ("01001091061", False), ("abcdefghij", False)],
)
def test_tax_codes_are_checked_in_every_form(client, make_enterprise, make_user, auth, tax_code, valid):
    key = make_enterprise()
    auth.login(make_user("organizer"))
    response = client.post(f"/enterprises/{key}/edit?lang=en", data=profile_form(country="VN", tax_code=tax_code))
    assert response.status_code == (302 if valid else 422)
    if not valid:
        assert "not a valid tax code" in response.get_data(as_text=True)


def test_a_foreign_enterprise_is_identified_by_country_and_registration(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    auth.login(make_user("organizer"))
    response = client.post(f"/enterprises/{key}/edit", data=profile_form(country="jp", tax_code="",
                                                                         registration_no="0104-01-012345"))
    assert response.status_code == 302
    saved = enterprise(app, "JP-0104-01-012345")
    assert (saved.country, saved.tax_code, saved.registration_no) == ("JP", None, "0104-01-012345")
    bad = client.post("/enterprises/JP-0104-01-012345/edit?lang=en", data=profile_form(country="XX"))
    assert bad.status_code == 422 and "two-letter ISO country code" in bad.get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name_vi", "", "Enter the legal name in Vietnamese."),
        ("name_vi", "N" * 301, "Use at most 300 characters."),
        ("name_en", "N" * 301, "Use at most 300 characters."),
        ("kind", "manufacturer", "Choose one of the listed options."),
        ("sectors", ["precision-mechanics", "space-travel"], "Not in the list: &#39;space-travel&#39;."),
        ("address", "A" * 501, "Use at most 500 characters."),
        ("locality", "L" * 121, "Use at most 120 characters."),
        ("industrial_park", "P" * 121, "Use at most 120 characters."),
        ("founded_year", "1750", "Enter a year between 1800 and"),
        ("founded_year", "hai nghìn", "Enter a whole number, e.g. 250."),
        ("employees", "-5", "Enter a whole number, e.g. 250."),
        ("description_vi", "x" * 10001, "Use at most 10000 characters."),
        ("description_en", "x" * 10001, "Use at most 10000 characters."),
        ("website", "javascript:alert(1)", "Enter a web address, e.g. https://example.vn."),
        ("website", "ftp://files.example.vn", "Enter a web address, e.g. https://example.vn."),
        ("contact_email", "mai@", "Enter a valid email address"),
        ("contact_phone", "call me maybe", "Enter a phone number"),
        ("export_markets", "JP, XX, EU", "Unknown country codes: XX, EU."),
        ("certifications-0-expires_on", "31/12/2027", "Enter a date like 2027-06-30."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_changes(app, client, member, field, value, message):
    before = enterprise(app, member)
    data = profile_form(name_en="Hoa Lac Mechanics (renamed)") | {field: value}
    response = client.post(f"/enterprises/{member}/edit?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert ("N" * 301 if field == "name_en" else "Hoa Lac Mechanics (renamed)") in page
    after = enterprise(app, member)
    assert (after.name_en, after.updated_at) == (before.name_en, before.updated_at)


def test_a_refusal_speaks_vietnamese_on_a_vietnamese_page(client, member):
    response = client.post(f"/enterprises/{member}/edit", data=profile_form(name_vi=""))
    assert response.status_code == 422
    assert "Hãy nhập tên pháp lý bằng tiếng Việt." in response.get_data(as_text=True)


def test_ten_thousand_characters_fit_in_a_description(app, client, member):
    text = "Cơ khí chính xác. " * 555 + "x" * 10
    assert len(text) == 10000
    response = client.post(f"/enterprises/{member}/edit", data=profile_form(description_vi=text))
    assert response.status_code == 302
    assert enterprise(app, member).description_vi == text


def test_nfd_input_is_stored_as_nfc(app, client, member):
    decomposed = unicodedata.normalize("NFD", "Công ty TNHH Khuôn mẫu Đức Việt")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    client.post(f"/enterprises/{member}/edit", data=profile_form(name_vi=decomposed, locality="Đông Anh"))
    saved = enterprise(app, member)
    assert saved.name_vi == "Công ty TNHH Khuôn mẫu Đức Việt"
    assert unicodedata.is_normalized("NFC", saved.name_vi)


def test_a_website_without_scheme_gets_https(app, client, member):
    client.post(f"/enterprises/{member}/edit", data=profile_form(website="hoalac.example.vn"))
    assert enterprise(app, member).website == "https://hoalac.example.vn"


def test_a_certification_with_an_expiry_date_counts_as_held_and_unticking_removes_it(app, client, member):
    i = 0  # ISO 9001
    client.post(f"/enterprises/{member}/edit", data=profile_form() | {f"certifications-{i}-expires_on": "2027-06-30"})
    assert [c.name for c in enterprise(app, member).certifications] == ["ISO 9001"]
    client.post(f"/enterprises/{member}/edit", data=profile_form())
    assert enterprise(app, member).certifications == []


def test_renaming_a_verified_enterprise_sends_it_back_to_verification(app, client, member):
    assert enterprise(app, member).verified
    client.post(f"/enterprises/{member}/edit", data=profile_form(description_vi="Chỉ đổi mô tả."))
    assert enterprise(app, member).verified
    response = client.post(f"/enterprises/{member}/edit?lang=en",
                           data=profile_form(name_vi="Công ty CP Cơ khí Hòa Lạc Mới"))
    assert response.status_code == 302
    assert not enterprise(app, member).verified
    assert "will check the changes" in client.get(response.location).get_data(as_text=True)


def test_every_saved_change_is_in_the_audit_log(app, client, member):
    client.post(f"/enterprises/{member}/edit", data=profile_form(employees="250"))
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "enterprise.updated"))
        assert "employees" in entry.details["fields"]


def test_the_owner_sees_how_complete_the_profile_is_and_what_is_missing(app, client, member):
    page = client.get(f"/enterprises/{member}?lang=en").get_data(as_text=True)
    assert "Profile completeness" in page and "Still missing" in page and "Website" in page
    client.post(f"/enterprises/{member}/edit", data=profile_form() | certification("ISO 9001"))
    page = client.get(f"/enterprises/{member}/edit?lang=en").get_data(as_text=True)
    assert "Website</a>" not in page and "Logo</a>" in page and "At least one product</a>" in page


def test_visitors_do_not_see_the_completeness_or_the_contact_details(app, client, make_enterprise):
    key = make_enterprise(contact_email="mai@hoalac.example.vn")
    page = client.get(f"/enterprises/{key}?lang=en").get_data(as_text=True)
    assert "Profile completeness" not in page and "mai@hoalac.example.vn" not in page
    assert "Sign in to see the contact details" in page


def test_every_form_needs_the_csrf_token(make_app, make_enterprise, make_user):
    app = make_app(WTF_CSRF_ENABLED=True)
    key = make_enterprise()
    email = make_user(enterprise=key)
    client = app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"email": email, "password": "correct horse battery", "csrf_token": token})
    assert client.post(f"/enterprises/{key}/edit", data=profile_form(name_vi="Không token")).status_code == 400
    assert client.post(f"/enterprises/{key}/logo/delete").status_code == 400
    assert enterprise(app, key).name_vi == "Công ty TNHH Cơ khí Hòa Lạc"
    edit_page = client.get(f"/enterprises/{key}/edit").get_data(as_text=True)
    assert edit_page.count('name="csrf_token"') >= 3


def test_a_key_with_a_slash_has_working_pages(app, client, make_enterprise, make_user, auth):
    key = make_enterprise()
    auth.login(make_user("organizer"))
    client.post(f"/enterprises/{key}/edit", data=profile_form(country="DE", tax_code="", registration_no="HRB/12345"))
    assert client.get("/enterprises/DE-HRB/12345").status_code == 200
    assert client.get("/enterprises/DE-HRB/12345/edit").status_code == 200
    assert client.get("/enterprises/DE-HRB/12345/products/new").status_code == 200
