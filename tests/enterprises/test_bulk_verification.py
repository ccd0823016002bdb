"""Organizers verify or decline many enterprises and key-product claims at once, each through the
single review: its audit entry, its notice to the members, and its refusal of a decided item."""

from sqlalchemy import func, select

from fairmatch.audit.models import AuditEntry
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import signed_in


def _ids(app, model, keys_or_ids):
    with app.app_context():
        if model is Enterprise:
            return [db.session.scalar(select(Enterprise.id).where(Enterprise.key == k)) for k in keys_or_ids]
        return list(keys_or_ids)


def _count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_verifying_three_enterprises_at_once_logs_and_tells_each(app, make_enterprise, make_user):
    keys = [make_enterprise(verified=False) for _ in range(3)]
    for key in keys:
        make_user(enterprise=key)
    organizer = signed_in(app, make_user("organizer"))
    assert 'form="bulk-enterprises"' in organizer.get("/organizer/verification").get_data(as_text=True)
    response = organizer.post("/organizer/verification/enterprises/bulk?lang=en", follow_redirects=True,
                              data={"action": "verify", "ids": _ids(app, Enterprise, keys)})
    assert "Done for 3 items" in response.get_data(as_text=True)
    with app.app_context():
        assert all(db.session.scalar(select(Enterprise).where(Enterprise.key == k)).verified for k in keys)
    assert _count(app, AuditEntry, AuditEntry.action == "enterprise.verified") == 3
    assert _count(app, Notification, Notification.kind == "verification_decided") == 3


def test_a_decided_enterprise_in_the_batch_is_refused_and_keeps_its_decision(app, make_enterprise, make_user):
    waiting = make_enterprise(verified=False)
    declined = make_enterprise(verified=False, declined_reason="Sai tên pháp lý", name_en="Declined Co.")
    organizer = signed_in(app, make_user("organizer"))
    response = organizer.post("/organizer/verification/enterprises/bulk?lang=en", follow_redirects=True,
                              data={"action": "verify", "ids": _ids(app, Enterprise, [waiting, declined])})
    page = response.get_data(as_text=True)
    assert "Done for 1 item" in page and "Not done for Declined Co.: This has already been decided." in page
    with app.app_context():
        rows = {e.key: e for e in db.session.scalars(select(Enterprise))}
        assert rows[waiting].verified and not rows[declined].verified
        assert rows[declined].declined_reason == "Sai tên pháp lý"


def test_declining_claims_at_once_needs_one_reason_for_all(app, make_enterprise, make_category, make_product,
                                                           make_user):
    key = make_enterprise()
    make_category()
    ids = [make_product(key, "MECH.MACHINED_PARTS", recognized_year=2024, recognized_decision_no=f"{n}/QĐ")
           for n in (11, 12)]
    organizer = signed_in(app, make_user("organizer"))
    refused = organizer.post("/organizer/verification/claims/bulk?lang=en", data={"action": "decline", "ids": ids})
    assert refused.status_code == 422 and "Give the reason" in refused.get_data(as_text=True)
    organizer.post("/organizer/verification/claims/bulk",
                   data={"action": "decline", "ids": ids, "reason": "Không có quyết định công nhận."})
    with app.app_context():
        reasons = [db.session.get(Product, i).recognized_declined_reason for i in ids]
    assert reasons == ["Không có quyết định công nhận."] * 2
    assert _count(app, AuditEntry, AuditEntry.action == "product.claim_declined") == 2
