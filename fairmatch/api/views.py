"""The JSON API under /api/v1 (see INTERFACES.md); errors are problem documents."""

from flask import Blueprint, jsonify, request

from fairmatch.api.openapi import openapi_document
from fairmatch.enterprises.services import PAGE_SIZE, search_enterprises
from fairmatch.enterprises.views import directory_query
from fairmatch.extensions import csrf

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(blueprint)


@blueprint.before_request
def protect_session_writes():
    """Bearer-token calls carry no cookie to forge; browser-session writes need the CSRF token."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and not request.headers.get(
        "Authorization", ""
    ).startswith("Bearer "):
        csrf.protect()


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@blueprint.get("/enterprises")
def enterprises():
    """The directory search with the directory's filters, one page at a time."""
    result = search_enterprises(directory_query())
    return jsonify(
        items=[
            {
                "key": e.key,
                "tax_code": e.tax_code,
                "name_vi": e.name_vi,
                "name_en": e.name_en,
                "kind": e.kind,
                "sectors": e.sector_codes,
                "verified": e.verified,
                "booth": result.booths.get(e.id),
                "locality": e.locality,
                "recognized_key_products": e.id in result.recognized,
            }
            for e in result.items
        ],
        total=result.total,
        page=result.page,
        pages=result.pages,
        page_size=PAGE_SIZE,
        approximate=result.approximate,
    )
