"""The app for the browser tests, in its own process:
`python tests/browser/serve.py seed DATABASE_URL ENTERPRISES` builds the schema and the demo fair;
`python tests/browser/serve.py serve DATABASE_URL PORT` serves it on 127.0.0.1 and prints `ready`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["FAIRMATCH_CONFIG"] = "testing"

from flask_migrate import upgrade
from werkzeug.serving import make_server

from fairmatch import create_app

# The journeys sign in a dozen times a minute from one address; the rate limits are tested elsewhere.
SETTINGS = {"RATELIMIT_ENABLED": False}


def seed(database_url: str, enterprises: int) -> None:
    app = create_app(SETTINGS | {"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade()
    result = app.test_cli_runner().invoke(args=["seed-demo", "--enterprises", str(enterprises)])
    if result.exit_code != 0:
        sys.exit(f"seed-demo failed: {result.output}")


def serve(database_url: str, port: int) -> None:
    # Long work runs as it does under `make run`: in the server's own threads, the request answering
    # at once with a progress page.
    app = create_app(SETTINGS | {"SQLALCHEMY_DATABASE_URI": database_url, "JOBS_DISPATCHER": "thread"})
    server = make_server("127.0.0.1", port, app, threaded=True)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    command, url, number = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"seed": seed, "serve": serve}[command](url, number)
