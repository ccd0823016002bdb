"""Enterprise work off the request path: imports of the exchange document, and exports, of any size.

An import is uploaded, stored and left to a job; its result page shows what the import did, or the
problems that refused it. An export is served from the stored file while its data has not changed,
else built by a job (`serve_or_start`)."""

import hashlib
import json
import re
from dataclasses import asdict
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from fairmatch.auth.models import User
from fairmatch.common.exchange_validation import Problem
from fairmatch.common.text import N_
from fairmatch.enterprises.import_export import ImportRefused, export_document, import_document
from fairmatch.enterprises.import_report import report_labels
from fairmatch.enterprises.services import DirectoryQuery, all_matching
from fairmatch.enterprises.tabular import directory_table
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.i18n import fair_zone, number
from fairmatch.jobs import files
from fairmatch.jobs.registry import task
from fairmatch.jobs.runner import one_at_a_time, path_for, submit
from fairmatch.jobs.stamps import fingerprint
from fairmatch.jobs.views import fresh_or_job
from fairmatch.web.responses import CONTENT_TYPES, as_csv, as_xlsx, download

_OPENS_OBJECT = re.compile(r"\s*\{")

CHECKED = 0.1
"""The share of an import's bar that reading and checking the document takes (7–10 % of the job for
10,000 enterprises, bench/import_job.py); writing takes the rest."""


def read_document(data: bytes):
    """The uploaded bytes as JSON (a byte-order mark allowed), or the problem that they are not."""
    try:
        return json.loads(data.decode("utf-8-sig")), []
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, [Problem("$", N_("not valid UTF-8 JSON (%(error)s)"), {"error": str(error)})]


def first_look(data: bytes) -> list[Problem]:
    """What is wrong with an upload at first sight: not UTF-8 text, or not a JSON object. Cheap enough
    for the request (parsing 17 MB of JSON takes about a second); the job reads it whole."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [Problem("$", N_("not valid UTF-8 JSON (%(error)s)"), {"error": str(error)})]
    if _OPENS_OBJECT.match(text):
        return []
    _doc, problems = read_document(data)
    return problems or [Problem("$", N_("the document must be a JSON object"))]


def start_import(data: bytes, filename: str, user, lang: str):
    """Keep the upload and hand its import to a job; the same file uploaded while its import runs
    joins that job."""
    key = hashlib.sha256(data).hexdigest()
    files.store_now(key, (filename or "exchange.json")[-120:], "application/json", data)
    return submit("import", {"file": key}, user=user, lang=lang, names={"file": key})


@task("import", title=_l("Importing enterprises"))
def import_exchange(job, progress) -> dict:
    """Import the stored upload whole; a refused document is a done job whose result lists the problems
    (its page is the report), so that the organizer reads them as the page showed them before."""
    stored = files.stored(job.params["file"])
    if stored is None:
        raise DomainError(_("The uploaded file is no longer kept: upload it again."))
    one_at_a_time("import enterprises")
    progress(0.0, _("Checking the document"))
    doc, problems = read_document(stored.content)
    url = path_for("enterprises.exchange", job=job.id)
    if not problems:
        actor = db.session.get(User, job.user_id) if job.user_id else None

        def written(done: int, total: int) -> None:
            progress(CHECKED + (1 - CHECKED) * done / max(total, 1),
                     _("Importing %(done)s of %(total)s enterprises", done=number(done), total=number(total)))

        try:
            summary = import_document(doc, actor=actor, commit=False, progress=written)
        except ImportRefused as refusal:
            problems = refusal.problems
        else:
            return {"imported": True, "summary": asdict(summary), "url": url}
    return {"imported": False, "problems": [asdict(problem) for problem in problems],
            "labels": report_labels(doc, problems), "url": url}


EXPORT_SOURCES = {"exchange": ("enterprises",), "directory": ("auth", "enterprises", "booths", "fairs")}
"""What each export reads: the exchange document the taxonomy and the enterprises; the directory
also who holds a booth at the current fair (its `booth` filter) and whose people confirmed their
email (a self-registered enterprise is listed once they did)."""


def export_key(name: str, format: str, lang: str, query: dict) -> str:
    """The stored file's key: changes when the data read, the language, the filters or the day do."""
    today = datetime.now(fair_zone()).date().isoformat()
    return fingerprint(db.session, EXPORT_SOURCES[name], name, format, lang, sorted(query.items()), today)


def export_params(name: str, format: str, lang: str, query: DirectoryQuery | None = None) -> dict:
    filters = {} if query is None else {k: v for k, v in asdict(query).items() if k != "page"}
    return {"name": name, "format": format, "lang": lang, "query": filters}


def serve_or_start(params: dict, filename: str, *, endpoint: str, url_values: dict):
    """The export as a download while a fresh one is stored, else the job building it (`fresh_or_job`),
    whose result leads back to `endpoint` to download it."""
    key = export_key(params["name"], params["format"], params["lang"], params["query"])
    return fresh_or_job(key, "enterprises-export", params | {"url": path_for(endpoint, **url_values)},
                        lambda found: download(found.content, params["format"], filename))


@task("enterprises-export", title=_l("Preparing the export"))
def build_export(job, progress) -> dict:
    """Write the exchange document or the directory (with its filters) and keep it under the job's key."""
    params = job.params
    progress(0.0, _("Reading the enterprises"))
    if params["name"] == "exchange":
        content = json.dumps(export_document(), ensure_ascii=False, indent=1).encode("utf-8")
    else:
        header, rows = directory_table(all_matching(DirectoryQuery(**params["query"])))
        progress(0.5, _("Writing %(count)s rows", count=number(len(rows))))
        if params["format"] == "csv":
            content = as_csv(header, rows)
        else:
            content = as_xlsx(header, rows, _("Directory"), _("Directory of enterprises"))
    name = f"{params['name']}.{params['format']}"
    files.store(params["key"], name, CONTENT_TYPES[params["format"]], content)
    return {"url": params["url"], "file": name, "bytes": len(content)}
