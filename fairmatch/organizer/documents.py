"""The organizer's printed matter about exhibitors: the exhibitor catalogue, built from
the database in the reader's language and laid out by `fairmatch.printing`."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.common.vocabulary import KINDS, SECTORS
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.enterprises.words import words
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import local_date
from fairmatch.printing import (
    Catalogue,
    CatalogueEntry,
    CatalogueLabels,
    CatalogueSection,
    catalogue_pdf,
)
from fairmatch.templating import short_name


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
