"""Organizers run their own team: invite a colleague by email, deactivate one (never themselves,
never the last), and decide on joining an enterprise that has no owner."""

import re

import pytest
from sqlalchemy import select

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.models import User
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, signed_in

NEW_PASSWORD = "ban to chuc 2026"


def _user(app, email):
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def _actions(app):
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def _invite(client, email="hang@soct.hanoi.gov.vn", name="Đỗ Thu Hằng"):
    return client.post("/organizer/team/invite?lang=en", data={"email": email, "name": name, "locale": "vi"})


def _invitation_link(app, email):
    with app.app_context():
        message = db.session.scalar(select(Notification).where(Notification.email == email,
                                                               Notification.kind == "organizer_invited"))
        return message.link


def test_an_invited_organizer_sets_a_password_through_the_emailed_link_then_signs_in(app, make_user):
    organizer = signed_in(app, make_user("organizer"))
    assert _invite(organizer).status_code == 302
    invitee = _user(app, "hang@soct.hanoi.gov.vn")
    assert invitee.role == "organizer" and not invitee.active
    assert "Invited, until" in organizer.get("/organizer/team/?lang=en").get_data(as_text=True)
    link = _invitation_link(app, "hang@soct.hanoi.gov.vn")
    path = re.sub(r"^https?://[^/]+", "", link)
    visitor = app.test_client()
    assert visitor.post("/login", data={"email": invitee.email, "password": NEW_PASSWORD}).status_code == 422
    page = visitor.get(path + "?lang=en")
    assert page.status_code == 200 and "hang@soct.hanoi.gov.vn" in page.get_data(as_text=True)
    weak = visitor.post(path + "?lang=en", data={"name": "Đỗ Thu Hằng", "password": "short", "confirm": "short"})
    assert weak.status_code == 422 and not _user(app, invitee.email).active
    visitor.post(path, data={"name": "Đỗ Thu Hằng", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert visitor.post("/login", data={"email": invitee.email, "password": NEW_PASSWORD}).status_code == 302
    assert visitor.get("/organizer/team/").status_code == 200
    assert visitor.get(path).status_code == 404  # the link works once
    assert _actions(app)[-2:] == ["organizer.invited", "organizer.joined"]


def test_an_address_that_already_has_an_account_cannot_be_invited(app, make_user, make_enterprise):
    exhibitor = make_user("exhibitor", enterprise=make_enterprise())
    organizer = signed_in(app, make_user("organizer"))
    refused = _invite(organizer, email=exhibitor)
    assert refused.status_code == 409 and "already has an account" in refused.get_data(as_text=True)
    assert _user(app, exhibitor).role == "exhibitor"


def test_an_organizer_deactivates_a_colleague_but_never_themselves(app, make_user):
    me, colleague = make_user("organizer"), make_user("organizer")
    organizer = signed_in(app, me)
    other = signed_in(app, colleague)
    colleague_id, my_id = _user(app, colleague).id, _user(app, me).id
    assert organizer.post(f"/organizer/team/{colleague_id}/deactivate").status_code == 302
    assert not _user(app, colleague).active
    assert other.get("/organizer/team/").status_code == 302  # signed out: the account is closed
    assert app.test_client().post("/login", data={"email": colleague, "password": PASSWORD}).status_code == 422
    refused = organizer.post(f"/organizer/team/{my_id}/deactivate?lang=en")
    assert refused.status_code == 422 and "your own account" in refused.get_data(as_text=True)
    organizer.post(f"/organizer/team/{colleague_id}/reactivate")
    assert _user(app, colleague).active
    assert _actions(app) == ["organizer.deactivated", "organizer.reactivated"]


def test_the_last_active_organizer_cannot_be_deactivated(app, make_user):
    """Only possible as a race (each organizer deactivating the other); the service refuses it."""
    from fairmatch.organizer.team import set_organizer_active

    last, former = make_user("organizer"), make_user("organizer", active=False)
    with app.test_request_context("/?lang=en"):
        actor = db.session.scalar(select(User).where(User.email == former))
        target = db.session.scalar(select(User).where(User.email == last))
        with pytest.raises(RuleViolation, match="at least one active organizer"):
            set_organizer_active(target, False, actor)
    assert _user(app, last).active


def test_organizers_decide_on_joining_an_enterprise_without_an_owner(app, make_enterprise, make_user):
    key = make_enterprise()
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        for n in (1, 2):
            user = User(email=f"nv{n}@example.vn", name=f"Nhân viên {n}", role="exhibitor", active=True)
            user.set_password(PASSWORD)
            db.session.add(Membership(user=user, enterprise=enterprise, status="pending"))
        db.session.commit()
        first, second = [m.id for m in db.session.scalars(select(Membership).order_by(Membership.id))]
    organizer = signed_in(app, make_user("organizer"))
    page = organizer.get("/organizer/team/?lang=en").get_data(as_text=True)
    assert "nv1@example.vn" in page and "Approve as owner" in page
    organizer.post(f"/organizer/team/requests/{first}/owner")
    organizer.post(f"/organizer/team/requests/{second}/reject")
    with app.app_context():
        rows = {m.id: m for m in db.session.scalars(select(Membership))}
        assert (rows[first].status, rows[first].is_owner) == ("approved", True)
        assert rows[second].status == "rejected"
        assert db.session.scalar(select(Enterprise).where(Enterprise.key == key)).owners[0].email == "nv1@example.vn"
    assert _actions(app) == ["membership.approved", "membership.rejected"]
    assert "nv1@example.vn" not in organizer.get("/organizer/team/").get_data(as_text=True)


def test_only_organizers_see_and_change_the_team(app, make_user, make_enterprise):
    colleague_id = _user(app, make_user("organizer")).id
    for role in ("exhibitor", "buyer"):
        visitor = signed_in(app, make_user(role, enterprise=make_enterprise()))
        assert visitor.get("/organizer/team/").status_code == 403
        assert visitor.post(f"/organizer/team/{colleague_id}/deactivate").status_code == 403
        assert _invite(visitor).status_code == 403
    assert _user(app, "hang@soct.hanoi.gov.vn") is None
