"""Matching: the supply graph's change stamp and "not relevant" feedback.

Revision ID: 0003_matching
Revises: 0002_booth_sales
Create Date: 2026-11-28 03:37:19.049558

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_matching'
down_revision = '0002_booth_sales'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('change_stamp',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_change_stamp'))
    )
    op.create_table('match_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('partner_key', sa.String(length=60), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_match_feedback_created_by_id_user')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_match_feedback_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_feedback')),
    sa.UniqueConstraint('enterprise_id', 'partner_key', 'direction', name='uq_match_feedback_partner')
    )
    with op.batch_alter_table('match_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_feedback_enterprise_id'), ['enterprise_id'], unique=False)
    op.bulk_insert(sa.table("change_stamp", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
                   [{"name": "supply-graph", "value": 0}])


def downgrade():
    with op.batch_alter_table('match_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_feedback_enterprise_id'))

    op.drop_table('match_feedback')
    op.drop_table('change_stamp')
