"""The API against its own OpenAPI document: schemathesis generates requests, valid and not, for
every operation; none may fail with a server error, and every answer must match the document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from fairmatch.auth.models import User
from fairmatch.auth.services import issue_token
from fairmatch.extensions import db
from tests.security.conftest import EXHIBITOR_A

EXAMPLES = 30  # per operation and mode: about 600 calls, well under a minute, the same on every run
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def bearer(world) -> dict:
    """The Authorization header of exhibitor A, who owns the reservation and is asked for meetings."""
    with world.app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == world.emails[EXHIBITOR_A]))
        return {"Authorization": f"Bearer {issue_token(user)}"}


# schemathesis's own pytest integration does not run under pytest 9 yet, so each operation's
# Hypothesis strategy is driven here; the checks are the same.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_its_document_says(world, bearer, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", world.app)
    failures, tried = {}, set()
    for result in schema.get_all_operations():
        operation = result.ok()
        tried.add(operation.label)

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(headers=bearer, checks=CHECKS)

        try:
            call()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # an operation without input has no invalid input
        except Exception as failure:  # every operation is tried, then all failures are reported together
            failures[operation.label] = failure
    documented = {f"{method.upper()} {path}" for path, item in schema.raw_schema["paths"].items() for method in item}
    assert tried == documented - {"GET /openapi.json"}  # schemathesis leaves out the document itself
    assert not failures, "\n\n".join(f"{label}:\n{failure}" for label, failure in failures.items())


def test_the_document_is_served_publicly_and_names_bearer_tokens(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    assert document["openapi"] == "3.1.0"
    assert document["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
