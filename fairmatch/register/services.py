"""Following the register up: who of it is invited, registered, exhibiting and meeting at a fair,
the one action that invites the rest, and the fair report's figures. Importing it is `importing`."""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from fairmatch.audit.services import record
from fairmatch.booths.queries import booth_codes
from fairmatch.common.text import fold
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.errors import Conflict
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest
from fairmatch.notifications.models import Notification
from fairmatch.notifications.services import link_to, notify_address
from fairmatch.register.models import RegisterEntry, RegisterInvitation

INVITATION_KIND = "register_invitation"

STATUSES = ("not_invited", "invited", "registered", "not_registered", "exhibiting", "meeting", "no_contact")
"""The page's filters: each keeps the enterprises of the register in that state."""


@dataclass
class RegisterStatus:
    """An enterprise of the register and how far it has come at a fair."""

    enterprise: Enterprise
    entries: list[RegisterEntry] = field(default_factory=list)
    invited_at: datetime | None = None
    has_account: bool = False
    booth: str | None = None
    meetings: int = 0

    @property
    def registered(self) -> bool:
        """It has an account, or already takes part (a booth or a meeting the organizer arranged for it)."""
        return self.has_account or self.booth is not None or self.meetings > 0

    @property
    def contact(self) -> str | None:
        return self.enterprise.contact_email

    def is_(self, status: str) -> bool:
        return {
            "not_invited": self.invited_at is None and not self.registered,
            "invited": self.invited_at is not None,
            "registered": self.registered,
            "not_registered": not self.registered,
            "exhibiting": self.booth is not None,
            "meeting": self.meetings > 0,
            "no_contact": not self.registered and not self.contact,
        }[status]


def register_status(fair: Fair | None) -> list[RegisterStatus]:
    """Every enterprise of the register, by name, with its invitation, account, booth and meetings
    at `fair` (without a fair: accounts only)."""
    entries = db.session.scalars(
        select(RegisterEntry)
        .options(
            selectinload(RegisterEntry.enterprise).selectinload(Enterprise.memberships).selectinload(Membership.user)
        )
        .order_by(RegisterEntry.year.desc(), RegisterEntry.product)
    )
    rows: dict[int, RegisterStatus] = {}
    for entry in entries:
        rows.setdefault(entry.enterprise_id, RegisterStatus(entry.enterprise)).entries.append(entry)
    for row in rows.values():
        row.has_account = bool(row.enterprise.members)
    if fair is not None and rows:
        invited = db.session.execute(
            select(RegisterInvitation.enterprise_id, RegisterInvitation.invited_at).where(
                RegisterInvitation.fair_id == fair.id
            )
        )
        for enterprise_id, invited_at in invited:
            if enterprise_id in rows:
                rows[enterprise_id].invited_at = invited_at
        for enterprise_id, code in booth_codes(rows, fair.id).items():
            rows[enterprise_id].booth = code
        for enterprise_id, count in _meetings_on_agenda(fair).items():
            if enterprise_id in rows:
                rows[enterprise_id].meetings = count
    return sorted(rows.values(), key=lambda row: fold(row.enterprise.name("vi")))


def _meetings_on_agenda(fair: Fair) -> dict[int, int]:
    counts: dict[int, int] = {}
    for side in (MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id):
        found = db.session.execute(
            select(side, func.count(Meeting.id))
            .join(Meeting, Meeting.request_id == MeetingRequest.id)
            .where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
            .group_by(side)
        )
        for enterprise_id, count in found:
            counts[enterprise_id] = counts.get(enterprise_id, 0) + count
    return counts


def filtered_status(rows: list[RegisterStatus], status: str = "", q: str = "") -> list[RegisterStatus]:
    """The rows in `status` (one of STATUSES, or all) whose name, tax code or product holds `q`
    (accents and case ignored)."""
    wanted = fold(q)
    return [
        row
        for row in rows
        if (not status or row.is_(status))
        and (
            not wanted
            or wanted
            in fold(
                " ".join(
                    [
                        row.enterprise.key,
                        row.enterprise.name_vi or "",
                        row.enterprise.name_en or "",
                        *(entry.product for entry in row.entries),
                    ]
                )
            )
        )
    ]


@dataclass(frozen=True)
class InvitationRun:
    invited: int
    no_contact: int


def invite_unregistered(fair: Fair, actor, only: list[int] | None = None) -> InvitationRun:
    """Queue one invitation email to each enterprise of the register that has no account yet and
    was not invited to this fair before (with `only`, of these enterprise ids: a first batch);
    those without a contact email are counted, not invited."""
    invited = no_contact = 0
    for row in register_status(fair):
        if row.registered or row.invited_at is not None or (only is not None and row.enterprise.id not in only):
            continue
        if not row.contact:
            no_contact += 1
            continue
        _queue_invitation(fair, row)
        db.session.add(
            RegisterInvitation(
                fair_id=fair.id,
                enterprise_id=row.enterprise.id,
                email=row.contact,
                invited_by_id=actor.id if actor is not None else None,
            )
        )
        invited += 1
    if invited:
        record("register.invited", fair, {"invited": invited, "no_contact": no_contact}, actor=actor)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(_("A colleague is sending the same invitations right now: look at the list again.")) from None
    return InvitationRun(invited, no_contact)


def _queue_invitation(fair: Fair, row: RegisterStatus) -> Notification:
    """The invitation, in Vietnamese (an enterprise of the city's register has no account to say
    otherwise), stored in the outbox for the enterprise's contact address."""
    products = sorted({entry.product for entry in row.entries})
    return notify_address(row.contact, "vi", INVITATION_KIND, link=link_to("auth.register"), fair=fair,
                          enterprise=row.enterprise, products=products)


def register_figures(fair: Fair) -> dict:
    """The fair report's `register` figures: recognised_enterprises, invited, registered, exhibiting
    (counts) and share_exhibiting (0.0-1.0); None where not known."""
    rows = register_status(fair)
    exhibiting = sum(row.booth is not None for row in rows)
    return {
        "recognised_enterprises": len(rows),
        "invited": sum(row.invited_at is not None for row in rows),
        "registered": sum(row.registered for row in rows),
        "exhibiting": exhibiting,
        "share_exhibiting": exhibiting / len(rows) if rows else None,
    }
