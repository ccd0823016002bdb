"""Journey in Chromium: a new exhibitor registers, is told to confirm the address and cannot book
yet; opening the link emailed to it (read from the outbox) lists the enterprise and lets it book."""

import re

from browsing import confirm_email, demo_booths, register


def free_booth_for_first_sector(fair) -> str:
    """An available booth that an enterprise of the first sector in the list (IT) may hold."""
    return next(b["code"] for b in demo_booths(fair) if b["status"] == "available" and b["zone"] in (None, "it"))


def test_a_new_exhibitor_confirms_the_address_then_is_listed_and_can_book(fair, visit):
    company = "Công ty TNHH Phần mềm Sông Hồng"
    booth = free_booth_for_first_sector(fair)
    me = visit(lang="en")
    me.goto("/?lang=en")
    tax_code = register(me, fair, company, "Vũ Thị Thu", confirm=False)
    page = me.page
    email = f"exhibitor.{tax_code}@example.vn"

    notice = page.locator(".verify-notice")
    assert notice.is_visible() and email in notice.inner_text()
    assert "not listed in the directory" in notice.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], "the notice fits the screen"
    me.step("the notice after registering", docs="email-verification")

    me.goto(f"/directory?q={tax_code}")
    assert company not in page.locator("main").inner_text()
    me.goto(f"/plan/booths/{booth}")
    assert "Confirm your email address first" in page.locator("#booth-refusal").inner_text()
    assert page.locator("main form button.primary").count() == 0

    confirm_email(me, fair, email)
    assert "Your email address is confirmed" in page.locator(".flash-success").inner_text()
    assert page.locator(".verify-notice").count() == 0

    visitor = visit(lang="en")
    visitor.goto(f"/directory?q={tax_code}&lang=en")
    assert company in visitor.page.locator("main").inner_text()

    me.goto(f"/plan/booths/{booth}")
    assert page.locator("#booth-refusal").count() == 0
    me.submit(page.locator("main form button.primary"))
    assert re.search(r"/me/booths/\d+$", page.url)
    assert page.locator(".flash-success").is_visible()


def test_the_confirmation_link_can_be_sent_again_from_the_notice(fair, visit):
    me = visit(lang="en")
    me.goto("/?lang=en")
    tax_code = register(me, fair, "Công ty CP Cơ điện Thăng Long", "Đỗ Văn Nam", confirm=False)
    me.goto("/directory")
    me.submit(me.page.locator(".verify-notice button"))
    assert me.path.startswith("/directory")
    assert "A new link is on its way" in me.page.locator(".flash-success").inner_text()
    confirm_email(me, fair, f"exhibitor.{tax_code}@example.vn")
