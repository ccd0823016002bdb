"""The organizer's event form, and a member's choice of who attends."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import InputRequired, NumberRange, Optional

from fairmatch.enterprises.models import Enterprise
from fairmatch.events.models import EVENT_KIND_LABELS
from fairmatch.events.services import FIELDS
from fairmatch.extensions import db
from fairmatch.forms import TEXT, max_length, options, required

MAX_CAPACITY = 5000


def _optional_id(value):
    return int(value) if value not in (None, "", "None") else None


class EventForm(FlaskForm):
    kind = SelectField(_l("Kind"), [required()])
    title_vi = StringField(_l("Title (Vietnamese)"), [required(), max_length(300)], **TEXT)
    title_en = StringField(_l("Title (English)"), [Optional(), max_length(300)], **TEXT)
    description_vi = TextAreaField(_l("Description (Vietnamese)"), [Optional(), max_length(4000)], **TEXT)
    description_en = TextAreaField(_l("Description (English)"), [Optional(), max_length(4000)], **TEXT)
    day = DateField(_l("Day"), [InputRequired(message=_l("Enter a date."))])
    start = TimeField(_l("Starts at (local time)"), [InputRequired(message=_l("Enter a time, e.g. 09:00."))])
    end = TimeField(_l("Ends at (local time)"), [InputRequired(message=_l("Enter a time, e.g. 09:00."))])
    place = StringField(_l("Place"), [required(), max_length(300)], **TEXT)
    capacity = IntegerField(
        _l("Capacity (seats)"),
        [
            InputRequired(message=_l("This field is required.")),
            NumberRange(min=1, max=MAX_CAPACITY, message=_l("Enter a whole number from %(min)d to %(max)d.")),
        ],
    )
    lead_enterprise_id = SelectField(_l("Presenting lead enterprise (connection sessions)"), coerce=_optional_id)

    def __init__(self, *args, lang: str = "vi", **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = options(EVENT_KIND_LABELS.items())
        leads = db.session.scalars(
            select(Enterprise).where(Enterprise.kind == "lead").order_by(Enterprise.name_vi, Enterprise.id)
        )
        self.lead_enterprise_id.choices = [(None, _l("No lead enterprise"))] + [(e.id, e.name(lang)) for e in leads]

    def fields(self) -> dict:
        """What save_event takes: the event's columns, and its day and times."""
        return {name: self[name].data for name in (*FIELDS, "day", "start", "end")} | {
            name: self[name].data or "" for name in ("title_en", "description_vi", "description_en")
        }
