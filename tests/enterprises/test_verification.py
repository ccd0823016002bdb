"""Organizers verify new enterprises and recognised-product claims, and say why when they decline."""

from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import new_tax_code
from tests.enterprises.conftest import enterprise, profile_form


def test_a_self_registered_enterprise_waits_in_the_queue_until_verified(app, client, make_user, auth):
    client.post(
        "/register",
        data={
            "role": "exhibitor",
            "name": "Phạm Thu Hà",
            "email": "ha@thanhcong.vn",
            "password": "correct horse battery",
            "confirm": "correct horse battery",
            "enterprise_action": "create",
            "country": "VN",
            "tax_code": (key := new_tax_code()),
            "name_vi": "Công ty CP Khuôn mẫu Thành Công",
            "kind": "supplier",
            "sectors": ["precision-mechanics"],
            "consent": "y",
        },
    )
    with app.app_context():  # the address is confirmed first: until then the enterprise is not listed
        link = db.session.scalar(select(Notification.link).where(Notification.kind == "verify_email"))
    client.get(link.replace("http://localhost", ""))
    assert "unverified" in client.get("/directory?lang=en").get_data(as_text=True)
    auth.logout()
    auth.login(make_user("organizer"))
    queue = client.get("/organizer/verification?lang=en").get_data(as_text=True)
    assert "Công ty CP Khuôn mẫu Thành Công" in queue and key in queue
    assert client.post(f"/organizer/enterprises/{key}/review", data={"verify": "1"}).status_code == 302
    assert enterprise(app, key).verified
    assert "0 enterprises to verify" in client.get("/organizer/verification?lang=en").get_data(as_text=True)


def test_declining_needs_a_reason_that_the_members_then_read(app, client, make_enterprise, make_user, auth):
    key = make_enterprise(verified=False)
    owner = make_user(enterprise=key)
    auth.login(make_user("organizer"))
    refused = client.post(f"/organizer/enterprises/{key}/review?lang=en", data={"decline": "1", "reason": ""})
    assert refused.status_code == 422 and "Give the reason for declining" in refused.get_data(as_text=True)
    assert enterprise(app, key).review_state == "pending"
    reason = "Tên pháp lý khác với Cổng thông tin quốc gia về đăng ký doanh nghiệp."
    client.post(f"/organizer/enterprises/{key}/review", data={"decline": "1", "reason": reason})
    assert enterprise(app, key).review_state == "declined"
    assert key not in client.get("/organizer/verification").get_data(as_text=True)
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "enterprise.declined"))
        assert entry.details["reason"] == reason
    auth.logout()
    auth.login(owner)
    assert reason in client.get(f"/enterprises/{key}/edit").get_data(as_text=True)
    client.post(f"/enterprises/{key}/edit", data=profile_form(name_vi="Công ty TNHH Cơ khí Hòa Lạc Việt Nam"))
    assert enterprise(app, key).review_state == "pending"


def test_an_organizer_can_verify_from_the_profile_page(app, client, make_enterprise, make_user, auth):
    key = make_enterprise(verified=False)
    auth.login(make_user("organizer"))
    assert "Verification" in client.get(f"/enterprises/{key}?lang=en").get_data(as_text=True)
    response = client.post(f"/organizer/enterprises/{key}/review", data={"verify": "1", "back": "profile"})
    assert response.location.endswith(f"/enterprises/{key}")
    assert enterprise(app, key).verified


def test_a_declined_claim_shows_the_reason_to_the_member(
    app, client, make_enterprise, make_category, make_product, make_user, auth
):
    key = make_enterprise()
    make_category()
    product_id = make_product(key, "MECH.MACHINED_PARTS", recognized_year=2024, recognized_decision_no="99/QĐ")
    auth.login(make_user("organizer"))
    client.post(f"/organizer/claims/{product_id}/review", data={"decline": "1", "reason": "Không có quyết định 99/QĐ."})
    assert "99/QĐ" not in client.get("/organizer/verification").get_data(as_text=True)
    auth.logout()
    auth.login(make_user(enterprise=key))
    page = client.get(f"/enterprises/{key}/edit?lang=en").get_data(as_text=True)
    assert "key product claim declined" in page and "Không có quyết định 99/QĐ." in page


