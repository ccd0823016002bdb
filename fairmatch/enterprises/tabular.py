"""The directory as a table: its columns, in the page's language; data is as stored. The file
itself is made by `fairmatch.web.responses`."""

from flask_babel import lazy_gettext as _l

from fairmatch.common.vocabulary import SECTORS
from fairmatch.enterprises.forms import KIND_CHOICES
from fairmatch.enterprises.models import Enterprise
from fairmatch.i18n import language
from fairmatch.web.responses import tabulate


def directory_columns():
    """The directory's columns, each a (header, value of an enterprise) pair."""
    english = language() == "en"
    kinds = dict(KIND_CHOICES)
    return (
        (_l("Key"), lambda e: e.key),
        (_l("Tax code"), lambda e: e.tax_code),
        (_l("Country"), lambda e: e.country),
        (_l("Legal name in Vietnamese"), lambda e: e.name_vi),
        (_l("Name in English"), lambda e: e.name_en),
        (_l("Kind of enterprise"), lambda e: str(kinds[e.kind])),
        (_l("Sectors"), lambda e: "; ".join(SECTORS[s][english] for s in e.sector_codes)),
        (_l("Verified"), lambda e: _l("yes") if e.verified else _l("no")),
        (_l("Address"), lambda e: e.address),
        (_l("Commune, ward or area"), lambda e: e.locality),
        (_l("Industrial park or cluster"), lambda e: e.industrial_park),
        (_l("Year founded"), lambda e: e.founded_year),
        (_l("Employees"), lambda e: e.employees),
        (_l("Website"), lambda e: e.website),
        (_l("Contact person"), lambda e: e.contact_name),
        (_l("Contact email"), lambda e: e.contact_email),
        (_l("Contact phone"), lambda e: e.contact_phone),
        (_l("Certifications"), lambda e: "; ".join(c.name for c in e.certifications)),
        (_l("Export markets"), lambda e: " ".join(e.export_markets or [])),
        (_l("Products"), lambda e: "; ".join(p.name("en" if english else "vi") for p in e.products)),
        (_l("Recognised key products"), lambda e: "; ".join(
            p.name("en" if english else "vi") for p in e.products if p.recognized_verified
        )),
    )


def directory_table(enterprises: list[Enterprise]) -> tuple[list[str], list[list]]:
    """Header and rows of the directory export."""
    return tabulate(directory_columns(), enterprises)
