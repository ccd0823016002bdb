"""The admin commands of INTERFACES.md: results on stdout, problems on stderr, exit 0 or 1."""

import json

import pytest
from sqlalchemy import func, select

from fairmatch.auth.models import ApiToken, User
from fairmatch.booths.models import Booth
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.register.demo import NEWCOMERS
from tests.conftest import PASSWORD, signed_in


def test_init_db_brings_the_schema_up_to_date(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "up to date" in result.output


def test_seed_demo_builds_a_complete_fair_and_refuses_to_run_twice(app, runner):
    result = runner.invoke(args=["seed-demo", "--enterprises", "40"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        assert fair.starts_on.year >= 2026
        assert db.session.scalar(select(func.count(Booth.id))) == 200
        # The recognised-products register brings makers not in the directory yet.
        assert db.session.scalar(select(func.count(Enterprise.id))) == 40 + NEWCOMERS
        roles = set(db.session.scalars(select(User.role)))
        assert roles == {"organizer", "exhibitor", "buyer"}
        zones = set(db.session.scalars(select(Booth.zone)))
        assert "electrical-electronics" in zones and "pharma" in zones
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 1
    assert "already holds data" in again.stderr
    assert runner.invoke(args=["seed-demo", "--if-empty"]).exit_code == 0


def test_demo_accounts_can_sign_in(app, runner, client):
    from fairmatch.organizer.demo import DEMO_PASSWORD, DEMO_USERS

    runner.invoke(args=["seed-demo", "--enterprises", "40"])
    for email, *_ in DEMO_USERS:
        response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.post("/logout")


def test_users_create_makes_an_active_member_of_an_enterprise(app, runner, make_enterprise):
    key = make_enterprise()
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "lan@example.vn",
            "--password",
            PASSWORD,
            "--role",
            "exhibitor",
            "--tax-code",
            key,
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        membership = db.session.scalar(select(Membership))
        assert membership.user.email == "lan@example.vn" and membership.user.active
        assert membership.status == "approved" and membership.enterprise.key == key


@pytest.mark.parametrize(("options", "language"), [([], "vi"), (["--locale", "en"], "en"), (["--locale", "vi"], "vi")])
def test_users_create_speaks_vietnamese_unless_asked_otherwise(app, runner, options, language):
    result = runner.invoke(
        args=["users", "create", "--email", "lan@example.vn", "--password", PASSWORD, "--role", "buyer", *options]
    )
    assert result.exit_code == 0, result.output
    client = signed_in(app, "lan@example.vn")
    assert f'<html lang="{language}">' in client.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User.locale)) == language


def test_users_create_refuses_a_language_it_does_not_speak(app, runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "lan@example.vn",
            "--password",
            PASSWORD,
            "--role",
            "buyer",
            "--locale",
            "fr",
        ]
    )
    assert result.exit_code != 0 and "--locale" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0


def test_users_create_reports_each_problem_on_its_own_line(app, runner):
    arguments = ["--email", "nope", "--password", "short", "--role", "buyer", "--tax-code", "0100109106"]
    result = runner.invoke(args=["users", "create", *arguments])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("password:") for line in lines)
    assert any(line.startswith("email:") for line in lines)
    assert any(line.startswith("tax-code:") for line in lines)
    assert "Traceback" not in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0


def test_users_create_refuses_an_email_in_use(runner, make_user):
    email = make_user()
    result = runner.invoke(args=["users", "create", "--email", email, "--password", PASSWORD, "--role", "buyer"])
    assert result.exit_code == 1 and "already exists" in result.stderr


def test_tokens_create_prints_a_token_that_opens_the_api(app, runner, make_user):
    email = make_user()
    result = runner.invoke(args=["tokens", "create", "--email", email])
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    with app.app_context():
        stored = db.session.scalar(select(ApiToken))
        assert stored.token_hash != token and token not in stored.token_hash
    client = app.test_client()
    assert client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/me", headers={"Authorization": "Bearer fm_wrong"}).status_code == 302


def test_tokens_create_for_an_unknown_user_fails(runner):
    result = runner.invoke(args=["tokens", "create", "--email", "ghost@example.vn"])
    assert result.exit_code == 1 and "no user" in result.stderr


def test_export_then_import_is_identical_and_idempotent(app, runner, tmp_path):
    runner.invoke(args=["seed-demo", "--enterprises", "30"])
    first = runner.invoke(args=["export-data"])
    assert first.exit_code == 0
    document = json.loads(first.stdout)
    assert document["format"] == "fairmatch-exchange/1" and len(document["enterprises"]) == 30 + NEWCOMERS
    path = tmp_path / "fair.json"
    path.write_text(first.stdout, encoding="utf-8")
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code == 0
    assert f"{30 + NEWCOMERS} unchanged" in result.stdout
    assert runner.invoke(args=["export-data"]).stdout == first.stdout


def test_import_reports_every_error_with_its_json_path_and_writes_nothing(app, runner, tmp_path):
    document = {
        "format": "fairmatch-exchange/1",
        "categories": [
            {"code": "X.A", "name_vi": "A", "name_en": "A", "sector": "metals", "inputs": ["X.B"]},
            {"code": "X.B", "name_vi": "B", "name_en": "B", "sector": "metals", "inputs": ["X.A"]},
        ],
        "enterprises": [
            {"tax_code": "0100109106", "name_vi": "Công ty A", "kind": "lead"},
            {
                "tax_code": "0100109107",
                "name_vi": "Công ty B",
                "kind": "lead",
                "certifications": ["ISO 9999"],
                "export_markets": ["XX"],
            },
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("enterprises[1].tax_code:") for line in lines)
    assert any(line.startswith("enterprises[1].certifications[0]:") for line in lines)
    assert any(line.startswith("enterprises[1].export_markets[0]:") for line in lines)
    assert any(line.startswith("categories:") and "cycle" in line for line in lines)
    with app.app_context():
        assert db.session.scalar(select(func.count(Enterprise.id))) == 0


def test_import_of_a_file_that_is_not_json_fails_cleanly(runner, tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe not json")
    result = runner.invoke(args=["import-data", str(path)])
    assert result.exit_code == 1 and result.stderr.startswith("$:")
    assert runner.invoke(args=["import-data", str(tmp_path / "missing.json")]).exit_code == 1
