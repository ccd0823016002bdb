"""The OpenAPI 3.1 description of /api/v1, kept beside the views it describes."""

from fairmatch.common.vocabulary import CERTIFICATIONS, KINDS, SECTORS
from fairmatch.enterprises.services import SORTS

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
            **BOOTH_PATHS,
            **MATCHING_PATHS,
            **MEETING_PATHS,
            **AGENDA_PATHS,
            **JOB_PATHS,
        },
    }


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _path_parameter(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


NULLABLE_TEXT = {"type": ["string", "null"]}
ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}  # larger numbers are unknown ids: 404
RESERVATION = {
    "type": "object",
    "required": ["id", "state", "booths", "expires_at"],
    "properties": {
        "id": {"type": "integer"},
        "state": {"enum": ["held", "submitted", "approved", "rejected", "confirmed", "cancelled", "expired"]},
        "booths": {"type": "array", "items": {"type": "string"}},
        "expires_at": {"type": ["string", "null"], "format": "date-time"},
    },
}
SIGNED_IN = [{"bearer": []}, {}]
ERRORS = {status: PROBLEM for status in ("401", "403", "404", "409", "422")}
BOOTH_PATHS = {
    "/booths": {
        "get": {
            "summary": "Every booth of the current fair with its live status",
            "responses": {
                "200": _json("The booths", {
                    "type": "object",
                    "required": ["fair", "booths"],
                    "properties": {
                        "fair": {"type": "object", "required": ["id", "name"],
                                 "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
                        "booths": {"type": "array", "items": {
                            "type": "object",
                            "required": ["code", "hall", "x_m", "y_m", "width_m", "depth_m", "type", "price_vnd",
                                         "zone", "status", "exhibitor"],
                            "properties": {
                                "code": {"type": "string"}, "hall": {"type": "string"},
                                "x_m": {"type": "number"}, "y_m": {"type": "number"},
                                "width_m": {"type": "number"}, "depth_m": {"type": "number"},
                                "type": {"enum": ["standard", "corner", "premium", "island", "raw"]},
                                "price_vnd": {"type": "integer"}, "zone": NULLABLE_TEXT,
                                "status": {"enum": ["available", "held", "pending", "confirmed", "blocked"]},
                                "exhibitor": {"oneOf": [
                                    {"type": "null"},
                                    {"type": "object", "required": ["key", "name"],
                                     "properties": {"key": {"type": "string"}, "name": {"type": "string"}}},
                                ]},
                            },
                        }},
                    },
                }),
                "default": PROBLEM,
            },
        }
    },
    "/booths/{code}/reservations": {
        "post": {
            "summary": "Hold this booth (and adjacent extra booths) for the caller's enterprise (exhibitors)",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("code", {"type": "string"})],
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {"extra_booths": {"type": "array", "items": {"type": "string"}}},
            }}}},
            "responses": {"201": _json("The held reservation", RESERVATION), **ERRORS, "default": PROBLEM},
        }
    },
    "/reservations/{id}/submit": {
        "post": {
            "summary": "Submit a held reservation as an application (own enterprise only)",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("id", ID)],
            "responses": {"200": _json("The submitted reservation", RESERVATION), **ERRORS, "default": PROBLEM},
        }
    },
    "/reservations/{id}": {
        "delete": {
            "summary": "Cancel a reservation (own enterprise only; a paid one only by the organizer)",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("id", ID)],
            "responses": {"200": _json("The cancelled reservation", RESERVATION), **ERRORS, "default": PROBLEM},
        }
    },
}
MEETING_REQUEST = {
    "type": "object",
    "required": ["id", "state", "from", "to", "message", "must_meet"],
    "properties": {
        "id": {"type": "integer"},
        "state": {"enum": ["pending", "accepted", "declined", "cancelled"]},
        "from": {"type": "object", "required": ["key", "name"],
                 "properties": {"key": {"type": "string"}, "name": {"type": "string"}}},
        "to": {"type": "object", "required": ["key", "name"],
               "properties": {"key": {"type": "string"}, "name": {"type": "string"}}},
        "message": NULLABLE_TEXT,
        "must_meet": {"type": "boolean"},
    },
}
MEETING_PATHS = {
    "/meeting-requests": {
        "post": {
            "summary": "Ask an enterprise for a meeting at the current fair",
            "security": SIGNED_IN,
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["to"],
                "properties": {"to": {"type": "string"}, "message": {"type": "string"},
                               "must_meet": {"type": "boolean"}},
            }}}},
            "responses": {"201": _json("The request", MEETING_REQUEST), **ERRORS, "default": PROBLEM},
        }
    },
    "/meeting-requests/{id}/accept": {
        "post": {
            "summary": "Accept a request made to your enterprise",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("id", ID)],
            "responses": {"200": _json("The request", MEETING_REQUEST), **ERRORS, "default": PROBLEM},
        }
    },
    "/meeting-requests/{id}/decline": {
        "post": {
            "summary": "Decline a request made to your enterprise, with an optional reason",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("id", ID)],
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"reason": {"type": "string"}},
            }}}},
            "responses": {"200": _json("The request", MEETING_REQUEST), **ERRORS, "default": PROBLEM},
        }
    },
}
AGENDA_PATHS = {
    "/me/agenda": {
        "get": {
            "summary": "The caller's published meetings at the current fair (times with +07:00)",
            "security": SIGNED_IN,
            "responses": {
                "200": _json("The agenda", {
                    "type": "object", "required": ["meetings"],
                    "properties": {"meetings": {"type": "array", "items": {
                        "type": "object",
                        "required": ["id", "start", "end", "place", "with", "status"],
                        "properties": {
                            "id": {"type": "integer"},
                            "start": {"type": "string", "format": "date-time"},
                            "end": {"type": "string", "format": "date-time"},
                            "place": {"type": "string"},
                            "with": {"type": "object", "required": ["key", "name"],
                                     "properties": {"key": {"type": "string"}, "name": {"type": "string"}}},
                            "status": {"type": "string"},
                        },
                    }}},
                }),
                **ERRORS,
                "default": PROBLEM,
            },
        }
    },
}
MATCHING_PATHS = {
    "/enterprises/{key}/matches": {
        "get": {
            "summary": "Ranked, explained suppliers or customers of an enterprise (signed in)",
            "security": SIGNED_IN,
            "parameters": [
                _path_parameter("key", {"type": "string"}),
                {"name": "direction", "in": "query", "required": False,
                 "schema": {"enum": ["suppliers", "customers"]}},
                {"name": "limit", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
            ],
            "responses": {
                "200": _json("Best first", {"type": "array", "items": {
                    "type": "object",
                    "required": ["rank", "key", "tax_code", "name", "score", "explanation", "path"],
                    "properties": {
                        "rank": {"type": "integer", "minimum": 1}, "key": {"type": "string"},
                        "tax_code": NULLABLE_TEXT, "name": {"type": "string"},
                        "score": {"type": "number", "minimum": 0, "maximum": 1},
                        "explanation": {"type": "string"},
                        "path": {"type": "array", "items": {"type": "string"}},
                    },
                }}),
                **ERRORS,
                "default": PROBLEM,
            },
        }
    },
}
JOB = {
    "type": "object",
    "required": ["id", "state", "progress", "message", "result", "error"],
    "properties": {
        "id": {"type": "string"},
        "state": {"enum": ["queued", "running", "done", "failed"]},
        "progress": {"type": "number", "minimum": 0, "maximum": 1},
        "message": {"type": "string", "description": "what the job is doing, in the language of whoever started it"},
        "result": {"type": ["object", "null"], "description": "when done; `url` is where its outcome is shown"},
        "error": {"type": ["string", "null"]},
    },
}
ACCEPTED = {
    "description": "The work goes on in the background: ask the job how far it is",
    "headers": {"Retry-After": {"schema": {"type": "integer"}}, "Location": {"schema": {"type": "string"}}},
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["job"], "properties": {"job": {"type": "string"}},
    }}},
}
JOB_PATHS = {
    "/jobs/{id}": {
        "get": {
            "summary": "A background job: its state, progress and result (whoever started it, or an organizer)",
            "security": SIGNED_IN,
            "parameters": [_path_parameter("id", {"type": "string"})],
            "responses": {"200": _json("The job", JOB), **ERRORS, "default": PROBLEM},
        }
    },
    "/organizer/schedule-runs": {
        "post": {
            "summary": "Run the meeting scheduler on the accepted requests (organizers); a run asked while one "
                       "runs joins it",
            "security": SIGNED_IN,
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {"time_limit": {"type": "number", "minimum": 2, "maximum": 60, "default": 10},
                               "publish": {"type": "boolean", "default": False}},
            }}}},
            "responses": {"202": ACCEPTED, **ERRORS, "default": PROBLEM},
        }
    },
}
