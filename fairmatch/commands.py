"""The admin command line (INTERFACES.md): exit 0 on success, 1 on bad input with one problem
per line on stderr; stdout carries only the result."""

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_babel import force_locale
from flask_migrate import upgrade

from fairmatch.auth import services as accounts
from fairmatch.auth.models import ROLES
from fairmatch.auth.passwords import password_problems
from fairmatch.enterprises.import_export import ImportRefused, export_document, import_document
from fairmatch.enterprises.models import Membership
from fairmatch.enterprises.services import enterprise_by_key
from fairmatch.errors import DomainError
from fairmatch.extensions import db
from fairmatch.meetings.followup_command import send_follow_ups_command
from fairmatch.organizer.report_command import report
from fairmatch.register.commands import import_register


def fail(*problems: str) -> None:
    for problem in problems:
        click.echo(problem, err=True)
    sys.exit(1)


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or upgrade the schema to the latest migration."""
    upgrade()
    click.echo("database is up to date")


@click.command("seed-demo")
@with_appcontext
@click.option("--seed", default=2026, show_default=True, type=int, help="random seed of the demo data")
@click.option("--enterprises", default=300, show_default=True, type=click.IntRange(5, 20000))
@click.option("--if-empty", is_flag=True, help="do nothing (and succeed) when the database holds data")
def seed_demo(seed: int, enterprises: int, if_empty: bool) -> None:
    """Fill an empty database with a complete, deterministic demo fair."""
    from fairmatch.organizer.demo import DemoRefused, seed_demo_fair

    try:
        summary = seed_demo_fair(seed=seed, enterprises=enterprises)
    except DemoRefused as refusal:
        if not if_empty:
            fail(str(refusal))
        summary = "the database already holds data: nothing seeded"
    click.echo(summary)


users = AppGroup("users", help="Manage user accounts.")


@users.command("create")
@click.option("--email", required=True)
@click.option("--password", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--tax-code", "key", default=None, help="make the user an approved member of this enterprise")
@click.option(
    "--locale",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="the language of the user's pages and messages",
)
def create_user(email: str, password: str, role: str, key: str | None, locale: str) -> None:
    """Make an active user, optionally an approved member of an existing enterprise; Vietnamese
    unless `--locale en`, as on the website."""
    problems = [f"password: {p}" for p in password_problems(password, email)]
    if "@" not in email:
        problems.append(f"email: {email!r} is not an email address")
    enterprise = enterprise_by_key(key) if key else None
    if key and enterprise is None:
        problems.append(f"tax-code: no enterprise with key {key!r}")
    if problems:
        fail(*problems)
    try:
        user = accounts.create_user(email, password, role, name=email.split("@")[0], locale=locale)
    except DomainError:
        fail(f"email: a user with {email!r} already exists")
    if enterprise is not None:
        db.session.add(Membership(user=user, enterprise=enterprise, status="approved", is_owner=not enterprise.owners))
    db.session.commit()
    click.echo(f"created {role} {user.email}")


@users.command("erase")
@click.option("--email", required=True)
def erase_user(email: str) -> None:
    """Erase a person's account and personal data on their written request (docs/privacy.md)."""
    from fairmatch.auth.personal_data import erase_account

    user = accounts.find_user(email)
    if user is None:
        fail(f"email: no user with {email!r}")
    with force_locale("en"):
        try:
            erase_account(user)
        except DomainError as refusal:
            fail(f"email: {refusal.message}")
    click.echo(f"erased user {user.id}")


tokens = AppGroup("tokens", help="Manage API tokens.")


@tokens.command("create")
@click.option("--email", required=True)
def create_token(email: str) -> None:
    """Print a new API token for the user (shown once; stored hashed)."""
    user = accounts.find_user(email)
    if user is None:
        fail(f"email: no user with {email!r}")
    click.echo(accounts.issue_token(user))


@click.command("import-data")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
def import_data(path: str) -> None:
    """Import a fairmatch-exchange/1 document: everything or, on any error, nothing."""
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except OSError as error:
        fail(f"{path}: cannot be read ({error.strerror})")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        fail(f"$: not valid UTF-8 JSON ({error})")
    try:
        summary = import_document(doc)
    except ImportRefused as refusal:
        fail(*refusal.problems)
    click.echo(
        f"categories: {summary.categories_added} added, {summary.categories_updated} updated; "
        f"enterprises: {summary.enterprises_added} added, {summary.enterprises_updated} updated, "
        f"{summary.enterprises_unchanged} unchanged"
    )


@click.command("export-data")
@with_appcontext
def export_data() -> None:
    """Print the whole fairmatch-exchange/1 document."""
    click.echo(json.dumps(export_document(), ensure_ascii=False, indent=1))


@click.command("expire-holds")
@with_appcontext
def expire_holds() -> None:
    """Release booth holds whose time is up (reads do it too; this is for cron)."""
    from fairmatch.booths.services import expire_holds as release

    click.echo(f"{release()} hold(s) released")


