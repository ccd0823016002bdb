"""Journey 1 in Chromium: an exhibitor registers, completes the profile, picks two adjacent booths
on the plan and applies; an organizer approves and records the payment; the plan shows the company."""

import re
from datetime import date

from browsing import ORGANIZER, adjacent_available_pair, register

ZONE = "automotive-motorcycle"


def complete_profile(me, tax_code: str):
    page = me.page
    me.submit_link(page.locator(f"main a[href='/enterprises/{tax_code}']"))
    me.submit_link(page.locator(f"main a[href='/enterprises/{tax_code}/edit']"))
    page.check(f"input[name=sectors][value={ZONE}]")
    page.fill("#address", "Lô C5, đường số 3")
    page.fill("#locality", "Phường Phúc Lợi")
    page.fill("#industrial_park", "KCN Phố Nối A")
    page.fill("#description_vi", "Dập, hàn và sơn tĩnh điện khung, giá đỡ cho xe máy.")
    page.fill("#contact_name", "Lê Thị Hằng")
    page.fill("#contact_email", "kinhdoanh@truongson.example.vn")
    page.fill("#contact_phone", "0243 999 1234")
    me.submit(page.locator(f"main form[action='/enterprises/{tax_code}/edit'] button.primary"))
    assert page.locator(".flash-success").is_visible()
    me.submit_link(page.locator(f"main a[href='/enterprises/{tax_code}/products/new']"))
    page.fill("#name_vi", "Khung xe máy hàn robot")
    page.fill("#name_en", "Robot-welded motorcycle frames")
    page.select_option("#category", "AUTO.MOTO_FRAME")
    me.submit(page.locator("main form button.primary"))
    assert page.locator(".flash-success").is_visible()
    assert "Khung xe máy hàn robot" in page.locator("main").inner_text()


def reserve_on_plan(me, booths: tuple[str, str]):
    first, second = booths
    page = me.page
    me.submit_link(page.locator("header a[href='/plan']"))
    booth = page.locator(f".plan-svg a.booth[data-code='{first}']")
    booth.click()  # the first click shows the booth's details beside the plan
    panel = page.locator("#booth-panel")
    assert panel.locator("[data-field=code]").inner_text() == first
    me.step("booth details")
    me.submit_link(panel.locator("[data-open] a"))
    page.check(f"input[name=extra][value={second}]")
    me.submit(page.locator("main form button.primary"))
    assert re.search(r"/me/booths/\d+$", page.url)
    me.submit(page.locator(".countdown-card button.primary"))
    assert page.locator(".flash-success").is_visible()


def approve_and_record_payment(organizer, company: str):
    page = organizer.page
    organizer.submit_link(page.locator("header a[href='/organizer/']"))
    organizer.submit_link(page.locator("main a[href='/organizer/booths/']"))
    row = page.locator("section[aria-labelledby=apps] tr", has_text=company)
    organizer.submit_link(row.locator("a"))
    organizer.submit(page.locator("button[name=action][value=approve]"))
    assert page.locator(".flash-success").is_visible()
    outstanding = page.locator("#payment-amount_vnd-hint").inner_text()
    page.fill("#payment-amount_vnd", re.sub(r"\D", "", outstanding))
    page.fill("#payment-paid_on", date.today().isoformat())
    page.fill("#payment-reference", "UNC 2026-118")
    organizer.submit(page.locator("button[name=action][value=payment]"))
    assert page.locator(".flash-success").is_visible()


def test_an_exhibitor_registers_reserves_two_booths_and_appears_on_the_plan_once_paid(fair, visit):
    company = "Công ty TNHH Phụ tùng Xe máy Trường Sơn"
    booths = adjacent_available_pair(fair, ZONE)
    me = visit()
    tax_code = register(me, fair, company, "Lê Thị Hằng")
    complete_profile(me, tax_code)
    reserve_on_plan(me, booths)

    organizer = visit(ORGANIZER)
    approve_and_record_payment(organizer, company)

    visitor = visit()
    visitor.goto("/plan")
    for code in booths:
        booth = visitor.page.locator(f".plan-svg a.booth[data-code='{code}']")
        assert booth.get_attribute("data-status") == "confirmed"
        assert booth.get_attribute("data-exhibitor") == company
    visitor.page.fill("#q", "Truong Son")
    visitor.submit(visitor.page.locator("form[role=search] button[type=submit]"))
    found = visitor.page.locator(".found-list")
    assert company in found.inner_text()
    assert all(code in found.inner_text() for code in booths)
    visitor.page.locator(f".plan-svg a.booth[data-code='{booths[0]}']").scroll_into_view_if_needed()
    visitor.step("the company on the plan", docs="floor-plan")
