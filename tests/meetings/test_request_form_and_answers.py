"""Asking for a meeting is one form wherever it is offered, and answering one shows who asks.

A lead enterprise (transformers) and a supplier of copper wire that exhibits at booth A01: the
matching links them, so each finds the other on its match cards, its profile, the directory and a
sourcing request's suppliers."""

import json
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Category, Enterprise, Need
from fairmatch.extensions import db
from fairmatch.meetings.models import MeetingRequest
from tests.conftest import signed_in
from tests.matching.test_supply_chain_reports import DOCUMENT, LEAD, SUPPLIER

ASK = "/me/meetings/request"


class Forms(HTMLParser):
    """The forms of a page: action, fields (name → type) and the buttons' attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.forms, self.buttons = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}, "values": {}})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("type", tag)
            self.forms[-1]["values"][attrs["name"]] = attrs.get("value")
        if tag == "button":
            self.buttons.append(attrs)


def request_forms(html: str, key: str) -> list[dict]:
    return [f for f in Forms(html).forms if f["action"] == ASK and f["values"].get("to") == key]


@pytest.fixture
def chain(app, runner, tmp_path, make_fair, make_user):
    """(lead's client, supplier's client): the supplier, which also needs electrical steel, holds booth A01."""
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(args=["import-data", str(path)]).exit_code == 0
    fair_id = make_fair(booths_per_row=2)
    with app.app_context():
        supplier = db.session.scalar(select(Enterprise).where(Enterprise.key == SUPPLIER))
        steel = db.session.scalar(select(Category).where(Category.code == "T.STEEL"))
        supplier.needs.append(Need(category=steel))
        booth = db.session.scalar(select(Booth).where(Booth.fair_id == fair_id, Booth.code == "A01"))
        db.session.add(
            BoothReservation(
                fair_id=fair_id, enterprise_id=supplier.id, state="confirmed", items=[ReservationBooth(booth=booth)]
            )
        )
        db.session.commit()
    lead = signed_in(app, make_user("exhibitor", enterprise=LEAD))
    supplier = signed_in(app, make_user("exhibitor", enterprise=SUPPLIER))
    return lead, supplier


def requests_between(app) -> list[MeetingRequest]:
    with app.app_context():
        return list(db.session.scalars(select(MeetingRequest)))


def test_every_place_that_offers_a_meeting_request_offers_the_same_form(app, chain):
    lead, _supplier = chain
    posted = lead.post("/me/requests", data={"category": "T.COPPER", "volume_value": "300", "volume_unit": "t"})
    places = {
        "match card": "/me/matches",
        "profile": f"/enterprises/{SUPPLIER}",
        "directory": "/directory?q=Dây đồng",
        "sourcing request": posted.headers["Location"],
    }
    for place, path in places.items():
        html = lead.get(path).get_data(as_text=True)
        forms = request_forms(html, SUPPLIER)
        assert len(forms) == 1, f"{place}: one request form for the supplier"
        assert forms[0]["fields"]["message"] == "textarea", place
        assert forms[0]["fields"]["must_meet"] == "checkbox", place
        assert not any(b.get("formaction") == ASK for b in Forms(html).buttons), f"{place}: no send-at-once button"


def test_a_request_without_a_message_is_not_sent(app, chain):
    lead, _supplier = chain
    refused = lead.post(f"{ASK}?lang=en", data={"to": SUPPLIER, "next": "/me/matches", "must_meet": "y"})
    assert refused.status_code == 422 and "This field is required." in refused.get_data(as_text=True)
    assert requests_between(app) == []


def test_after_sending_from_a_match_card_the_card_says_requested(app, chain):
    lead, _supplier = chain
    sent = lead.post(
        ASK,
        data={
            "to": SUPPLIER,
            "next": "/me/matches?direction=suppliers",
            "message": "Cần dây đồng tráng men cấp H",
            "must_meet": "y",
        },
    )
    assert sent.status_code == 302
    assert sent.headers["Location"] == f"/me/matches?direction=suppliers#ask-{SUPPLIER}"
    [asked] = requests_between(app)
    assert asked.message == "Cần dây đồng tráng men cấp H" and asked.must_meet_from
    page = lead.get("/me/matches?direction=suppliers&lang=en").get_data(as_text=True)
    assert request_forms(page, SUPPLIER) == []
    card = page[page.index(f'id="ask-{SUPPLIER}"') :]
    assert re.match(
        r'id="ask-[^"]+">\s*<p class="ask-state">\s*<span class="tag requested">Meeting requested · '
        r"Waiting for an answer</span>",
        card,
    )
    # The partner's profile says the same, and so does the request page: no second request.
    assert "Meeting requested" in lead.get(f"/enterprises/{SUPPLIER}?lang=en").get_data(as_text=True)
    assert request_forms(lead.get(f"{ASK}?to={SUPPLIER}").get_data(as_text=True), SUPPLIER) == []


def test_a_received_request_is_accepted_or_declined_never_cancelled_by_its_receiver(app, chain):
    lead, supplier = chain
    supplier.post(ASK, data={"to": LEAD, "message": "Chúng tôi cung ứng dây đồng"})
    [asked] = requests_between(app)
    received = Forms(lead.get("/me/meetings").get_data(as_text=True)).forms
    actions = {f["action"].rsplit("/", 1)[-1] for f in received if f"/me/meetings/{asked.id}/" in f["action"]}
    assert actions == {"accept", "decline"}
    sent = Forms(supplier.get("/me/meetings").get_data(as_text=True)).forms
    assert {f["action"].rsplit("/", 1)[-1] for f in sent if f"/me/meetings/{asked.id}/" in f["action"]} == {"cancel"}
    assert lead.post(f"/me/meetings/{asked.id}/cancel").status_code == 403
    assert requests_between(app)[0].state == "pending"


def test_a_received_request_says_what_the_requester_makes_needs_where_it_exhibits_and_why_it_matches(app, chain):
    from fairmatch.matching.services import matches_for

    lead, supplier = chain
    supplier.post(ASK, data={"to": LEAD, "message": "Chúng tôi cung ứng dây đồng"})
    page = lead.get("/me/meetings?lang=vi").get_data(as_text=True)
    with app.test_request_context():
        why = next(m["explanation"] for m in matches_for(LEAD, "suppliers", 20, "vi") if m["key"] == SUPPLIER)
    assert "Dây đồng tráng men" in page  # what it makes
    assert "Thép kỹ thuật điện" in page  # what it needs
    assert "Gian hàng A01" in page  # where it exhibits
    assert why.replace("→", "&rarr;") in page or why in page.replace("&#39;", "'")  # the matching's own words


def test_my_meetings_show_the_scheduled_day_time_and_table_in_the_reader_s_language(app, runner, accepted):
    buyer, _suppliers = accepted
    assert runner.invoke(args=["schedule-meetings", "--publish", "--time-limit", "3"]).exit_code == 0
    vietnamese = buyer.get("/me/meetings?lang=vi").get_data(as_text=True)
    assert re.search(r"09:00–09:30, thứ Năm 15/10/2026</strong>\s*·\s*Bàn T01", vietnamese)
    english = buyer.get("/me/meetings?lang=en").get_data(as_text=True)
    assert re.search(r"09:00–09:30, Thursday 15 October 2026</strong>\s*·\s*Table T01", english)
