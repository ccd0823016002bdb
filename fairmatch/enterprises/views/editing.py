"""Members edit their enterprise: profile, logo, products and needs. Organizers may edit any."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from fairmatch.auth.decorators import require_member
from fairmatch.enterprises import logos, profiles
from fairmatch.enterprises.catalogue_forms import NeedForm, ProductForm, need_form_data, product_form_data
from fairmatch.enterprises.forms import LogoForm, ProfileForm, profile_form_data
from fairmatch.enterprises.models import Enterprise
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.enterprises.views import blueprint
from fairmatch.errors import DomainError
from fairmatch.extensions import db


def editable(key: str) -> Enterprise:
    """The enterprise with `key`, if the signed-in user may edit it (else 404 or 403)."""
    enterprise = enterprise_by_key(key)
    if enterprise is None:
        abort(404)
    require_member(enterprise)
    return enterprise


def _edit_page(enterprise: Enterprise, form: ProfileForm, logo_form: LogoForm, status: int = 200):
    return render_template(
        "enterprises/edit.html",
        enterprise=enterprise,
        form=form,
        logo_form=logo_form,
        completeness=profiles.completeness(enterprise),
        identity_editable=current_user.is_organizer,
    ), status


@blueprint.route("/enterprises/<path:key>/edit", methods=["GET", "POST"])
@login_required
def edit(key: str):
    enterprise = editable(key)
    form = ProfileForm(data=profile_form_data(enterprise))
    if request.method == "POST" and not current_user.is_organizer:
        form.lock_identity(enterprise)
    if form.validate_on_submit():
        try:
            queued = profiles.update_profile(enterprise, form.changes(), current_user)
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
        else:
            flash(_("The profile is saved."), "success")
            if queued:
                flash(_("The organizers will check the changes before the profile shows as verified again."), "info")
            return redirect(url_for("enterprises.edit", key=enterprise.key))
    return _edit_page(enterprise, form, LogoForm(formdata=None), 422 if form.errors else 200)


@blueprint.post("/enterprises/<path:key>/logo")
@login_required
def upload_logo(key: str):
    enterprise = editable(key)
    logo_form = LogoForm()
    if logo_form.validate_on_submit():
        try:
            logos.set_logo(enterprise, logo_form.logo.data.read(logos.MAX_BYTES + 1), current_user)
        except DomainError as refusal:
            db.session.rollback()
            logo_form.logo.errors.append(refusal.message)
        else:
            flash(_("The logo is saved."), "success")
            return redirect(url_for("enterprises.edit", key=enterprise.key))
    return _edit_page(enterprise, ProfileForm(formdata=None, data=profile_form_data(enterprise)), logo_form, 422)


@blueprint.post("/enterprises/<path:key>/logo/delete")
@login_required
def delete_logo(key: str):
    enterprise = editable(key)
    logos.remove_logo(enterprise, current_user)
    flash(_("The logo is removed."), "success")
    return redirect(url_for("enterprises.edit", key=enterprise.key))


def _edit_item(enterprise, item, form, save, saved: str, kind: str, warnings=None):
    """Save a product or need from its form, or show the form again with what was typed; then
    say what `warnings` finds worth a second look in what was saved."""
    if form.validate_on_submit():
        try:
            kept = save(enterprise, item, form.changes(), current_user)
        except DomainError as refusal:
            db.session.rollback()
            form.form_errors.append(refusal.message)
        else:
            flash(saved, "success")
            for warning in warnings(enterprise, kept) if warnings else ():
                flash(warning, "warning")
            return redirect(url_for("enterprises.edit", key=enterprise.key) + f"#{kind}s")
    return render_template(
        f"enterprises/{kind}_form.html", enterprise=enterprise, form=form, item=item
    ), 422 if form.errors else 200


@blueprint.route("/enterprises/<path:key>/products/new", methods=["GET", "POST"], defaults={"product_id": None})
@blueprint.route("/enterprises/<path:key>/products/<int:product_id>", methods=["GET", "POST"])
@login_required
def product(key: str, product_id: int | None):
    enterprise = editable(key)
    item = profiles.find_product(enterprise, product_id) if product_id else None
    form = ProductForm(profiles.all_categories(), data=product_form_data(item) if item else None)
    return _edit_item(enterprise, item, form, profiles.save_product, _("The product is saved."), "product")


@blueprint.post("/enterprises/<path:key>/products/<int:product_id>/delete")
@login_required
def delete_product(key: str, product_id: int):
    enterprise = editable(key)
    profiles.delete_product(profiles.find_product(enterprise, product_id), current_user)
    flash(_("The product is removed."), "success")
    return redirect(url_for("enterprises.edit", key=enterprise.key) + "#products")


@blueprint.route("/enterprises/<path:key>/needs/new", methods=["GET", "POST"], defaults={"need_id": None})
@blueprint.route("/enterprises/<path:key>/needs/<int:need_id>", methods=["GET", "POST"])
@login_required
def need(key: str, need_id: int | None):
    enterprise = editable(key)
    item = profiles.find_need(enterprise, need_id) if need_id else None
    form = NeedForm(profiles.all_categories(), data=need_form_data(item) if item else None)
    return _edit_item(enterprise, item, form, profiles.save_need, _("The need is saved."), "need",
                      profiles.need_warnings)


@blueprint.post("/enterprises/<path:key>/needs/<int:need_id>/delete")
@login_required
def delete_need(key: str, need_id: int):
    enterprise = editable(key)
    profiles.delete_need(profiles.find_need(enterprise, need_id), current_user)
    flash(_("The need is removed."), "success")
    return redirect(url_for("enterprises.edit", key=enterprise.key) + "#needs")
