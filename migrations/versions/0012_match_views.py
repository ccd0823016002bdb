"""Match list views per enterprise per day: the top of the organizer's meeting funnel.

Revision ID: 0012_match_views
Revises: 0009_meeting_day
Create Date: 2026-11-28 05:14:23.498170

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_match_views'
down_revision = '0011_editions_team'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('match_view',
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('viewed_on', sa.Date(), nullable=False),
    sa.Column('views', sa.Integer(), nullable=False, server_default='0'),
    sa.Column('matches', sa.Integer(), nullable=False, server_default='0'),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_match_view_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('enterprise_id', 'viewed_on', name=op.f('pk_match_view'))
    )


def downgrade():
    op.drop_table('match_view')
