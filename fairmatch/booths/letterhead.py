"""The organizer's header block on official documents (the payment request, the fair report), from the fair's
settings, laid out by `fairmatch.printing.letterhead`; and the settings themselves."""

from datetime import date

from flask_babel import gettext as _

from fairmatch.audit.services import record
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import place_and_date
from fairmatch.printing.model import Letterhead

# The national title and motto as Decree 30/2020/NĐ-CP writes them, and as official English translations do.
NATION = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"}
MOTTO = {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"}


def document_number(number: int | str, code: str, lang: str) -> str:
    """`Số: 42/TB-BTC` (`No. 42/TB-BTC`); a number of dots leaves the space the clerk fills in on issue."""
    numbered = f"{number}/{code}" if code else f"{number}"
    return f"No. {numbered}" if lang == "en" else f"Số: {numbered}"


def fair_letterhead(fair: Fair, number: str, on: date, lang: str) -> Letterhead:
    """The block for a document of `fair` numbered `number` (see `document_number`) and dated `on`."""
    lang = "en" if lang == "en" else "vi"
    return Letterhead(
        parent_body=fair.document_parent_body,
        issuing_body=fair.document_issuing_body or fair.organizer_name or _("Fair organizer"),
        number=number,
        nation=NATION[lang],
        motto=MOTTO[lang],
        place_date=place_and_date(fair.document_place, on, lang),
    )


DOCUMENT_SETTINGS = (
    "organizer_name",
    "organizer_address",
    "document_parent_body",
    "document_issuing_body",
    "payment_request_code",
    "report_code",
    "document_place",
    "bank_name",
    "bank_bin",
    "bank_account_no",
    "bank_account_name",
)


def update_document_settings(fair: Fair, values: dict[str, str], *, actor) -> Fair:
    """Store what the header block and the transfer details print; logs what changed."""
    changed = {}
    for name in DOCUMENT_SETTINGS:
        value = (values.get(name) or "").strip()
        if value != getattr(fair, name):
            changed[name] = value
            setattr(fair, name, value)
    if changed:
        record("fair.document_settings", fair, changed, actor=actor)
    db.session.commit()
    return fair
