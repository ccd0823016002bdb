"""Which booths the programme supports, and how much of each rule's budget is granted.

A booking (an application: the moment its list price is fixed) gets the support of the first rule, in
order of precedence, whose criteria the enterprise meets and whose budget still covers the whole amount;
otherwise it pays the list price. The budget is kept by one UPDATE that adds the amount only while it
fits, backed by the CHECK (granted_vnd <= budget_vnd): two bookings at once can never overspend it.
"""

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from fairmatch.audit.services import record
from fairmatch.booths.models import BoothReservation, ReservationBooth
from fairmatch.common.vocabulary import KINDS
from fairmatch.enterprises.models import Enterprise
from fairmatch.errors import NotFound, RuleViolation
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.i18n import language, vnd
from fairmatch.support.models import SupportGrant, SupportRule

RULE_FIELDS = (
    "position",
    "name_vi",
    "name_en",
    "needs_recognised_product",
    "max_employees",
    "kinds",
    "percent_off",
    "budget_vnd",
)


def rules_of(fair: Fair) -> list[SupportRule]:
    """The fair's rules in order of precedence."""
    return list(
        db.session.scalars(
            select(SupportRule).where(SupportRule.fair_id == fair.id).order_by(SupportRule.position, SupportRule.id)
        )
    )


def rule_by_id(fair: Fair, rule_id: int) -> SupportRule:
    rule = db.session.get(SupportRule, rule_id)
    if rule is None or rule.fair_id != fair.id:
        raise NotFound(_("This support rule does not exist."))
    return rule


def has_recognised_product(enterprise: Enterprise) -> bool:
    """Whether an organizer has verified one of the enterprise's key-product recognitions."""
    return any(product.claim_state == "verified" for product in enterprise.products)


def meets_criteria(rule: SupportRule, enterprise: Enterprise) -> bool:
    """Every criterion the rule sets holds for `enterprise`. An unknown head count never passes a size limit:
    the programme funds SMEs it can show are small."""
    if rule.needs_recognised_product and not has_recognised_product(enterprise):
        return False
    if rule.max_employees is not None and (enterprise.employees is None or enterprise.employees > rule.max_employees):
        return False
    return not rule.kinds or enterprise.kind in rule.kinds


def support_amount(rule: SupportRule, price_vnd: int) -> int:
    """The rule's share of a list price, in whole đồng, rounded down (in the budget's favour)."""
    return price_vnd * rule.percent_off // 100


def offered_support(enterprise: Enterprise, fair: Fair, price_vnd: int) -> tuple[SupportRule, int] | None:
    """The rule and amount a booking at `price_vnd` would get now, as `apply_support` chooses them."""
    for rule in rules_of(fair):
        amount = support_amount(rule, price_vnd)
        if amount > 0 and amount <= rule.left_vnd and meets_criteria(rule, enterprise):
            return rule, amount
    return None


def apply_support(reservation: BoothReservation, actor) -> SupportGrant | None:
    """Grant the booking the support of the first rule that applies and still has the budget for it, in the
    caller's transaction; a support it had before (its booths changed) goes back to its rule first."""
    return_support(reservation)
    fair = db.session.get(Fair, reservation.fair_id)
    for rule in rules_of(fair):
        amount = support_amount(rule, reservation.price_vnd)
        if amount <= 0 or not meets_criteria(rule, reservation.enterprise) or not _draw(rule, amount):
            continue
        grant = SupportGrant(rule=rule, amount_vnd=amount)
        reservation.support_grant = grant
        record("support.granted", reservation, {"rule": rule.id, "amount_vnd": amount}, actor=actor)
        return grant
    return None


def _draw(rule: SupportRule, amount: int) -> bool:
    """Add `amount` to the rule's granted total if the budget still covers it. The condition is checked by the
    UPDATE itself, on the row as the last committed booking left it (PostgreSQL re-reads a row it waited for)."""
    drawn = db.session.execute(
        update(SupportRule)
        .where(SupportRule.id == rule.id, SupportRule.granted_vnd + amount <= SupportRule.budget_vnd)
        .values(granted_vnd=SupportRule.granted_vnd + amount)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(rule, ["granted_vnd"])
    return drawn.rowcount == 1


def return_support(reservation: BoothReservation) -> None:
    """Give a booking's support back to its rule's budget (the booking ended, or is priced afresh)."""
    grant = reservation.support_grant
    if grant is None:
        return
    db.session.execute(
        update(SupportRule)
        .where(SupportRule.id == grant.rule_id)
        .values(granted_vnd=SupportRule.granted_vnd - grant.amount_vnd)
        .execution_options(synchronize_session=False)
    )
    reservation.support_grant = None
    db.session.flush()
    db.session.refresh(grant.rule, ["granted_vnd"])


def save_rule(fair: Fair, actor, rule: SupportRule | None = None, **fields) -> SupportRule:
    """Create a rule (last in precedence unless a position is given) or change one. A budget below what is
    already granted is refused: grants are never taken back from bookings."""
    if fields.get("position") is None:
        fields["position"] = rule.position if rule is not None else _next_position(fair)
    if rule is None:
        rule = SupportRule(fair_id=fair.id, granted_vnd=0)
        db.session.add(rule)
    fields["kinds"] = [kind for kind in KINDS if kind in (fields.get("kinds") or [])]
    if fields["budget_vnd"] < rule.granted_vnd:
        raise RuleViolation(
            _("%(amount)s is already granted under this rule: the budget cannot be less.", amount=vnd(rule.granted_vnd))
        )
    for name, value in fields.items():
        setattr(rule, name, value)
    try:
        db.session.flush()
    except IntegrityError as error:  # a booking drew on the budget since the form was read
        db.session.rollback()
        raise RuleViolation(_("Bookings drew on this budget meanwhile: reload the page and try again.")) from error
    record("support.rule_saved", rule, {name: fields[name] for name in RULE_FIELDS if name in fields}, actor=actor)
    db.session.commit()
    return rule


def _next_position(fair: Fair) -> int:
    last = db.session.scalar(select(func.max(SupportRule.position)).where(SupportRule.fair_id == fair.id))
    return (last or 0) + 1


def support_by_rule(fair: Fair) -> list[tuple[str, int, int]]:
    """Per support rule of the fair, in display order: (rule name in the current language, booths
    supported, VND granted)."""
    booths = dict(
        db.session.execute(
            select(SupportGrant.rule_id, func.count(ReservationBooth.id))
            .join(ReservationBooth, ReservationBooth.reservation_id == SupportGrant.reservation_id)
            .where(ReservationBooth.active)
            .group_by(SupportGrant.rule_id)
        ).all()
    )
    lang = language()
    return [(rule.name(lang), booths.get(rule.id, 0), rule.granted_vnd) for rule in rules_of(fair)]
