"""Every app process keeps its supply graph current from the change feed: a profile edit made
through one process is patched into the others' graphs, a taxonomy change rebuilds in the background
while the old graph answers, and a patched graph answers exactly as a fresh one."""

import json
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Category, Certification, Enterprise, Need, Product
from fairmatch.extensions import db
from fairmatch.matching.graph import KEEP, rebuilds, supply_graph, wait_for_rebuild
from fairmatch.matching.models import GraphChange
from fairmatch.matching.services import matches_for
from fairmatch.matching.tasks import prune_graph_changes

DATA = Path(__file__).resolve().parents[1] / "supplychain" / "data"
ASKER = json.loads((DATA / "expect.json").read_text(encoding="utf-8"))[0]["q"]


@pytest.fixture
def writer(app, runner):
    """The process where people edit: the public cases imported through it."""
    result = runner.invoke(args=["import-data", str(DATA / "cases.json")])
    assert result.exit_code == 0, result.stderr
    return app


@pytest.fixture
def reader(writer, make_app):
    """Another process on the same database, its graph built before the edits."""
    app = make_app()
    with app.app_context():
        supply_graph()
    return app


def matches(app, key=ASKER, direction="suppliers"):
    with app.app_context():
        return matches_for(key, direction, limit=50)


def enterprise(key):
    return db.session.scalar(select(Enterprise).where(Enterprise.key == key))


def feed_rows(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(GraphChange.seq)))


def test_a_profile_edit_in_one_process_shows_in_anothers_matches_without_a_rebuild(writer, reader):
    best = matches(reader)[0]
    with writer.app_context():
        enterprise(best["key"]).name_en = "Renamed Precision Parts Ltd."
        db.session.commit()
    assert matches(reader)[0]["name"] == "Renamed Precision Parts Ltd."
    with writer.app_context():
        supplier = enterprise(best["key"])
        supplier.products.clear()
        db.session.commit()
    assert best["key"] not in {m["key"] for m in matches(reader)}
    assert rebuilds(reader) == 1


def test_a_graph_another_reader_still_holds_is_patched_once_it_lets_go(writer, reader):
    best = matches(reader)[0]
    with reader.app_context():
        in_use = supply_graph()  # as a job's thread, or a threaded server's other request, would
    with writer.app_context():
        enterprise(best["key"]).name_en = "Renamed Precision Parts Ltd."
        db.session.commit()
    assert matches(reader)[0]["name"] == best["name"]  # not changed under the reader's feet
    del in_use
    assert matches(reader)[0]["name"] == "Renamed Precision Parts Ltd."
    assert rebuilds(reader) == 1


def test_an_enterprise_deleted_in_one_process_leaves_anothers_matches(writer, reader):
    best = matches(reader)[0]
    with writer.app_context():
        db.session.delete(enterprise(best["key"]))
        db.session.commit()
    assert best["key"] not in {m["key"] for m in matches(reader)}
    with reader.app_context():
        assert best["key"] not in supply_graph()
    assert rebuilds(reader) == 1


def test_a_taxonomy_change_rebuilds_in_the_background_while_the_old_graph_answers(writer, make_app):
    reader = make_app(SUPPLY_GRAPH_BACKGROUND=True)
    with reader.app_context():
        before = supply_graph()
    partner = next(key for key in before.profiles if key != ASKER and key not in
                   {m["key"] for m in matches(reader)})
    with writer.app_context():
        category = Category(code="TEST.NEW_PART", sector="precision-mechanics", name_vi="Linh kiện mới",
                            name_en="New part")
        db.session.add(category)
        asker, maker = enterprise(ASKER), enterprise(partner)
        asker.needs.append(Need(category=category))
        maker.products.append(Product(category=category, name_en="New part"))
        db.session.commit()
    with reader.app_context():
        assert supply_graph() is before  # answers at once, from the graph it had
    wait_for_rebuild(reader, timeout=30)
    assert partner in {m["key"] for m in matches(reader)}
    assert rebuilds(reader) == 2


def test_a_bulk_statement_on_profiles_rebuilds_the_other_processes_graph(writer, reader):
    best = matches(reader)[0]
    with writer.app_context():
        db.session.execute(delete(Product).where(Product.enterprise_id == enterprise(best["key"]).id))
        db.session.commit()
    assert best["key"] not in {m["key"] for m in matches(reader)}
    assert rebuilds(reader) == 2


