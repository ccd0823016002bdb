"""The agenda in Chromium at a phone and a desktop size: one card per meeting (time, partner, place,
state, what can be done), no sideways scrolling, buttons big enough for a thumb, and each meeting's
check-in QR code reachable and whole on the screen."""

from browsing import BUYER


def test_the_agenda_is_a_list_of_cards_with_the_check_in_code_in_reach(fair, visit):
    person = visit(BUYER)
    person.goto("/me/agenda")
    page = person.page
    width = page.viewport_size["width"]
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    assert page.locator("main table").count() == 0
    cards = page.locator("ol.agenda-list > li.agenda-meeting")
    assert cards.count() >= 1, "the demo buyer has meetings on its agenda"
    person.step("agenda", docs="agenda-cards")

    for index in range(cards.count()):
        card = cards.nth(index)
        for part in (".agenda-time", "h2 a", ".agenda-place", ".meeting-state"):
            assert card.locator(part).first.is_visible(), f"card {index + 1} shows {part}"
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        for button in card.locator("button").all():
            if button.is_visible():
                size = button.bounding_box()
                assert size["height"] >= 44 and size["width"] >= 44, "a button a thumb can press"
                assert size["x"] + size["width"] <= width

        qr = card.locator(".check-in-code svg")
        qr.scroll_into_view_if_needed()
        shown = qr.bounding_box()
        viewport = page.viewport_size
        assert shown["width"] >= 110 and shown["height"] >= 110, "big enough for the desk's scanner"
        assert shown["y"] >= 0 and shown["y"] + shown["height"] <= viewport["height"], "the whole QR on screen"
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= viewport["width"]
        assert card.locator(".check-in-code code").is_visible()
    person.step("agenda check-in code")
