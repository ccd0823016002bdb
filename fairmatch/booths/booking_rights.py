"""Who may book: booths are reserved, and waitlists joined, by an organizer or by an exhibitor
acting for the enterprise (the one membership rule, `Enterprise.has_member`)."""

from flask_babel import gettext as _

from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotAllowed


def check_may_book(enterprise: Enterprise, actor) -> None:
    if actor.is_organizer:
        return
    if actor.role != "exhibitor":
        raise NotAllowed(_("Only exhibitors can reserve booths."))
    if not enterprise.has_member(actor):
        raise NotAllowed(_("Only members of this enterprise can do this."))
