"""Every message is written in its recipient's language (the account's), whatever the language of
the page its sender was reading, and an account made on the command line reads Vietnamese."""

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.booths.services import approve, reject
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.notifications.models import Notification
from tests.conftest import PASSWORD, signed_in

OTHER = {"vi": "en", "en": "vi"}
BOTH_WAYS = pytest.mark.parametrize(("sender", "recipient"), [("en", "vi"), ("vi", "en")])


def messages_to(app, email: str) -> list[Notification]:
    with app.app_context():
        found = list(
            db.session.scalars(
                select(Notification)
                .join(User, Notification.user_id == User.id)
                .where(User.email == email)
                .order_by(Notification.id)
            )
        )
        db.session.expunge_all()
        return found


def in_language(app, language: str, message: str, **params) -> str:
    """`message` translated into `language`, as a reader of that language would get it."""
    with app.test_request_context(), force_locale(language):
        return gettext(message, **params)


@pytest.fixture
def fair(make_fair):
    return make_fair()


@BOTH_WAYS
def test_a_meeting_request_reaches_the_recipient_in_the_recipients_language(
    app, fair, make_enterprise, make_user, sender, recipient
):
    asking = make_enterprise(kind="buyer", name_vi="Công ty TNHH Kim Long", name_en="Kim Long Co., Ltd.")
    asked = make_enterprise(name_vi="Công ty CP Cơ khí Đông Anh", name_en="Dong Anh Mechanics JSC")
    browser = signed_in(app, make_user("buyer", enterprise=asking, locale=sender))
    reader = make_user(enterprise=asked, locale=recipient)
    browser.get(f"/me/meetings?lang={sender}")  # the sender reads the site in their own language
    assert browser.post("/api/v1/meeting-requests", json={"to": asked, "message": "Xin chào"}).status_code == 201

    [message] = messages_to(app, reader)
    name = "Công ty TNHH Kim Long" if recipient == "vi" else "Kim Long Co., Ltd."
    assert message.language == recipient
    assert message.subject == in_language(app, recipient, "%(name)s asks to meet you at the fair", name=name)
    assert message.subject != in_language(app, sender, "%(name)s asks to meet you at the fair", name=name)
    assert in_language(app, recipient, "Accept or decline the request on your meetings page.") in message.body


@BOTH_WAYS
def test_the_answer_to_a_request_goes_back_in_the_requesters_language(
    app, fair, make_enterprise, make_user, sender, recipient
):
    asking = make_enterprise(kind="buyer", name_vi="Công ty TNHH Kim Long", name_en="Kim Long Co., Ltd.")
    asked = make_enterprise(name_vi="Công ty CP Cơ khí Đông Anh", name_en="Dong Anh Mechanics JSC")
    requester = make_user("buyer", enterprise=asking, locale=recipient)
    answering = signed_in(app, make_user(enterprise=asked, locale=sender))
    request_id = signed_in(app, requester).post("/api/v1/meeting-requests", json={"to": asked}).json["id"]
    answering.get(f"/me/meetings?lang={sender}")
    assert answering.post(f"/api/v1/meeting-requests/{request_id}/decline?lang={sender}").status_code == 200

    [message] = messages_to(app, requester)
    name = "Công ty CP Cơ khí Đông Anh" if recipient == "vi" else "Dong Anh Mechanics JSC"
    assert message.subject == in_language(app, recipient, "%(name)s declined your meeting request", name=name)
    assert in_language(app, recipient, "No reason was given.") in message.body


@BOTH_WAYS
def test_a_password_reset_asked_from_a_page_in_the_other_language_arrives_in_the_accounts(
    app, client, make_user, sender, recipient
):
    email = make_user(locale=recipient)
    client.get(f"/password/forgot?lang={sender}")
    client.post(f"/password/forgot?lang={sender}", data={"email": email})

    [message] = messages_to(app, email)
    assert message.language == recipient
    assert message.subject == in_language(app, recipient, "Set a new password for fairmatch")


@pytest.fixture
def submitted(app, make_fair, make_enterprise):
    """A submitted application of an enterprise for booth A01 (15,000,000 VND); returns its id."""
    make_fair(booths_per_row=2)
    key = make_enterprise(name_vi="Công ty CP Cơ khí Đông Anh")
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        booth = db.session.scalar(select(Booth).where(Booth.code == "A01"))
        reservation = BoothReservation(
            fair_id=booth.fair_id,
            enterprise_id=enterprise.id,
            state="submitted",
            price_vnd=booth.price_vnd,
            items=[ReservationBooth(booth=booth, active=True)],
        )
        db.session.add(reservation)
        db.session.commit()
        return key, reservation.id


@BOTH_WAYS
def test_booth_decisions_reach_the_exhibitor_in_the_exhibitors_language(app, make_user, submitted, sender, recipient):
    key, reservation_id = submitted
    exhibitor = make_user(enterprise=key, locale=recipient)
    organizer = make_user("organizer", locale=sender)
    # The organizer decides from a page in their own language.
    with app.test_request_context(f"/organizer/?lang={sender}"):
        actor = db.session.scalar(select(User).where(User.email == organizer))
        approve(db.session.get(BoothReservation, reservation_id), actor)

    [message] = messages_to(app, exhibitor)
    assert message.language == recipient
    assert message.subject == in_language(app, recipient, "Booth %(codes)s approved: payment request", codes="A01")
    amount = {"vi": "15.000.000", "en": "15,000,000"}
    assert amount[recipient] in message.body and amount[sender] not in message.body


def test_a_rejection_reaches_each_member_in_their_own_language(app, make_user, submitted):
    key, reservation_id = submitted
    readers = {language: make_user(enterprise=key, owner=False, locale=language) for language in ("vi", "en")}
    with app.test_request_context("/organizer/?lang=en"):
        actor = db.session.scalar(select(User).where(User.email == make_user("organizer", locale="en")))
        reject(db.session.get(BoothReservation, reservation_id), actor, "Hồ sơ thiếu giấy phép")
    for language, email in readers.items():
        [message] = messages_to(app, email)
        assert message.subject == in_language(app, language, "Booth %(codes)s: application not accepted", codes="A01")
        assert "Hồ sơ thiếu giấy phép" in message.body


def test_a_user_made_on_the_command_line_gets_messages_in_vietnamese(app, runner, fair, make_enterprise, make_user):
    asked = make_enterprise(name_vi="Công ty CP Cơ khí Đông Anh")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "lan@example.vn",
            "--password",
            PASSWORD,
            "--role",
            "exhibitor",
            "--tax-code",
            asked,
        ]
    )
    assert result.exit_code == 0, result.output
    browser = signed_in(
        app, make_user("buyer", enterprise=make_enterprise(kind="buyer", name_vi="Công ty Kim Long"), locale="en")
    )
    assert browser.post("/api/v1/meeting-requests?lang=en", json={"to": asked}).status_code == 201

    [message] = messages_to(app, "lan@example.vn")
    assert message.language == "vi"
    assert message.subject == in_language(app, "vi", "%(name)s asks to meet you at the fair", name="Công ty Kim Long")


@pytest.mark.parametrize("stored", ["fr", "vi_VN", ""])
def test_an_account_in_a_language_the_site_does_not_offer_is_written_to_in_vietnamese(app, client, make_user, stored):
    email = make_user()
    with app.app_context():
        db.session.scalar(select(User).where(User.email == email)).locale = stored
        db.session.commit()
    client.post("/password/forgot?lang=en", data={"email": email})

    [message] = messages_to(app, email)
    assert message.language == "vi"
    assert message.subject == in_language(app, "vi", "Set a new password for fairmatch")
