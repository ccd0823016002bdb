"""Meeting work off the request path: a scheduler run (started by the organizer's console or the
API), and the follow-up questions on a timer."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from fairmatch.auth.models import User
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import number
from fairmatch.jobs.progress import Ticking
from fairmatch.jobs.registry import periodic, task
from fairmatch.jobs.runner import path_for, submit
from fairmatch.meetings.followup import send_follow_ups
from fairmatch.meetings.schedule import schedule_meetings

SHORTEST, LONGEST = 2, 60
"""The time an organizer may give the scheduler, in seconds."""


def start_schedule_run(fair: Fair, time_limit: int, publish: bool, user, lang: str):
    """The job running the scheduler on the fair's accepted requests: a run asked while another runs
    on the same fair joins it."""
    return submit("schedule", {"fair_id": fair.id, "time_limit": time_limit, "publish": publish},
                  user=user, lang=lang, names={"fair_id": fair.id})


@task("schedule", title=_l("Scheduling the meetings"))
def schedule_run(job, progress) -> dict:
    params = job.params
    fair = db.session.get(Fair, params["fair_id"])
    if fair is None:
        raise DomainError(_("This fair edition no longer exists."))
    actor = db.session.get(User, job.user_id) if job.user_id else None
    with Ticking(progress, params["time_limit"], _("Reading the accepted requests")) as ticking:
        result = schedule_meetings(
            fair, params["time_limit"], params["publish"], actor=actor,
            solving=lambda count: ticking.say(_("Placing %(count)s meetings", count=number(count))),
        )
    return {"status": result["status"], "scheduled": result["stats"]["scheduled"],
            "unscheduled": len(result["unscheduled"]), "breaks": result["stats"]["breaks"],
            "url": path_for("meeting_console.index")}


@periodic("send-follow-ups", 3600)
def ask_follow_ups():
    return send_follow_ups()
