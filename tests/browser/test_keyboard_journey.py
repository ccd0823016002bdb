"""Journey 1 with the keyboard alone: Tab to move, typing, Space to tick, arrows in lists and dates,
Enter to follow and to send. Nothing is clicked."""

import re

import pytest
from browsing import ORGANIZER, adjacent_available_pair, confirm_email, new_tax_code

ZONE = "automotive-motorcycle"


class Keyboard:
    """One person's hands on the keyboard of their tab."""

    def __init__(self, person):
        self.person = person
        self.page = person.page

    def focus(self, selector: str, limit: int = 400):
        """Press Tab until the element matching `selector` has the focus."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reaches {selector} on {self.person.path}")

    def type_into(self, selector: str, text: str):
        self.focus(selector)
        self.page.keyboard.type(text)

    def tick(self, selector: str):
        self.focus(selector)
        self.page.keyboard.press("Space")
        assert self.page.locator(selector).is_checked()

    def choose(self, selector: str, value: str, limit: int = 300):
        """Arrow down a closed list until `value` is chosen."""
        self.focus(selector)
        for _ in range(limit):
            if self.page.locator(selector).input_value() == value:
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"{value} is not in {selector}")

    def today(self, selector: str):
        """Set a date field to today: each part of it takes today's value with the Up arrow."""
        self.focus(selector)
        for part in range(3):
            if part:
                self.page.keyboard.press("Tab")
            self.page.keyboard.press("ArrowUp")
        assert self.page.locator(selector).input_value()

    def press_enter_on(self, selector: str):
        """Tab to a link or button and press Enter: a new page opens."""
        self.focus(selector)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        self.person.arrived()


@pytest.mark.parametrize("fair", ["desktop"], indirect=True)
def test_an_exhibitor_completes_journey_1_with_the_keyboard_alone(fair, visit):
    company = f"Công ty CP Cơ khí Bàn Phím {fair.unique()}"
    first, second = adjacent_available_pair(fair, ZONE)
    tax_code = new_tax_code(fair)
    me = visit()
    me.goto("/")
    keys = Keyboard(me)

    keys.press_enter_on("header a[href='/register']")
    keys.type_into("#name", "Phạm Quốc Bảo")
    keys.type_into("#email", f"bao.{tax_code}@example.vn")
    keys.type_into("#password", "bàn phím không chuột")
    keys.type_into("#confirm", "bàn phím không chuột")
    keys.type_into("#tax_code", tax_code)
    keys.type_into("#name_vi", company)
    keys.tick(f"input[name=sectors][value={ZONE}]")  # registration asks for the sectors
    keys.tick("#consent")
    keys.press_enter_on("main form button[type=submit]")
    assert me.page.locator(".flash-success").is_visible()
    confirm_email(me, fair, f"bao.{tax_code}@example.vn")  # the link in the email

    keys.press_enter_on(f"main a[href='/enterprises/{tax_code}']")
    keys.press_enter_on(f"main a[href='/enterprises/{tax_code}/edit']")
    keys.type_into("#address", "Lô B2, đường số 7")
    keys.type_into("#contact_name", "Phạm Quốc Bảo")
    keys.type_into("#contact_email", "bao@banphim.example.vn")
    keys.press_enter_on(f"main form[action='/enterprises/{tax_code}/edit'] button.primary")
    assert me.page.locator(".flash-success").is_visible()
    keys.press_enter_on(f"main a[href='/enterprises/{tax_code}/products/new']")
    keys.type_into("#name_vi", "Ống xả xe máy inox")
    keys.choose("#category", "AUTO.EXHAUST")
    keys.press_enter_on("main form button.primary")
    assert me.page.locator(".flash-success").is_visible()

    keys.press_enter_on("header a[href='/plan']")
    keys.focus(f".plan-svg a.booth[data-code='{first}']")
    assert me.page.locator("#booth-panel [data-field=code]").inner_text() == first, "focus shows the booth"
    with me.page.expect_navigation():
        me.page.keyboard.press("Enter")
    me.arrived()
    keys.tick(f"input[name=extra][value={second}]")
    keys.press_enter_on("main form button.primary")
    keys.press_enter_on(".countdown-card button.primary")
    assert me.page.locator(".flash-success").is_visible()

    organizer = visit(ORGANIZER)
    keys = Keyboard(organizer)
    keys.press_enter_on("header a[href='/organizer/']")
    keys.press_enter_on("main a[href='/organizer/booths/']")
    row = organizer.page.locator("section[aria-labelledby=apps] tr", has_text=company)
    keys.press_enter_on(f"a[href='{row.locator('a').get_attribute('href')}']")
    keys.press_enter_on("button[name=action][value=approve]")
    outstanding = organizer.page.locator("#payment-amount_vnd-hint").inner_text()
    keys.type_into("#payment-amount_vnd", re.sub(r"\D", "", outstanding))
    keys.today("#payment-paid_on")
    keys.press_enter_on("button[name=action][value=payment]")
    assert organizer.page.locator(".flash-success").is_visible()

    me.goto("/plan")
    for code in (first, second):
        assert me.page.locator(f".plan-svg a.booth[data-code='{code}']").get_attribute("data-exhibitor") == company
