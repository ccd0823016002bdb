"""Every state a record can be in has its label beside it, in the page's language: a new state
without a label would show its code to the user."""

from typing import get_args

import pytest

from fairmatch.booths.models import (
    BOOTH_TYPE_LABELS,
    BOOTH_TYPES,
    RESERVATION_STATE_LABELS,
    RESERVATION_STATES,
    WAITLIST_STATE_LABELS,
    WAITLIST_STATES,
)
from fairmatch.booths.plan import BOOTH_STATUS_LABELS, BOOTH_STATUSES
from fairmatch.meetings.models import (
    MEETING_STATE_LABELS,
    MEETING_STATES,
    OUTCOME_LABELS,
    OUTCOMES,
    REQUEST_STATE_LABELS,
    REQUEST_STATES,
)
from fairmatch.meetings.schedule import RUN_STATUS_LABELS
from fairmatch.notifications.models import EMAIL_STATE_LABELS, EMAIL_STATES
from fairmatch.scheduling.result import Status

PAIRS = {
    "booth type": (BOOTH_TYPES, BOOTH_TYPE_LABELS),
    "reservation": (RESERVATION_STATES, RESERVATION_STATE_LABELS),
    "waitlist entry": (WAITLIST_STATES, WAITLIST_STATE_LABELS),
    "booth on the plan": (BOOTH_STATUSES, BOOTH_STATUS_LABELS),
    "meeting request": (REQUEST_STATES, REQUEST_STATE_LABELS),
    "meeting": (MEETING_STATES, MEETING_STATE_LABELS),
    "outcome": (OUTCOMES, OUTCOME_LABELS),
    "scheduler run": (get_args(Status), RUN_STATUS_LABELS),
    "email": (EMAIL_STATES, EMAIL_STATE_LABELS),
}


@pytest.mark.parametrize("record", PAIRS)
def test_each_state_has_one_label_and_each_label_one_state(record):
    states, labels = PAIRS[record]
    assert set(labels) == set(states)


@pytest.mark.parametrize("record", PAIRS)
def test_the_labels_read_in_vietnamese_on_a_vietnamese_page(app, record):
    _, labels = PAIRS[record]
    with app.test_request_context("/?lang=vi"):
        english = {code: label._args[0] for code, label in labels.items()}
        shown = {code: str(label) for code, label in labels.items()}
    untranslated = [code for code in labels if shown[code] == english[code]]
    assert untranslated == []
