"""Labels of meeting-request states."""

from flask_babel import lazy_gettext as _l

MEETING_STATES = {
    "pending": _l("Waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "cancelled": _l("Cancelled"),
}