def test_only_organizers_verify(app, client, make_enterprise, make_user, auth):
    key = make_enterprise(verified=False)
    assert client.get("/organizer/verification").status_code == 302
    auth.login(make_user(enterprise=key))
    assert client.get("/organizer/verification").status_code == 403
    assert client.post(f"/organizer/enterprises/{key}/review", data={"verify": "1"}).status_code == 403
    assert not enterprise(app, key).verified


def test_the_members_are_told_of_a_verification_decision_in_their_language(
    app, client, make_enterprise, make_user, auth
):
    from fairmatch.notifications.models import Notification

    key = make_enterprise(verified=False, name_vi="Công ty CP Nhựa Tân Phong", name_en="Tan Phong Plastics JSC")
    make_user(enterprise=key, locale="en")
    auth.login(make_user("organizer"))
    client.post(f"/organizer/enterprises/{key}/review", data={"decline": "1", "reason": "Sai mã số thuế"})
    with app.app_context():
        message = db.session.scalar(select(Notification).where(Notification.kind == "verification_decided"))
        assert message.language == "en" and message.email_state == "pending"
        assert message.subject == "Tan Phong Plastics JSC: verification declined" and "Sai mã số thuế" in message.body


def _review_item(page: str, name: str) -> str:
    """The queue's card for the enterprise called `name`."""
    return next(card for card in page.split('<article class="card review-item">')[1:] if name in card)


def test_the_queue_shows_what_the_organizer_checks_against_the_national_register(
    app, client, make_enterprise, make_user, auth
):
    head_office = new_tax_code()
    make_enterprise(
        verified=False,
        tax_code=f"{head_office}-001",
        name_vi="Chi nhánh Công ty CP Nhựa Đông Á tại Hà Nội",
        name_en="Dong A Plastics JSC, Hanoi branch",
        address="Số 12  ngõ 34, phố Nguyễn Văn Cừ, phường Bồ Đề, Hà Nội",
    )
    auth.login(make_user("organizer"))
    card = _review_item(client.get("/organizer/verification?lang=en").get_data(as_text=True), "Nhựa Đông Á")
    assert f'<strong class="tax-code">{head_office}-001</strong> (branch 001 of {head_office})' in card
    assert "Chi nhánh Công ty CP Nhựa Đông Á tại Hà Nội" in card
    assert "Registered address" in card and "Số 12  ngõ 34, phố Nguyễn Văn Cừ, phường Bồ Đề, Hà Nội" in card
    assert (
        '<a href="https://dangkykinhdoanh.gov.vn/vn/Pages/Trangchu.aspx" target="_blank" rel="noopener">'
        "National Business Registration Portal (opens in a new tab)</a>"
    ) in card


def test_a_household_business_is_checked_against_its_certificate_not_the_portal(
    app, client, make_enterprise, make_user, auth
):
    make_enterprise(
        verified=False,
        tax_code="001085012345",
        name_vi="Hộ kinh doanh Xưởng Cơ khí Minh Tâm",
        name_en=None,
        address=None,
    )
    auth.login(make_user("organizer"))
    card = _review_item(client.get("/organizer/verification?lang=en").get_data(as_text=True), "Minh Tâm")
    assert '<strong class="tax-code">001085012345</strong> (personal ID: a household business)' in card
    assert "does not list household businesses" in card and "household business registration certificate" in card
    assert "dangkykinhdoanh.gov.vn" not in card
    assert 'href="https://tracuunnt.gdt.gov.vn/tcnnt/mstcn.jsp" target="_blank" rel="noopener"' in card
    assert 'Registered address</dt><dd class="as-stated">not given</dd>' in card


def test_a_foreign_enterprise_is_sent_to_its_home_register(app, client, make_enterprise, make_user, auth):
    make_enterprise(
        verified=False,
        key="JP-0104010012345",
        tax_code=None,
        country="JP",
        registration_no="0104010012345",
        name_vi=None,
        name_en="Sanko Seiki Co., Ltd.",
    )
    auth.login(make_user("organizer"))
    card = _review_item(client.get("/organizer/verification?lang=en").get_data(as_text=True), "Sanko Seiki")
    assert 'JP · <strong class="tax-code">0104010012345</strong>' in card
    assert "business register of its home country" in card and "dangkykinhdoanh.gov.vn" not in card
    assert "Legal name in Vietnamese" not in card  # a foreign enterprise need not have one
