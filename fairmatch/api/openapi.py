"""The OpenAPI 3.1 description of /api/v1, kept beside the views it describes."""

PROBLEM = {"$ref": "#/components/responses/Problem"}


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
                        "booth": {"type": ["string", "null"]},
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
                    "summary": "Search the directory (accent-insensitive)",
                    "parameters": [
                        {"name": name, "in": "query", "required": False, "schema": {"type": kind}}
                        for name, kind in (
                            ("q", "string"), ("sector", "string"), ("kind", "string"),
                            ("certification", "string"), ("page", "integer"),
                        )
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
