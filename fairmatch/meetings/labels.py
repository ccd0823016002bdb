"""Labels of meeting requests, meetings, outcomes and scheduler runs, for pages and exports."""

from flask_babel import lazy_gettext as _l

MEETING_STATES = {
    "pending": _l("Waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "cancelled": _l("Cancelled"),
}

MEETING_STATE_LABELS = {
    "draft": _l("Draft"),
    "published": _l("Published"),
    "held": _l("Took place"),
    "no_show": _l("Not attended"),
    "cancelled": _l("Cancelled"),
}

OUTCOME_LABELS = {
    "follow_up": _l("Follow-up planned"),
    "quotation": _l("Quotation requested"),
    "contract": _l("Contract signed"),
    "mou": _l("MoU signed"),
    "none": _l("Nothing further"),
}

RUN_STATUS_LABELS = {
    "optimal": _l("optimal"),
    "feasible": _l("valid, not proven best"),
    "infeasible": _l("infeasible"),
    "unknown": _l("no schedule found in time"),
}
