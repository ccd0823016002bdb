"""The organizer's support rules page: list, add, edit; bad input keeps what was typed and changes nothing."""

import re

from sqlalchemy import func, select

from fairmatch.extensions import db
from fairmatch.support.models import SupportRule
from tests.conftest import signed_in
from tests.support.conftest import PRICE

NEW_RULE = {
    "name_vi": "Doanh nghiệp CNHT nhỏ và vừa",
    "name_en": "Supporting-industry SMEs",
    "max_employees": "200",
    "kinds": ["supplier"],
    "benefit": "percent",
    "percent_off": "50",
    "budget_vnd": "300.000.000",
}


def test_an_organizer_adds_a_rule_and_sees_it_listed_with_its_budget(app, fair, organizer):
    client = signed_in(app, organizer)
    response = client.post("/organizer/support/?lang=vi", data=NEW_RULE, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Doanh nghiệp CNHT nhỏ và vừa" in page and "300.000.000" in page
    with app.app_context():
        rule = db.session.scalar(select(SupportRule))
        assert (rule.percent_off, rule.max_employees, rule.kinds, rule.budget_vnd, rule.position) == (
            50,
            200,
            ["supplier"],
            300_000_000,
            1,
        )


def test_a_percentage_without_its_figure_is_refused_with_what_was_typed_kept(app, fair, organizer):
    client = signed_in(app, organizer)
    response = client.post("/organizer/support/?lang=en", data=NEW_RULE | {"percent_off": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Enter the percentage off, or choose a free booth." in page
    assert 'value="Doanh nghiệp CNHT nhỏ và vừa"' in page and 'value="300.000.000"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count(SupportRule.id))) == 0


def test_the_budget_cannot_be_cut_below_what_is_already_granted(app, organizer, make_rule, exhibitor, apply_for):
    rule_id = make_rule(name_en="Free booths", budget_vnd=100_000_000)
    email, _key = exhibitor()
    apply_for(email, "A02")
    client = signed_in(app, organizer)
    edited = NEW_RULE | {"benefit": "free", "percent_off": "", "budget_vnd": str(PRICE - 1)}
    response = client.post(f"/organizer/support/?rule={rule_id}&lang=en", data=edited)
    assert response.status_code == 422 and "the budget cannot be less" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(SupportRule, rule_id).budget_vnd == 100_000_000
    response = client.post(f"/organizer/support/?rule={rule_id}&lang=en", data=edited | {"budget_vnd": str(PRICE)})
    assert response.status_code == 302
    with app.app_context():
        rule = db.session.get(SupportRule, rule_id)
        assert (rule.budget_vnd, rule.granted_vnd, rule.name_vi) == (PRICE, PRICE, "Doanh nghiệp CNHT nhỏ và vừa")


def test_a_free_rule_is_edited_as_its_page_shows_it(app, organizer, make_rule):
    rule_id = make_rule(name_en="Free booths", budget_vnd=100_000_000)
    client = signed_in(app, organizer)
    page = client.get(f"/organizer/support/?rule={rule_id}&lang=en").get_data(as_text=True)
    shown = re.search(r'<input[^>]*name="percent_off"[^>]*>', page).group(0)
    assert 'value="100"' not in shown  # a free booth shows no percentage
    # Only the budget changes; even a percentage left in the field is ignored for a free booth.
    edited = NEW_RULE | {"benefit": "free", "percent_off": "100", "budget_vnd": "150000000"}
    assert client.post(f"/organizer/support/?rule={rule_id}&lang=en", data=edited).status_code == 302
    with app.app_context():
        rule = db.session.get(SupportRule, rule_id)
        assert (rule.budget_vnd, rule.is_free_booth) == (150_000_000, True)


def test_only_organizers_see_the_support_rules(app, fair, exhibitor, client):
    email, _key = exhibitor()
    assert signed_in(app, email).get("/organizer/support/").status_code == 403
    assert client.get("/organizer/support/").status_code in (302, 401)


def test_editing_a_rule_that_is_not_of_this_fair_is_not_found(app, fair, organizer):
    assert signed_in(app, organizer).get("/organizer/support/?rule=999").status_code == 404
