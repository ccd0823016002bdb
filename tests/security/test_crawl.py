"""The crawl: as each kind of visitor of the demo fair, open every page reachable from the
navigation (and the links on those pages), submit every form found there with extreme and hostile
values, follow where each submission leads, then open every page reachable again. No server
error anywhere: what was saved must not break a page that shows it later.

The test_form_fuzzing checks each form's refusals in depth on a small fair; this one checks the
whole site, as people reach it, after the bad values are in. Run on the main before 5142a87 it
fails for the exhibitor, the supplier and the buyer: a sourcing request's 31-digit volume is
saved, then `/me/requests` and the request's page answer 500 (and the organizer's booth forms
store prices the pages cannot show).
"""

import heapq
import io
import itertools
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from flask_migrate import upgrade

from fairmatch import create_app
from fairmatch.extensions import db
from fairmatch.organizer.demo import DEMO_PASSWORD, DEMO_USERS

ANONYMOUS = None
VISITORS = [ANONYMOUS] + [email for email, *_ in DEMO_USERS]  # organizer, lead exhibitor, supplier, buyer
ROLE_NAMES = {ANONYMOUS: "anonymous"} | {
    email: {None: "organizer", "lead": "exhibitor"}.get(kind, kind) for email, _, _, kind in DEMO_USERS
}

# Forms that would end the crawl rather than test it: signing out, erasing the crawler's own
# account, deactivating an account (the organizer's own, possibly).
ENDING_ACTIONS = ("/logout", "/me/erase", "/deactivate")
NOT_PAGES = (".pdf", ".ics", ".csv", ".xlsx", ".json", "/static/", "/logo", "/healthz", "/api/")
MAX_DEPTH = 2  # the navigation's pages, the links on them, and the links on those
OWN_AREA = "/me"
MAX_PAGES = 90
PER_PATTERN = 2  # pages of the same shape (/enterprises/<key>, ?page=<n>) opened at most
VARIANTS = 4  # submissions per form

NINES = "9" * 31
TEXTS = [
    NINES,
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "🏭👩‍👩‍👧‍👦🇻🇳 Công ty",
    "Đường " * 1700,
    "'; DROP TABLE enterprise; -- \" OR '1'='1 /*",
    "\u202eCông ty TNHH\u202c",
    " \t \n ",
    "-1",
    "Công ty\x00 NUL",
]
NUMBERS = [NINES, "-1", "-99999999999999999999", "1e309", "NaN", "0.00000000001", "   ", "-0"]
DATES = ["9999-12-31", "0001-01-01", "1900-02-29", "2026-02-30", "-2026-01-01", "   ", "31/12/9999"]
EMAILS = ["<script>@x.vn", "a@" + "b" * 10000 + ".vn", "'\"@x.vn", "🏭@x.vn", "  "]
FIELD_VALUES = {
    "number": NUMBERS,
    "range": NUMBERS,
    "date": DATES,
    "datetime-local": DATES,
    "time": DATES,
    "month": DATES,
    "email": EMAILS,
}
TYPED = {
    "text",
    "search",
    "number",
    "range",
    "url",
    "tel",
    "date",
    "datetime-local",
    "time",
    "month",
    "email",
    "password",
    "file",
    "textarea",
}


@dataclass
class Form:
    method: str
    action: str
    multipart: bool
    fields: dict = field(default_factory=dict)  # name -> type, for what a person types
    choices: dict = field(default_factory=dict)  # name -> option values (selects, radios, checkboxes)
    fixed: list = field(default_factory=list)  # (name, value): hidden fields and the first named button

    @property
    def shape(self) -> tuple:
        return self.method, pattern(self.action), tuple(sorted(self.fields)), tuple(sorted(self.choices))


