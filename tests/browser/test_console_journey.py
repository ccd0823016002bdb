"""The organizer's console in Chromium: the dashboard leads with what waits for a decision, and the
meetings grid reads at a desk (1280 × 900) and on a phone: one table per session that scrolls
inside its frame under a header that stays, and short names that keep two firms apart."""

import re

from browsing import ORGANIZER


def test_the_dashboard_shows_the_first_decision_on_the_first_screen(fair, visit):
    organizer = visit(ORGANIZER)
    organizer.goto("/organizer/")
    page = organizer.page
    screen = page.viewport_size["height"]
    first = page.locator("#decisions .figure").first
    box = first.bounding_box()
    assert box["y"] + box["height"] <= screen, f"the first decision ends at {box['y'] + box['height']} px"
    assert re.search(r"\d", first.locator("strong").inner_text())
    assert first.locator("a").get_attribute("href").startswith("/organizer/booths/")
    tops = [page.locator(selector).bounding_box()["y"] for selector in ("#decisions", "#tasks", "#figures-title")]
    assert tops == sorted(tops), "decisions, then actions, then figures"
    organizer.step("dashboard", docs="organizer-dashboard")


def test_the_meetings_grid_reads_at_a_glance_without_scrolling_the_page_sideways(fair, visit):
    organizer = visit(ORGANIZER)
    organizer.goto("/organizer/meetings")
    page = organizer.page
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    # The demo's meetings are spread over the fair, so no session's grid outgrows its frame at
    # this size: the fullest one is shown in a frame cut to 150 px, as a busy session would be.
    frames = page.locator(".grid-wrap")
    rows = [frames.nth(i).locator("tbody tr").count() for i in range(frames.count())]
    frame = frames.nth(rows.index(max(rows)))
    frame.evaluate("(element) => { element.style.maxHeight = '150px'; }")
    frame.scroll_into_view_if_needed()
    header = frame.locator("thead th").nth(1)
    first_row = frame.locator("tbody tr").first
    frame.evaluate("(element) => { element.scrollTop = 400; }")
    assert frame.evaluate("(element) => element.scrollTop") > 0, "the grid scrolls inside its frame"
    assert first_row.bounding_box()["y"] < frame.bounding_box()["y"], "the first rows went up out of the frame"
    after = header.bounding_box()["y"]
    assert abs(after - frame.bounding_box()["y"]) < 3, "the time header stays at the top of the frame"
    x, y = header.bounding_box()["x"] + 5, after + 5
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('thead') !== null"), "and stays visible"
    organizer.step("grid scrolled")

    # Every firm keeps one short name, and no two firms share one, even where their full names begin alike.
    pairs = page.locator(".meeting-grid a.pair")
    assert pairs.count() > 10
    shorts: dict[str, str] = {}
    for full, short in zip(
        pairs.evaluate_all("links => links.map(a => a.title)"),
        pairs.evaluate_all(
            "links => links.map(a => [...a.querySelectorAll('.short span')].map(s => s.textContent.trim()).join('|'))"
        ),
        strict=True,
    ):
        for whole, part in zip(full.split(" · "), short.split("|"), strict=True):
            assert shorts.setdefault(whole, part) == part
    assert len(set(shorts.values())) == len(shorts)

    # Focus shows the full names.
    pairs.first.focus()
    full = pairs.first.locator(".full")
    assert full.bounding_box()["width"] > 50 and full.is_visible()
    organizer.step("full names on focus")


def test_one_participant_s_meetings_in_time_order(fair, visit):
    organizer = visit(ORGANIZER)
    organizer.goto("/organizer/meetings")
    page = organizer.page
    page.select_option("#who", index=1)
    organizer.submit(page.locator("form.participant-pick button"))
    rows = page.locator("#participant-meetings tbody tr")
    assert rows.count() >= 1
    times = rows.locator("td:first-child").all_inner_texts()
    assert times == sorted(times, key=lambda t: (t.split(", ")[-1], t))