def test_feed_rows_commit_with_the_change_and_roll_back_with_it(writer, reader):
    best = matches(reader)[0]
    rows = feed_rows(writer)
    with writer.app_context():
        supplier = enterprise(best["key"])
        supplier.products.clear()
        db.session.flush()
        assert feed_rows(reader) == rows  # not committed: another process sees no row yet
        db.session.rollback()
    assert feed_rows(writer) == rows
    assert matches(reader)[0]["key"] == best["key"]
    with writer.app_context():
        enterprise(best["key"]).verified = False
        db.session.commit()
    assert feed_rows(reader) == rows + 1


def test_a_process_does_not_patch_in_its_own_uncommitted_changes(writer, reader):
    best = matches(reader)[0]
    with reader.app_context():
        supplier = enterprise(best["key"])
        supplier.products.clear()
        db.session.flush()
        assert best["key"] in {m["key"] for m in matches_for(ASKER, limit=50)}
        db.session.rollback()
    assert matches(reader)[0]["key"] == best["key"]


def test_a_patched_graph_answers_exactly_as_a_fresh_build(writer, reader, make_fair, make_app):
    make_fair(booths_per_row=3)
    keys = sorted(e["tax_code"] for e in json.loads((DATA / "cases.json").read_text(encoding="utf-8"))["enterprises"])
    matches(reader)  # the fair changed: this process rebuilds once, then patches
    built = rebuilds(reader)
    with writer.app_context():
        first, second, third, fourth = (enterprise(key) for key in keys[:4])
        first.verified = not first.verified
        first.locality = "Đông Anh"
        second.certifications.append(Certification(name="ISO 9001", expires_on=date(2030, 1, 1)))
        third.needs.clear()
        fourth.products[0].capacity_value, fourth.products[0].capacity_unit = 500, "t"
        db.session.commit()
        reservation = BoothReservation(fair_id=db.session.scalar(select(Booth.fair_id)),
                                       enterprise_id=enterprise(keys[4]).id, state="confirmed")
        reservation.items.append(ReservationBooth(booth_id=db.session.scalar(select(Booth.id).limit(1))))
        db.session.add(reservation)
        db.session.commit()
        db.session.delete(enterprise(keys[5]))
        db.session.commit()
    fresh = make_app()
    for key in keys:  # the reader patches on its first use, then answers every query from it
        if key != keys[5]:
            for direction in ("suppliers", "customers"):
                assert matches(reader, key, direction) == matches(fresh, key, direction), (key, direction)
    with reader.app_context():
        assert supply_graph().enterprise(keys[4]).booth is not None
    assert rebuilds(reader) == built


def test_pruning_drops_day_old_feed_rows_but_the_newest_and_other_processes_still_follow(writer, reader):
    best = matches(reader)[0]
    with writer.app_context():
        day_old = utcnow() - KEEP - timedelta(hours=1)
        for row in db.session.scalars(select(GraphChange)):
            row.created_at = day_old
        db.session.commit()
        newest = db.session.scalar(select(func.max(GraphChange.seq)))
        assert prune_graph_changes() > 0
        assert list(db.session.scalars(select(GraphChange.seq))) == [newest]
        supplier = enterprise(best["key"])
        supplier.products.clear()
        db.session.commit()
        assert prune_graph_changes() == 1  # the day-old newest goes once a newer one exists
        assert db.session.scalar(select(func.count(GraphChange.seq))) == 1
    assert best["key"] not in {m["key"] for m in matches(reader)}


def test_a_web_process_builds_its_graph_in_the_background_from_its_first_request(writer, make_app):
    app = make_app(WARM_GRAPH=True)
    assert rebuilds(app) == 0
    assert app.test_client().get("/healthz").status_code == 200  # no matching asked for
    deadline = time.monotonic() + 30
    while rebuilds(app) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rebuilds(app) == 1
    assert [m["key"] for m in matches(app)] == [m["key"] for m in matches(writer)]
    assert rebuilds(app) == 1  # the matches were answered from the graph built in the background
