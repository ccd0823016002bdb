"""Demo data for the recognised-products register (called by seed-demo)."""

import csv
import io
import random
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from fairmatch.demo.identifiers import IdentifierBook
from fairmatch.demo.names import NameBook
from fairmatch.demo.taxonomy import load_taxonomy
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.register.importing import import_register
from fairmatch.register.models import RegisterInvitation
from fairmatch.register.reading import COLUMNS
from fairmatch.register.services import invite_unregistered, register_status

DIRECTORY_ROWS = 40
NEWCOMERS = 8
YEARS = (2022, 2023, 2024, 2025)


def seed(fair: Fair, rng: random.Random) -> None:
    """Give the demo fair a realistic register: the key products of about 40 of the demo's makers,
    as the Department lists them, plus 8 makers the directory does not know yet; then the first
    batch of invitations to those with no account."""
    decisions = {year: f"{rng.randint(1200, 6900)}/QĐ-UBND" for year in YEARS}
    newcomers = _newcomer_rows(rng, decisions)
    rows = _directory_rows(rng, decisions) + newcomers
    rng.shuffle(rows)
    import_register(_as_csv(rows), "danh-sach-san-pham-cong-nghiep-chu-luc.csv")
    added = [row[0] for row in newcomers]
    for enterprise in db.session.scalars(select(Enterprise).where(Enterprise.tax_code.in_(added))):
        # Some of the Department's own records carry an address, the others reach nobody yet.
        if rng.random() < 0.6:
            enterprise.contact_email = f"kinhdoanh@{enterprise.tax_code}.example.vn"
    db.session.flush()
    waiting = [row.enterprise.id for row in register_status(fair) if not row.registered and row.contact]
    invite_unregistered(fair, None, only=rng.sample(waiting, len(waiting) // 2))
    # The first batch went out six weeks before the fair opened, at 9:00 in Hà Nội.
    sent = datetime.combine(fair.starts_on - timedelta(days=42), time(2, 0), tzinfo=UTC)
    db.session.execute(update(RegisterInvitation).where(RegisterInvitation.fair_id == fair.id).values(invited_at=sent))


def _directory_rows(rng: random.Random, decisions: dict[int, str]) -> list[tuple]:
    """The recognised products the demo's makers already claim, then more of their products."""
    makers = db.session.scalars(
        select(Enterprise)
        .where(Enterprise.country == "VN", Enterprise.kind.in_(("lead", "supplier", "fdi")))
        .options(selectinload(Enterprise.products))
        .order_by(Enterprise.id)
    ).all()
    claimed = [e for e in makers if any(p.recognized_verified for p in e.products)]
    others = [e for e in makers if e.products and e not in claimed]
    chosen = claimed[:DIRECTORY_ROWS] + rng.sample(others, max(0, min(len(others), DIRECTORY_ROWS - len(claimed))))
    rows = []
    for enterprise in chosen:
        for product in enterprise.products:
            if product.recognized_verified:
                rows.append(
                    (
                        enterprise.tax_code,
                        enterprise.name_vi,
                        product.name_vi,
                        product.recognized_decision_no,
                        product.recognized_year,
                    )
                )
        if enterprise in others:
            product = rng.choice(enterprise.products)
            year = rng.choice(YEARS)
            rows.append((enterprise.tax_code, enterprise.name_vi, product.name_vi, decisions[year], year))
    return rows


def _newcomer_rows(rng: random.Random, decisions: dict[int, str]) -> list[tuple]:
    """Makers of final products with no profile in the directory yet, under fresh tax codes."""
    known = set(db.session.scalars(select(Enterprise.tax_code).where(Enterprise.tax_code.is_not(None))))
    ids, names = IdentifierBook(rng), NameBook(rng)
    finals = [c for c in load_taxonomy().categories if c.final]
    rows = []
    while len(rows) < NEWCOMERS:
        tax_code = ids.tax_code("01")
        if tax_code in known:
            continue
        category = rng.choice(finals)
        product = rng.choice(category.variants)[0] if category.variants else category.name_vi
        year = rng.choice(YEARS)
        rows.append((tax_code, names.company(category.code, lead=True).vi, product, decisions[year], year))
    return rows


def _as_csv(rows: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        vietnamese
        for vietnamese, _english in (
            COLUMNS[name] for name in ("tax_code", "enterprise", "product", "decision_no", "year")
        )
    )
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
