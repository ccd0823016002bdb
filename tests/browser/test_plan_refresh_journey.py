"""The open plan keeps itself up to date, in Chromium at a desktop and a phone size (#16): a visitor
has the plan open in Vietnamese while the organizer takes a booth off sale; without a reload the
visitor's plan shows the booth as not for sale, in the drawing, the list and the legend."""

from browsing import ORGANIZER, demo_booths


def poll_now(me):
    """What the page does every few seconds, and at once when its tab comes back into view."""
    me.page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def test_the_open_plan_shows_a_booth_taken_off_sale_without_a_reload(visit, fair):
    code = next(b["code"] for b in demo_booths(fair) if b["status"] == "available")
    visitor = visit()
    visitor.goto("/plan")
    page = visitor.page
    booth = page.locator(f".plan-svg a.booth[data-code='{code}']")
    assert booth.get_attribute("data-status") == "available"
    blocked = page.locator(".legend [data-status-name=blocked]")
    blocked_before = blocked.inner_text()
    live = page.locator("#plan-live")
    assert live.is_visible()
    visitor.step("plan open")

    organizer = visit(ORGANIZER)
    organizer.goto(f"/organizer/booths/halls?booth={code}")
    organizer.submit(organizer.page.locator("button[name=action][value=block]"))
    assert organizer.page.locator(".flash-success").is_visible()

    try:
        poll_now(visitor)
        page.wait_for_selector(f".plan-svg a.booth[data-code='{code}'][data-status=blocked]", timeout=10_000)
        assert "status-blocked" in booth.get_attribute("class")
        row = page.locator(f".booth-list tr[data-code='{code}'] [data-cell=status]")
        assert row.text_content() == blocked.inner_text().rsplit(" (", 1)[0]
        assert blocked.inner_text() != blocked_before
        assert live.inner_text().startswith(live.get_attribute("data-updated-text"))
        assert page.url.endswith("/plan")  # the same page: nothing was reloaded
        visitor.step("plan updated")
    finally:
        organizer.goto(f"/organizer/booths/halls?booth={code}")
        organizer.submit(organizer.page.locator("button[name=action][value=unblock]"))
