"""Buyers' sourcing requests.

Revision ID: 0005_sourcing_requests
Revises: 0004_enterprise_profiles
Create Date: 2026-11-28 04:09:53.675379

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_sourcing_requests'
down_revision = '0004_enterprise_profiles'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sourcing_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('volume_value', sa.Double(), nullable=True),
    sa.Column('volume_unit', sa.String(length=8), nullable=True),
    sa.Column('required_certifications', sa.JSON(), nullable=False),
    sa.Column('deadline_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_sourcing_request_category_id_category')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_sourcing_request_created_by_id_user')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_sourcing_request_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sourcing_request'))
    )
    with op.batch_alter_table('sourcing_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sourcing_request_enterprise_id'), ['enterprise_id'], unique=False)



def downgrade():
    with op.batch_alter_table('sourcing_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sourcing_request_enterprise_id'))

    op.drop_table('sourcing_request')
