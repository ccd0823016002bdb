"""Journey 3 in Chromium: the organizer prints the floor plan and every agenda from the organizer's
page; each PDF has pages, and every page carries text."""

import io

from browsing import ORGANIZER, demo_booths
from pypdf import PdfReader


def test_the_organizer_prints_the_floor_plan_and_every_agenda(fair, visit):
    organizer = visit(ORGANIZER)
    organizer.submit_link(organizer.page.locator("header a[href='/organizer/']"))
    prints = organizer.page.locator("main section", has=organizer.page.locator("a[href^='/print/']"))
    organizer.step("print menu")
    booth_codes = {booth["code"] for booth in demo_booths(fair)}
    for href, expected in (("/print/floorplan.pdf", booth_codes), ("/print/agendas.pdf", set())):
        kind, pdf = organizer.fetch(prints.locator(f"a[href='{href}']"))
        assert kind == "application/pdf"
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) >= 1, f"{href} has pages"
        texts = [page.extract_text() for page in pages]
        assert all(text.strip() for text in texts), f"every page of {href} carries text"
        assert not {code for code in expected if code not in " ".join(texts)}, f"{href} names every booth"


def test_a_document_still_being_built_shows_its_progress_and_turns_into_the_pdf(fair, visit):
    """The agendas in English are laid out by a job (nothing built them in English yet): the click opens
    a page with a progress bar, which turns into the PDF when the job is done."""
    organizer = visit(ORGANIZER, lang="en")
    organizer.goto("/organizer/?lang=en")
    page = organizer.page
    try:
        with page.expect_response(_the_agendas, timeout=120_000) as built:
            with page.expect_navigation():
                page.locator("main a[href='/print/agendas.pdf']").click()
            assert page.locator("progress.job-bar").is_visible()
            assert page.locator("main h1").inner_text() == "Building the document"
            organizer.step("agendas being built")
        assert built.value.headers["content-type"] == "application/pdf"  # the tab shows the PDF
        again = page.context.request.get("/print/agendas.pdf")  # kept: asked again, it comes at once
        assert again.status == 200 and PdfReader(io.BytesIO(again.body())).pages
    finally:
        organizer.goto("/organizer/?lang=vi")  # the language is remembered for the account


def _the_agendas(response) -> bool:
    return response.url.endswith("/print/agendas.pdf") and response.status == 200
