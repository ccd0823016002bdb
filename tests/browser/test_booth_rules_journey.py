"""The booth rules before the click, and the waitlist, in Chromium at a desktop and a phone size (#14).

An exhibitor of the demo fair taps a booth in another sector's zone: the panel says why it cannot be
held (the booth's page says the same, from the same rule) where the person sees it; holds a booth
it may have, and the plan then tells it the booth is its own. It joins the waitlist, sees its place
on "My booths" and leaves it, after confirming."""

import json

import pytest
from browsing import Visitor

EXHIBITOR = "trienlam@demo.fairmatch.vn"  # the demo exhibitor (README)
TAP_TARGET_PX = 40


def verdicts(me: Visitor) -> dict:
    return json.loads(me.page.locator("#booth-verdicts").get_attribute("data-verdicts"))


def choose_on_plan(me: Visitor, code: str):
    """Tap (click) a booth on the plan; its details appear in the panel, in view."""
    page = me.page
    booth = page.locator(f".plan-svg a.booth[data-code='{code}']")
    booth.scroll_into_view_if_needed()
    box = booth.locator("rect").bounding_box()
    assert min(box["width"], box["height"]) >= (TAP_TARGET_PX if me.fair.device == "phone" else 30), box
    booth.click()
    panel = page.locator("#booth-panel")
    assert panel.locator("[data-field=code]").inner_text() == code
    assert panel.locator("[data-verdict]").is_visible()
    assert panel.locator("[data-verdict]").is_visible() and in_view(me, panel.locator("[data-verdict]"))
    assert in_view(me, booth.locator("rect"), covered_by=panel), f"{code} is hidden behind its own details"
    return panel


def in_view(me: Visitor, locator, covered_by=None) -> bool:
    """Whether `locator` is inside the viewport (and, if given, not under `covered_by`)."""
    box = locator.bounding_box()
    height = me.page.viewport_size["height"]
    if box is None or box["y"] < 0 or box["y"] + box["height"] > height:
        return False
    if covered_by is not None and me.page.evaluate(
        "el => getComputedStyle(el).position === 'fixed'", covered_by.element_handle()
    ):
        return box["y"] + box["height"] <= covered_by.bounding_box()["y"]
    return True


def test_a_booth_the_exhibitor_cannot_hold_says_why_before_the_click_and_its_own_booth_says_so(fair, visit):
    me = visit(EXHIBITOR)
    me.goto("/plan")
    page = me.page
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 5000, f"the plan page is {height} px tall"
    assert not page.locator("details.booth-list").evaluate("d => d.open")
    assert page.locator(".zone-legend li").count() >= 2
    rules = verdicts(me)
    refused = sorted(rules["refused"])[0]
    panel = choose_on_plan(me, refused)
    assert "refused" in panel.locator("[data-verdict]").get_attribute("class")
    reason = rules["reasons"][rules["refused"][refused]]
    assert reason in panel.locator("[data-verdict]").inner_text()
    price, frame = panel.locator("[data-field=price]").bounding_box(), panel.bounding_box()
    assert price["x"] + price["width"] <= frame["x"] + frame["width"], "the price overflows the panel"
    me.step("a refused booth", docs="booth-refused")
    me.submit_link(panel.locator("[data-open] a"))
    assert reason in page.locator("#booth-refusal").inner_text()  # the booth's page: the same rule, the same words
    assert page.locator("form[action$='/reserve']").count() == 0

    me.goto("/plan")
    free = next(
        code
        for code in (b.get_attribute("data-code") for b in page.locator(".plan-svg a.booth.status-available").all())
        if code not in verdicts(me)["refused"]
    )
    panel = choose_on_plan(me, free)
    assert "free" in panel.locator("[data-verdict]").get_attribute("class")
    me.submit_link(panel.locator("[data-open] a"))
    me.submit(page.locator("form[action$='/reserve'] button.primary"))
    assert page.locator(".countdown-card").is_visible()

    me.goto("/plan")
    assert free in verdicts(me)["mine"]
    panel = choose_on_plan(me, free)
    assert "mine" in panel.locator("[data-verdict]").get_attribute("class")
    me.submit_link(panel.locator("[data-open] a"))
    assert "/me/booths/" in me.path  # "open my reservation", never "join the waitlist"
    me.goto(f"/plan/booths/{free}")
    assert page.locator(".verdict.mine").is_visible()


def test_the_exhibitor_joins_the_waitlist_sees_its_place_and_leaves_it_after_confirming(fair, visit):
    me = visit(EXHIBITOR)
    me.goto("/me/booths")
    page = me.page
    before = page.locator(".waitlist-entry").count()
    page.select_option("#booth_type", "island")
    me.submit(page.locator("form[action='/me/waitlist'] button.primary"))
    assert page.locator(".flash-success").is_visible()
    entry = page.locator(".waitlist-entry").first
    assert page.locator(".waitlist-entry").count() == before + 1
    assert entry.locator(".waitlist-place").is_visible()
    me.step("on the waitlist", docs="waitlist")

    entry.locator("details.confirm-step summary").click()
    entry.locator("button[type=submit]").click()  # the box is not ticked: the browser keeps the form
    assert entry.locator("input[name=confirm]").evaluate("box => !box.validity.valid")
    assert page.locator(".waitlist-entry").first.locator(".waitlist-place").is_visible()
    entry.locator("input[name=confirm]").check()
    me.submit(entry.locator("button[type=submit]"))
    assert page.locator(".flash-info").is_visible()
    left = page.locator(".waitlist-entry").first
    assert left.locator(".waitlist-place").count() == 0 and left.locator("details.confirm-step").count() == 0


@pytest.mark.parametrize("fair", ["phone"], indirect=True)
def test_on_a_phone_the_booth_sheet_closes_and_stays_closed(fair, visit):
    me = visit()
    me.goto("/plan")
    panel = choose_on_plan(me, me.page.locator(".plan-svg a.booth.status-confirmed").first.get_attribute("data-code"))
    panel.locator("[data-close]").click()
    me.page.wait_for_timeout(100)
    assert not me.page.evaluate("document.getElementById('booth-panel').classList.contains('open')")
    assert me.page.evaluate("getComputedStyle(document.getElementById('booth-panel')).position") != "fixed"
