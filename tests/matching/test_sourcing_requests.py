"""A buyer posts what it needs and gets suppliers ranked for it, with the reasons."""

import re

import pytest
from sqlalchemy import func, select

from fairmatch.extensions import db
from fairmatch.matching.models import SourcingRequest
from tests.conftest import signed_in
from tests.matching.test_supply_chain_reports import DOCUMENT, SUPPLIER


@pytest.fixture
def buyer(app, runner, tmp_path, make_enterprise, make_user):
    import json

    path = tmp_path / "chain.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(args=["import-data", str(path)]).exit_code == 0
    key = make_enterprise(kind="buyer", name_vi="Công ty TNHH Thương mại Kim Long")
    return signed_in(app, make_user("buyer", enterprise=key))


def count(app):
    with app.app_context():
        return db.session.scalar(select(func.count(SourcingRequest.id)))


def test_a_posted_request_shows_the_suppliers_that_can_fill_it(app, buyer):
    response = buyer.post("/me/requests", data={"category": "T.COPPER", "volume_value": "300", "volume_unit": "t",
                                                "required_certifications": [], "notes": "dây tráng men, cấp H"})
    assert response.status_code == 302
    page = buyer.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Công ty TNHH Dây đồng Đông Anh" in page and SUPPLIER in page and "dây tráng men, cấp H" in page
    assert "Copper winding wire" in page


def test_a_required_certification_the_supplier_lacks_leaves_it_out(app, buyer):
    response = buyer.post("/me/requests", data={"category": "T.COPPER", "required_certifications": ["ISO 9001"]})
    page = buyer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Công ty TNHH Dây đồng Đông Anh" not in page


def test_a_bad_request_keeps_what_was_typed_and_writes_nothing(app, buyer):
    response = buyer.post("/me/requests?lang=en", data={"category": "", "volume_value": "nhiều",
                                                         "notes": "giao hàng tại Đông Anh"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "This field is required." in page
    assert "giao hàng tại Đông Anh" in page and 'value="nhiều"' in page
    past = buyer.post("/me/requests?lang=en", data={"category": "T.COPPER", "deadline_on": "2020-01-01"})
    assert past.status_code == 422 and "must not be in the past" in past.get_data(as_text=True)
    assert count(app) == 0


def test_a_request_is_private_to_its_enterprise(app, buyer, make_user):
    location = buyer.post("/me/requests", data={"category": "T.COPPER"}).headers["Location"]
    assert signed_in(app, make_user("buyer")).get(location).status_code == 403
    assert signed_in(app, make_user("organizer")).get(location).status_code == 200


def test_a_volume_beyond_any_year_s_output_is_refused_and_the_pages_keep_working(app, buyer):
    huge = "1" + "0" * 30
    response = buyer.post("/me/requests?lang=en", data={"category": "T.COPPER", "volume_value": huge,
                                                         "volume_unit": "t"})
    assert response.status_code == 422 and "Enter a number between 0 and 10¹⁵." in response.get_data(as_text=True)
    assert f'value="{huge}"' in response.get_data(as_text=True) and count(app) == 0
    vietnamese = buyer.post("/me/requests?lang=vi", data={"category": "T.COPPER", "volume_value": "1.200,5",
                                                           "volume_unit": "t"})
    assert vietnamese.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(SourcingRequest.volume_value)) == 1200.5
    assert buyer.get("/me/requests").status_code == 200
    assert buyer.get(vietnamese.headers["Location"]).status_code == 200


def test_a_request_stored_with_an_enormous_volume_still_shows(app, buyer):
    location = buyer.post("/me/requests", data={"category": "T.COPPER", "volume_value": "300",
                                                "volume_unit": "t"}).headers["Location"]
    with app.app_context():
        db.session.scalar(select(SourcingRequest)).volume_value = 1e31  # stored before the limit existed
        db.session.commit()
    for page in ("/me/requests?lang=vi", f"{location}?lang=en"):
        response = buyer.get(page)
        assert response.status_code == 200 and "1e+31" in response.get_data(as_text=True)


@pytest.mark.parametrize(("extra", "line"), [
    ({"volume_value": "300", "volume_unit": "t"}, "300 t/year"),
    ({"required_certifications": ["ISO 9001"]}, "ISO 9001"),
    ({"volume_value": "300", "volume_unit": "t", "required_certifications": ["ISO 9001"]}, "300 t/year · ISO 9001"),
])
def test_the_request_s_facts_are_joined_with_no_dangling_separator(app, buyer, extra, line):
    location = buyer.post("/me/requests", data={"category": "T.COPPER", **extra}).headers["Location"]
    page = buyer.get(f"{location}?lang=en").get_data(as_text=True)
    facts = re.search(r'<p class="hint">([^<]*)</p>', page)
    assert facts and " ".join(facts.group(1).split()) == line
