"""What every template can use: formatting filters and the request's language."""

from flask import Flask, request, url_for
from flask_login import current_user

from fairmatch import i18n
from fairmatch.booths.models import RESERVATION_STATE_LABELS, WAITLIST_STATE_LABELS
from fairmatch.booths.plan import BOOTH_STATUS_LABELS
from fairmatch.common.vocabulary import CERTIFICATIONS, SECTORS
from fairmatch.enterprises.forms import KIND_CHOICES
from fairmatch.fairs.models import session_label
from fairmatch.meetings.models import REQUEST_STATE_LABELS
from fairmatch.notifications.services import unread_count


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        vnd=i18n.vnd,
        number=i18n.number,
        local_datetime=i18n.local_datetime,
        local_date=i18n.local_date,
        local_time=i18n.local_time,
        short_name=short_name,
        unit=i18n.unit_label,
        input_kind=i18n.input_kind_label,
        session_name=session_label,
    )

    @app.context_processor
    def globals_for_templates():
        return {
            "lang": i18n.language(),
            "switch_language_url": switch_language_url,
            "sectors": SECTORS,
            "kinds": KIND_CHOICES,
            "kind_labels": dict(KIND_CHOICES),
            "certifications": CERTIFICATIONS,
            "sector_label": i18n.sector_label,
            "status_labels": BOOTH_STATUS_LABELS,
            "state_labels": RESERVATION_STATE_LABELS,
            "waitlist_labels": WAITLIST_STATE_LABELS,
            "meeting_states": REQUEST_STATE_LABELS,
            # Messages are also written by commands, where nobody is signed in.
            "unread_notifications": unread_count(current_user) if getattr(current_user, "is_authenticated", False)
            else 0,
        }


def switch_language_url(lang: str) -> str:
    """The current page in `lang` (query string kept)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [lang]
    endpoint = request.endpoint or "home.index"
    return url_for(endpoint, **(request.view_args or {}), **args)


def short_name(name: str, limit: int = 14) -> str:
    """A company name cut to fit inside a booth on the plan: legal forms dropped, then truncated."""
    for prefix in ("Công ty TNHH ", "Công ty CP ", "Công ty ", "Tổng công ty "):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
