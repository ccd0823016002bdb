"""Serve the app on a fresh demo database for the browser tests: `python tests/browser/serve.py
DATABASE_URL PORT`. Prints `ready` on stdout once the demo fair is loaded and the port listens."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ["FAIRMATCH_CONFIG"] = "testing"

from flask_migrate import upgrade
from werkzeug.serving import make_server

from fairmatch import create_app

# The journeys sign in a dozen times a minute from one address; the rate limits are tested elsewhere.
SETTINGS = {"RATELIMIT_ENABLED": False, "PUBLIC_URL": "http://127.0.0.1"}


def main(database_url: str, port: int, enterprises: int) -> None:
    app = create_app(SETTINGS | {"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade()
    result = app.test_cli_runner().invoke(args=["seed-demo", "--enterprises", str(enterprises)])
    if result.exit_code != 0:
        sys.exit(f"seed-demo failed: {result.output}")
    server = make_server("127.0.0.1", port, app, threaded=True)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 300)
