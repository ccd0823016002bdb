"""Every form of the app, found by visiting every page, filled with hostile, huge, empty,
mistyped, decomposed (NFD) and undecodable values.

For each submission: never a server error; when the form is refused, what was typed is shown
back and nothing at all is written to the database.
"""

import io
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from sqlalchemy import select
from werkzeug import urls  # noqa: F401  (registers the "werkzeug.url_quote" decoding error handler)

from fairmatch.extensions import db
from tests.security.conftest import ANONYMOUS, EXHIBITOR_A, ORGANIZER, arguments, rule_url

EXAMPLES = 10  # per form and visitor: about 400 submissions in all, the same on every run
TYPED = {"text", "email", "search", "number", "url", "tel", "date", "password", "file", "textarea"}
SHOWN_BACK = TYPED - {"password", "file"}
NOT_PAGES = (".pdf", ".ics", ".csv", ".xlsx", ".json", "/static/", "/logo", "/healthz")

HOSTILE = [
    "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "'; DROP TABLE enterprise; --",
    "{{ 7 * 7 }}", "%(name)s %s {0}", "../../etc/passwd", "\u202egnp.exe", "𝕱𝖆𝖎𝖗 🏭", "0" * 40, "9" * 31, "-1", "1e309",
    "NaN", "2026-02-30", "  ", "null", "[]", "Công ty\x00 NUL", "tab\tand\r\nnew line",
]
class Huge(str):
    """A very long text that reports itself briefly."""

    def __repr__(self) -> str:
        return f"<{len(self)} characters>"


