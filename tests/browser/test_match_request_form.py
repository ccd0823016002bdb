"""A meeting request from a match card, in Chromium at a desktop and a phone size: the card opens
the one request form (message, "must meet"), sends it, and then says the meeting is requested
instead of offering the form again."""

import re

EXHIBITOR = "trienlam@demo.fairmatch.vn"


def test_a_match_card_asks_for_a_message_and_must_meet_then_says_requested(fair, visit):
    person = visit(EXHIBITOR)
    person.goto("/me/matches?direction=suppliers")
    page = person.page
    card = page.locator("ol.matches > li.match").filter(has=page.locator("details.ask")).first
    assert card.count() == 1, "a match the exhibitor has not asked yet"
    partner = card.locator("h2 a").inner_text().strip()
    form = card.locator("form.ask-form")
    assert not form.is_visible(), "nothing is sent, nor shown, before the card is opened"
    card.locator("details.ask > summary").click()
    message = form.locator("textarea[name=message]")
    assert message.is_visible() and form.locator("input[name=must_meet]").is_visible()
    box = message.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], "the form fits the screen"
    person.step("match card request form", docs="match-request-form")

    message.fill("Chúng tôi muốn giới thiệu sản phẩm và bàn về đơn hàng năm 2027.")
    form.locator("input[name=must_meet]").check()
    person.submit(form.locator("button[type=submit]"))
    assert page.locator(".flash-success").is_visible()
    assert re.search(r"/me/matches\?direction=suppliers#ask-", page.url), "back on the matches, at the card"

    card = page.locator("ol.matches > li.match", has_text=partner)
    assert card.locator(".ask-state .tag.requested").is_visible()
    assert card.locator("details.ask").count() == 0, "the card no longer offers a second request"
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")

    person.submit_link(page.locator("header a[href='/me/meetings']"))
    sent = page.locator("ul.meeting-requests > li", has_text=partner)
    assert "Chúng tôi muốn giới thiệu sản phẩm" in sent.inner_text()
    assert sent.locator("form[action$='/cancel']").count() == 1
    assert sent.locator("form[action$='/accept'], form[action$='/decline']").count() == 0
