"""Every module that registers background tasks (`fairmatch.jobs.registry`), imported once at start
so that the web processes and the workers know the same tasks."""

from fairmatch.booths import tasks as booths
from fairmatch.enterprises import tasks as enterprises
from fairmatch.jobs import tasks as jobs
from fairmatch.matching import tasks as matching
from fairmatch.meetings import tasks as meetings
from fairmatch.notifications import tasks as notifications
from fairmatch.organizer import tasks as organizer
from fairmatch.register import tasks as register

__all__ = ["booths", "enterprises", "jobs", "matching", "meetings", "notifications", "organizer", "register"]
