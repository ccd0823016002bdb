"""Journey 4 in Chromium: on every page of the journeys, the language switch in the header turns
every visible string into English, and back into the same Vietnamese page."""

import re

import pytest
from babel.messages.pofile import read_po
from browsing import BUYER, ORGANIZER, ROOT, SUPPLIER

CATALOGUE = ROOT / "fairmatch" / "translations" / "vi" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
# Letters that only Vietnamese uses: UI chrome showing them in English was left untranslated.
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
CHROME = "header, footer, label, legend, button, th, .hint, .legend"
PAGES = {
    None: ["/", "/plan", "/plan/booths/A01", "/directory", "/register", "/login"],
    SUPPLIER: ["/me", "/me/booths", "/me/matches", "/me/meetings", "/me/agenda", "/me/requests"],
    BUYER: ["/me/matches", "/me/requests", "/me/agenda"],
    ORGANIZER: ["/organizer/", "/organizer/booths/", "/organizer/meetings"],
}
VISIBLE_TEXT = """(chrome) => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, parent = node.parentElement;
        const text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (!text || !parent || parent.closest('script, style, [lang=vi], [lang=en]')) continue;
        if (!parent.checkVisibility({visibilityProperty: true})) continue;
        texts.push([text, parent.closest(chrome) !== null]);
    }
    document.querySelectorAll('[placeholder]').forEach(e => texts.push([e.getAttribute('placeholder'), true]));
    return texts;
}"""


def catalogue() -> tuple[set[str], set[str], list[str]]:
    """Vietnamese translations and English originals that differ, and long Vietnamese fragments."""
    with CATALOGUE.open("rb") as source:
        messages = [m for m in read_po(source) if m.id and m.string]
    pairs = [
        (m.id[0] if isinstance(m.id, tuple) else m.id, m.string[0] if isinstance(m.string, tuple) else m.string)
        for m in messages
    ]
    pairs = [(english, vietnamese) for english, vietnamese in pairs if english != vietnamese]
    vietnamese = {v for _, v in pairs if not PLACEHOLDER.search(v)}
    english = {e for e, _ in pairs if not PLACEHOLDER.search(e)} - vietnamese
    fragments = [f.strip() for _, v in pairs for f in PLACEHOLDER.split(v) if len(f.strip()) >= 16]
    return vietnamese, english, fragments


VIETNAMESE, ENGLISH, FRAGMENTS = catalogue()


def visible_texts(person) -> list[tuple[str, bool]]:
    """The page's visible strings, each with whether it belongs to the interface's chrome (labels,
    buttons, headers of tables, hints) rather than to the data shown."""
    return [tuple(pair) for pair in person.page.evaluate(VISIBLE_TEXT, CHROME)]


def switch(person, name: str):
    person.submit_link(person.page.locator(f"header .lang-switch a:text-is('{name}')"))


@pytest.mark.parametrize("email", list(PAGES), ids=["visitor", "exhibitor", "buyer", "organizer"])
def test_the_language_switch_turns_every_visible_string_into_english_and_back(fair, visit, email):
    person = visit(email)
    for path in PAGES[email]:
        person.goto(path)
        vietnamese = visible_texts(person)
        untranslated = sorted({t for t, _ in vietnamese if t in ENGLISH})
        assert not untranslated, f"{path} shows English in Vietnamese: {untranslated}"

        switch(person, "English")
        assert person.page.locator("html").get_attribute("lang") == "en"
        english = visible_texts(person)
        left = sorted(
            {
                t
                for t, chrome in english
                if t in VIETNAMESE or any(f in t for f in FRAGMENTS) or (chrome and VIETNAMESE_LETTERS.search(t))
            }
        )
        assert not left, f"{path} keeps Vietnamese in English: {left}"
        person.step(f"{path} in English")

        switch(person, "Tiếng Việt")
        assert person.page.locator("html").get_attribute("lang") == "vi"
        assert visible_texts(person) == vietnamese, f"{path} is the same page again in Vietnamese"
