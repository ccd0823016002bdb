"""Organizers' tools: the verification queue, the taxonomy editor, exchange import and export,
and the directory as a spreadsheet."""

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import role_required
from fairmatch.common.exchange_validation import Problem
from fairmatch.enterprises import reviews, tasks, taxonomy
from fairmatch.enterprises.import_export import ImportSummary
from fairmatch.enterprises.import_report import import_report
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.enterprises.organizer_forms import CategoryForm, ImportForm, ReviewForm, category_form_data
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.enterprises.views import blueprint
from fairmatch.enterprises.views.directory import directory_query
from fairmatch.errors import DomainError, NotFound
from fairmatch.extensions import db
from fairmatch.i18n import language
from fairmatch.jobs.views import import_outcome, job_of_kind
from fairmatch.web.bulk import BulkForm, apply_to_each

organizer_only = role_required("organizer")

BUSINESS_REGISTRATION_PORTAL = "https://dangkykinhdoanh.gov.vn/vn/Pages/Trangchu.aspx"
"""The National Business Registration Portal; its home page is where its public search is."""
TAXPAYER_LOOKUP = "https://tracuunnt.gdt.gov.vn/tcnnt/mstcn.jsp"
"""The tax authority's lookup of individual taxpayers, where a household business's personal ID is."""


@dataclass(frozen=True)
class RegistrationCheck:
    """What an organizer checks an enterprise's identity against: `register` is "portal" (an enterprise
    or a branch, listed on the national portal), "household" (a personal ID: the portal does not list
    household businesses) or "foreign" (registered abroad)."""

    register: str
    code: str
    head_office: str | None = None
    branch: str | None = None


def registration_check(enterprise: Enterprise) -> RegistrationCheck:
    """The enterprise's code as registers write it (10 digits, 10-3 for a branch, 12 for a personal ID)
    and the register it is checked against."""
    if enterprise.country != "VN" or not enterprise.tax_code:
        return RegistrationCheck("foreign", enterprise.registration_no or enterprise.key)
    digits = "".join(c for c in enterprise.tax_code if c.isdigit())
    if len(digits) == 12:
        return RegistrationCheck("household", digits)
    if len(digits) == 13:
        return RegistrationCheck("portal", f"{digits[:10]}-{digits[10:]}", digits[:10], digits[10:])
    return RegistrationCheck("portal", digits)


def _queue_page(
    failed: tuple[str, object, ReviewForm] | None = None,
    status: int = 200,
    bulk: BulkForm | None = None,
    bulk_queue: str = "",
):
    """The queue; a refused review shows again with what was typed, even if its item left the queue."""
    enterprises, claims = reviews.verification_queue()
    bulk = bulk or BulkForm(formdata=None)
    if failed is not None:
        kind, item, form = failed
        shown = enterprises if kind == "enterprise" else claims
        if item not in shown:
            shown.insert(0, item)
        failed = (kind, item.id, form)
    return render_template(
        "enterprises/verification.html",
        enterprises=enterprises,
        claims=claims,
        failed=failed,
        bulk=bulk,
        bulk_queue=bulk_queue,
        selected=set(bulk.ids.data or ()) if bulk_queue else set(),
        registration_check=registration_check,
        portal=BUSINESS_REGISTRATION_PORTAL,
        taxpayer_lookup=TAXPAYER_LOOKUP,
    ), status


@blueprint.post("/organizer/verification/<any(enterprises, claims):queue>/bulk")
@organizer_only
def bulk_review(queue: str):
    """Verify or decline every ticked enterprise or claim, each through the single review."""
    action = request.form.get("action", "")
    if action not in ("verify", "decline"):
        abort(400)
    form = BulkForm()
    if not form.validate_for(action, needs_reason=action == "decline"):
        return _queue_page(status=422, bulk=form, bulk_queue=queue)
    approve, reason = action == "verify", form.reason.data or None
    if queue == "enterprises":
        model, review, label = Enterprise, reviews.review_enterprise, lambda e: e.name(language())
    else:
        model, review, label = Product, reviews.review_claim, lambda p: f"{p.name(language())} ({p.enterprise.key})"
    items = [db.session.get(model, i) for i in form.ids.data]

    def decide(item) -> None:
        reviews.require_waiting(item)
        review(item, approve=approve, reason=reason, actor=current_user)

    outcome = apply_to_each([item for item in items if item is not None], label, decide)
    outcome.refused.extend(
        (f"#{i}", _("it no longer exists.")) for i, item in zip(form.ids.data, items, strict=True) if item is None
    )
    outcome.flash()
    return redirect(url_for("enterprises.verification"))


@blueprint.get("/organizer/verification")
@organizer_only
def verification():
    return _queue_page()


