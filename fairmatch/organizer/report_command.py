"""`flask --app fairmatch report [--json] [--lang vi|en]`: the fair report on the command line, from the same count
as the report page and PDF."""

import json
from datetime import UTC

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from fairmatch.database import utcnow
from fairmatch.fairs.models import Fair
from fairmatch.fairs.services import current_fair
from fairmatch.organizer.report import FairReport, fair_report, shown


def report_json(fair: Fair, report: FairReport, lang: str) -> dict:
    """The `report --json` document of INTERFACES.md: the same keys in every language, codes rather than labels."""
    return {
        "fair": {"id": fair.id, "name": fair.name(lang)},
        "generated_at": utcnow().astimezone(UTC).isoformat(timespec="seconds"),
        "booths": {
            "total": report.booths_total,
            "sold": report.booths_sold,
            "revenue_vnd": report.booth_value_vnd,
            "support_vnd": report.booth_support_vnd,
        },
        "register": {
            key: report.register[key]
            for key in ("recognised_enterprises", "invited", "registered", "exhibiting", "share_exhibiting")
        },
        "meetings": {
            "requested": report.requests,
            "accepted": report.requests_accepted,
            "scheduled": report.meetings_on_agenda,
            "held": report.meetings_held,
            "no_show": report.meetings_no_show,
        },
        "deals": {
            "count": report.deals,
            "value_vnd": report.deal_value_vnd,
            "by_kind": {t.key: t.count for t in report.deals_by_kind},
            "domestic_links": report.domestic_links,
            "import_substitution_links": report.import_substitution_links,
        },
        "follow_up": {
            round_: {key: report.follow_up[round_][key] for key in ("sent", "answered", "contracts")}
            for round_ in ("m3", "m6")
        },
        "events": {key: report.events[key] for key in ("sessions", "registered", "attended")},
        "by_sector": [
            {
                "sector": s.key,
                "exhibitors": s.exhibitors,
                "meetings": s.meetings,
                "deals": s.deals,
                "value_vnd": s.value_vnd,
            }
            for s in report.by_sector
        ],
    }


def report_text(fair: Fair, report: FairReport, lang: str) -> str:
    """A readable summary, one figure a line, in the current language."""
    register, events = report.register, report.events
    lines = [
        f"{_('Fair report')}: {fair.name(lang)}",
        f"{_('Booths sold')}: {shown(report.booths_sold)} / {shown(report.booths_total)}",
        f"{_('Value of booths sold (list price)')}: {shown(report.booth_value_vnd, money=True)}",
        f"{_('Support granted')}: {shown(report.booth_support_vnd, money=True)}",
        *(f"  {t.label}: {shown(t.count)} · {shown(t.value_vnd, money=True)}" for t in report.support),
        f"{_('Enterprises in the register')}: {shown(register['recognised_enterprises'])}",
        f"{_('Invited')}: {shown(register['invited'])} · {_('Registered')}: {shown(register['registered'])} · "
        f"{_('Exhibiting')}: {shown(register['exhibiting'])}",
        f"{_('Share of the register exhibiting')}: {report.register_share}",
        f"{_('Meeting requests')}: {shown(report.requests)} · {_('Requests accepted')}: "
        f"{shown(report.requests_accepted)}",
        f"{_('On the agendas')}: {shown(report.meetings_on_agenda)} · {_('Meetings held')}: "
        f"{shown(report.meetings_held)} · {_('No-shows')}: {shown(report.meetings_no_show)}",
        f"{_('Deals')}: {shown(report.deals)} · {_('Value of deals')}: {shown(report.deal_value_vnd, money=True)}",
        *(f"  {t.label}: {shown(t.count)}" for t in report.deals_by_kind),
        f"{_('Domestic links')}: {shown(report.domestic_links)}",
        f"{_('Import-substitution links')}: {shown(report.import_substitution_links)}",
        *(
            f"{label}: {_('Sent')} {shown(f['sent'])} · {_('Answered')} {shown(f['answered'])} · "
            f"{_('Contracts')} {shown(f['contracts'])}"
            for label, f in report.follow_up_rounds
        ),
        f"{_('Side events')}: {_('Sessions')} {shown(events['sessions'])} · {_('Registered')} "
        f"{shown(events['registered'])} · {_('Attended')} {shown(events['attended'])}",
        f"{_('Results by sector')}:",
        *(
            f"  {s.label}: {_('Exhibitors')} {shown(s.exhibitors)} · {_('Meetings')} {shown(s.meetings)} · "
            f"{_('Deals')} {shown(s.deals)} · {shown(s.value_vnd, money=True)}"
            for s in report.by_sector
        ),
        f"{_('Links formed per lead enterprise')}:",
        *(f"  {n.lead}: {shown(n.links)}" for n in report.nuclei),
    ]
    return "\n".join(lines)


@click.command("report")
@click.option("--json", "as_json", is_flag=True, help="print the JSON document on stdout")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@with_appcontext
def report(as_json: bool, lang: str) -> None:
    """The current fair's results against the programme's targets."""
    from fairmatch.commands import fail  # fairmatch.commands imports this module

    fair = current_fair()
    if fair is None:
        fail("fair: no fair edition is marked current")
    with force_locale(lang):
        figures = fair_report(fair, lang)
        if as_json:
            click.echo(json.dumps(report_json(fair, figures, lang), ensure_ascii=False, indent=2))
        else:
            click.echo(report_text(fair, figures, lang))
