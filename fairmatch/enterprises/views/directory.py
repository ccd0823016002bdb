"""The public directory, enterprise pages and logos."""

from flask import Response, abort, render_template, request

from fairmatch.auth.decorators import may_act_for
from fairmatch.auth.verification import is_unconfirmed
from fairmatch.booths.queries import booth_codes
from fairmatch.enterprises.logos import logo_of
from fairmatch.enterprises.profiles import completeness
from fairmatch.enterprises.services import DirectoryQuery, enterprise_by_key, known_localities, search_enterprises
from fairmatch.enterprises.views import blueprint


def directory_query() -> DirectoryQuery:
    """The directory filters from the query string; nonsense values are ignored, never fatal."""
    page = request.args.get("page", "1")
    return DirectoryQuery(
        q=request.args.get("q", "")[:200],
        sector=request.args.get("sector", "")[:40],
        kind=request.args.get("kind", "")[:20],
        certification=request.args.get("certification", "")[:40],
        locality=request.args.get("locality", "")[:120],
        recognized=request.args.get("recognized") in ("1", "true", "on"),
        booth=request.args.get("booth") in ("1", "true", "on"),
        sort=request.args.get("sort", "")[:20],
        page=int(page) if page.isdigit() and len(page) < 6 else 1,
    )


@blueprint.get("/directory")
def directory():
    query = directory_query()
    return render_template(
        "enterprises/directory.html",
        query=query,
        result=search_enterprises(query),
        localities=known_localities(),
    )


@blueprint.get("/enterprises/<path:key>")
def profile(key: str):
    enterprise = enterprise_by_key(key)
    editable = enterprise is not None and may_act_for(enterprise)
    if enterprise is None or (is_unconfirmed(enterprise) and not editable):
        abort(404)
    return render_template(
        "enterprises/profile.html",
        enterprise=enterprise,
        editable=editable,
        completeness=completeness(enterprise) if editable else None,
        booth=booth_codes([enterprise.id]).get(enterprise.id),
    )


@blueprint.get("/enterprises/<path:key>/logo")
def logo(key: str):
    """The re-encoded logo, as an image and nothing else, whatever the browser guesses."""
    stored = logo_of(key)
    if stored is None:
        abort(404)
    response = Response(stored.content, mimetype=stored.media_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Content-Disposition"] = 'inline; filename="logo.webp"'
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    response.set_etag(stored.digest)
    return response.make_conditional(request)
