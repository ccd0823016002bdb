"""The organizer's documents and exports built off the request path: PDF bundles and tables of any
size, stored keyed by what they were built from.

`serve_or_start` is the one place that decides: the stored file while what it was built from has not
changed, else the job that builds it (joined when it is already running), waited for a moment so that
a small document is sent at once. A document's key (`document_key`) covers the data features it reads
(`fairmatch.jobs.stamps`), its name and format, the language, the fair and its local date, the fair's
document settings, the secret that signs the check-in codes and the code that lays it out."""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from fairmatch.booths.documents import booth_signs_document, floor_plan_document
from fairmatch.booths.letterhead import DOCUMENT_SETTINGS
from fairmatch.booths.services import expire_holds
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language, number
from fairmatch.jobs import files
from fairmatch.jobs.models import StoredFile
from fairmatch.jobs.progress import Ticking
from fairmatch.jobs.registry import task
from fairmatch.jobs.runner import path_for
from fairmatch.jobs.stamps import SOURCES, fingerprint
from fairmatch.jobs.views import fresh_or_job
from fairmatch.meetings.documents import all_agendas_pdf, meeting_grid_document, table_sheets_pdf
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest
from fairmatch.organizer.documents import catalogue_document
from fairmatch.organizer.exports import export_heading, export_table, export_title
from fairmatch.organizer.report_pdf import report_document
from fairmatch.people.badges import badges_document
from fairmatch.people.models import FairPerson
from fairmatch.web.responses import CONTENT_TYPES, as_csv, as_xlsx, download, pdf_response

PDF = "application/pdf"


@dataclass(frozen=True)
class Printed:
    """A document under /print/: what it is built from, how, and how long it takes to lay out."""

    sources: tuple[str, ...]
    build: Callable[[Fair, str], bytes]
    endpoint: str
    pages: Callable[[Fair], int] | None = None
    """How many pages (agendas, badge sheets) it will have, for a bar that moves while it is laid out."""
    seconds_per_page: float = 0.0
    counted: object = None
    """What the bar says while the pages are laid out (`%(count)s` of them)."""

    def seconds(self, fair: Fair, pages: int | None = None) -> float:
        """About how long laying it out takes (a second when it is not counted in pages)."""
        if self.pages is None:
            return 1.0
        return 0.2 + (self.pages(fair) if pages is None else pages) * self.seconds_per_page


def _participants(fair: Fair) -> int:
    published = select(Meeting.request_id).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
    pairs = db.session.execute(
        select(MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id).where(
            MeetingRequest.id.in_(published)
        )
    )
    return len({enterprise_id for pair in pairs for enterprise_id in pair})


