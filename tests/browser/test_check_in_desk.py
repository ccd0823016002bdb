"""The check-in desk in Chromium, at a desktop and a phone size: the organizer reads a staff badge's code
from its reprint, then scans it as a hand scanner does (the code typed, then Enter). The person is
checked in without the page reloading, the field is empty and keeps the focus for the next badge, and
the last scans list each result in its colour: checked in, already checked in, refused."""

import io
import re

from browsing import ORGANIZER
from pypdf import PdfReader


def test_a_hand_scanner_checks_badges_in_one_after_another(fair, visit):
    organizer = visit(ORGANIZER, lang="en")
    organizer.goto("/organizer/check-in?lang=en")
    page = organizer.page
    field = page.locator("#code")
    assert page.evaluate("document.activeElement.id") == "code", "the field has the focus from the start"
    box = field.bounding_box()
    assert box["height"] >= 50 and box["width"] >= 0.6 * min(page.viewport_size["width"], 768), "a large field"

    organizer.submit_link(page.locator("main a[href='/organizer/people']"))
    exhibitor_row = page.locator("tbody tr", has=page.locator(".role-exhibitor")).first
    name = exhibitor_row.locator("td strong").inner_text()
    kind, pdf = organizer.fetch(exhibitor_row.locator("a[href$='/badge.pdf']"))
    assert kind == "application/pdf"
    badge = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    code = re.search(r"FM-P\d+-[0-9A-F]{10}", badge).group(0)
    assert name in " ".join(badge.split()) and "Booth " in badge

    organizer.goto("/organizer/check-in?lang=en")
    page.evaluate("window.deskMarker = 'still the same page'")

    def scan(text: str, result: str):
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        page.locator(f"#desk-result [data-result='{result}']").wait_for()
        assert field.input_value() == "" and page.evaluate("document.activeElement.id") == "code"

    scan(code, "ok")
    outcome = page.locator("#desk-result .desk-outcome")
    assert name in outcome.inner_text() and "checked in" in outcome.inner_text().lower()
    assert outcome.locator("a[href$='/badge.pdf']").is_visible(), "reprint is one click away"
    organizer.step("checked in")

    scan(code, "again")
    assert "already checked in" in outcome.inner_text().lower()
    forged = code[:-3] + ("000" if not code.endswith("000") else "111")
    scan(forged, "unknown")
    organizer.step("refused")

    scans = page.locator("#desk-scans .desk-scan")
    assert [scans.nth(n).get_attribute("class").split()[-1] for n in range(3)] == [
        "result-unknown",
        "result-again",
        "result-ok",
    ]
    assert name in scans.nth(1).inner_text() and forged in scans.nth(0).inner_text()
    colours = [scans.nth(n).evaluate("e => getComputedStyle(e).borderLeftColor") for n in range(3)]
    assert len(set(colours)) == 3, "each result has its own colour"
    assert page.evaluate("window.deskMarker") == "still the same page", "scans are sent without reloading"

    # A click elsewhere on the page gives the focus back to the field.
    page.locator("h1").click()
    assert page.evaluate("document.activeElement.id") == "code"
    organizer.audit()
