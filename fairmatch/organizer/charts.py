"""The dashboard's charts: its figures, labelled in the reader's language, drawn by the pure
fairmatch.printing.charts."""

from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup

from fairmatch.booths.plan import BOOTH_STATUS_LABELS
from fairmatch.i18n import local_date, sector_label
from fairmatch.meetings.models import MEETING_STATE_LABELS
from fairmatch.organizer.dashboard import BOOTH_STATUSES, DAY_STATES, Dashboard
from fairmatch.printing.charts import BarRow, Segment, Step, funnel, stacked_bars


@dataclass(frozen=True)
class Charts:
    zones: Markup
    funnel: Markup
    days: Markup


def zone_name(zone: str | None) -> str:
    return sector_label(zone) if zone else _("Open to all sectors")


def of(figures: Dashboard) -> Charts:
    statuses = [Segment(s, str(BOOTH_STATUS_LABELS[s]), f"status-{s}") for s in BOOTH_STATUSES]
    zones = stacked_bars(_("Booths by sector zone and status"), statuses, [
        BarRow(zone_name(line.zone), line.counts,
               _("%(n)d%% confirmed", n=line.occupancy) if line.occupancy is not None else "")
        for line in figures.zones
    ])
    f = figures.funnel
    steps = funnel(_("Meeting funnel"), [
        Step(_("Matches shown"), f.matches_shown),
        Step(_("Meeting requests"), f.requests),
        Step(_("Accepted"), f.accepted),
        Step(_("Scheduled (published)"), f.scheduled),
        Step(_("Took place"), f.held),
        Step(_("With an outcome"), f.with_outcome),
    ], scale=max(f.requests, 1) if f.matches_shown > 4 * f.requests else None)
    states = [Segment(s, str(MEETING_STATE_LABELS[s]), f"meeting-{s}") for s in DAY_STATES]
    days = stacked_bars(_("Meetings per fair day"), states, [
        BarRow(local_date(day, "full"), counts) for day, counts in figures.days
    ])
    # The pure drawing escapes every text it writes.
    return Charts(Markup(zones), Markup(steps), Markup(days))
