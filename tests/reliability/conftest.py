"""The booth fixtures (a small current fair, complete exhibitors, applications) for failure tests."""

from tests.booths.conftest import exhibitor, fair, submitted  # noqa: F401
