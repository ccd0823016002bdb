"""The booth fixtures (a small current fair, complete exhibitors, applications) for privacy tests."""

from tests.booths.conftest import confirmed, exhibitor, fair, submitted  # noqa: F401  (fixtures)
