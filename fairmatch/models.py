"""Every model module, imported once so that SQLAlchemy and Alembic know all the tables."""

from fairmatch.audit.models import AuditEntry
from fairmatch.auth.models import ApiToken, PasswordReset, User
from fairmatch.booths.models import Booth, BoothReservation, Hall, Payment, ReservationBooth, WaitlistEntry
from fairmatch.enterprises.models import (
    Category,
    CategoryInput,
    Certification,
    Enterprise,
    EnterpriseSector,
    Membership,
    Need,
    Product,
)
from fairmatch.events.models import EventRegistration, SideEvent
from fairmatch.fairs.models import Fair
from fairmatch.jobs.models import Job, StoredFile
from fairmatch.matching.models import ChangeStamp, GraphChange, MatchFeedback, SourcingRequest
from fairmatch.meetings.models import (
    Arrival,
    CalendarFeed,
    ExchangeRate,
    FollowUp,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Unavailability,
)
from fairmatch.notifications.models import Notification
from fairmatch.organizer.models import OrganizerInvitation
from fairmatch.people.models import DeskScan, FairPerson
from fairmatch.register.models import RegisterEntry, RegisterInvitation
from fairmatch.support.models import SupportGrant, SupportRule

__all__ = [
    "ApiToken",
    "Arrival",
    "AuditEntry",
    "Booth",
    "BoothReservation",
    "CalendarFeed",
    "Category",
    "CategoryInput",
    "Certification",
    "ChangeStamp",
    "DeskScan",
    "Enterprise",
    "EnterpriseSector",
    "EventRegistration",
    "ExchangeRate",
    "Fair",
    "FairPerson",
    "FollowUp",
    "GraphChange",
    "Hall",
    "Job",
    "MatchFeedback",
    "Meeting",
    "MeetingOutcome",
    "MeetingRequest",
    "Membership",
    "Need",
    "Notification",
    "OrganizerInvitation",
    "PasswordReset",
    "Payment",
    "Product",
    "RegisterEntry",
    "RegisterInvitation",
    "ReservationBooth",
    "SideEvent",
    "SourcingRequest",
    "StoredFile",
    "SupportGrant",
    "SupportRule",
    "Unavailability",
    "User",
    "WaitlistEntry",
]
