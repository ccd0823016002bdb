"""The printed floor plan: every booth findable by its code, names exactly as typed, numbered pages."""

import unicodedata
from dataclasses import replace

from fairmatch.printing import BoothShape, Entrance, IndexRow, floor_plan_pdf
from tests.printing.conftest import COMPANIES, FLOOR_PLAN_LABELS, pdf_pages


def test_every_booth_code_of_a_200_booth_fair_is_printed_on_its_halls_page(make_plan):
    plan = make_plan()
    assert sum(len(hall.booths) for hall in plan.halls) == 200

    pages = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))

    for hall, page in zip(plan.halls, pages, strict=False):
        assert hall.name in page
        assert {booth.code for booth in hall.booths} <= set(page.split())


def test_the_plan_has_one_page_per_hall_then_index_pages_all_numbered(make_plan):
    plan = make_plan()

    pages = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))

    index_pages = pages[len(plan.halls) :]
    assert index_pages, "200 exhibitors need an index"
    assert all(FLOOR_PLAN_LABELS.index_title in page for page in index_pages)
    assert not any(FLOOR_PLAN_LABELS.index_title in page for page in pages[: len(plan.halls)])
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Trang {number}/{len(pages)}")


def test_the_index_gives_every_exhibitor_in_vietnamese_and_english_exactly(make_plan):
    plan = make_plan()

    index_text = " ".join(pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[len(plan.halls) :])

    for name_vi, name_en, _ in COMPANIES:
        assert name_vi in index_text
        assert name_en in index_text
    assert {row.booth_code for row in plan.index} <= set(index_text.split())


def test_a_plan_without_exhibitors_has_only_its_hall_pages(make_plan, make_hall):
    plan = make_plan(halls=[make_hall("A"), make_hall("B")], index=[])

    pages = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))

    assert len(pages) == 2
    assert pages[1].endswith("Trang 2/2")


def test_only_booths_given_a_short_name_show_it(make_plan, make_hall):
    named = BoothShape("A07", 3, 3, 3, 3, (46, 125, 50), (25, 118, 210), exhibitor_short="Nhựa Tân Phong")
    unnamed = replace(named, code="A08", x_m=6, exhibitor_short=None)
    plan = make_plan(halls=[make_hall(booths=[named, unnamed])], index=[])

    page = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[0]

    assert "A07 Nhựa Tân Phong A08" in page
    assert page.count("Nhựa Tân Phong") == 1


def test_a_short_name_too_long_for_its_booth_is_cut_with_an_ellipsis_but_its_code_is_whole(make_plan):
    long_name = "Bình Minh Hưng Thịnh Quốc Tế Công nghiệp Kỹ thuật Cơ khí Chính xác Đông Anh"
    plan = make_plan()
    hall = plan.halls[0]
    booths = [replace(hall.booths[0], code="A999", exhibitor_short=long_name), *hall.booths[1:]]
    plan = replace(plan, halls=[replace(hall, booths=booths)], index=[])

    page = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[0]

    assert "A999" in page.split()
    assert "Bình Minh" in page
    assert "…" in page
    assert long_name not in page


def test_entrances_north_and_legend_are_labelled(make_plan, make_hall):
    hall = make_hall(entrances=[Entrance(side, 4, 4) for side in ("south", "north", "west", "east")])
    plan = make_plan(halls=[hall], index=[])

    page = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[0]

    assert page.count(FLOOR_PLAN_LABELS.entrance) == 4
    assert FLOOR_PLAN_LABELS.legend in page
    assert all(item.label in page for item in plan.legend)


def test_a_hostile_company_name_is_printed_as_literal_text(make_plan, make_hall):
    hostile = "<script>alert(1)</script> Công ty (Đông Anh) \\ %PDF"
    plan = make_plan(halls=[make_hall()], index=[IndexRow("A01", hostile, "Hostile <b>Ltd</b>")])

    index_page = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[-1]

    assert hostile in index_page
    assert "Hostile <b>Ltd</b>" in index_page


def test_decomposed_vietnamese_is_printed_composed(make_plan, make_hall):
    decomposed = unicodedata.normalize("NFD", "Công ty TNHH Nhựa Tân Phong")
    plan = make_plan(halls=[make_hall()], index=[IndexRow("A01", decomposed, "Tan Phong Plastics")])

    index_page = pdf_pages(floor_plan_pdf(plan, FLOOR_PLAN_LABELS))[-1]

    assert "Công ty TNHH Nhựa Tân Phong" in index_page
