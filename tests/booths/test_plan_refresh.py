"""The open floor plan keeps itself up to date: it polls `/plan/state` with the ETag of the state it
shows, and the server answers 304 until a booth changes. Each booth is drawn once per state."""

import html
import re

import pytest

from fairmatch.booths import plan
from tests.conftest import signed_in


def live_state(page: str) -> tuple[str, str]:
    """The poll's address and the ETag of the state that `page` shows."""
    found = re.search(r'data-state-url="([^"]+)" data-state-tag="([^"]+)"', page)
    assert found, "the plan page carries no poll address"
    return html.unescape(found.group(1)), found.group(2)


def poll(client, url: str, tag: str):
    return client.get(url, headers={"If-None-Match": f'"{tag}"'})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_open_plan_that_nothing_changed_is_told_so_without_a_body(client, fair, lang):
    page = client.get(f"/plan?lang={lang}").get_data(as_text=True)
    url, tag = live_state(page)
    assert f"lang={lang}" in url and "js/plan.js" in page
    answer = poll(client, url, tag)
    assert answer.status_code == 304 and answer.data == b""


def test_after_a_hold_the_poll_answers_the_booth_that_went_and_the_new_counts(app, client, exhibitor):
    url, tag = live_state(client.get("/plan?lang=en").get_data(as_text=True))
    email, _ = exhibitor()
    assert signed_in(app, email).post("/api/v1/booths/A02/reservations", json={}).status_code == 201

    answer = poll(client, url, tag)
    assert answer.status_code == 200
    assert answer.json["booths"]["A02"] == {"status": "held"}
    assert answer.json["booths"]["A03"] == {"status": "available"}
    assert answer.json["counts"]["held"] == 1 and answer.json["counts"]["available"] == 7
    # The answer's own ETag is the state the page now shows: asked again, nothing changed.
    assert answer.headers["ETag"] != f'"{tag}"'
    assert poll(client, url, answer.headers["ETag"].strip('"')).status_code == 304


def test_the_poll_names_a_confirmed_exhibitor_and_dims_as_the_page_filters_do(client, confirmed):
    _, key, _ = confirmed()
    url, _ = live_state(client.get("/plan?lang=en&sector=electrical-electronics").get_data(as_text=True))
    assert "sector=electrical-electronics" in url
    booths = client.get(url).json["booths"]
    assert booths["A02"]["status"] == "confirmed" and booths["A02"]["profile"] == f"/enterprises/{key}"
    assert booths["A02"]["exhibitor"]
    assert "dim" not in booths["A01"] and booths["A05"]["dim"] is True


def test_a_signed_in_exhibitor_is_told_what_it_may_hold_in_a_private_answer(app, client, exhibitor):
    email, _ = exhibitor(sector="textiles-garments")
    browser = signed_in(app, email)
    url, tag = live_state(browser.get("/plan?lang=en").get_data(as_text=True))
    assert poll(browser, url, tag).status_code == 304
    # Another visitor's state of the same plan is not this exhibitor's.
    assert live_state(client.get("/plan?lang=en").get_data(as_text=True))[1] != tag

    other, _ = exhibitor()
    signed_in(app, other).post("/api/v1/booths/A05/reservations", json={})
    answer = poll(browser, url, tag)
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "private, no-cache"
    verdicts = answer.json["verdicts"]
    assert set(verdicts["refused"]) == {"A01", "A02", "A03", "A04"}  # the electronics zone
    assert "zone for another sector" in verdicts["reasons"][verdicts["refused"]["A01"]]
    assert answer.json["booths"]["A05"]["status"] == "held"


def test_a_hold_draws_its_booth_again_and_keeps_the_others(app, client, exhibitor, monkeypatch):
    drawn = []
    render = plan._render_fragment

    def counting(template, view, lang, extra):
        drawn.append(view.booth.code)
        return render(template, view, lang, extra)

    monkeypatch.setattr(plan, "_render_fragment", counting)
    client.get("/plan")
    assert sorted(set(drawn)) == [f"A0{i}" for i in range(1, 9)]
    drawn.clear()

    email, _ = exhibitor()
    signed_in(app, email).post("/api/v1/booths/A02/reservations", json={})
    page = client.get("/plan").get_data(as_text=True)
    assert drawn == ["A02", "A02"]  # on the drawing and in the list
    assert 'data-code="A02" data-status="held"' in page and 'data-code="A03" data-status="available"' in page
