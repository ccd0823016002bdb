"""Speed of an exchange import of 10,000 enterprises as a job: the upload request, then the job.

    .venv/bin/python bench/import_job.py [--enterprises 10000] [--seed 7]
                                         [--database-url postgresql://postgres@127.0.0.1:5432/bench]

Builds the demo fair's document (`fairmatch.demo.generate.build_demo_exchange`: the seeded taxonomy
and enterprises with valid tax codes), signs an organizer in on an empty, migrated database (a
temporary SQLite file unless --database-url names an empty one) and times, through the Flask test
client: the upload (goal < 1 s: it only reads the JSON, stores the file and queues the job), the
job's run (checking the document, writing the rows, the commit), the outcome page, the same file
imported again (every enterprise unchanged), and the two exports built by their jobs and then
served from the store. Jobs are held (`manual`) and run by the bench, so that each step is timed
alone.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("FAIRMATCH_CONFIG", "testing")

from flask_migrate import upgrade
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from fairmatch import create_app
from fairmatch.auth.models import User
from fairmatch.demo.generate import build_demo_exchange
from fairmatch.extensions import db
from fairmatch.jobs.progress import MemoryProgress

PASSWORD = "bench-only password"


class TimedProgress(MemoryProgress):
    """The progress store, noting when each report arrived."""

    def __init__(self):
        super().__init__()
        self.reports: list[tuple[float, float, str]] = []

    def put(self, job_id: str, fraction: float, message: str) -> None:
        super().put(job_id, fraction, message)
        if not self.reports or self.reports[-1][1:] != (fraction, message):
            self.reports.append((time.perf_counter(), fraction, message))


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def multipart(content: bytes) -> tuple[bytes, str]:
    """The upload's request body and content type, as a browser sends them (built before the timing)."""
    boundary, payload = encode_multipart(MultiDict({"document": FileStorage(io.BytesIO(content), "fair.json")}))
    return payload, f"multipart/form-data; boundary={boundary}"


def upload(client, request: tuple[bytes, str]):
    payload, content_type = request
    return client.post("/organizer/exchange?lang=en", data=payload, content_type=content_type)


def run_job(app, progress: TimedProgress) -> tuple[float, float, float]:
    """Run the held job; (seconds in all, seconds until the first enterprise is written, seconds
    from the last one written to the job's end: the flush and the commit)."""
    progress.reports.clear()
    with app.app_context():
        started = time.perf_counter()
        app.extensions["fairmatch.jobs"].run_pending()
        ended = time.perf_counter()
    writing = [at for at, _fraction, message in progress.reports if message.startswith("Importing")]
    if not writing:
        return ended - started, ended - started, 0.0
    return ended - started, writing[0] - started, ended - writing[-1]


def baseline(enterprises: int, seed: int) -> None:
    from fairmatch.enterprises import import_export

    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(scratch) / 'baseline.db'}"})
        doc = build_demo_exchange(seed=seed, enterprises=enterprises)
        with app.app_context():
            upgrade()
            every, import_export.PROGRESS_EVERY = import_export.PROGRESS_EVERY, 10**9  # one flush, as before
            summary, seconds = timed(lambda: import_export.import_document(doc))
            import_export.PROGRESS_EVERY = every
            db.engine.dispose()
    print(f"baseline (sqlite, import_document in one call, one flush): {summary.enterprises_added:,} enterprises in "
          f"{seconds:.1f} s; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default="", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--baseline", action="store_true",
                        help="first time the import as the upload request did it before (one call of "
                             "import_document, committing) on a temporary SQLite file, for comparison")
    args = parser.parse_args()
    if args.baseline:
        baseline(args.enterprises, args.seed)

    with tempfile.TemporaryDirectory() as scratch:
        url = args.database_url or f"sqlite:///{Path(scratch) / 'bench.db'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "JOBS_DISPATCHER": "manual", "JOBS_WAIT_SECONDS": 0,
                          "WTF_CSRF_ENABLED": False})
        limit = app.config["MAX_CONTENT_LENGTH"]
        app.config["MAX_CONTENT_LENGTH"] = None  # timed whatever its size; the limit is reported below
        progress = app.extensions["fairmatch.jobs"].progress = TimedProgress()
        content = json.dumps(build_demo_exchange(seed=args.seed, enterprises=args.enterprises),
                             ensure_ascii=False).encode()
        with app.app_context():
            upgrade()
            organizer = User(email="organizer@bench.example", role="organizer", name="Bench")
            organizer.set_password(PASSWORD)
            db.session.add(organizer)
            db.session.commit()
        client = app.test_client()
        client.post("/login", data={"email": "organizer@bench.example", "password": PASSWORD})
        client.get("/organizer/exchange?lang=en")  # warm up templates and connections

        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"database: {url.split('://')[0]}; document: {args.enterprises:,} enterprises, "
              f"{len(content) / 1e6:.1f} MB")
        if limit and len(content) > limit:
            print(f"note: the document is larger than MAX_CONTENT_LENGTH ({limit / 2**20:.0f} MiB): "
                  "the app as configured refuses it with 413; the limit is lifted for this bench")
        request = multipart(content)
        response, seconds = timed(lambda: upload(client, request))
        assert response.status_code == 303, response.status_code
        print(f"upload request: {seconds * 1000:.0f} ms (goal < 1 s) -> {response.location}")
        total, checking, ending = run_job(app, progress)
        print(f"import job: {total:.1f} s (checking the document {checking:.1f} s, "
              f"writing {total - checking - ending:.1f} s, flush and commit {ending:.1f} s)")
        job = client.get("/api/v1/jobs/" + response.location.rsplit("/", 1)[1]).get_json()
        assert job["state"] == "done" and job["result"]["imported"], job
        page, seconds = timed(lambda: client.get(job["result"]["url"] + "&lang=en"))
        assert f"Enterprises: {args.enterprises:d} added" in page.get_data(as_text=True), "summary"
        print(f"outcome page: {seconds * 1000:.0f} ms")
        print(f"progress reports: {len(progress.reports)}, last: {progress.reports[-1][2]!r}")

        response, seconds = timed(lambda: upload(client, request))
        total, _checking, _ending = run_job(app, progress)
        print(f"the same file again (all unchanged): upload {seconds * 1000:.0f} ms, job {total:.1f} s")

        for path in ("/organizer/exchange/export.json", "/organizer/directory.xlsx?lang=en",
                     "/organizer/directory.csv?lang=en"):
            asked, seconds = timed(lambda path=path: client.get(path, headers={"Accept": "application/json"}))
            assert asked.status_code == 202, asked.status_code
            total, _checking, _ending = run_job(app, progress)
            served, served_in = timed(lambda path=path: client.get(path))
            assert served.status_code == 200, served.status_code
            print(f"{path}: ask {seconds * 1000:.0f} ms -> 202, job {total:.1f} s, "
                  f"then served from the store in {served_in * 1000:.0f} ms ({len(served.data) / 1e6:.1f} MB)")
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
