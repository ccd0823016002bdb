"""The browser tests' helpers: a person's tab that checks every page it reaches, and demo data
looked up through the public API."""

import json
import os
import re
import time
from pathlib import Path
from urllib.request import urlopen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
AXE_SOURCE = (HERE / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PASSWORD = "hoicho-2026"  # the demo users' password (README)
ORGANIZER = "btc@demo.fairmatch.vn"
SEED_ENTERPRISES = 300  # the demo fair as a newcomer sees it; seeding takes a few seconds
SUPPLIER = "cungung@demo.fairmatch.vn"
BUYER = "muahang@demo.fairmatch.vn"
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# Where the docs' screenshots go when FAIRMATCH_SCREENSHOTS names a folder (docs/screenshots).
DOCS_SCREENSHOTS = os.environ.get("FAIRMATCH_SCREENSHOTS")


class Fair:
    def __init__(self, base_url: str, device: str):
        self.base_url = base_url
        self.device = device
        self.audited: set[str] = set()
        self.counter = 0

    def unique(self) -> int:
        self.counter += 1
        return self.counter


class Visitor:
    """One person's browser tab; every step is photographed (kept only when the test fails) and
    every new page is checked by axe-core."""

    def __init__(self, page, fair: Fair, label: str):
        self.page = page
        self.fair = fair
        self.label = label.split("@")[0]
        self.steps: list[tuple[str, bytes]] = []

    def goto(self, path: str):
        response = self.page.goto(path)
        assert response is not None and response.status < 400, f"{path} answered {response and response.status}"
        self.arrived()
        return response

    def arrived(self, step: str | None = None):
        """Call after each navigation: checks the page and records a step."""
        self.page.wait_for_load_state("load")
        body = self.page.locator("body").inner_text()
        assert "Traceback" not in body and "Internal Server Error" not in body
        self.audit()
        self.step(step or self.path)

    @property
    def path(self) -> str:
        return self.page.url.removeprefix(self.fair.base_url)

    def step(self, name: str, docs: str | None = None):
        """Photograph the tab: kept if the test fails, and saved for the docs when asked."""
        self.steps.append((name, self.page.screenshot()))
        if docs and DOCS_SCREENSHOTS:
            folder = ROOT / DOCS_SCREENSHOTS
            folder.mkdir(parents=True, exist_ok=True)
            self.page.evaluate("window.scrollTo(0, 0)")
            width = self.page.viewport_size["width"]
            height = min(self.page.evaluate("document.documentElement.scrollHeight"), 1100)
            self.page.screenshot(
                path=folder / f"{docs}-{self.fair.device}.png",
                full_page=True,
                clip={"x": 0, "y": 0, "width": width, "height": height},
            )

    def keep_steps(self, folder: Path):
        self.steps.append(("last", self.page.screenshot(full_page=True)))
        for number, (name, image) in enumerate(self.steps, 1):
            safe_name = re.sub(r"[^\w.-]+", "_", name)[:60]
            (folder / f"{self.label}-{number:02d}-{safe_name}.png").write_bytes(image)

    def audit(self):
        """axe-core on this page (once per path and device): no serious or critical violation."""
        key = re.sub(r"\d+", "N", re.split(r"[?#]", self.path)[0])
        if key in self.fair.audited:
            return
        self.fair.audited.add(key)
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE)  # evaluated, not a <script>: works under a strict CSP
        violations = self.page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ['violations']});
                return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
            }"""
        )
        assert not violations, f"axe on {self.path} ({self.fair.device}):\n" + "\n".join(
            f"- {v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
        )

    def sign_in(self, email: str, password: str = PASSWORD):
        self.goto("/login")
        self.page.fill("#email", email)
        self.page.fill("#password", password)
        self.submit(self.page.locator("main form button[type=submit]"))
        assert "/login" not in self.page.url, f"{email} could not sign in"

    def submit_link(self, link):
        """Follow a link and check the page it leads to."""
        with self.page.expect_navigation():
            link.click()
        self.arrived()

    def submit(self, button):
        """Click a button that leads to a new page, and check that page."""
        with self.page.expect_navigation():
            button.click()
        self.arrived()

    def submit_job(self, button, ends_at: str):
        """Click a button that starts long work: through its progress page to the page at `ends_at` (a
        glob), which is checked."""
        with self.page.expect_navigation():
            button.click()
        self.page.wait_for_url(ends_at, timeout=90_000)
        self.arrived()

    def fetch(self, link) -> tuple[str, bytes]:
        """What a link gives this signed-in person (a PDF, a calendar file): content type and bytes.
        Fetched with the tab's cookies: Chromium would show an inline PDF rather than save it. A
        document being built answers 202 with its job: asked again once the job is done."""
        address, requests = link.get_attribute("href"), self.page.context.request
        response = requests.get(address)
        if response.status == 202:
            job = response.headers["location"]
            deadline = time.monotonic() + 120
            while requests.get(job).json()["state"] in ("queued", "running") and time.monotonic() < deadline:
                time.sleep(0.3)
            response = requests.get(address)
        assert response.status == 200, f"{address} answered {response.status}"
        return response.headers["content-type"], response.body()


def new_tax_code(fair: Fair) -> str:
    """A valid tax code that no demo enterprise has (they are drawn from other numbers)."""
    from fairmatch.common.keys import tax_check_digit

    while True:
        first_nine = f"97{list(DEVICES).index(fair.device)}{fair.unique():06d}"
        digit = tax_check_digit(first_nine)
        if digit is not None:
            return first_nine + str(digit)


def emailed_link(fair: Fair, email: str, kind: str) -> str:
    """The link of the newest `kind` message written to `email`, read from the outbox as the mail
    server would (the browser tests send no email)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(fair.database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        link = connection.execute(
            text("SELECT link FROM notification WHERE email = :email AND kind = :kind ORDER BY id DESC LIMIT 1"),
            {"email": email, "kind": kind},
        ).scalar_one()
    engine.dispose()
    return link


def confirm_email(person, fair: Fair, email: str):
    """Open the confirmation link emailed to `email` in the person's tab."""
    person.goto(emailed_link(fair, email, "verify_email").removeprefix(fair.base_url))
    assert person.page.locator(".flash-success").is_visible()


def register(person, fair: Fair, company: str, person_name: str, role: str = "exhibitor",
             confirm: bool = True) -> str:
    """Register a new account and its enterprise from the home page's invitation (an exhibitor
    names its first sector) and, unless `confirm` is false, open the link emailed to confirm the
    address; returns the enterprise's tax code."""
    tax_code = new_tax_code(fair)
    person.goto("/")
    person.submit_link(
        person.page.locator(
            "main a[href^='/register']" + ("[href*=buyer]" if role == "buyer" else ":not([href*=buyer])")
        )
    )
    page = person.page
    assert page.locator(f"input[name=role][value={role}]").is_checked()
    page.fill("#name", person_name)
    page.fill("#email", f"{role}.{tax_code}@example.vn")
    page.fill("#password", "hội chợ công nghiệp 2026")
    page.fill("#confirm", "hội chợ công nghiệp 2026")
    page.fill("#tax_code", tax_code)
    page.fill("#name_vi", company)
    if role == "exhibitor":
        page.locator("input[name=sectors]").first.check()
    page.check("#consent")
    person.submit(page.locator("main form button[type=submit]"))
    assert page.locator(".flash-success").is_visible()
    if confirm:
        confirm_email(person, fair, f"{role}.{tax_code}@example.vn")
    return tax_code


def demo_booths(fair: Fair) -> list[dict]:
    """The booths of the current fair, from the public API."""
    with urlopen(f"{fair.base_url}/api/v1/booths") as answer:
        return json.load(answer)["booths"]


def adjacent_available_pair(fair: Fair, zone: str, skip: set[str] = frozenset()) -> tuple[str, str]:
    """Two available booths of `zone` side by side in one row of one hall."""
    booths = [
        b for b in demo_booths(fair) if b["status"] == "available" and b["zone"] == zone and b["code"] not in skip
    ]
    for left in booths:
        for right in booths:
            if (
                left["hall"] == right["hall"]
                and left["y_m"] == right["y_m"]
                and right["x_m"] == left["x_m"] + left["width_m"]
                and left["depth_m"] == right["depth_m"]
            ):
                return left["code"], right["code"]
    raise AssertionError(f"no two adjacent available booths left in zone {zone}")
