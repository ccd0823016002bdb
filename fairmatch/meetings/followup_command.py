"""`flask --app fairmatch send-follow-ups [--today YYYY-MM-DD]`: run daily from cron."""

import click
from flask.cli import with_appcontext

from fairmatch.meetings.followup import send_follow_ups


@click.command("send-follow-ups")
@click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="the day to act as (default: today, fair time)"
)
@with_appcontext
def send_follow_ups_command(today) -> None:
    """Queue the three- and six-month follow-up questions that are due; running it again sends nothing twice."""
    sent = send_follow_ups(today.date() if today else None)
    click.echo(f"{sent.follow_ups} follow-up questions queued ({sent.messages} messages)")