@blueprint.post("/organizer/enterprises/<path:key>/review")
@organizer_only
def review_enterprise(key: str):
    enterprise = enterprise_by_key(key)
    if enterprise is None:
        raise NotFound(_("There is no enterprise with this key."))
    form = ReviewForm()
    if not form.validate_on_submit():
        return _queue_page(("enterprise", enterprise, form), 422)
    reviews.review_enterprise(enterprise, approve=form.verify.data, reason=form.reason.data, actor=current_user)
    name = enterprise.name(language())
    if form.verify.data:
        flash(_("%(name)s is verified.", name=name), "success")
    else:
        flash(_("%(name)s is declined; the reason is shown to its members.", name=name), "success")
    if request.form.get("back") == "profile":
        return redirect(url_for("enterprises.profile", key=key))
    return redirect(url_for("enterprises.verification"))


@blueprint.post("/organizer/claims/<int:product_id>/review")
@organizer_only
def review_claim(product_id: int):
    product = reviews.find_claim(product_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        return _queue_page(("claim", product, form), 422)
    reviews.review_claim(product, approve=form.verify.data, reason=form.reason.data, actor=current_user)
    flash(
        _("The recognition claim is verified.") if form.verify.data else _("The recognition claim is declined."),
        "success",
    )
    return redirect(url_for("enterprises.verification"))


@blueprint.get("/organizer/taxonomy")
@organizer_only
def taxonomy_index():
    q, sector = request.args.get("q", "")[:100], request.args.get("sector", "")[:40]
    return render_template("enterprises/taxonomy.html", categories=taxonomy.browse(q, sector), q=q, sector=sector)


@blueprint.route("/organizer/taxonomy/new", methods=["GET", "POST"], defaults={"code": None})
@blueprint.route("/organizer/taxonomy/<path:code>", methods=["GET", "POST"])
@organizer_only
def category(code: str | None):
    existing = taxonomy.find_category(code) if code else None
    form = CategoryForm(data=category_form_data(existing) if existing else None)
    if existing is not None:
        form.keep_code(existing.code)
    if form.validate_on_submit():
        try:
            saved = taxonomy.save_category(existing, form.changes(), current_user)
        except taxonomy.CategoryRefused as refusal:
            db.session.rollback()
            getattr(form, refusal.field).errors.append(refusal.message)
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
        else:
            flash(_("The category %(code)s is saved.", code=saved.code), "success")
            return redirect(url_for("enterprises.category", code=saved.code))
    used = taxonomy.usage(existing) if existing is not None else None
    return render_template(
        "enterprises/category_form.html", form=form, category=existing, usage=used
    ), 422 if form.errors else 200


@blueprint.post("/organizer/taxonomy/<path:code>/delete")
@organizer_only
def delete_category(code: str):
    taxonomy.delete_category(taxonomy.find_category(code), current_user)
    flash(_("The category %(code)s is deleted.", code=code), "success")
    return redirect(url_for("enterprises.taxonomy_index"))


@blueprint.route("/organizer/exchange", methods=["GET", "POST"])
@organizer_only
def exchange():
    """The import and export page. An upload that looks like a JSON object is imported by a job, whose
    progress page leads back here with `?job=ID`: the import's summary, or the problems that refused it."""
    form = ImportForm()
    report = summary = job = None
    if form.validate_on_submit():
        upload = form.document.data
        data = upload.read()
        problems = tasks.first_look(data)
        if not problems:
            job = tasks.start_import(data, upload.filename or "", current_user, language())
            return redirect(url_for("jobs.page", job_id=job.id), 303)
        report = import_report(problems, {})
    elif request.method == "GET" and request.args.get("job"):
        job = job_of_kind(request.args["job"], "import")
        if job.active:
            return redirect(url_for("jobs.page", job_id=job.id))
        summary, report = import_outcome(job, lambda counts: ImportSummary(**counts),
                                         _refusal)
    status = 422 if request.method == "POST" and (report or form.errors) else 200
    return render_template("enterprises/exchange.html", form=form, report=report, summary=summary, job=job), status


def _refusal(result: dict):
    return import_report([Problem(**p) for p in result["problems"]], result.get("labels", {}))


@blueprint.get("/organizer/exchange/export.json")
@organizer_only
def export_json():
    return tasks.serve_or_start(tasks.export_params("exchange", "json", ""), "fairmatch-exchange",
                                endpoint="enterprises.export_json", url_values={})


@blueprint.get("/organizer/directory.<any(csv, xlsx):format>")
@organizer_only
def export_directory(format: str):
    return tasks.serve_or_start(tasks.export_params("directory", format, language(), directory_query()), "directory",
                                endpoint="enterprises.export_directory",
                                url_values={**request.args.to_dict(), "format": format})
