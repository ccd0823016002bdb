"""The organizer's register page: upload, who of the register takes part, and the invitations."""

import io

import pytest
from sqlalchemy import func, select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import Meeting, MeetingRequest
from fairmatch.meetings.schedule import slots_of
from fairmatch.notifications.models import Notification
from fairmatch.register.models import RegisterEntry, RegisterInvitation
from fairmatch.register.services import register_figures
from tests.conftest import signed_in
from tests.register.conftest import register_csv, register_tax_code


def _upload(client, data: bytes, filename="danh-sach.csv", lang="vi"):
    return client.post(
        f"/organizer/register?lang={lang}",
        data={"document": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def _imported(client, data: bytes, filename="danh-sach.csv", lang="vi"):
    """Upload the register and follow it as a browser does: to the import's progress page, then (the
    job ran inside the upload) to the register page showing the import's outcome."""
    response = _upload(client, data, filename, lang)
    assert response.status_code == 303 and response.location.startswith("/jobs/")
    assert client.get(response.location).status_code == 200
    job = client.get("/api/v1/jobs/" + response.location.rsplit("/", 1)[1]).get_json()
    assert job["state"] == "done"
    return client.get(f"{job['result']['url']}&lang={lang}")


@pytest.fixture
def organizer(app, make_user):
    return signed_in(app, make_user("organizer"))


def test_the_organizer_uploads_the_register_and_sees_what_was_imported(organizer, transformer_maker):
    data = register_csv(
        (1, transformer_maker, "Công ty CP Thiết bị điện Đông Anh", "Máy biến áp phân phối", "1234/QĐ-UBND", 2024)
    )
    response = _imported(organizer, data, lang="en")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 row read." in page and "1 found by tax code, 0 added (unverified)" in page
    assert "Máy biến áp phân phối" in page and "1234/QĐ-UBND (2024)" in page


def test_a_refused_upload_lists_each_bad_row_in_vietnamese_and_keeps_nothing(app, organizer):
    data = register_csv(
        (1, "0100109107", "Công ty CP Điện Yên Viên", "Công tơ điện tử", "78/QĐ-UBND", 2024),
        (2, register_tax_code(), "Công ty TNHH Nhựa Hòa Bình", "Khuôn ép nhựa", "", 2024),
    )
    response = _imported(organizer, data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<th scope="row">2</th>' in page and '<th scope="row">3</th>' in page
    assert "Chưa có gì được nhập" in page
    with app.app_context():
        assert db.session.scalar(select(func.count(RegisterEntry.id))) == 0
        assert db.session.scalar(select(func.count(Enterprise.id))) == 0


@pytest.fixture
def small_register(app, make_fair, make_enterprise, make_user):
    """A register of five enterprises at a fair with hall A: Registered (an account), Exhibiting
    (confirmed booth A01, no account: the organizer booked for it), Meeting (a published meeting
    with Registered), Silent (nothing, no contact email) and Waiting (nothing yet, a contact email)."""
    fair_id = make_fair(booths_per_row=2)
    names = ("Registered", "Exhibiting", "Meeting", "Silent", "Waiting")
    keys = {
        name: make_enterprise(
            tax_code=register_tax_code(),
            name_vi=f"Công ty {name}",
            name_en=None,
            kind="lead",
            verified=False,
            contact_email=None if name == "Silent" else f"{name}@example.vn",
        )
        for name in names
    }
    make_user(enterprise=keys["Registered"])
    with app.app_context():
        fair = db.session.get(Fair, fair_id)
        ids = {
            name: db.session.scalar(select(Enterprise.id).where(Enterprise.key == key)) for name, key in keys.items()
        }
        for name, key in keys.items():
            db.session.add(
                RegisterEntry(
                    tax_code=key,
                    enterprise_id=ids[name],
                    product=f"Sản phẩm {name}",
                    decision_no="1234/QĐ-UBND",
                    year=2024,
                )
            )
        booth = db.session.scalar(select(Booth).where(Booth.code == "A01"))
        reservation = BoothReservation(fair_id=fair_id, enterprise_id=ids["Exhibiting"], state="confirmed")
        reservation.items = [ReservationBooth(booth_id=booth.id)]
        request = MeetingRequest(
            fair_id=fair_id, from_enterprise_id=ids["Meeting"], to_enterprise_id=ids["Registered"], state="accepted"
        )
        slot = slots_of(fair)[0]
        db.session.add_all(
            [
                reservation,
                request,
                Meeting(
                    fair_id=fair_id,
                    request=request,
                    slot_id=slot.id,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    table="T01",
                    state="published",
                ),
            ]
        )
        db.session.commit()
    return fair_id, keys


def test_the_register_shows_who_is_registered_exhibiting_and_meeting(organizer, small_register):
    page = organizer.get("/organizer/register?lang=en").get_data(as_text=True)
    assert "5 enterprises in the register" in page
    assert "booth A01" in page
    exhibiting = organizer.get("/organizer/register?lang=en&status=exhibiting").get_data(as_text=True)
    assert "Công ty Exhibiting" in exhibiting and "Công ty Registered" not in exhibiting
    meeting = organizer.get("/organizer/register?lang=en&status=meeting").get_data(as_text=True)
    assert "Công ty Meeting" in meeting and "Công ty Registered" in meeting and "Công ty Silent" not in meeting
    no_contact = organizer.get("/organizer/register?lang=en&status=no_contact").get_data(as_text=True)
    assert "1 enterprise shown" in no_contact and "Công ty Silent" in no_contact
    found = organizer.get("/organizer/register?lang=en&q=cong+ty+waiting").get_data(as_text=True)
    assert "1 enterprise shown" in found and "Công ty Waiting" in found


def test_inviting_emails_each_enterprise_not_taking_part_once_at_its_address(app, organizer, small_register):
    response = organizer.post("/organizer/register/invite?lang=en", follow_redirects=True)
    page = response.get_data(as_text=True)
    # Registered has an account, Exhibiting a booth, Meeting a meeting: only Waiting is invited.
    assert "1 invitation is in the outbox." in page
    assert "1 enterprise has no contact email" in page
    with app.app_context():
        messages = db.session.scalars(select(Notification)).all()
        assert [(m.email, m.kind, m.language, m.email_state) for m in messages] == [
            ("Waiting@example.vn", "register_invitation", "vi", "pending")
        ]
        assert "Sản phẩm Waiting" in messages[0].body and messages[0].link.endswith("/register")
    assert ">Invited: 1</a>" in page
    again = organizer.post("/organizer/register/invite?lang=en", follow_redirects=True).get_data(as_text=True)
    assert "Nobody was left to invite." in again
    with app.app_context():
        assert db.session.scalar(select(func.count(Notification.id))) == 1
        assert db.session.scalar(select(func.count(RegisterInvitation.id))) == 1


def test_the_report_figures_count_the_register_at_the_fair(app, organizer, small_register):
    fair_id, _keys = small_register
    organizer.post("/organizer/register/invite")
    with app.app_context():
        figures = register_figures(db.session.get(Fair, fair_id))
    # 5 in the register; Waiting alone invited (Silent has no address, the others take part);
    # Registered (account), Exhibiting (booth) and Meeting (meeting) registered; Exhibiting alone holds a booth.
    assert figures == {
        "recognised_enterprises": 5,
        "invited": 1,
        "registered": 3,
        "exhibiting": 1,
        "share_exhibiting": 0.2,
    }


def test_without_a_register_the_share_is_unknown(app, make_fair):
    fair_id = make_fair()
    with app.app_context():
        figures = register_figures(db.session.get(Fair, fair_id))
    assert figures == {
        "recognised_enterprises": 0,
        "invited": 0,
        "registered": 0,
        "exhibiting": 0,
        "share_exhibiting": None,
    }
