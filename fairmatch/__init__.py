"""fairmatch: booth sales and supply-chain matchmaking for an industrial fair.

Flask is imported inside the factory so that the pure packages (`fairmatch.supplychain`,
`fairmatch.scheduling`, ...) can be imported without the web framework.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: str | dict | None = None) -> Flask:
    """Build the app. `config` names a settings class (`testing`, `production`, ...) or holds
    overrides on top of the one named by `FAIRMATCH_CONFIG` (default `development`)."""
    from flask import Flask

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    configure(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_commands(app)
    register_template_helpers(app)
    register_tasks(app)
    return app


def configure(app: Flask, config: str | dict | None) -> None:
    from config import CONFIGS

    name = config if isinstance(config, str) else os.environ.get("FAIRMATCH_CONFIG", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"unknown configuration {name!r}; use one of {', '.join(CONFIGS)}")
    app.config.from_object(CONFIGS[name])
    if name != "testing":
        app.config.from_pyfile("fairmatch.cfg", silent=True)
    if isinstance(config, dict):
        app.config.update(config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'fairmatch.db'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = psycopg_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set (environment variable or instance/fairmatch.cfg)")
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = app.config.get("REDIS_URL") or "memory://"


def psycopg_url(url: str) -> str:
    """Point `postgresql://` URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def register_extensions(app: Flask) -> None:
    from fairmatch import i18n, models  # noqa: F401  (every table known to SQLAlchemy and Alembic)
    from fairmatch.extensions import csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    login_manager.init_app(app)


def register_blueprints(app: Flask) -> None:
    from fairmatch import security
    from fairmatch.api.views import blueprint as api
    from fairmatch.auth.views import blueprint as auth
    from fairmatch.booths.console import blueprint as booth_console
    from fairmatch.booths.views import blueprint as booths
    from fairmatch.enterprises.views import blueprint as enterprises
    from fairmatch.events.views import blueprint as events
    from fairmatch.home.views import blueprint as home
    from fairmatch.jobs.views import blueprint as jobs
    from fairmatch.matching.views import blueprint as matching
    from fairmatch.meetings.console import blueprint as meeting_console
    from fairmatch.meetings.followup_views import blueprint as followup
    from fairmatch.meetings.views import blueprint as meetings
    from fairmatch.notifications.views import blueprint as notifications
    from fairmatch.organizer.edition_views import blueprint as editions
    from fairmatch.organizer.prints import blueprint as prints
    from fairmatch.organizer.team_views import blueprint as organizer_team
    from fairmatch.organizer.views import blueprint as organizer
    from fairmatch.people.views import blueprint as people
    from fairmatch.register.views import blueprint as register
    from fairmatch.support.views import blueprint as support

    security.install_converters(app)
    for blueprint in (home, auth, enterprises, booths, booth_console, matching, meetings, meeting_console, organizer,
                      organizer_team, editions, prints, people, notifications, register, support, events, followup,
                      jobs, api):
        app.register_blueprint(blueprint)


def register_errorhandlers(app: Flask) -> None:
    from fairmatch import errors

    errors.init_app(app)


def register_security_headers(app: Flask) -> None:
    from fairmatch import security

    security.init_app(app)


def register_commands(app: Flask) -> None:
    from fairmatch import commands

    commands.init_app(app)


def register_template_helpers(app: Flask) -> None:
    from fairmatch import templating

    templating.init_app(app)


def register_tasks(app: Flask) -> None:
    """Every feature's background tasks known, then the queue that runs them (`fairmatch.jobs`), and
    the matching graph built in the background from a web process's first request."""
    from fairmatch import tasks  # noqa: F401  (registers them)
    from fairmatch.jobs import dispatch, stamps  # noqa: F401  (stamps: the listeners that move them)
    from fairmatch.matching import graph

    dispatch.init_app(app)
    graph.init_app(app)
