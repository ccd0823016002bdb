"""Matches for an enterprise: ranked, explained in the reader's language, minus the partners it
marked as not relevant and the enterprises nobody has confirmed an address for yet."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from fairmatch.audit.services import record
from fairmatch.auth.verification import unconfirmed_enterprises
from fairmatch.common.text import mid_sentence
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.i18n import fair_zone
from fairmatch.matching.graph import supply_graph
from fairmatch.matching.models import MatchFeedback, MatchView
from fairmatch.supplychain import rank_customers, rank_suppliers, to_json, unmet_needs

DIRECTIONS = {"suppliers": rank_suppliers, "customers": rank_customers}
MAX_LIMIT = 100


@dataclass(frozen=True)
class MatchFilters:
    """What "My matches" can narrow the list to; the ranks stay those of the whole list."""

    sector: str = ""
    at_fair: bool = False  # partners with a confirmed booth at the current fair
    verified: bool = False

    def keeps(self, partner) -> bool:
        return (
            (not self.sector or self.sector in partner.sectors)
            and (not self.at_fair or partner.booth is not None)
            and (not self.verified or partner.verified)
        )


FURTHER_DEPTH = 3
"""How far up (or down) the chain "your suppliers' suppliers" reach when a member asks for them."""


def matches_for(
    key: str,
    direction: str = "suppliers",
    limit: int = 20,
    lang: str = "en",
    filters: MatchFilters = MatchFilters(),
    further: bool = False,
) -> list[dict]:
    """The `matches` objects of INTERFACES.md, best first, explained in `lang`: direct partners,
    and with `further` the suppliers' suppliers (customers' customers) after them."""
    if direction not in DIRECTIONS:
        raise RuleViolation(_("The direction must be suppliers or customers."))
    if not 1 <= limit <= MAX_LIMIT:
        raise RuleViolation(_("The limit must be between 1 and %(n)d.", n=MAX_LIMIT))
    graph = supply_graph()
    if key not in graph:
        raise NotFound(_("No enterprise with the key %(key)s.", key=key))
    hidden = _not_relevant(key, direction) | _unconfirmed_keys()
    # Filters look further down the list so that a narrowed list is still full when it can be.
    wanted = limit + len(hidden) if filters == MatchFilters() else MAX_LIMIT + len(hidden)
    depth = FURTHER_DEPTH if further else 1
    ranked = [m for m in DIRECTIONS[direction](graph, key, limit=wanted, depth=depth) if m.key not in hidden]
    shown = [(rank, m) for rank, m in enumerate(ranked, start=1) if filters.keeps(graph.enterprise(m.key))][:limit]
    with force_locale(lang):
        return [to_json(match, rank, graph, key, _, lang) for rank, match in shown]


def explanations_between(key: str, partner_keys: set[str], lang: str) -> dict[str, list[tuple[str, str]]]:
    """Why each of `partner_keys` matches `key`, as the matching explains it to `key` in `lang`: by
    partner, its (direction, explanation) pairs — "suppliers" when it can supply `key`, "customers"
    when it would buy from it. A partner the graph does not link to `key` is left out."""
    graph = supply_graph()
    if key not in graph or not partner_keys:
        return {}
    found: dict[str, list[tuple[str, str]]] = {}
    with force_locale(lang):
        for direction, rank in DIRECTIONS.items():
            ranked = rank(graph, key, limit=max(len(graph), 1))
            for position, match in enumerate(ranked, start=1):
                if match.key in partner_keys:
                    explanation = to_json(match, position, graph, key, _, lang)["explanation"]
                    found.setdefault(match.key, []).append((direction, explanation))
    return found


def unmet_needs_of(key: str, lang: str) -> list[dict]:
    """The enterprise's needs whose required certifications no maker holds, with the closest
    makers and what each lacks, named in `lang`."""
    graph = supply_graph()
    if key not in graph:
        return []
    return [
        {
            "category": mid_sentence(graph.category_name(u.category, lang)),
            "required": ", ".join(sorted(u.required)),
            "closest": [
                {"key": k, "name": graph.enterprise_name(k, lang), "lacks": ", ".join(sorted(lacks))}
                for k, lacks in u.closest
            ],
        }
        for u in unmet_needs(graph, key)
    ]


def count_match_view(enterprise_id: int, shown: int) -> None:
    """Count one showing of an enterprise's own match list (for the organizer's funnel): one
    upsert, so that two workers counting at once both count."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    today = datetime.now(fair_zone()).date()
    statement = dialect.insert(MatchView).values(enterprise_id=enterprise_id, viewed_on=today, views=1, matches=shown)
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=[MatchView.enterprise_id, MatchView.viewed_on],
            set_={"views": MatchView.views + 1, "matches": MatchView.matches + shown},
        )
    )
    db.session.commit()


def _unconfirmed_keys() -> set[str]:
    """Registered but not public yet (see auth.verification): never offered as a match."""
    return set(db.session.scalars(select(Enterprise.key).where(Enterprise.id.in_(unconfirmed_enterprises()))))


def _not_relevant(key: str, direction: str) -> set[str]:
    return set(
        db.session.scalars(
            select(MatchFeedback.partner_key)
            .join(Enterprise, Enterprise.id == MatchFeedback.enterprise_id)
            .where(Enterprise.key == key, MatchFeedback.direction == direction)
        )
    )


def mark_not_relevant(enterprise: Enterprise, partner_key: str, direction: str, actor) -> None:
    """Leave `partner_key` out of this enterprise's matches from now on; recorded for the organizer."""
    if direction not in DIRECTIONS:
        raise RuleViolation(_("The direction must be suppliers or customers."))
    exists = db.session.scalar(
        select(MatchFeedback.id).where(
            MatchFeedback.enterprise_id == enterprise.id,
            MatchFeedback.partner_key == partner_key,
            MatchFeedback.direction == direction,
        )
    )
    if exists is None:
        feedback = MatchFeedback(
            enterprise_id=enterprise.id, partner_key=partner_key, direction=direction, created_by_id=actor.id
        )
        db.session.add(feedback)
        db.session.flush()
        record("match.not_relevant", feedback, {"partner": partner_key, "direction": direction}, actor=actor)
    db.session.commit()
