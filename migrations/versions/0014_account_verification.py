"""Email verification and session versions on accounts.

`email_verified_at`: when the address was proven by opening the link sent to it; accounts that
existed before (created by organizers, the command line or the demo) count as verified since
their creation. `session_version`: raised by a password change or reset, which signs out every
other session of the account.

Revision ID: 0014_account_verification
Revises: 0013_typed_inputs
Create Date: 2026-12-06 18:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014_account_verification'
down_revision = '0013_typed_inputs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_verified_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))
    user = sa.table('user', sa.column('email_verified_at'), sa.column('created_at'))
    op.execute(user.update().values(email_verified_at=user.c.created_at))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
        batch_op.drop_column('email_verified_at')
