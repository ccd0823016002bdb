"""The directory's window on the floor plan: which enterprises hold a booth, and which one.

Booth reservations belong to the booths feature. It plugs in here with `provide_booths(...)`
(for instance when `fairmatch.booths.views` is imported); until something does, no enterprise
has a booth: the directory hides its "has a booth" filter and the API answers `"booth": null`.
"""

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import Select


class BoothProvider(Protocol):
    def holders(self) -> Select:
        """A SELECT of the ids of enterprises that hold a booth at the current fair."""

    def codes(self, enterprise_ids: Iterable[int]) -> dict[int, str]:
        """The booth code (e.g. `A12`) of each of these enterprises that holds one."""


_provider: BoothProvider | None = None


def provide_booths(provider: BoothProvider | None) -> None:
    """Install (or, with None, remove) the source of booth holders: the has-a-booth hook."""
    global _provider
    _provider = provider


def booths_known() -> bool:
    return _provider is not None


def booth_holders() -> Select | None:
    return _provider.holders() if _provider else None


def booth_codes(enterprise_ids: Iterable[int]) -> dict[int, str]:
    return _provider.codes(list(enterprise_ids)) if _provider else {}
