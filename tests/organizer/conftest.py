"""The booth tests' small fair (hall A, eight booths) and its factories, for the organizer's pages."""

from tests.booths.conftest import confirmed, exhibitor, fair, submitted  # noqa: F401
