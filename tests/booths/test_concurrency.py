"""Many clients racing for the same booths: exactly one wins each booth, every loser gets 409, and
the database never holds two active reservations for one booth (SQLite and PostgreSQL)."""

from collections import Counter

from sqlalchemy import func, select

from fairmatch.auth.services import find_user, issue_token
from fairmatch.booths.models import ReservationBooth
from fairmatch.extensions import db
from tests.conftest import at_once

CLIENTS = 20


def race(app, emails, requests):
    """Give everyone an API token, then fire all requests at once; returns the status codes in order."""
    with app.app_context():
        tokens = [issue_token(find_user(email)) for email in emails]
    statuses = [None] * len(tokens)

    def run(i, ready):
        code, extra = requests[i]
        client = app.test_client()
        ready()
        statuses[i] = client.post(f"/api/v1/booths/{code}/reservations", json={"extra_booths": extra},
                                  headers={"Authorization": f"Bearer {tokens[i]}"}).status_code

    at_once(len(tokens), run)
    return statuses


def active_rows_per_booth(app):
    with app.app_context():
        rows = db.session.execute(
            select(ReservationBooth.booth_id, func.count()).where(ReservationBooth.active)
            .group_by(ReservationBooth.booth_id)
        ).all()
    return dict(rows)


def test_twenty_clients_racing_for_one_booth_leave_exactly_one_winner(app, exhibitor):
    emails = [exhibitor()[0] for _ in range(CLIENTS)]
    statuses = race(app, emails, [("A02", [])] * CLIENTS)
    assert Counter(statuses) == {201: 1, 409: CLIENTS - 1}
    assert list(active_rows_per_booth(app).values()) == [1]


def test_overlapping_multi_booth_requests_never_double_book(app, exhibitor):
    emails = [exhibitor(sector="metals")[0] for _ in range(CLIENTS)]
    pairs = [("A05", ["A06"]), ("A06", ["A07"]), ("A07", ["A08"]), ("A06", ["A05"]), ("A08", ["A07"])]
    statuses = race(app, emails, [pairs[i % len(pairs)] for i in range(CLIENTS)])
    assert set(statuses) <= {201, 409}
    assert statuses.count(201) >= 1
    per_booth = active_rows_per_booth(app)
    assert all(count == 1 for count in per_booth.values())
    assert len(per_booth) == 2 * statuses.count(201)
