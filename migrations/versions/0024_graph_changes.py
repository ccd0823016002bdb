"""The supply graph's change feed: every process patches its graph from it instead of rebuilding.

Revision ID: 0024_graph_changes
Revises: 0023_jobs
Create Date: 2026-12-07 01:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0024_graph_changes'
down_revision = '0023_jobs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('graph_change',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('enterprise_key', sa.String(length=60), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('profile', 'taxonomy', 'fair', 'all')", name=op.f('ck_graph_change_kind')),
    sa.CheckConstraint("(kind = 'profile') = (enterprise_key IS NOT NULL)", name=op.f('ck_graph_change_keyed')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_graph_change')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('graph_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graph_change_created_at'), ['created_at'], unique=False)
    # The graph no longer reads its stamp (the feed replaced it); the table stays for the data stamps.
    op.execute(sa.text("DELETE FROM change_stamp WHERE name = 'supply-graph'"))


def downgrade():
    with op.batch_alter_table('graph_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graph_change_created_at'))
    op.drop_table('graph_change')
    stamps = sa.table('change_stamp', sa.column('name', sa.String), sa.column('value', sa.BigInteger))
    op.bulk_insert(stamps, [{'name': 'supply-graph', 'value': 0}])
