"""Private, revocable calendar feeds of agendas.

Revision ID: 0008_calendar_feeds
Revises: 0007_meetings
Create Date: 2026-11-28 04:26:14.122114

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_calendar_feeds'
down_revision = '0007_meetings'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_feed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_calendar_feed_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feed')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_calendar_feed_secret_hash'))
    )
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feed_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feed_user_id'))

    op.drop_table('calendar_feed')
