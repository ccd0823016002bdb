"""Meeting requests between enterprises.

Revision ID: 0006_meeting_requests
Revises: 0005_sourcing_requests
Create Date: 2026-11-28 04:15:12.230517

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_meeting_requests'
down_revision = '0005_sourcing_requests'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meeting_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('from_enterprise_id', sa.Integer(), nullable=False),
    sa.Column('to_enterprise_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('must_meet_from', sa.Boolean(), nullable=False),
    sa.Column('must_meet_to', sa.Boolean(), nullable=False),
    sa.Column('decline_reason', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('pending', 'accepted', 'declined', 'cancelled')", name=op.f('ck_meeting_request_state')),
    sa.CheckConstraint('from_enterprise_id <> to_enterprise_id', name=op.f('ck_meeting_request_not_self')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_meeting_request_created_by_id_user')),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_meeting_request_fair_id_fair'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['from_enterprise_id'], ['enterprise.id'], name=op.f('fk_meeting_request_from_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_enterprise_id'], ['enterprise.id'], name=op.f('fk_meeting_request_to_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_request'))
    )
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_request_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_request_from_enterprise_id'), ['from_enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_request_to_enterprise_id'), ['to_enterprise_id'], unique=False)
        batch_op.create_index('uq_meeting_request_open', ['fair_id', 'from_enterprise_id', 'to_enterprise_id'], unique=True, sqlite_where=sa.text("state IN ('pending', 'accepted')"), postgresql_where=sa.text("state IN ('pending', 'accepted')"))



def downgrade():
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.drop_index('uq_meeting_request_open', sqlite_where=sa.text("state IN ('pending', 'accepted')"), postgresql_where=sa.text("state IN ('pending', 'accepted')"))
        batch_op.drop_index(batch_op.f('ix_meeting_request_to_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_request_from_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_request_fair_id'))

    op.drop_table('meeting_request')
