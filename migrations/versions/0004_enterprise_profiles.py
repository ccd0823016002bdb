"""Enterprise profiles: logos, verification decisions, recognised-product claims, search words.

Revision ID: 0004_enterprise_profiles
Revises: 0003_matching
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004_enterprise_profiles"
down_revision = "0003_matching"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locality_folded", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("declined_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_enterprise_directory", [sa.text("verified DESC"), "search_text", "kind"], unique=False)
        batch_op.create_index("ix_enterprise_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_enterprise_locality", ["locality_folded", "locality"], unique=False)

    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recognized_declined_reason", sa.String(length=500), nullable=True))

    op.create_table(
        "enterprise_logo",
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("digest", sa.String(length=16), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"],
            name=op.f("fk_enterprise_logo_enterprise_id_enterprise"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("enterprise_id", name=op.f("pk_enterprise_logo")),
    )
    op.create_table(
        "search_term",
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_search_term")),
    )
    reindex_existing_enterprises()


def _words(text):
    """A frozen copy of fairmatch.enterprises.words.words: fold accents and case, split on non-words."""
    if not text:
        return []
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", bare.replace("đ", "d").replace("Đ", "D").lower()).split()


def reindex_existing_enterprises():
    """Search text now holds distinct words between spaces, product names included."""
    connection = op.get_bind()
    enterprise = sa.table(
        "enterprise", sa.column("id"), sa.column("key"), sa.column("name_vi"), sa.column("name_en"),
        sa.column("locality"), sa.column("industrial_park"), sa.column("search_text"), sa.column("locality_folded"),
    )
    product = sa.table("product", sa.column("enterprise_id"), sa.column("name_vi"), sa.column("name_en"))
    names = {}
    for row in connection.execute(sa.select(product.c.enterprise_id, product.c.name_vi, product.c.name_en)):
        names.setdefault(row.enterprise_id, []).extend([row.name_vi, row.name_en])
    terms = set()
    rows = connection.execute(
        sa.select(enterprise.c.id, enterprise.c.key, enterprise.c.name_vi, enterprise.c.name_en,
                  enterprise.c.locality, enterprise.c.industrial_park)
    ).all()
    for row in rows:
        parts = [row.name_vi, row.name_en, row.key, row.locality, row.industrial_park, *names.get(row.id, [])]
        seen = list(dict.fromkeys(w for part in parts for w in _words(part)))
        terms.update(w for w in seen if 3 <= len(w) <= 60 and not any(c.isdigit() for c in w))
        text = f" {' '.join(seen)} " if seen else ""
        while len(text.encode()) > 2000:
            text = text[: text.rstrip().rfind(" ") + 1]
        connection.execute(
            enterprise.update()
            .where(enterprise.c.id == row.id)
            .values(
                search_text=text,
                locality_folded=" ".join(_words(row.locality)) or None,
            )
        )
    if terms:
        op.bulk_insert(sa.table("search_term", sa.column("term")), [{"term": t} for t in sorted(terms)])


def downgrade():
    op.drop_table("search_term")
    op.drop_table("enterprise_logo")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_column("recognized_declined_reason")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index("ix_enterprise_locality")
        batch_op.drop_index("ix_enterprise_created_at")
        batch_op.drop_index("ix_enterprise_directory")
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("declined_reason")
        batch_op.drop_column("locality_folded")
