"""What the signed-in person may do with each booth, shown before the click: the booking rules of
`booking_rights` asked for every free booth, and the booths that are already theirs.

The rendered plan is shared by everyone (it is cached); these verdicts are one person's, so the
page carries them apart from the drawing and the plan's script lays them over it."""

import json
from dataclasses import dataclass, field

from flask import url_for
from flask_babel import gettext as _

from fairmatch.booths.booking_rights import booths_held, refusal_for_booth
from fairmatch.booths.models import RESERVATION_STATE_LABELS
from fairmatch.booths.services import BoothView
from fairmatch.enterprises.models import Enterprise
from fairmatch.fairs.models import Fair


@dataclass
class Verdicts:
    """Per booth code: why it would be refused (an index into `reasons`), or that it is the person's."""

    reasons: list[str] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)
    mine: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (state label, reservation page)
    free: int = 0  # free booths the person may hold
    held: int = 0
    limit: int = 0

    def refusal(self, code: str) -> str | None:
        return self.reasons[self.refused[code]] if code in self.refused else None

    @property
    def refused_everywhere(self) -> str | None:
        """The one reason that refuses every free booth (no sector, the limit reached...), if there is one."""
        if self.free == 0 and len(self.reasons) == 1:
            return self.reasons[0]
        return None

    def as_json(self) -> str:
        """For the page's `data-verdicts` attribute (the template escapes it)."""
        return json.dumps({"reasons": self.reasons, "refused": self.refused, "mine": self.mine}, ensure_ascii=False)


def verdicts_for(views: list[BoothView], fair: Fair, enterprise: Enterprise | None, actor) -> Verdicts:
    """The verdicts for a signed-in exhibitor or buyer (organizers book from their console)."""
    verdicts = Verdicts(limit=fair.max_booths_per_enterprise)
    verdicts.held = booths_held(enterprise, fair) if enterprise is not None else 0
    for view in views:
        if view.is_held_by(enterprise):
            reservation = view.reservation
            verdicts.mine[view.booth.code] = (
                str(RESERVATION_STATE_LABELS[reservation.state]),
                url_for("booths.reservation", reservation_id=reservation.id),
            )
        elif view.status == "available":
            reason = refusal_for_booth(enterprise, actor, view.booth, fair, verdicts.held)
            if reason is None:
                verdicts.free += 1
                continue
            if reason not in verdicts.reasons:
                verdicts.reasons.append(reason)
            verdicts.refused[view.booth.code] = verdicts.reasons.index(reason)
    return verdicts


def booth_verdict(view: BoothView, fair: Fair, enterprise: Enterprise | None, actor) -> str | None:
    """Why the signed-in person could not hold this one free booth, or None."""
    if view.status != "available" or not actor.is_authenticated or actor.is_organizer:
        return None
    held = booths_held(enterprise, fair) if enterprise is not None else 0
    return refusal_for_booth(enterprise, actor, view.booth, fair, held)


def summary(verdicts: Verdicts, enterprise: Enterprise | None) -> str:
    """One sentence on what the person may hold, above the plan."""
    if enterprise is None:
        return ""
    return _(
        "You may hold %(free)d of the free booths: those in your sectors' zones and the open ones. "
        "Your enterprise has %(held)d of at most %(limit)d booths.",
        free=verdicts.free,
        held=verdicts.held,
        limit=verdicts.limit,
    )
