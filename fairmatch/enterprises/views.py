"""The public directory and enterprise pages."""

from flask import Blueprint, abort, render_template, request

from fairmatch.enterprises.services import PAGE_SIZE, DirectoryQuery, enterprise_by_key, search_enterprises

blueprint = Blueprint("enterprises", __name__)


def directory_query() -> DirectoryQuery:
    """The directory filters from the query string; nonsense values are ignored, never fatal."""
    page = request.args.get("page", "1")
    return DirectoryQuery(
        q=request.args.get("q", "")[:200],
        sector=request.args.get("sector", "")[:40],
        kind=request.args.get("kind", "")[:20],
        certification=request.args.get("certification", "")[:40],
        page=int(page) if page.isdigit() and len(page) < 6 else 1,
    )


@blueprint.get("/directory")
def directory():
    query = directory_query()
    items, total = search_enterprises(query)
    pages = max(1, -(-total // PAGE_SIZE))
    return render_template("enterprises/directory.html", query=query, items=items, total=total, pages=pages)


@blueprint.get("/enterprises/<path:key>")
def profile(key: str):
    enterprise = enterprise_by_key(key)
    if enterprise is None:
        abort(404)
    return render_template("enterprises/profile.html", enterprise=enterprise)
