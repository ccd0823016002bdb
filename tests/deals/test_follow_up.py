"""Three and six months after the fair, each side of a meeting with a positive outcome is asked,
once per round, through a signed link that needs no sign-in, works once and runs out."""

import re
from datetime import date

import itsdangerous.timed
from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.followup import follow_up_figures
from fairmatch.meetings.followup_command import send_follow_ups_command
from fairmatch.meetings.models import FollowUp, MeetingOutcome
from fairmatch.notifications.models import Notification


def send(runner, today: str):
    result = runner.invoke(send_follow_ups_command, ["--today", today])
    assert result.exit_code == 0, result.output
    return result.output


def messages(app) -> list[Notification]:
    with app.app_context():
        return db.session.scalars(
            select(Notification).where(Notification.kind == "deal_follow_up").order_by(Notification.id)
        ).all()


def link_path(message: Notification) -> str:
    return re.sub(r"^https?://[^/]+", "", message.link)


def positive(pair, outcome="contract"):
    assert pair.supplier.post(f"/me/agenda/{pair.meeting_id}/outcome", data={"outcome": outcome}).status_code == 302


def test_each_side_is_asked_once_three_months_after_the_fair_and_running_again_sends_nothing(app, runner, held):
    pair = held()
    positive(pair)
    assert send(runner, "2027-01-17").startswith("0 follow-up")  # the fair ended on 18 October
    assert messages(app) == []
    assert send(runner, "2027-01-18").startswith("2 follow-up")
    assert send(runner, "2027-01-25").startswith("0 follow-up")
    sent = messages(app)
    assert {m.email for m in sent} == {pair.supplier_email, pair.buyer_email}
    by_email = {m.email: m for m in sent}
    # Each in its own language, naming the partner.
    assert by_email[pair.buyer_email].subject == "What became of your deal with Hoa Lac Mechanics Co., Ltd.?"
    assert "Sakura Motor Parts K.K." in by_email[pair.supplier_email].subject
    assert "lang=en" in by_email[pair.buyer_email].link
    # Six months after, each side is asked again, once.
    assert send(runner, "2027-04-18").startswith("2 follow-up")
    assert send(runner, "2027-04-19").startswith("0 follow-up")
    with app.app_context():
        assert sorted(f.round for f in db.session.scalars(select(FollowUp))) == ["m3", "m3", "m6", "m6"]


def test_a_meeting_with_nothing_further_is_not_followed_up(app, runner, held):
    pair = held()
    positive(pair, "none")
    assert send(runner, "2027-02-01").startswith("0 follow-up") and messages(app) == []


def test_a_late_first_run_asks_the_six_month_question_only(app, runner, held):
    pair = held()
    positive(pair)
    send(runner, "2027-05-01")
    with app.app_context():
        assert {f.round for f in db.session.scalars(select(FollowUp))} == {"m6"}


def test_the_answer_through_the_link_updates_the_record_without_sign_in_and_works_once(app, runner, held):
    pair = held()
    positive(pair)
    send(runner, "2027-01-18")
    path = link_path(next(m for m in messages(app) if m.email == pair.buyer_email))
    visitor = app.test_client()
    page = visitor.get(path).get_data(as_text=True)
    assert "What became of your deal with Hoa Lac Mechanics Co., Ltd.?" in page and "Still in negotiation" in page
    answer = {"answer": "contract", "value": "2500000000", "currency": "VND", "note": "Hợp đồng khung 2027"}
    response = visitor.post(path, data=answer)
    assert response.status_code == 200 and "Your answer is recorded" in response.get_data(as_text=True)
    with app.app_context():
        fair = db.session.scalar(select(Fair))
        asked = db.session.scalar(select(FollowUp).where(FollowUp.answered_at.is_not(None)))
        assert (asked.answer, asked.value_vnd, asked.note) == ("contract", 2_500_000_000, "Hợp đồng khung 2027")
        assert follow_up_figures(fair) == {
            "m3": {"sent": 2, "answered": 1, "contracts": 1},
            "m6": {"sent": 0, "answered": 0, "contracts": 0},
        }
        # The outcome recorded at the fair stays as it was.
        assert db.session.scalar(select(MeetingOutcome.outcome)) == "contract"
    # A second submission is refused with a clear page and changes nothing.
    again = visitor.post(path, data=answer | {"answer": "stopped"})
    assert again.status_code == 409 and "answered already" in again.get_data(as_text=True)
    assert visitor.get(path).status_code == 409
    with app.app_context():
        assert db.session.scalar(select(FollowUp.answer).where(FollowUp.answered_at.is_not(None))) == "contract"


def test_a_bad_answer_is_refused_with_a_message_and_kept(app, runner, held):
    pair = held()
    positive(pair)
    send(runner, "2027-01-18")
    path = link_path(messages(app)[0])
    response = app.test_client().post(
        path.split("?")[0] + "?lang=en", data={"value": "abc", "note": "Đang đàm phán giá"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Say what became of the deal." in page
    assert 'value="abc"' in page and "Đang đàm phán giá" in page
    with app.app_context():
        assert db.session.scalar(select(FollowUp.answered_at).where(FollowUp.answered_at.is_not(None))) is None


def test_an_altered_or_forged_link_is_refused_and_changes_nothing(app, runner, held):
    pair = held()
    positive(pair)
    send(runner, "2027-01-18")
    path = link_path(messages(app)[0])
    token = path.split("/follow-up/")[1].split("?")[0]
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    visitor = app.test_client()
    for bad in (altered, "forged-token", token.replace(token.split(".")[0], "eyJmIjoyfQ")):
        response = visitor.post(f"/follow-up/{bad}?lang=en", data={"answer": "contract"})
        assert response.status_code == 400 and "not valid" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(FollowUp.answered_at).where(FollowUp.answered_at.is_not(None))) is None


def test_a_link_runs_out_after_sixty_days(app, runner, held, monkeypatch):
    pair = held()
    positive(pair)
    real = itsdangerous.timed.time.time
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: real() - 61 * 86400)
    send(runner, "2027-01-18")
    monkeypatch.setattr(itsdangerous.timed.time, "time", real)
    path = link_path(messages(app)[0])
    response = app.test_client().get(path.split("?")[0] + "?lang=en")
    assert response.status_code == 410 and "run out" in response.get_data(as_text=True)


def test_figures_are_zero_before_anything_is_due(app, held):
    held()
    with app.app_context():
        figures = follow_up_figures(db.session.scalar(select(Fair)))
    assert figures["m3"] == {"sent": 0, "answered": 0, "contracts": 0} and date(2027, 1, 18) > date(2026, 12, 6)
