"""Email delivery of the outbox: when to try a message again, when it was sent.

Revision ID: 0010_outbox_delivery
Revises: 0008_calendar_feeds
Create Date: 2026-11-28 05:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_outbox_delivery'
down_revision = '0009_meeting_day'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_next_attempt_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('email_sent_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('email_sent_at')
        batch_op.drop_column('email_next_attempt_at')
