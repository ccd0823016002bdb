"""Domain errors and the one place that turns any error into a page or a problem document.

Under `/api/` (or when the client asks for JSON) errors are RFC 9457 problem documents;
elsewhere they are pages in the user's language. No stack trace ever reaches a user.
"""

import logging
import math
import time

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from fairmatch.extensions import db, limiter

log = logging.getLogger(__name__)

TITLES = {
    400: _l("Bad request"),
    401: _l("Please sign in"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    409: _l("Conflict with the current state"),
    413: _l("The upload is too large"),
    422: _l("The request breaks a rule"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong on our side"),
}

DETAILS = {
    400: _l("The request could not be understood. Please go back and try again."),
    401: _l("Sign in to see this page."),
    403: _l("Your account is not allowed to do this."),
    404: _l("There is nothing at this address. Check the link or use the menu."),
    405: _l("This address does not accept that kind of request."),
    413: _l("The file is larger than allowed."),
    429: _l("Too many attempts in a short time. Please wait a minute and try again."),
    500: _l("The error has been logged. Please try again in a moment."),
}


class DomainError(Exception):
    """An expected refusal with a message fit for the user (already translated)."""

    status = 422

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class RuleViolation(DomainError):
    status = 422


def wants_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes[
        "text/html"
    ]


def error_response(status: int, detail: str | None = None):
    title = str(TITLES.get(status, TITLES[500 if status >= 500 else 400]))
    detail = detail or str(DETAILS.get(status, title))
    if wants_json():
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        response = jsonify(body)
        response.status_code = status
        response.mimetype = "application/problem+json"
        return response
    return render_template("errors/error.html", status=status, title=title, detail=detail), status


def rate_limit_wait() -> int:
    """Seconds until the limit this request hit lets the next attempt through (at least 1)."""
    limit = limiter.current_limit
    if limit is None:
        return 60
    return max(1, math.ceil(limit.reset_at - time.time()))


def wait_phrase(seconds: int) -> str:
    """`45 seconds`, `14 minutes`: how long to wait, as a person says it."""
    if seconds < 120:
        return ngettext("%(num)d second", "%(num)d seconds", seconds)
    return ngettext("%(num)d minute", "%(num)d minutes", math.ceil(seconds / 60))


def discard_changes() -> None:
    """A refused or failed request writes nothing of its own, even if rendering the answer commits."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        log.exception("rollback failed")


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        discard_changes()
        return error_response(error.status, error.message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.code or 500)

    @app.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded):
        seconds = rate_limit_wait()
        response = app.make_response(
            error_response(429, _("Too many attempts. Try again in %(wait)s.", wait=wait_phrase(seconds))))
        response.headers["Retry-After"] = str(seconds)
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return error_response(
            400, _("The form expired or was sent from elsewhere. Reload the page and try again.")
        )

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        discard_changes()
        return error_response(500)
