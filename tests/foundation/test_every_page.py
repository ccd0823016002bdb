"""Every page answers without a server error, for every kind of visitor, on a seeded demo fair."""

import re

import pytest
from sqlalchemy import select

from fairmatch.booths.models import BoothReservation
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.organizer.demo import DEMO_PASSWORD, DEMO_USERS

VISITORS = [None] + [email for email, *_ in DEMO_USERS]


@pytest.fixture
def demo(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    with app.app_context():
        key = db.session.scalar(select(Enterprise.key).where(Enterprise.kind == "lead").order_by(Enterprise.key))
        reservation = db.session.scalar(select(BoothReservation.id).order_by(BoothReservation.id))
    return {"key": key, "code": "A01", "reservation_id": reservation, "membership_id": 1, "product_id": 1,
            "request_id": 1, "token": "x", "format": "csv", "slug": "gaps", "decision": "approve", "action": "accept",
            "filename": "css/app.css", "fair_id": 1}


def get_routes(app, values):
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        path = rule.rule
        for name in rule.arguments:
            if name not in values and name not in (rule.defaults or {}):
                break
        else:
            url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(values.get(m.group(1), "")), path)
            yield rule.endpoint, url


@pytest.mark.parametrize("visitor", VISITORS)
def test_no_page_answers_with_a_server_error(app, demo, visitor):
    client = app.test_client()
    if visitor:
        assert client.post("/login", data={"email": visitor, "password": DEMO_PASSWORD}).status_code == 302
    checked = 0
    for endpoint, url in get_routes(app, demo):
        if endpoint == "auth.logout":
            continue
        for lang in ("vi", "en"):
            response = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
            response.close()
            assert response.status_code < 500, (endpoint, url, response.status_code)
            checked += 1
    assert checked > 60
