"""The organizer's big documents as jobs: every participant's agenda and every badge of a fair of 600
participants.

    .venv/bin/python bench/documents.py [--postgres ADMIN_URL] [--participants 600]

Builds a fair with the app's models (SQLite file by default; with --postgres a fresh database beside
ADMIN_URL, e.g. postgresql://postgres@127.0.0.1:5432/test): 200 exhibitors with a confirmed booth each
and 400 buyers, up to 8 published meetings per participant over 3 days (the 60 tables of 36 slots
hold 2,160), two people (badges) per participant. Then, signed in as an organizer, for agendas.pdf
and badges.pdf it times:
- the first request, which only starts the job (202): with jobs held (`manual`), and with the web
  process's own threads running them (`thread`: the request may wait JOBS_WAIT_SECONDS for the job);
- the job itself (the builder, storing the file and the job's end, in one transaction), in wall-clock
  time and, when held jobs are run here, in CPU time (which a busy machine does not inflate);
- a request once the file is stored (200 with the PDF);
and prints the PDF sizes. The seed is fixed, so the fair is the same on every run.
"""

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 2026
PASSWORD = "bench-only-password"
DAYS = (date(2026, 10, 15), date(2026, 10, 16), date(2026, 10, 17))
SLOT_STARTS = ("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00",
               "16:30")
TABLES = 60
MEETINGS_PER_PARTICIPANT = 8
PEOPLE_PER_PARTICIPANT = 2
FIRST = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hòa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Phong",
         "Quân", "Thảo", "Trang", "Tuấn", "Vy", "Yến")
TRADES = ("Cơ khí Chính xác", "Nhựa Kỹ thuật", "Điện tử", "Khuôn mẫu", "Linh kiện Ô tô", "Dệt may", "Bao bì",
          "Thiết bị Điện", "Đúc Nhôm", "Phụ tùng Xe máy", "Cao su", "Hóa chất Công nghiệp")
PLACES = ("Hòa Lạc", "Đông Anh", "Thăng Long", "Sóc Sơn", "Gia Lâm", "Quang Minh", "Nội Bài", "Phú Nghĩa",
          "Bắc Thăng Long", "Thạch Thất", "Long Biên", "Hoàng Mai")


