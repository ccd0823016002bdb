"""The OpenAPI 3.1 description of /api/v1, kept beside the views it describes."""

from fairmatch.enterprises.services import SORTS
from fairmatch.vocabulary import CERTIFICATIONS, KINDS, SECTORS

PROBLEM = {"$ref": "#/components/responses/Problem"}
FLAG = {"type": "string", "enum": ["1", "true", "on"]}
DIRECTORY_PARAMETERS = (
    ("q", {"type": "string"}, "words of the name, key, locality, industrial park or products"),
    ("sector", {"enum": list(SECTORS)}, "sector code"),
    ("kind", {"enum": list(KINDS)}, "kind of enterprise"),
    ("certification", {"enum": list(CERTIFICATIONS)}, "holds this certification, not expired"),
    ("locality", {"type": "string"}, "commune, ward or area; accents and case ignored"),
    ("recognized", FLAG, "only makers of a verified recognised key product"),
    ("booth", FLAG, "only exhibitors holding a booth at the current fair"),
    ("sort", {"enum": list(SORTS)}, "relevance (default with q), name (default without), newest"),
    ("page", {"type": "integer", "minimum": 1}, "page number; 24 enterprises a page"),
)


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "fairmatch API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Problem": {
                    "type": "object",
                    "required": ["type", "title", "status"],
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                    },
                },
                "DirectoryEntry": {
                    "type": "object",
                    "required": ["key", "tax_code", "name_vi", "name_en", "kind", "sectors", "verified", "booth"],
                    "properties": {
                        "key": {"type": "string"},
                        "tax_code": {"type": ["string", "null"]},
                        "name_vi": {"type": ["string", "null"]},
                        "name_en": {"type": ["string", "null"]},
                        "kind": {"enum": ["lead", "supplier", "fdi", "buyer", "other"]},
                        "sectors": {"type": "array", "items": {"type": "string"}},
                        "verified": {"type": "boolean"},
                        "booth": {"type": ["string", "null"], "description": "booth code at the current fair"},
                        "locality": {"type": ["string", "null"]},
                        "recognized_key_products": {
                            "type": "boolean",
                            "description": "makes a recognised key industrial product verified by the organizer",
                        },
                    },
                },
            },
            "responses": {
                "Problem": {
                    "description": "An error, as an RFC 9457 problem document",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                }
            },
        },
        "paths": {
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
                }
            },
            "/enterprises": {
                "get": {
                    "summary": "Search the directory (accent-insensitive, tolerates one typo per word)",
                    "parameters": [
                        {"name": name, "in": "query", "required": False, "schema": schema, "description": text}
                        for name, schema, text in DIRECTORY_PARAMETERS
                    ],
                    "responses": {
                        "200": {
                            "description": "One page of enterprises and the total count",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["items", "total"],
                                        "properties": {
                                            "items": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/DirectoryEntry"},
                                            },
                                            "total": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "pages": {"type": "integer"},
                                            "page_size": {"type": "integer"},
                                            "approximate": {
                                                "type": "boolean",
                                                "description": "the words matched only after correcting a typo",
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "default": PROBLEM,
                    },
                }
            },
        },
    }
