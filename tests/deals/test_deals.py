"""A meeting outcome describes the deal: value and currency (converted at the organizer's rate,
kept as recorded), product category and whether the partner is domestic or foreign."""

from sqlalchemy import select

from fairmatch.extensions import db
from fairmatch.meetings.models import ExchangeRate, MeetingOutcome
from tests.conftest import signed_in


def outcome_of(app, meeting_id, enterprise_key_country="VN") -> MeetingOutcome:
    with app.app_context():
        rows = db.session.scalars(select(MeetingOutcome).where(MeetingOutcome.meeting_id == meeting_id)).all()
        return {row.enterprise.country: row for row in rows}[enterprise_key_country]


def set_rate(app, make_user, currency, rate):
    organizer = signed_in(app, make_user("organizer"))
    data = {"currency": currency, "vnd_per_unit": "" if rate is None else str(rate)}
    return organizer, organizer.post("/organizer/exchange-rates?lang=en", data=data)


def test_a_contract_in_dollars_is_counted_in_dong_at_the_rate_of_the_day_and_keeps_it(app, held, make_user):
    pair = held()
    organizer, response = set_rate(app, make_user, "usd", 25_400)
    assert response.status_code == 302
    form = {"outcome": "contract", "value": "120000", "currency": "USD", "category": str(pair.category_id)}
    assert pair.supplier.post(f"/me/agenda/{pair.meeting_id}/outcome", data=form).status_code == 302
    # The organizer changes the rate later: the recorded deal keeps the rate it was counted at.
    assert (
        organizer.post("/organizer/exchange-rates", data={"currency": "USD", "vnd_per_unit": "26000"}).status_code
        == 302
    )
    recorded = outcome_of(app, pair.meeting_id)
    assert (recorded.value, recorded.currency, recorded.rate_vnd, recorded.value_vnd) == (
        120_000,
        "USD",
        25_400,
        3_048_000_000,
    )
    assert recorded.category_id == pair.category_id
    page = pair.supplier.get("/me/agenda?lang=vi").get_data(as_text=True)
    assert "3.048.000.000" in page and "Đúc nhôm áp lực" in page


def test_a_deal_in_a_currency_without_a_rate_is_refused_and_the_form_keeps_what_was_typed(app, held):
    pair = held()
    form = {"outcome": "contract", "value": "5000000", "currency": "JPY", "note": "Đơn hàng vỏ hộp số"}
    response = pair.supplier.post(f"/me/agenda/{pair.meeting_id}/outcome?lang=en", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "no exchange rate for JPY" in page
    assert 'value="5000000"' in page and "Đơn hàng vỏ hộp số" in page
    assert 'value="contract" checked' in page
    with app.app_context():
        assert db.session.scalar(select(MeetingOutcome)) is None


def test_a_value_that_is_not_a_whole_number_is_refused_with_a_message(app, held):
    pair = held()
    response = pair.supplier.post(
        f"/me/agenda/{pair.meeting_id}/outcome?lang=en", data={"outcome": "contract", "value": "2,5 tỷ"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'value="2,5 tỷ"' in page and 'role="alert"' in page
    with app.app_context():
        assert db.session.scalar(select(MeetingOutcome)) is None


def test_the_partner_s_origin_comes_from_its_country_unless_the_side_says_otherwise(app, held):
    pair = held()
    # The supplier met a Japanese buyer: foreign by its country, unless the supplier says otherwise.
    assert pair.supplier.post(f"/me/agenda/{pair.meeting_id}/outcome", data={"outcome": "mou"}).status_code == 302
    assert outcome_of(app, pair.meeting_id).partner_origin == "foreign"
    # The buyer's partner is the Vietnamese supplier: domestic by its country.
    pair.buyer.post(f"/me/agenda/{pair.meeting_id}/outcome", data={"outcome": "quotation"})
    assert outcome_of(app, pair.meeting_id, "JP").partner_origin == "domestic"
    pair.supplier.post(f"/me/agenda/{pair.meeting_id}/outcome", data={"outcome": "mou", "partner_origin": "domestic"})
    recorded = outcome_of(app, pair.meeting_id)
    assert recorded.partner_origin == "domestic" and recorded.value is None  # an MoU without a value


def test_the_organizer_sets_and_removes_rates_and_a_bad_code_is_refused(app, held, make_user):
    pair = held()
    organizer, response = set_rate(app, make_user, "XYZ", 100)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "ISO 4217" in page and 'value="XYZ"' in page
    assert organizer.post("/organizer/exchange-rates", data={"currency": "JPY", "vnd_per_unit": "0"}).status_code == 422
    assert (
        organizer.post("/organizer/exchange-rates", data={"currency": "JPY", "vnd_per_unit": "170"}).status_code == 302
    )
    page = organizer.get("/organizer/exchange-rates?lang=vi").get_data(as_text=True)
    assert "JPY · Yên Nhật" in page and "170" in page
    # The currency is offered on the outcome form, then gone once the rate is removed.
    assert 'value="JPY"' in pair.supplier.get("/me/agenda").get_data(as_text=True)
    assert organizer.post("/organizer/exchange-rates", data={"currency": "JPY", "vnd_per_unit": ""}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ExchangeRate)) is None
    assert pair.supplier.get("/organizer/exchange-rates").status_code == 403
