"""Labels of meeting states and outcomes for the organizer's pages and exports."""

from flask_babel import lazy_gettext as _l

MEETING_LABELS = {
    "draft": _l("Draft"),
    "published": _l("Published"),
    "held": _l("Took place"),
    "no_show": _l("No-show"),
    "cancelled": _l("Cancelled"),
}
OUTCOME_LABELS = {
    "contract": _l("Contract"),
    "mou": _l("Memorandum of understanding"),
    "quotation": _l("Quotation"),
    "follow_up": _l("Follow-up agreed"),
    "none": _l("Nothing further"),
}
