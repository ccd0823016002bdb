"""Invitations to the organizer team.

Revision ID: 0011_editions_team
Revises: 0008_calendar_feeds
Create Date: 2026-11-28 05:13:04.138044

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_editions_team'
down_revision = '0010_outbox_delivery'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('organizer_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['user.id'], name=op.f('fk_organizer_invitation_invited_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_organizer_invitation_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizer_invitation')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_organizer_invitation_token_hash'))
    )
    with op.batch_alter_table('organizer_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizer_invitation_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('organizer_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizer_invitation_user_id'))

    op.drop_table('organizer_invitation')