class PageParser(HTMLParser):
    """The links and the forms of a page."""

    def __init__(self, url: str):
        super().__init__()
        self.url, self.links, self.forms, self.form, self.select = url, [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        name = attrs.get("name")
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(urljoin(self.url, attrs["href"]))
        elif tag == "form":
            self.form = Form(
                (attrs.get("method") or "get").lower(),
                urljoin(self.url, attrs.get("action") or self.url),
                "multipart" in attrs.get("enctype", ""),
            )
            self.forms.append(self.form)
        elif tag == "option" and self.form is not None and self.select:
            self.form.choices[self.select].append(attrs.get("value", ""))
        elif self.form is None or not name:
            return
        elif tag == "select":
            self.select = name
            self.form.choices.setdefault(name, [])
        elif tag == "textarea":
            self.form.fields[name] = "textarea"
        elif tag == "input" and attrs.get("type", "text") in ("checkbox", "radio"):
            self.form.choices.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "input" and attrs.get("type", "text") in TYPED:
            self.form.fields[name] = attrs.get("type", "text")
        elif self._fixed(tag, attrs):
            self.form.fixed.append((name, attrs.get("value", "")))

    def _fixed(self, tag, attrs) -> bool:
        """A hidden field (but the CSRF token: tests run without it), or the form's first named button."""
        if tag == "input":
            return attrs.get("type") == "hidden" and attrs["name"] != "csrf_token"
        return tag == "button" and not any(n == attrs["name"] for n, _ in self.form.fixed)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def pattern(url: str) -> str:
    """The shape of a URL: each part of the path that is not a plain word (an id, an enterprise key,
    a booth or category code) as `#`, the query's names without their values."""
    parts = urlsplit(url)
    path = "/".join(part if re.fullmatch(r"[a-z_-]*", part) else "#" for part in parts.path.split("/"))
    return path + "?" + "&".join(sorted({name for name, _ in parse_qsl(parts.query)} - {"lang"}))


def is_page(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and parts.netloc == "localhost"
        and not any(part in parts.path for part in NOT_PAGES)
        and not parts.path.startswith(ENDING_ACTIONS)
    )


def is_form_target(url: str) -> bool:
    """A form of this site that does not end the crawl (uploads and downloads included)."""
    parts = urlsplit(url)
    return parts.netloc == "localhost" and not parts.path.startswith(ENDING_ACTIONS)


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


class Crawler:
    def __init__(self, app, visitor):
        self.app, self.visitor, self.client, self.errors = app, visitor, app.test_client(), []
        self.sign_in()

    def sign_in(self) -> None:
        if self.visitor is not ANONYMOUS:
            response = self.client.post("/login", data={"email": self.visitor, "password": DEMO_PASSWORD})
            assert response.status_code == 302, f"{self.visitor} cannot sign in"

    def check(self, response, what: str) -> None:
        for step in [*getattr(response, "history", ()), response]:
            if step.status_code >= 500:
                self.errors.append(f"{step.status_code} on {step.request.method} {local(step.request.url)} ({what})")

    def crawl(self) -> list[Form]:
        """Open the pages reachable from the navigation, nearest first; the forms found on them.
        Pages of one shape are opened twice at most, except the visitor's own (linked from `/me/…`
        pages: their enterprise's profile among the directory's hundreds)."""
        seen, shapes, forms, order = set(), {}, {}, itertools.count()
        queue = [(0, next(order), "http://localhost/", False)]
        while queue and len(seen) < MAX_PAGES:
            depth, _, url, own = heapq.heappop(queue)
            key = local(url)
            if key in seen or not is_page(url) or (not own and shapes.get(pattern(url), 0) >= PER_PATTERN):
                continue
            seen.add(key)
            shapes[pattern(url)] = shapes.get(pattern(url), 0) + 1
            response = self.client.get(key)
            self.check(response, "opening a page")
            if response.status_code != 200 or response.mimetype != "text/html":
                response.close()
                continue
            parser = PageParser(url)
            parser.feed(response.get_data(as_text=True))
            response.close()
            for form in parser.forms:
                if is_form_target(form.action):
                    forms.setdefault(form.shape, form)
            if depth < MAX_DEPTH:
                # The home page's links are the navigation: what they lead to is one step away.
                step, own = (0, False) if key == "/" else (1, key.startswith(OWN_AREA))
                for link in parser.links:
                    heapq.heappush(queue, (depth + step, next(order), link.split("#")[0], own))
        assert len(seen) >= 8, f"the crawl found only {sorted(seen)}"
        self.pages = len(seen)
        return list(forms.values())

    def submit_all(self, forms: list[Form]) -> int:
        sent = 0
        for form in forms:
            # A form of buttons alone (accept, cancel, submit) has nothing to type: sent once.
            for variant in range(VARIANTS if form.fields or form.choices else 1):
                response = self.submit(form, filled(form, variant))
                self.check(response, f"submitting the form of {local(form.action)}, variant {variant}")
                response.close()
                sent += 1
                if self.visitor is not ANONYMOUS and response.request.path == "/login":
                    self.sign_in()  # a submission that signed us out (a password change) must not end the crawl
        return sent

    def submit(self, form: Form, pairs: list[tuple[str, str]]):
        url = local(form.action)
        if form.method == "get":
            query = urlencode([*parse_qsl(urlsplit(url).query), *pairs])
            return self.client.get(urlsplit(url).path + "?" + query, follow_redirects=True)
        if form.multipart:
            data = {}
            for name, value in pairs:
                upload = form.fields.get(name) == "file"
                data.setdefault(name, []).append((io.BytesIO(value.encode()), "logo.png") if upload else value)
            return self.client.post(url, data=data, content_type="multipart/form-data", follow_redirects=True)
        return self.client.post(
            url, data=urlencode(pairs), content_type="application/x-www-form-urlencoded", follow_redirects=True
        )


def filled(form: Form, variant: int) -> list[tuple[str, str]]:
    """The values of one submission. Variant 0 puts 31 digits in every field a number may be typed
    into and leaves dates, addresses and passwords empty, so that the form can be saved; the
    others rotate through hostile values, a different one in each field."""
    pairs = []
    for index, (name, kind) in enumerate(sorted(form.fields.items())):
        if variant == 0:
            value = "" if kind in ("date", "email", "url", "file", "password") else NINES
        else:
            values = FIELD_VALUES.get(kind, TEXTS)
            value = values[(variant + index) % len(values)]
        pairs.append((name, value))
    for name, options in sorted(form.choices.items()):
        real = [o for o in options if o] or options or [""]
        # A real choice (the first, then the last), so that the form can be saved; once a made-up one.
        pairs.append((name, {0: real[0], 1: real[-1], 2: real[0]}.get(variant, NINES)))
    return pairs + form.fixed


@pytest.fixture(scope="session")
def demo_template(migrated_url, tmp_path_factory):
    """The seeded demo fair, once per session (on SQLite; PostgreSQL seeds it for each test)."""
    if not migrated_url.startswith("sqlite"):
        return None
    path = tmp_path_factory.mktemp("crawl") / "demo.db"
    shutil.copy(migrated_url.removeprefix("sqlite:///"), path)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        assert app.test_cli_runner().invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture
def demo_app(make_app, demo_template, tmp_path):
    """A demo fair of its own for one test; sign-in limits out of reach (they have their own tests)."""
    limits = {"LOGIN_RATE_LIMIT": "10000 per minute", "REGISTER_RATE_LIMIT": "10000 per minute"}
    if demo_template is None:
        app = make_app(**limits)
        assert app.test_cli_runner().invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
        return app
    copy = tmp_path / "demo.db"
    shutil.copy(demo_template, copy)
    return make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{copy}", **limits)


@pytest.mark.parametrize("visitor", VISITORS, ids=[ROLE_NAMES[v] for v in VISITORS])
def test_no_server_error_after_every_form_of_the_site_is_sent_hostile_values(demo_app, visitor):
    crawler = Crawler(demo_app, visitor)
    forms = crawler.crawl()
    sent = crawler.submit_all(forms)
    crawler.crawl()  # every page again, now that the values are saved
    assert sent >= VARIANTS * (2 if visitor is ANONYMOUS else 6), [local(f.action) for f in forms]
    assert not crawler.errors, "\n".join(dict.fromkeys(crawler.errors))
