"""Response headers that tell browsers what this site may do: no inline scripts, no framing,
no content sniffing, no leaking of secret URLs to other sites, and HTTPS only in production."""

from flask import Flask, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

# Scripts and styles come from /static only; inline `<script>`, `on...=` handlers and `style=`
# attributes are refused by the browser, so an injected fragment cannot run or restyle the page.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Reset links and calendar-feed URLs carry secrets in their path: never send them elsewhere.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def contains_nul(value) -> bool:
    """Whether a string somewhere in `value` (a JSON document) holds the NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False


def init_app(app: Flask) -> None:
    hsts_seconds = app.config.get("HSTS_SECONDS")

    @app.before_request
    def refuse_nul_characters():
        """Nobody types NUL, and PostgreSQL cannot store it: refuse it at the door (400), in the
        address, the query, a form or a JSON body, rather than fail deep in the database."""
        from fairmatch.errors import error_response

        fields = [request.args] + ([request.form] if request.method not in ("GET", "HEAD", "OPTIONS") else [])
        texts = [request.path, *(text for multi in fields for key, values in multi.lists() for text in [key, *values])]
        if any("\x00" in text for text in texts) or (request.is_json and contains_nul(request.get_json(silent=True))):
            return error_response(400, _("The request contains a character that is not allowed (NUL)."))
        return None

    @app.after_request
    def add_security_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if hsts_seconds:
            response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains")
        return response


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` in URLs: a number the database can hold (PostgreSQL `integer`); larger is a 404,
    not an overflow deep in the driver."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def install_converters(app: Flask) -> None:
    """Before any route is added: the converters their URLs are parsed with."""
    app.url_map.converters["int"] = DatabaseIdConverter
