"""The register's import off the request path: the upload is stored and imported whole by a job, whose
result page is the register page with the import's summary or its problems."""

import hashlib
from dataclasses import asdict

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from fairmatch.auth.models import User
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.jobs import files
from fairmatch.jobs.registry import task
from fairmatch.jobs.runner import one_at_a_time, path_for, submit
from fairmatch.register import importing


def start_register_import(data: bytes, filename: str, user, lang: str):
    """Keep the upload and hand its import to a job; the same file uploaded while its import runs joins it."""
    key = hashlib.sha256(data).hexdigest()
    files.store_now(key, (filename or "register")[-120:], "application/octet-stream", data)
    return submit("register-import", {"file": key, "filename": filename[-120:]}, user=user, lang=lang)


@task("register-import", title=_l("Importing the register"))
def import_register_file(job, progress) -> dict:
    """A refused file is a done job whose result lists the problems row by row (its page shows them)."""
    stored = files.stored(job.params["file"])
    if stored is None:
        raise DomainError(_("The uploaded file is no longer kept: upload it again."))
    one_at_a_time("import enterprises")  # the register adds the makers it does not know
    progress(0.0, _("Checking the register"))
    actor = db.session.get(User, job.user_id) if job.user_id else None
    url = path_for("register.index", job=job.id)
    try:
        summary = importing.import_register(stored.content, job.params["filename"], actor=actor, commit=False)
    except importing.RegisterRefused as refusal:
        return {"imported": False, "problems": [asdict(problem) for problem in refusal.problems], "url": url}
    return {"imported": True, "summary": asdict(summary), "url": url}
