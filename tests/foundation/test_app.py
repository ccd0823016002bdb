"""The app factory, its settings, the health check and the error pages."""

import re

import pytest
from flask import abort

from fairmatch import create_app, psycopg_url


def test_testing_settings_are_used_for_tests(app):
    assert app.config["TESTING"] is True
    assert app.config["BABEL_DEFAULT_LOCALE"] == "vi"


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setattr("config.ProductionConfig.SECRET_KEY", None)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_starts_with_a_secret_key_and_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setattr("config.ProductionConfig.SECRET_KEY", "s3cret-from-env")
    monkeypatch.setattr("config.ProductionConfig.SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/p.db")
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_an_unknown_configuration_name_is_refused():
    with pytest.raises(RuntimeError, match="unknown configuration"):
        create_app("staging")


def test_postgresql_urls_use_the_psycopg3_driver():
    assert psycopg_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert psycopg_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert psycopg_url("sqlite:///x.db") == "sqlite:///x.db"


def test_the_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr("config.TestingConfig.SQLALCHEMY_DATABASE_URI", None)
    app = create_app("testing")
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/fairmatch.db")


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_health_check_says_503_when_the_database_is_unreachable(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing-dir/none.db")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_the_home_page_speaks_vietnamese_first(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert "Dành cho doanh nghiệp trưng bày" in page


def test_an_unknown_page_is_a_404_page_in_the_users_language(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)
    response = client.get("/no-such-page?lang=en")
    assert "Page not found" in response.get_data(as_text=True)


def test_api_errors_are_problem_documents(client):
    response = client.get("/api/v1/no-such-thing?lang=en")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == 404
    assert response.json["title"] == "Page not found"


def test_an_unexpected_error_shows_a_500_page_without_a_stack_trace(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise ZeroDivisionError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body
    assert "Đã có lỗi ở phía chúng tôi" in body


def test_a_forbidden_page_says_so_in_both_languages(make_app):
    app = make_app()

    @app.get("/forbidden")
    def forbidden():
        abort(403)

    client = app.test_client()
    assert "Không được phép" in client.get("/forbidden").get_data(as_text=True)
    assert "Not allowed" in client.get("/forbidden?lang=en").get_data(as_text=True)


def test_rate_limits_are_shared_through_redis_when_it_is_configured(monkeypatch, tmp_path):
    monkeypatch.setattr("config.DevelopmentConfig.REDIS_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setattr("config.DevelopmentConfig.SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/d.db")
    assert create_app("development").config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/3"
    monkeypatch.setattr("config.DevelopmentConfig.REDIS_URL", None)
    assert create_app("development").config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_the_openapi_document_describes_every_api_route(app, client):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.1")
    described = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
    routes = {
        (re.sub(r"<(?:\w+:)?(\w+?)(?:_id)?>", r"{\1}", rule.rule.removeprefix("/api/v1")).replace(
            "{reservation}", "{id}").replace("{request}", "{id}").replace("{job}", "{id}"), method)
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes == described
