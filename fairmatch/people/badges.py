"""Badges for the people at the fair (`/print/badges.pdf`, and one badge reprinted at the check-in desk):
the person, their enterprise (or organization), their role in its colour with an exhibitor's booth codes,
and their signed check-in code."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.enterprises.words import words
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.codes import person_code
from fairmatch.people.models import PERSON_ROLE_LABELS, PERSON_ROLES, FairPerson
from fairmatch.printing import Badge, BadgeLabels, badges_pdf

# One colour per role, dark enough for white text; the role is also written on the band for grey print.
ROLE_COLOURS = {
    "exhibitor": (13, 71, 161),
    "buyer": (46, 125, 50),
    "guest": (106, 27, 154),
    "press": (191, 54, 12),
    "organizer": (183, 28, 28),
}


def badge_role(person: FairPerson, booths: dict) -> str:
    """An enterprise's people wear the role it has now: exhibitor while it has a confirmed booth."""
    if person.enterprise_id is None:
        return person.role
    if person.enterprise_id in booths:
        return "exhibitor"
    return "buyer" if person.enterprise.kind == "buyer" else person.role


def badge_people(fair: Fair, people: list[FairPerson] | None = None) -> list[tuple[FairPerson, str]]:
    """Who gets a badge, as (person, role), in print order: by role, then enterprise and name."""
    booths = exhibitor_booths(fair.id)
    if people is None:
        people = list(
            db.session.scalars(
                select(FairPerson).where(FairPerson.fair_id == fair.id).options(selectinload(FairPerson.enterprise))
            )
        )
    order = {role: n for n, role in enumerate(PERSON_ROLES)}

    def key(item):
        person, role = item
        firm = person.enterprise.name("vi") if person.enterprise else person.organization
        return order[role], words(firm or ""), person.enterprise_id or 0, words(person.full_name), person.id

    return sorted(((person, badge_role(person, booths)) for person in people), key=key)


def badges_document(fair: Fair, lang: str, people: list[FairPerson] | None = None) -> bytes:
    """Badges for every person of the fair (or for `people`), ten to an A4 sheet."""
    booths = exhibitor_booths(fair.id)
    badges = []
    for person, role in badge_people(fair, people):
        held = booths.get(person.enterprise_id, []) if role == "exhibitor" else []
        firm = person.enterprise.name(lang) if person.enterprise else person.organization
        if role == "organizer" and not firm:
            firm = fair.organizer_name
        badges.append(
            Badge(
                name=person.full_name,
                position=person.position,
                enterprise=firm or "",
                role=str(PERSON_ROLE_LABELS[role]),
                colour=ROLE_COLOURS[role],
                code=person_code(person.id),
                booth=_("Booth %(codes)s", codes=", ".join(b.code for b in held)) if held else "",
            )
        )
    labels = BadgeLabels(document=_("Badges"), fair=fair.name(lang), empty=_("Nobody needs a badge yet."))
    return badges_pdf(badges, labels)


def role_and_booths(person: FairPerson, fair: Fair) -> tuple[str, list[str]]:
    """What one person's badge says of their role, and an exhibitor's booth codes (for the desk)."""
    booths = exhibitor_booths(fair.id)
    role = badge_role(person, booths)
    held = booths.get(person.enterprise_id, []) if role == "exhibitor" else []
    return role, [booth.code for booth in held]
