"""The enterprises blueprint: the public directory and profiles, the members' editing pages, and
the organizers' verification queue, taxonomy editor, data exchange and exports."""

from datetime import date

from babel import Locale
from flask import Blueprint

from fairmatch.common.vocabulary import UNIT_LABELS
from fairmatch.i18n import language

blueprint = Blueprint("enterprises", __name__)


def country_name(code: str) -> str:
    """`JP` → `Nhật Bản` or `Japan`, in the page's language."""
    return Locale.parse(language()).territories.get(code, code)


@blueprint.context_processor
def vocabulary_for_templates() -> dict:
    return {"unit_labels": UNIT_LABELS, "country_name": country_name, "today": date.today()}


from fairmatch.enterprises.views import directory, editing, organizer  # noqa: E402, F401  (their routes)
from fairmatch.enterprises.views.directory import directory_query  # noqa: E402, F401  (used by the API)
