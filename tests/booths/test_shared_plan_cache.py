"""With Redis (REDIS_URL), workers share the rendered floor plan: a change costs one rendering for
all of them, a shared copy is never shown after a change, and a failing Redis only costs the sharing."""

import os

import pytest

from fairmatch.booths import views
from tests.conftest import signed_in

REDIS = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def renders(monkeypatch):
    """How many times any worker drew the plan."""
    count = [0]
    drawn = views.plan_page

    def counting(*args, **kwargs):
        count[0] += 1
        return drawn(*args, **kwargs)

    monkeypatch.setattr(views, "plan_page", counting)
    return count


def test_a_plan_drawn_by_one_worker_serves_the_others_until_the_next_change(make_app, fair, exhibitor, renders):
    first, second = make_app(REDIS_URL=REDIS), make_app(REDIS_URL=REDIS)  # two workers, one database
    assert 'data-code="A02" data-status="available"' in first.test_client().get("/plan").get_data(as_text=True)
    assert 'data-code="A02" data-status="available"' in second.test_client().get("/plan").get_data(as_text=True)
    assert renders[0] == 1
    email, _ = exhibitor()
    assert signed_in(first, email).post("/api/v1/booths/A02/reservations", json={}).status_code == 201
    assert 'data-code="A02" data-status="held"' in second.test_client().get("/plan").get_data(as_text=True)
    assert 'data-code="A02" data-status="held"' in first.test_client().get("/plan").get_data(as_text=True)
    assert renders[0] == 2


def test_without_redis_the_plan_is_still_served(make_app, fair, renders):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens there
    response = app.test_client().get("/plan")
    assert response.status_code == 200 and 'data-code="A01"' in response.get_data(as_text=True)
    assert renders[0] == 1
