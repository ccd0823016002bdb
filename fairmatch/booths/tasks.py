"""Booth work on a timer: holds and waitlist offers whose time is up are released (and the freed
booths offered to the next in line) within half a minute, whether or not anyone reads the plan."""

from fairmatch.booths.services import expire_holds
from fairmatch.jobs.registry import periodic


@periodic("expire-holds", 30)
def release_holds() -> int:
    return expire_holds()
