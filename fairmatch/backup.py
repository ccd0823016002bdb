"""Backups of the whole database, taken and restored while the app runs (docs/operations.md).

SQLite: the sqlite3 online backup API, page by page, in both directions, so a copy is consistent
even while gunicorn workers write. PostgreSQL: `pg_dump --format=custom`, restored in a single
transaction by `psql`, so a failed restore changes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import Engine, make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# Rows the migrations themselves write: a schema with only these holds no data.
SEEDED_TABLES = {"alembic_version", "change_stamp"}


class BackupRefused(Exception):
    """The backup or restore cannot go ahead; each problem is one English line for stderr."""

    def __init__(self, *problems: str):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass
class Target:
    """The database the app uses, as the backup tools need it."""

    kind: str  # "sqlite" or "postgresql"
    sqlite_path: Path | None = None
    libpq_url: str | None = None  # without the password, which goes in PGPASSWORD
    password: str | None = None

    @classmethod
    def of(cls, url: str) -> Target:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database or parsed.database == ":memory:" or parsed.database.startswith("file:"):
                raise BackupRefused("DATABASE_URL: an in-memory SQLite database has nothing to back up")
            return cls("sqlite", sqlite_path=Path(parsed.database))
        if parsed.get_backend_name() == "postgresql":
            plain = parsed.set(drivername="postgresql", password=None)
            return cls("postgresql", libpq_url=plain.render_as_string(hide_password=False),
                       password=parsed.password)
        raise BackupRefused(f"DATABASE_URL: backups of {parsed.get_backend_name()} databases are not supported")

    def run(self, program: str, *arguments: str, stdin: bytes | None = None) -> bytes:
        """Run a PostgreSQL client tool; its complaints become the refusal."""
        path = shutil.which(program)
        if path is None:
            raise BackupRefused(f"{program}: not found; install the PostgreSQL client tools (postgresql-client)")
        env = dict(os.environ, PGPASSWORD=self.password) if self.password else None
        done = subprocess.run([path, *arguments], input=stdin, capture_output=True, env=env, check=False)
        if done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {done.returncode}"]
            raise BackupRefused(*(f"{program}: {line}" for line in lines))
        return done.stdout


def backup(engine: Engine, path: Path) -> str:
    """Write a backup of the database to `path` (a new file); returns the line to print."""
    target = Target.of(engine.url.render_as_string(hide_password=False))
    if path.exists():
        raise BackupRefused(f"{path}: already exists; a backup never overwrites a file, choose a new name")
    if not path.parent.is_dir():
        raise BackupRefused(f"{path.parent}: no such directory")
    partial = path.with_name(path.name + ".partial")
    try:
        if target.kind == "sqlite":
            _sqlite_backup(target.sqlite_path, partial)
        else:
            target.run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}",
                       f"--dbname={target.libpq_url}")
        revision = backup_revision(partial)
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return f"backed up the {target.kind} database (schema {revision}) to {path}, {path.stat().st_size} bytes"


def restore(engine: Engine, path: Path, *, replace: bool) -> str:
    """Replace the database's content with the backup at `path`; refuses to overwrite data unless
    `replace`. Returns the line to print. The caller upgrades the schema afterwards."""
    target = Target.of(engine.url.render_as_string(hide_password=False))
    revision = backup_revision(path, expected=target.kind)
    if revision not in known_revisions():
        raise BackupRefused(f"{path}: made by a newer fairmatch (schema {revision}); update the code first")
    held = rows_held(engine)
    if held and not replace:
        raise BackupRefused(f"database: holds data ({held} rows); add --yes to replace it with the backup")
    engine.dispose()  # our own connections would hold locks the restore waits for
    if target.kind == "sqlite":
        _sqlite_restore(path, target.sqlite_path)
    else:
        script = target.run("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-",
                            str(path))
        target.run("psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
                   f"--dbname={target.libpq_url}", stdin=DROP_EVERY_TABLE + script)
    engine.dispose()
    return f"restored {path} (schema {revision}) into the {target.kind} database"


# Tables (and their sequences and triggers) that the backup may not have: a newer schema's, say.
# What the backup has is dropped again, harmlessly, by pg_restore --clean --if-exists.
DROP_EVERY_TABLE = b"""
SET lock_timeout = '60s';
DO $$
DECLARE name text;
BEGIN
  FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', name);
  END LOOP;
END $$;
"""


def backup_revision(path: Path, expected: str | None = None) -> str:
    """The schema revision a backup file holds; refuses a file that is no fairmatch backup, or a
    backup of the other kind of database than `expected`."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupRefused(f"{path}: cannot be read ({error.strerror})") from None
    kind = "sqlite" if head == SQLITE_MAGIC else "postgresql" if head.startswith(PGDUMP_MAGIC) else None
    if kind is None:
        raise BackupRefused(f"{path}: not a fairmatch backup (neither an SQLite file nor a pg_dump archive)")
    if expected and kind != expected:
        raise BackupRefused(f"{path}: a {kind} backup cannot be restored into a {expected} database")
    if kind == "sqlite":
        revision = _sqlite_revision(path)
    else:
        data = Target("postgresql").run("pg_restore", "--data-only", "--table=alembic_version", "--file=-",
                                        str(path)).decode()
        found = re.search(r"^COPY [\w.\"]*alembic_version .*?;\n(\w+)\n", data, re.MULTILINE)
        revision = found.group(1) if found else None
    if revision is None:
        raise BackupRefused(f"{path}: not a fairmatch backup (no schema revision inside)")
    return revision


def known_revisions() -> set[str]:
    scripts = ScriptDirectory(str(Path(__file__).resolve().parent.parent / "migrations"))
    return {script.revision for script in scripts.walk_revisions()}


def rows_held(engine: Engine) -> int:
    """How many rows the database holds beyond what the migrations write (0: safe to overwrite)."""
    names = set(inspect(engine).get_table_names()) - SEEDED_TABLES
    with engine.connect() as connection:
        return sum(connection.scalar(select(func.count()).select_from(table(name))) for name in sorted(names))


def _sqlite_backup(source: Path, destination: Path) -> None:
    if not source.is_file():
        raise BackupRefused(f"database: {source} does not exist")
    with _connect(source, read_only=True) as origin, _connect(destination) as copy:
        origin.backup(copy)
        _check(copy, destination)


def _sqlite_restore(backup_path: Path, database: Path) -> None:
    with _connect(backup_path, read_only=True) as origin:
        _check(origin, backup_path)
        with _connect(database) as live:
            origin.backup(live)


def _sqlite_revision(path: Path) -> str | None:
    with _connect(path, read_only=True) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            return None
    return row[0] if row else None


def _check(connection: sqlite3.Connection, path: Path) -> None:
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise BackupRefused(f"{path}: damaged SQLite file ({result})")


def _connect(path: Path, read_only: bool = False) -> closing[sqlite3.Connection]:
    """A sqlite3 connection closed on leaving the `with` block (sqlite3's own block only commits)."""
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    return closing(sqlite3.connect(uri, uri=True, timeout=60))
