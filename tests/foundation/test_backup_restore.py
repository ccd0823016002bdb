"""backup PATH / restore PATH: a consistent copy of the whole database, taken while the app runs,
and put back exactly, on SQLite and on PostgreSQL (whichever the suite runs on)."""

import uuid

import pytest
from sqlalchemy import create_engine, func, select, text

from fairmatch.audit.models import AuditEntry
from fairmatch.audit.services import record
from fairmatch.auth.models import User
from fairmatch.backup import known_revisions
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from tests.conftest import POSTGRES_URL


def names(app) -> set[str]:
    with app.app_context():
        found = set(db.session.scalars(select(Enterprise.name_vi)))
        db.session.remove()
        return found


@pytest.fixture
def fair_data(app, make_enterprise, make_user):
    """Two enterprises with Vietnamese names, a member, and an (append-only) audit entry."""
    first = make_enterprise(name_vi="Công ty TNHH Đúc Nhôm Sóc Sơn")
    make_enterprise(name_vi="Công ty CP Khuôn Mẫu Đông Anh")
    email = make_user("exhibitor", enterprise=first)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        record("enterprise.verified", db.session.scalar(select(Enterprise).where(Enterprise.key == first)), actor=user)
        db.session.commit()
    return {"key": first, "email": email}


@pytest.fixture
def empty_database_url(tmp_path):
    """A second, empty database of the kind the suite runs on (no tables at all)."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    name = f"fm_restore_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_restore_brings_back_exactly_what_was_backed_up(app, runner, client, fair_data, tmp_path):
    path = tmp_path / "fair-2026-10-15.backup"
    made = runner.invoke(args=["backup", str(path)])
    assert made.exit_code == 0, made.output
    assert made.stdout.startswith("backed up the ") and str(path) in made.stdout and path.stat().st_size > 0

    with app.app_context():
        db.session.execute(text("DELETE FROM membership"))
        db.session.execute(text("DELETE FROM enterprise WHERE key = :key"), {"key": fair_data["key"]})
        db.session.execute(text("UPDATE enterprise SET name_vi = 'Tên đã sửa'"))
        db.session.commit()
        db.session.remove()
    assert names(app) == {"Tên đã sửa"}

    refused = runner.invoke(args=["restore", str(path)])
    assert refused.exit_code == 1
    assert "holds data" in refused.stderr and "--yes" in refused.stderr
    assert names(app) == {"Tên đã sửa"}

    restored = runner.invoke(args=["restore", str(path), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert restored.stdout.startswith(f"restored {path}")
    assert names(app) == {"Công ty TNHH Đúc Nhôm Sóc Sơn", "Công ty CP Khuôn Mẫu Đông Anh"}
    with app.app_context():
        assert db.session.scalar(select(AuditEntry.action)) == "enterprise.verified"
        db.session.remove()
    assert client.post("/login", data={"email": fair_data["email"], "password": "correct horse battery"}
                       ).status_code == 302
    assert "Đúc Nhôm Sóc Sơn" in client.get(f"/enterprises/{fair_data['key']}").get_data(as_text=True)


def test_a_backup_restores_into_an_empty_database_without_asking(app, runner, fair_data, tmp_path, make_app,
                                                                 empty_database_url):
    path = tmp_path / "fair.backup"
    assert runner.invoke(args=["backup", str(path)]).exit_code == 0
    elsewhere = make_app(SQLALCHEMY_DATABASE_URI=empty_database_url)

    result = elsewhere.test_cli_runner().invoke(args=["restore", str(path)])

    assert result.exit_code == 0, result.output
    assert names(elsewhere) == {"Công ty TNHH Đúc Nhôm Sóc Sơn", "Công ty CP Khuôn Mẫu Đông Anh"}
    with elsewhere.app_context():
        assert db.session.scalar(text("SELECT version_num FROM alembic_version")) in known_revisions()
        db.session.remove()


def test_a_backup_taken_during_a_write_holds_only_committed_data(app, runner, fair_data, tmp_path, make_app,
                                                                 empty_database_url):
    writer = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with writer.connect() as connection:
        transaction = connection.begin()
        connection.execute(text("UPDATE enterprise SET name_vi = 'Chưa lưu'"))
        path = tmp_path / "during-write.backup"
        result = runner.invoke(args=["backup", str(path)])
        transaction.rollback()
    writer.dispose()
    assert result.exit_code == 0, result.output
    elsewhere = make_app(SQLALCHEMY_DATABASE_URI=empty_database_url)
    assert elsewhere.test_cli_runner().invoke(args=["restore", str(path)]).exit_code == 0
    assert "Chưa lưu" not in names(elsewhere) and len(names(elsewhere)) == 2


def test_a_backup_never_overwrites_a_file(runner, fair_data, tmp_path):
    path = tmp_path / "keep.backup"
    path.write_bytes(b"yesterday's backup")
    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert path.read_bytes() == b"yesterday's backup"
    missing = runner.invoke(args=["backup", str(tmp_path / "no-such-dir" / "x.backup")])
    assert missing.exit_code == 1 and "no such directory" in missing.stderr


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(app, runner, fair_data, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("không phải bản sao lưu", encoding="utf-8")
    result = runner.invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 1 and "not a fairmatch backup" in result.stderr
    assert "Traceback" not in result.output
    assert runner.invoke(args=["restore", str(tmp_path / "missing.backup")]).exit_code == 1
    with app.app_context():
        assert db.session.scalar(select(func.count(Enterprise.id))) == 2
        db.session.remove()


def test_restore_refuses_a_backup_of_the_other_kind_of_database(app, runner, fair_data, tmp_path):
    kind = "postgresql" if POSTGRES_URL else "sqlite"
    other = tmp_path / "other.backup"
    other.write_bytes(b"SQLite format 3\x00" + bytes(100) if POSTGRES_URL else b"PGDMP\x01\x0e\x00" + bytes(100))
    result = runner.invoke(args=["restore", str(other), "--yes"])
    assert result.exit_code == 1
    assert f"cannot be restored into a {kind} database" in result.stderr
    assert len(names(app)) == 2


def test_restore_refuses_a_backup_made_by_a_newer_fairmatch(app, runner, fair_data, tmp_path):
    with app.app_context():
        current = db.session.scalar(text("SELECT version_num FROM alembic_version"))
        db.session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        db.session.commit()
        path = tmp_path / "future.backup"
        assert runner.invoke(args=["backup", str(path)]).exit_code == 0
        db.session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": current})
        db.session.commit()
        db.session.remove()

    result = runner.invoke(args=["restore", str(path), "--yes"])

    assert result.exit_code == 1 and "newer fairmatch (schema 9999_from_the_future)" in result.stderr
    assert len(names(app)) == 2
