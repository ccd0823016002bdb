"""`flask --app fairmatch import-register FILE`."""

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from fairmatch.register import importing


@click.command("import-register")
@click.argument("file", type=click.Path(dir_okay=False))
@with_appcontext
def import_register(file: str) -> None:
    """Import the official recognised-products register (.xlsx or UTF-8 .csv)."""
    try:
        data = Path(file).read_bytes()
    except OSError as error:
        click.echo(f"{file}: cannot be read ({error.strerror})", err=True)
        sys.exit(1)
    try:
        summary = importing.import_register(data, Path(file).name)
    except importing.RegisterRefused as refusal:
        with force_locale("en"):
            for row, messages in importing.problem_lines(refusal.problems):
                click.echo(f"row {row}: {'; '.join(messages)}", err=True)
        sys.exit(1)
    click.echo(
        f"register: {summary.rows} rows; enterprises: {summary.matched} matched, {summary.created} created; "
        f"recognised products added: {summary.recognised}; unchanged rows: {summary.unchanged}"
    )
