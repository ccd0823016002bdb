"""The organizer's meeting settings and the forms of the meeting day."""

import re
from datetime import time

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from fairmatch.enterprises.fields import WholeNumberField
from fairmatch.forms import TEXT, max_length, options, required
from fairmatch.meetings.deals import Deal
from fairmatch.meetings.models import OUTCOME_LABELS
from fairmatch.meetings.services import MAX_MESSAGE

SESSION = re.compile(r"\s*([a-z0-9_-]{1,12})\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*")


def parse_sessions(text: str) -> list[dict]:
    """ "am 09:00-11:30, pm 13:30-16:30" → the fair's session list; ValueError says what is wrong."""
    sessions = []
    for part in filter(str.strip, text.replace(";", ",").replace("\n", ",").split(",")):
        found = SESSION.fullmatch(part)
        if not found:
            raise ValueError(_l("Write each session as a name and two times, e.g. “am 09:00-11:30”."))
        name, start, end = found.groups()
        try:
            start, end = time.fromisoformat(start.zfill(5)), time.fromisoformat(end.zfill(5))
        except ValueError:
            raise ValueError(_l("%(time)s is not a time of day.", time=part.strip())) from None
        if start >= end or (sessions and start < time.fromisoformat(sessions[-1]["end"])):
            raise ValueError(_l("Sessions must run forwards in time and must not overlap."))
        sessions.append({"session": name, "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})
    if not sessions:
        raise ValueError(_l("Give at least one session."))
    return sessions


def sessions_text(sessions: list[dict]) -> str:
    return ", ".join(f"{s['session']} {s['start']}-{s['end']}" for s in sessions)


class SessionsField(StringField):
    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        try:
            self.sessions = parse_sessions(self.data or "")
        except ValueError as problem:
            self.sessions = None
            raise ValidationError(str(problem)) from None


class MeetingSettingsForm(FlaskForm):
    sessions = SessionsField(_l("Sessions each day"), [required(), max_length(300)], **TEXT)
    slot_minutes = IntegerField(
        _l("Slot length (minutes)"), [required(), NumberRange(10, 180, message=_l("Between 10 and 180 minutes."))]
    )
    tables = IntegerField(
        _l("B2B tables in the meeting area"),
        [InputRequired(message=_l("This field is required.")), NumberRange(0, 1000, message=_l("Between 0 and 1000."))],
    )
    at_booths = BooleanField(_l("Meetings may take place at the host's own booth"))
    max_requests = IntegerField(
        _l("Open requests one enterprise may send (empty: no limit)"),
        [Optional(), NumberRange(1, 1000, message=_l("Between 1 and 1000."))],
    )
    max_meetings = IntegerField(
        _l("Meetings one enterprise may have (empty: no limit)"),
        [Optional(), NumberRange(1, 1000, message=_l("Between 1 and 1000."))],
    )


class MoveForm(FlaskForm):
    slot = SelectField(_l("Slot"), validate_choice=False)
    place = SelectField(_l("Place"), validate_choice=False)


class OutcomeForm(FlaskForm):
    outcome = RadioField(
        _l("What came of the meeting?"),
        choices=options(OUTCOME_LABELS.items()),
        validators=[InputRequired(message=_l("Choose one of the outcomes."))],
    )
    note = TextAreaField(_l("Note (optional)"), [max_length(2000)], **TEXT)
    value = WholeNumberField(_l("Value of the deal, if known"))
    currency = SelectField(_l("Currency"), default="VND", validate_choice=False)
    category = SelectField(_l("Product category"), default="", validate_choice=False)
    partner_origin = RadioField(
        _l("The partner is"),
        choices=options((("", _l("as its country says")), ("domestic", _l("domestic")), ("foreign", _l("foreign")))),
        default="",
        validate_choice=False,
    )

    def deal(self) -> Deal:
        """The deal as typed (checked by the service): value, currency, category, partner's origin."""
        category = self.category.data or ""
        return Deal(
            value=self.value.data,
            currency=(self.currency.data or "VND").strip().upper(),
            category_id=int(category) if category.isdigit() else (-1 if category else None),
            partner_origin=self.partner_origin.data or None,
        )


class MeetingRequestForm(FlaskForm):
    """The one form that asks an enterprise for a meeting, wherever the action is offered (a match
    card, a profile, the directory, a sourcing request's suppliers): a message and a "must meet" mark."""

    to = HiddenField()
    next = HiddenField()
    message = TextAreaField(_l("Message"), [required(), max_length(MAX_MESSAGE)], **TEXT)
    must_meet = BooleanField(_l("Must meet: the scheduler places this meeting before others"))
