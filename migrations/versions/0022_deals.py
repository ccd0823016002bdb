"""Deals (kind, value, currency, category, partner origin), exchange rates and follow-up.

Revision ID: 0022_deals
Revises: 0021_side_events
Create Date: 2026-12-06 22:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0022_deals'
down_revision = '0021_side_events'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('meeting_outcome', schema=None) as batch_op:
        batch_op.add_column(sa.Column('value', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('currency', sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column('rate_vnd', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('value_vnd', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('category_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('partner_foreign', sa.Boolean(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_meeting_outcome_category_id_category'), 'category',
                                    ['category_id'], ['id'], ondelete='SET NULL')
        batch_op.create_check_constraint(
            'value',
            "(value IS NULL AND currency IS NULL AND rate_vnd IS NULL AND value_vnd IS NULL) OR "
            "(value >= 0 AND currency IS NOT NULL AND rate_vnd > 0 AND value_vnd >= 0)",
        )

    op.create_table('exchange_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('vnd_per_unit', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("vnd_per_unit > 0", name=op.f('ck_exchange_rate_positive')),
    sa.CheckConstraint("currency <> 'VND'", name=op.f('ck_exchange_rate_foreign')),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_exchange_rate_fair_id_fair'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_exchange_rate_updated_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_rate')),
    sa.UniqueConstraint('fair_id', 'currency', name=op.f('uq_exchange_rate_fair_id'))
    )

    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.String(length=2), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answer', sa.String(length=12), nullable=True),
    sa.Column('value', sa.BigInteger(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('rate_vnd', sa.Integer(), nullable=True),
    sa.Column('value_vnd', sa.BigInteger(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("round IN ('m3', 'm6')", name=op.f('ck_follow_up_round')),
    sa.CheckConstraint("answer IN ('contract', 'negotiating', 'stopped')", name=op.f('ck_follow_up_answer')),
    sa.CheckConstraint("(answer IS NULL) = (answered_at IS NULL)", name=op.f('ck_follow_up_answered')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_follow_up_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_follow_up_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up')),
    sa.UniqueConstraint('meeting_id', 'enterprise_id', 'round', name=op.f('uq_follow_up_meeting_id'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_meeting_id'), ['meeting_id'], unique=False)


def downgrade():
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_meeting_id'))
    op.drop_table('follow_up')
    op.drop_table('exchange_rate')
    with op.batch_alter_table('meeting_outcome', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_meeting_outcome_value'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_meeting_outcome_category_id_category'), type_='foreignkey')
        batch_op.drop_column('partner_foreign')
        batch_op.drop_column('category_id')
        batch_op.drop_column('value_vnd')
        batch_op.drop_column('rate_vnd')
        batch_op.drop_column('currency')
        batch_op.drop_column('value')