def _badge_sheets(fair: Fair) -> int:
    people = db.session.scalar(select(func.count(FairPerson.id)).where(FairPerson.fair_id == fair.id)) or 0
    return -(-people // 10)


MAP = ("booths", "enterprises", "fairs")
AGENDAS = ("meetings", "enterprises", "fairs")
PRINTS: dict[str, Printed] = {
    "floorplan": Printed(MAP, floor_plan_document, "prints.floor_plan"),
    "booth-signs": Printed(MAP, booth_signs_document, "prints.booth_signs"),
    "catalogue": Printed(MAP, catalogue_document, "prints.catalogue"),
    "badges": Printed(("people", *MAP), badges_document, "prints.badges", _badge_sheets, 0.05,
                      _l("Laying out %(count)s sheets of badges")),
    "agendas": Printed(AGENDAS, all_agendas_pdf, "prints.agendas", _participants, 0.035,
                       _l("Laying out %(count)s agendas")),
    "tables": Printed(AGENDAS, table_sheets_pdf, "prints.tables"),
    "grid": Printed(AGENDAS, meeting_grid_document, "prints.grid"),
    "report": Printed(SOURCES, report_document, "prints.report"),
}
"""Each document's sources: the feature packages whose data it prints (see `fairmatch.jobs.stamps`).
The report reads every one of them."""

EXPORT_SOURCES = {
    "exhibitors": MAP,
    "booths": MAP,
    "meetings": AGENDAS,
    "einvoices": (*MAP, "support"),
}


@cache
def _code_version() -> str:
    """A digest of the code and translations that lay documents out: a new release builds them afresh."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted((*package.rglob("*.py"), *package.rglob("*.mo"))):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _installation() -> str:
    """A digest of the secret key, which signs the check-in codes printed on agendas and badges."""
    return hmac.new(current_app.config["SECRET_KEY"].encode(), b"fairmatch:documents", hashlib.sha256).hexdigest()


def document_key(name: str, sources, fair: Fair, lang: str) -> str:
    """The key of document `name` of `fair` in `lang`, built now from `sources`."""
    if "booths" in sources:
        expire_holds()  # a hold whose time ran out is released now, not shown as held in a stored plan
    settings = tuple(getattr(fair, setting) for setting in DOCUMENT_SETTINGS)
    today = datetime.now(ZoneInfo(fair.time_zone)).date().isoformat()
    return fingerprint(
        db.session, sorted(sources), name, lang, fair.id, today, current_app.config["BABEL_DEFAULT_TIMEZONE"],
        settings, _installation(), _code_version(),
    )


def serve_or_start(kind: str, name: str, sources, fair: Fair, params: dict, send: Callable[[StoredFile], object],
                   expected: Callable[[], float] | None = None):
    """The stored file `name` of `fair`, built from `sources`, while fresh; else the job of `kind`
    building it from `params` (`fresh_or_job`)."""
    lang = language()
    return fresh_or_job(document_key(name, sources, fair, lang), kind, params | {"lang": lang, "fair_id": fair.id},
                        send, expected)


def print_document(doc: str, fair: Fair):
    """`/print/{doc}.pdf` of `fair`: the stored PDF when fresh, else the job that builds it."""
    printed = PRINTS[doc]
    return serve_or_start("print", f"{doc}.pdf", printed.sources, fair, {"doc": doc},
                          lambda stored: pdf_response(stored.content, stored.name),
                          expected=lambda: printed.seconds(fair))


def export_file(slug: str, format: str, fair: Fair):
    """The organizer's export `slug` of `fair` as CSV or XLSX: stored when fresh, else built by a job."""
    return serve_or_start("fair-export", f"{slug}.{format}", EXPORT_SOURCES[slug], fair,
                          {"slug": slug, "format": format}, lambda stored: download(stored.content, format, slug))


def _fair(job) -> Fair:
    fair = db.session.get(Fair, job.params["fair_id"])
    if fair is None:
        raise DomainError(_("This fair edition no longer exists."))
    return fair


@task("print", title=_l("Building the document"))
def build_print(job, progress) -> dict:
    """Lay out `/print/{doc}.pdf` with the feature's own builder and keep it under the job's key."""
    params, printed = job.params, PRINTS[job.params["doc"]]
    fair = _fair(job)
    pages = printed.pages(fair) if printed.pages else 0
    message = str(printed.counted) % {"count": number(pages)} if pages else _("Laying out the document")
    with Ticking(progress, printed.seconds(fair, pages), message):
        content = printed.build(fair, params["lang"])
    name = f"{params['doc']}.pdf"
    files.store(params["key"], name, PDF, content)
    progress(1.0, _("The document is ready"))
    return {"url": path_for(printed.endpoint), "file": name, "bytes": len(content)}


@task("fair-export", title=_l("Preparing the spreadsheet"))
def build_fair_export(job, progress) -> dict:
    """Write the organizer's export `slug` as CSV or XLSX and keep it under the job's key."""
    params = job.params
    slug, format = params["slug"], params["format"]
    fair = _fair(job)
    progress(0.0, _("Reading the fair's data"))
    header, rows = export_table(slug, fair)
    progress(0.5, _("Writing %(count)s rows", count=number(len(rows))))
    if format == "csv":
        content = as_csv(header, rows)
    else:
        content = as_xlsx(header, rows, export_title(slug), export_heading(slug, fair))
    name = f"{slug}.{format}"
    files.store(params["key"], name, CONTENT_TYPES[format], content)
    progress(1.0, _("The file is ready"))
    return {"url": path_for("organizer.export", slug=slug, format=format), "file": name, "bytes": len(content)}