def build_fair(url: str, participants: int) -> None:
    """The fair, its hall and booths, its participants, their meetings and people, and an organizer."""
    from fairmatch import create_app
    from fairmatch.auth.models import User
    from fairmatch.booths.models import Booth, BoothReservation, Hall, ReservationBooth
    from fairmatch.common.keys import tax_check_digit
    from fairmatch.enterprises.models import Enterprise
    from fairmatch.extensions import db
    from fairmatch.fairs.models import Fair
    from fairmatch.floorplan import grid_layout, hall_size
    from fairmatch.meetings.models import Meeting, MeetingRequest
    from fairmatch.people.models import FairPerson

    rng = random.Random(SEED)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only", "JOBS_DISPATCHER": "manual"})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        fair = Fair(name_vi="Hội chợ Công nghiệp Hỗ trợ Hà Nội 2026", name_en="Hanoi Supporting Industry Fair 2026",
                    starts_on=DAYS[0], ends_on=DAYS[-1], is_current=True, meeting_tables=TABLES)
        db.session.add(fair)
        exhibitors = participants // 3
        layout = {"double_rows": 5, "blocks_per_row": 2, "booths_per_block": -(-exhibitors // 20)}
        width, depth = hall_size(**layout)
        hall = Hall(fair=fair, code="A", name_vi="Nhà A", name_en="Hall A", width_m=width, depth_m=depth,
                    entrances=[{"side": "north", "offset_m": 3, "width_m": 4}])
        booths = [Booth(fair=fair, hall=hall, code=spot.code, x_m=spot.rect.x, y_m=spot.rect.y, width_m=3, depth_m=3,
                        type=spot.type, price_vnd=15_000_000) for spot in grid_layout("A", **layout)]
        db.session.add_all([hall, *booths])
        numbers = iter(range(100_000_001, 200_000_000))
        enterprises = []
        for n in range(participants):
            while (digit := tax_check_digit(nine := f"{next(numbers):09d}")) is None:
                pass
            trade, place = rng.choice(TRADES), rng.choice(PLACES)
            enterprises.append(Enterprise(
                key=nine + str(digit), tax_code=nine + str(digit), verified=True,
                kind="supplier" if n < exhibitors else "buyer",
                name_vi=f"Công ty TNHH {trade} {place} {n + 1}", name_en=f"{place} {n + 1} Co., Ltd."))
        db.session.add_all(enterprises)
        db.session.flush()
        for enterprise, booth in zip(enterprises[:exhibitors], booths, strict=False):
            db.session.add(BoothReservation(fair_id=fair.id, enterprise_id=enterprise.id, state="confirmed",
                                            items=[ReservationBooth(booth=booth)]))
        for enterprise in enterprises:
            for _ in range(PEOPLE_PER_PARTICIPANT):
                name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                db.session.add(FairPerson(fair_id=fair.id, enterprise_id=enterprise.id, full_name=name,
                                          role="exhibitor" if enterprise.kind == "supplier" else "buyer"))
        _meetings(db, fair, enterprises[:exhibitors], enterprises[exhibitors:], rng, Meeting, MeetingRequest)
        organizer = User(email="organizer@bench.vn", role="organizer", name="Ban tổ chức")
        organizer.set_password(PASSWORD)
        db.session.add(organizer)
        db.session.commit()
        db.engine.dispose()


def _meetings(db, fair, exhibitors, buyers, rng, Meeting, MeetingRequest) -> None:
    """Buyers ask exhibitors; each meeting takes the first slot both sides and a table have free."""
    slots = [(day, start) for day in DAYS for start in SLOT_STARTS]
    busy: dict[int, set] = {}
    tables: dict[tuple, int] = {}
    wanted = len(buyers + exhibitors) * MEETINGS_PER_PARTICIPANT // 2
    pairs = set()
    while len(pairs) < wanted:
        pairs.add((rng.choice(buyers).id, rng.choice(exhibitors).id))
    for buyer, exhibitor in sorted(pairs):
        for day, start in rng.sample(slots, len(slots)):
            slot = (day, start)
            if slot in busy.setdefault(buyer, set()) or slot in busy.setdefault(exhibitor, set()):
                continue
            if tables.get(slot, 0) >= TABLES:
                continue
            tables[slot] = tables.get(slot, 0) + 1
            busy[buyer].add(slot)
            busy[exhibitor].add(slot)
            hour, minute = map(int, start.split(":"))
            starts_at = datetime(day.year, day.month, day.day, hour - 7, minute, tzinfo=UTC)
            request = MeetingRequest(fair_id=fair.id, from_enterprise_id=buyer, to_enterprise_id=exhibitor,
                                     state="accepted")
            db.session.add(request)
            db.session.flush()
            db.session.add(Meeting(fair_id=fair.id, request_id=request.id, slot_id=f"{day}-{start.replace(':', '')}",
                                   starts_at=starts_at, ends_at=starts_at + timedelta(minutes=30),
                                   table=f"T{tables[slot]:02d}", state="published"))
            break


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def measure(url: str, dispatcher: str, docs: tuple[str, ...]) -> dict:
    """Per document: the first request, the job, and a request once stored."""
    from sqlalchemy import delete

    from fairmatch import create_app
    from fairmatch.extensions import db
    from fairmatch.jobs.models import Job, StoredFile

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only", "JOBS_DISPATCHER": dispatcher,
                      "JOBS_WAIT_SECONDS": 1.0,
                      "JOBS_TIMERS": False, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        db.session.execute(delete(StoredFile))
        db.session.execute(delete(Job))
        db.session.commit()
    client = app.test_client()
    assert client.post("/login", data={"email": "organizer@bench.vn", "password": PASSWORD}).status_code == 302
    client.get("/organizer/")  # the first request of a process loads what every later one shares
    figures = {}
    for doc in docs:
        path = f"/print/{doc}.pdf?lang=vi"
        first, first_s = timed(lambda path=path: client.get(path, headers={"Accept": "application/json"}))
        assert first.status_code == 202, (doc, first.status_code)
        job_url = first.json["job"]
        cpu_s = None
        if dispatcher == "manual":
            with app.app_context():
                cpu = time.process_time()
                _, job_s = timed(app.extensions["fairmatch.jobs"].run_pending)
                cpu_s = time.process_time() - cpu
        else:
            start = time.perf_counter()
            while client.get(job_url).json["state"] in ("queued", "running"):
                time.sleep(0.05)
            job_s = time.perf_counter() - start + first_s
        state = client.get(job_url).json
        assert state["state"] == "done", state
        stored, stored_s = timed(lambda path=path: client.get(path))
        assert stored.status_code == 200 and stored.data.startswith(b"%PDF")
        again = [timed(lambda path=path: client.get(path))[1] for _ in range(5)]
        figures[doc] = {"first": first_s, "job": job_s, "cpu": cpu_s, "stored": stored_s, "stored_best": min(again),
                        "bytes": len(stored.data), "pages": pages(stored.data)}
    with app.app_context():
        db.engine.dispose()
    return figures


def pages(content: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="ADMIN_URL", help="a PostgreSQL server's admin URL (default: SQLite)")
    parser.add_argument("--participants", type=int, default=600)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="fairmatch-bench-documents-"))
    name = "fairmatch_bench_documents"
    if args.postgres:
        import psycopg

        from bench.harness import drop_database

        drop_database(args.postgres, name)
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        url = args.postgres.rsplit("/", 1)[0] + "/" + name
    else:
        url = f"sqlite:///{workdir / 'fair.db'}"
    try:
        _, build_s = timed(lambda: build_fair(url, args.participants))
        print(f"fair of {args.participants} participants built in {build_s:.1f} s on "
              f"{'PostgreSQL' if args.postgres else 'SQLite'}")
        docs = ("agendas", "badges")
        for dispatcher in ("manual", "thread"):
            figures = measure(url, dispatcher, docs)
            print(f"\njobs run by: {dispatcher}")
            print(f"{'document':<12} {'first request':>14} {'job':>9} {'job CPU':>9} {'stored (1st)':>13}"
                  f" {'stored (best of 5)':>19} {'size':>10} {'pages':>6}")
            for doc, f in figures.items():
                cpu = f"{f['cpu']:>7.1f} s" if f["cpu"] is not None else f"{'-':>9}"
                print(f"{doc + '.pdf':<12} {f['first'] * 1000:>11.0f} ms {f['job']:>7.1f} s {cpu}"
                      f" {f['stored'] * 1000:>10.0f} ms {f['stored_best'] * 1000:>16.0f} ms"
                      f" {f['bytes'] / 1024:>6.0f} KiB {f['pages']:>6}")
    finally:
        if args.postgres:
            from bench.harness import drop_database

            drop_database(args.postgres, name)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