VIETNAMESE = ["Công ty TNHH Cơ khí Chính xác Hòa Lạc", "Cáp điện lực hạ thế", "Nguyễn Thị Lan"]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.just(""),
    st.text(max_size=40),
    st.sampled_from(VIETNAMESE).map(lambda t: unicodedata.normalize("NFD", t)),
    st.integers(min_value=5_000, max_value=60_000).map(lambda n: Huge("Xưởng " * (n // 6))),
    st.binary(min_size=1, max_size=12).map(lambda b: b"\xff\xfe" + b),  # not UTF-8
    st.lists(st.sampled_from(HOSTILE + VIETNAMESE), min_size=2, max_size=3).map(tuple),  # one field sent twice
)


@dataclass
class Form:
    action: str
    multipart: bool
    fields: dict = field(default_factory=dict)  # name -> type, for fields a person types into
    fixed: list = field(default_factory=list)  # (name, value) of hidden fields and the first named button


class FormParser(HTMLParser):
    """The POST forms of a page."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self.form, self.select = page_url, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.form = Form(attrs.get("action") or self.page_url, "multipart" in (attrs.get("enctype") or ""))
            self.forms.append(self.form)
        elif tag == "option" and self.select and attrs.get("value"):
            # A list's first real choice, so that a form can be saved and its pages opened after.
            self.form.fixed.append((self.select, attrs["value"]))
            self.select = None
        elif self.form is None or not attrs.get("name"):
            return
        elif tag == "select" and not any(name == attrs["name"] for name, _ in self.form.fixed):
            self.select = attrs["name"]
        elif tag == "textarea":
            self.form.fields[attrs["name"]] = "textarea"
        elif tag == "input" and (attrs.get("type") or "text") in TYPED:
            self.form.fields[attrs["name"]] = attrs.get("type") or "text"
        elif self._fixed(tag, attrs):
            self.form.fixed.append((attrs["name"], attrs.get("value") or ""))

    def _fixed(self, tag, attrs) -> bool:
        """A hidden field (but the CSRF token: tests run without it), or the form's first named button."""
        if tag == "input":
            return attrs.get("type") == "hidden" and attrs["name"] != "csrf_token"
        return tag == "button" and not any(name == attrs["name"] for name, _ in self.form.fixed)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def forms_of(client, app, values) -> dict:
    """Every form with typed fields on every page this visitor can open, once per action and fields."""
    found = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("auth.logout", "static"):
            continue
        url = rule_url(rule, values)
        if any(part in url for part in NOT_PAGES):
            continue
        response = client.get(url)
        if response.status_code == 200 and response.mimetype == "text/html":
            parser = FormParser(url)
            parser.feed(response.get_data(as_text=True))
            for form in parser.forms:
                if form.fields:
                    found.setdefault((urlsplit(form.action).path, tuple(sorted(form.fields))), form)
    return found


LOGS = {"desk_scan", "change_stamp"}
"""Tables that record refusals by design: the check-in desk shows every scan, refused ones too (and
the data stamps move with that log, as with every commit; a stamp only makes a document rebuild)."""


def snapshot(app) -> dict:
    """Every row of every table but the logs of refusals."""
    with app.app_context(), db.engine.connect() as connection:
        return {table.name: sorted(map(repr, connection.execute(select(table)))) for table in db.metadata.sorted_tables
                if table.name not in LOGS}


def as_text(value) -> str:
    """What the form reads: the first of repeated values; bytes that are not UTF-8 are kept
    percent-encoded (%FF), as Werkzeug does."""
    if isinstance(value, tuple):
        value = value[0]
    return value.decode("utf-8", "werkzeug.url_quote") if isinstance(value, bytes) else str(value)


def encoded(name: str, value) -> list[tuple[str, bytes]]:
    values = value if isinstance(value, tuple) else (value,)
    return [(name, v if isinstance(v, bytes) else str(v).encode()) for v in values]


def kept_forms(typed: str) -> set[str]:
    """How a typed value may be shown back: as typed, or normalised (NFC, trimmed; codes in capitals)."""
    normal = unicodedata.normalize("NFC", typed).strip()
    return {typed, typed.strip(), normal, normal.upper()}


def submit(client, form: Form, typed: dict):
    if form.multipart:
        data = {name: (io.BytesIO(as_text(v).encode()), "upload.bin") if form.fields[name] == "file" else as_text(v)
                for name, v in typed.items()}
        return client.post(form.action, data=data | dict(form.fixed), content_type="multipart/form-data")
    pairs = [pair for name, value in typed.items() for pair in encoded(name, value)] + form.fixed
    return client.post(form.action, data=urlencode(pairs), content_type="application/x-www-form-urlencoded")


@pytest.fixture
def app(make_app):
    """Sign-in and registration are posted many times: limits out of reach here (they have their own tests)."""
    return make_app(LOGIN_RATE_LIMIT="10000 per minute", REGISTER_RATE_LIMIT="10000 per minute")


@pytest.mark.parametrize("persona", [ANONYMOUS, EXHIBITOR_A, ORGANIZER])
def test_every_form_survives_hostile_input_and_a_refusal_keeps_the_input_and_writes_nothing(world, persona):
    client = world.client(persona)
    forms = forms_of(client, world.app, arguments(world))
    assert len(forms) >= {ANONYMOUS: 3, EXHIBITOR_A: 8, ORGANIZER: 8}[persona], sorted(forms)
    problems = []
    for form in forms.values():
        try:
            fuzz(world.app, client, form)
        except AssertionError as failure:
            problems.append(str(failure)[:1500])
    assert not problems, "\n\n".join(problems)


def fuzz(app, client, form: Form) -> None:
    # Always tried first: every field a number may be typed into at an extreme (31 digits), the
    # others left empty, so that the form can be saved and the pages that show it opened.
    @example(typed={name: "" if kind in ("date", "email", "url", "file", "password") else "9" * 31
                    for name, kind in form.fields.items()})
    @given(typed=st.fixed_dictionaries({name: values for name in form.fields}))
    # Derandomised, so that every run tries the same inputs; the first failing one is shown unshrunk.
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def submissions(typed):
        before = snapshot(app)
        response = submit(client, form, typed)
        assert response.status_code < 500, (form.action, typed)
        if response.status_code in (301, 302, 303):
            # What was saved must not break a page that shows it: where the form led, and the form's page.
            for page in (response.headers["Location"], form.action):
                shown = client.get(page)
                assert shown.status_code < 500, (page, "after saving", form.action, typed)
            return
        assert snapshot(app) == before, (form.action, response.status_code, typed)
        if response.status_code == 422:
            page = response.get_data(as_text=True)
            for name, value in typed.items():
                if form.fields[name] in SHOWN_BACK and as_text(value).strip():
                    assert any(str(escape(shown)) in page for shown in kept_forms(as_text(value))), (
                        form.action, name, as_text(value)[:80])

    submissions()
