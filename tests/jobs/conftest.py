import pytest

from fairmatch.extensions import db
from fairmatch.jobs.models import Job
from tests.booths.conftest import exhibitor, fair  # noqa: F401  (fixtures)
from tests.meetings.conftest import accepted, meeting_fair  # noqa: F401  (fixtures)


@pytest.fixture
def app(make_app):
    """Jobs wait until the test runs them (`run_pending`), so that it can look at them while queued."""
    return make_app(JOBS_DISPATCHER="manual")


@pytest.fixture
def job_rows(app):
    def rows() -> list[tuple[str, str, int]]:
        with app.app_context():
            return [(j.kind, j.state, j.attempts) for j in db.session.scalars(db.select(Job).order_by(Job.created_at))]

    return rows
