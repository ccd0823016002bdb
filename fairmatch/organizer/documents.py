"""The organizer's printed matter about people and exhibitors: the exhibitor catalogue and the badges, built from
the database in the reader's language and laid out by `fairmatch.printing`."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.auth.models import User
from fairmatch.booths.queries import exhibitor_booths
from fairmatch.common.vocabulary import KINDS, SECTORS
from fairmatch.enterprises.models import Enterprise, Membership, Product
from fairmatch.enterprises.words import words
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_date
from fairmatch.meetings.codes import badge_code
from fairmatch.meetings.models import ON_AGENDA, Meeting, MeetingRequest
from fairmatch.printing import (
    Badge,
    BadgeLabels,
    Catalogue,
    CatalogueEntry,
    CatalogueLabels,
    CatalogueSection,
    badges_pdf,
    catalogue_pdf,
)
from fairmatch.templating import short_name

ROLE_COLOURS = {
    "exhibitor": (13, 71, 161),
    "buyer": (46, 125, 50),
    "participant": (0, 121, 107),
    "organizer": (183, 28, 28),
}


def _both(vi: str | None, en: str | None) -> str:
    """Both names as `Vietnamese / English`, or the one given when they are the same or one is missing."""
    vi, en = (vi or "").strip(), (en or "").strip()
    return f"{vi} / {en}" if vi and en and vi != en else vi or en


def _codes(booths) -> str:
    return ", ".join(booth.code for booth in booths)


def main_sector(enterprise: Enterprise) -> str:
    """The sector an exhibitor is listed under: the first of its sectors in the city's order of priorities."""
    held = set(enterprise.sector_codes)
    return next((code for code in SECTORS if code in held), "other")


def catalogue_document(fair: Fair, lang: str) -> bytes:
    """Every enterprise with a confirmed booth, once, under its main sector (sectors in the city's order,
    exhibitors by Vietnamese name), with both languages side by side."""
    booths = exhibitor_booths(fair.id)
    exhibitors = db.session.scalars(
        select(Enterprise).where(Enterprise.id.in_(booths))
        .options(selectinload(Enterprise.sectors), selectinload(Enterprise.products).selectinload(Product.category))
    ).all()
    by_sector: dict[str, list[Enterprise]] = {}
    for enterprise in exhibitors:
        by_sector.setdefault(main_sector(enterprise), []).append(enterprise)
    def by_name(enterprise: Enterprise) -> list[str]:
        return words(short_name(enterprise.name("vi"), 300))  # "Công ty CP" and the like do not sort

    sections = tuple(
        CatalogueSection(_both(*SECTORS[code]),
                         tuple(_entry(e, booths[e.id]) for e in sorted(by_sector[code], key=by_name)))
        for code in SECTORS if code in by_sector
    )
    catalogue = Catalogue(
        title=fair.name(lang),
        subtitle=" · ".join(part for part in (fair.venue(lang), _dates(fair)) if part),
        summary=_("Exhibitors: %(exhibitors)d · Booths: %(booths)d", exhibitors=len(exhibitors),
                  booths=sum(len(held) for held in booths.values())),
        sections=sections,
    )
    labels = CatalogueLabels(document=_("Exhibitor catalogue"), index=_("Index by sector"),
                             exhibitors=_("{count} exhibitors"), products=_("Products"), contact=_("Contact"),
                             empty=_("No exhibitor has a confirmed booth yet."), page=_("Page {page}/{pages}"))
    return catalogue_pdf(catalogue, labels)


def _dates(fair: Fair) -> str:
    return f"{local_date(fair.starts_on, 'short')} – {local_date(fair.ends_on, 'short')}"


def _entry(enterprise: Enterprise, booths) -> CatalogueEntry:
    place = ", ".join(p for p in (enterprise.address, enterprise.industrial_park) if p)
    contact = tuple(p for p in (enterprise.contact_name, enterprise.contact_phone, enterprise.contact_email,
                                enterprise.website, place) if p)
    return CatalogueEntry(
        booths=_codes(booths),
        name_vi=enterprise.name_vi or enterprise.name_en or "",
        name_en=enterprise.name_en or "",
        kind=_both(*KINDS.get(enterprise.kind, ("", ""))),
        description_vi=enterprise.description_vi or "",
        description_en=enterprise.description_en or "",
        products=tuple(_both(p.name_vi, p.name_en) for p in enterprise.products),
        contact=contact,
    )


def badge_holders(fair: Fair) -> list[tuple[str, User, Enterprise | None]]:
    """Who gets a badge, once each, as (role, user, enterprise): the members of exhibiting enterprises, of buyers,
    and of any other enterprise with a meeting on the agendas, then the organizers; inactive accounts get none."""
    booths = exhibitor_booths(fair.id)
    on_agenda = select(Meeting.request_id).where(Meeting.fair_id == fair.id, Meeting.state.in_(ON_AGENDA))
    meeting_ids = {eid for pair in db.session.execute(
        select(MeetingRequest.from_enterprise_id, MeetingRequest.to_enterprise_id)
        .where(MeetingRequest.id.in_(on_agenda))) for eid in pair}
    memberships = db.session.scalars(
        select(Membership).join(Enterprise).join(User, User.id == Membership.user_id)
        .where(Membership.status == "approved", User.active,
               Enterprise.id.in_(booths) | (Enterprise.kind == "buyer") | Enterprise.id.in_(meeting_ids))
        .options(selectinload(Membership.user), selectinload(Membership.enterprise))
    ).all()
    order = {"exhibitor": 0, "buyer": 1, "participant": 2}
    holders: dict[int, tuple[str, User, Enterprise | None]] = {}
    for membership in memberships:
        enterprise = membership.enterprise
        role = "exhibitor" if enterprise.id in booths else "buyer" if enterprise.kind == "buyer" else "participant"
        known = holders.get(membership.user_id)
        if known is None or order[role] < order[known[0]]:
            holders[membership.user_id] = (role, membership.user, enterprise)
    people = sorted(holders.values(), key=lambda h: (order[h[0]], words(h[2].name("vi")), words(h[1].name)))
    organizers = db.session.scalars(select(User).where(User.role == "organizer", User.active)).all()
    people += [("organizer", user, None) for user in sorted(organizers, key=lambda u: words(u.name or u.email))
               if user.id not in holders]
    return people


def badges_document(fair: Fair, lang: str) -> bytes:
    """Badges for `badge_holders`, in that order, ten to an A4 sheet."""
    booths = exhibitor_booths(fair.id)
    roles = {"exhibitor": _("Exhibitor"), "buyer": _("Buyer"), "participant": _("Meeting participant"),
             "organizer": _("Organizer")}
    badges = [
        Badge(
            name=user.name or user.email,
            enterprise=enterprise.name(lang) if enterprise else fair.organizer_name,
            role=roles[role],
            colour=ROLE_COLOURS[role],
            code=badge_code(user.id),
            booth=_codes(booths.get(enterprise.id, [])) if enterprise else "",
        )
        for role, user, enterprise in badge_holders(fair)
    ]
    labels = BadgeLabels(document=_("Badges"), fair=fair.name(lang), empty=_("Nobody needs a badge yet."))
    return badges_pdf(badges, labels)