@click.command("matches")
@click.option("--tax-code", "key", required=True, help="the enterprise's key")
@click.option("--direction", default="suppliers", help="suppliers (default) or customers")
@click.option("--limit", default="20", help="how many, 1 to 100 (default 20)")
@click.option("--lang", default="en", help="language of the explanations: en (default) or vi")
@click.option("--json", "as_json", is_flag=True, help="print the JSON array (INTERFACES.md)")
@with_appcontext
def matches(key: str, direction: str, limit: str, lang: str, as_json: bool) -> None:
    """Ranked, explained suppliers or customers of an enterprise."""
    from fairmatch.errors import DomainError
    from fairmatch.matching.services import matches_for

    problems = []
    if lang not in ("en", "vi"):
        problems.append(f"lang: {lang!r} is not en or vi")
    if not limit.isdigit():
        problems.append(f"limit: {limit!r} is not a whole number")
    if problems:
        fail(*problems)
    try:
        found = matches_for(key, direction, int(limit), lang)
    except DomainError as refusal:
        fail(refusal.message)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for match in found:
        click.echo(f"{match['rank']:>3}. {match['name']} ({match['key']}, {match['score']:.2f})")
        click.echo(f"     {match['explanation']}")


@click.command("schedule-meetings")
@click.option("--publish", is_flag=True, help="make the schedule final and tell the participants")
@click.option("--time-limit", "time_limit", default="10", help="seconds for the scheduler (default 10)")
@with_appcontext
def schedule_meetings(publish: bool, time_limit: str) -> None:
    """Run the scheduler on the current fair's accepted requests (published meetings stay fixed)."""
    from fairmatch.fairs.services import current_fair
    from fairmatch.meetings.schedule import schedule_meetings as run

    try:
        seconds = float(time_limit)
    except ValueError:
        seconds = -1
    fair = current_fair()
    problems = [] if seconds > 0 else [f"time-limit: {time_limit!r} is not a positive number of seconds"]
    if fair is None:
        problems.append("fair: no fair edition is marked current")
    if problems:
        fail(*problems)
    result = run(fair, seconds, publish)
    stats = result["stats"]
    click.echo(
        f"{result['status']}: {stats['scheduled']} meetings placed, {len(result['unscheduled'])} not placed, "
        f"{stats['breaks']} breaks{', published' if publish else ' (draft)'}"
    )


@click.command("send-outbox")
@click.option("--limit", default="500", help="send at most this many messages in this run (default 500)")
@with_appcontext
def send_outbox(limit: str) -> None:
    """Email the pending messages of the outbox through SMTP_URL (retries back off; see docs/operations.md)."""
    from fairmatch.notifications.delivery import mail_settings, pending_count, send_due
    from fairmatch.notifications.mail import BadMailSettings

    problems = [] if limit.isdigit() and int(limit) > 0 else [f"limit: {limit!r} is not a positive whole number"]
    try:
        settings = mail_settings()
    except BadMailSettings as error:
        problems.append(str(error))
    if problems:
        fail(*problems)
    if settings is None:
        click.echo(
            f"email delivery is off (SMTP_URL is not set): {pending_count()} message(s) stay in the "
            "in-app inbox, nothing changed"
        )
        return
    summary = send_due(settings, limit=int(limit))
    for error in summary.errors:
        click.echo(f"smtp: {error}", err=True)
    click.echo(str(summary))


@click.command("worker")
@click.option("--concurrency", default="2", help="tasks run at once by this worker (default 2)")
@click.option("--beat", is_flag=True, help="also run the periodic tasks' clock (on one machine only)")
@with_appcontext
def worker(concurrency: str, beat: bool) -> None:
    """Run background tasks from the queue (REDIS_URL); see docs/operations.md."""
    from fairmatch.jobs.dispatch import CeleryDispatcher

    dispatcher = current_app.extensions["fairmatch.jobs"]
    problems = [] if concurrency.isdigit() and int(concurrency) > 0 else [
        f"concurrency: {concurrency!r} is not a positive whole number"]
    if not isinstance(dispatcher, CeleryDispatcher):
        problems.append("REDIS_URL is not set: background tasks run inside the web process, no worker is needed")
    if problems:
        fail(*problems)
    arguments = ["worker", "--loglevel=INFO", f"--concurrency={concurrency}"]
    if beat:
        arguments += ["--beat", f"--schedule={Path(current_app.instance_path) / 'celerybeat-schedule'}"]
    dispatcher.celery.worker_main(arguments)


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def backup_database(path: str) -> None:
    """Write a consistent backup of the whole database to a new file PATH, safe while the app runs."""
    from fairmatch.backup import BackupRefused, backup

    try:
        click.echo(backup(db.engine, Path(path)))
    except BackupRefused as refusal:
        fail(*refusal.problems)


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="replace a database that holds data")
@with_appcontext
def restore_database(path: str, yes: bool) -> None:
    """Replace the database's content with the backup at PATH, then upgrade its schema."""
    from fairmatch.backup import BackupRefused, restore

    db.session.remove()
    try:
        summary = restore(db.engine, Path(path), replace=yes)
    except BackupRefused as refusal:
        fail(*refusal.problems)
    upgrade()
    click.echo(summary)


def init_app(app: Flask) -> None:
    for command in (
        init_db,
        seed_demo,
        users,
        tokens,
        import_data,
        export_data,
        expire_holds,
        matches,
        schedule_meetings,
        send_outbox,
        backup_database,
        restore_database,
        import_register,
        report,
        send_follow_ups_command,
        worker,
    ):
        app.cli.add_command(command)
