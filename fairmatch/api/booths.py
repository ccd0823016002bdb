"""Booth endpoints of the JSON API (INTERFACES.md)."""

from flask import jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from fairmatch.auth.decorators import acting_enterprise
from fairmatch.booths import services
from fairmatch.booths.models import BoothReservation
from fairmatch.booths.plan import cache_of, plan_stamp, plan_views
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language


def booths_document() -> dict:
    """Every booth of the current fair with its live status (cached until anything changes)."""
    stamp = plan_stamp()
    return cache_of("booths").get_or_build(
        (language(), stamp), lambda: _booths_document(db.session.get(Fair, stamp[0]))
    )


def _booths_document(fair) -> dict:
    return {
        "fair": {"id": fair.id, "name": fair.name(language())},
        "booths": [
            {
                "code": v.booth.code,
                "hall": v.booth.hall.code,
                "x_m": v.booth.x_m,
                "y_m": v.booth.y_m,
                "width_m": v.booth.width_m,
                "depth_m": v.booth.depth_m,
                "type": v.booth.type,
                "price_vnd": v.booth.price_vnd,
                "zone": v.booth.zone,
                "status": v.status,
                "exhibitor": {"key": v.exhibitor.key, "name": v.exhibitor.name("vi")} if v.exhibitor else None,
            }
            for v in plan_views(fair)
        ],
    }


def reservation_document(reservation: BoothReservation) -> dict:
    return {
        "id": reservation.id,
        "state": reservation.state,
        "booths": [b.code for b in reservation.booths],
        "expires_at": reservation.expires_at.isoformat() if reservation.expires_at else None,
    }


def create_reservation(code: str):
    enterprise = acting_enterprise()
    body = request.get_json(silent=True)
    if body is None:
        body = {}
    extra = body.get("extra_booths", []) if isinstance(body, dict) else None
    if not isinstance(extra, list) or not all(isinstance(c, str) for c in extra):
        raise RuleViolation(_("extra_booths must be a list of booth codes."))
    reservation = services.reserve_booths(enterprise, [code, *extra], current_user)
    response = jsonify(reservation_document(reservation))
    response.status_code = 201
    response.headers["Location"] = url_for("booths.reservation", reservation_id=reservation.id)
    return response


def submit_reservation(reservation_id: int):
    reservation = services.reservation_for(reservation_id, current_user)
    return jsonify(reservation_document(services.submit(reservation, current_user)))


def delete_reservation(reservation_id: int):
    reservation = services.reservation_for(reservation_id, current_user)
    return jsonify(reservation_document(services.cancel(reservation, current_user)))
