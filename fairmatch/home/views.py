"""The home page, the privacy notice and the health check."""

from flask import Blueprint, current_app, jsonify, render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from fairmatch.extensions import db, limiter
from fairmatch.fairs.services import current_fair

blueprint = Blueprint("home", __name__)


@blueprint.get("/")
def index():
    return render_template("home/index.html", fair=current_fair())


@blueprint.get("/privacy")
def privacy():
    return render_template("home/privacy.html", version=current_app.config["PRIVACY_NOTICE_VERSION"])


@blueprint.get("/healthz")
@limiter.exempt
def healthz():
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
