"""Scheduled meetings (drafts and published).

Revision ID: 0007_meetings
Revises: 0006_meeting_requests
Create Date: 2026-11-28 04:21:29.341081

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_meetings'
down_revision = '0006_meeting_requests'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.String(length=20), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('table', sa.String(length=10), nullable=True),
    sa.Column('booth', sa.String(length=10), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('draft', 'published')", name=op.f('ck_meeting_state')),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_meeting_fair_id_fair'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['meeting_request.id'], name=op.f('fk_meeting_request_id_meeting_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('request_id', name=op.f('uq_meeting_request_id'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_fair_id'), ['fair_id'], unique=False)



def downgrade():
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_fair_id'))

    op.drop_table('meeting')
