"""The people who come to the fair: exhibitors' booth staff, buyers' delegates, the organizer's
guests, press and staff, each with a badge; the check-in desk's log of scans; and the fair's limits
and deadline for the lists of staff and delegates.

Revision ID: 0016_fair_people
Revises: 0015_accent_keys
Create Date: 2026-12-06 19:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0016_fair_people'
down_revision = '0015_accent_keys'
branch_labels = None
depends_on = None

PERSON_ROLES = ('exhibitor', 'buyer', 'guest', 'press', 'organizer')
SCAN_RESULTS = ('ok', 'again', 'meeting', 'unknown')


def upgrade():
    with op.batch_alter_table('fair') as batch_op:
        batch_op.add_column(sa.Column('staff_per_booth', sa.Integer(), nullable=False, server_default='3'))
        batch_op.add_column(sa.Column('delegates_per_buyer', sa.Integer(), nullable=False, server_default='5'))
        batch_op.add_column(sa.Column('people_due_on', sa.Date(), nullable=True))

    op.create_table(
        'fair_person',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('enterprise_id', sa.Integer(), nullable=True),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('full_name', sa.String(length=120), nullable=False),
        sa.Column('position', sa.String(length=120), nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('organization', sa.String(length=300), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint(f'role IN {PERSON_ROLES}', name=op.f('ck_fair_person_person_role')),
        sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_fair_person_fair_id_fair'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                                name=op.f('fk_fair_person_enterprise_id_enterprise'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['checked_in_by_id'], ['user.id'],
                                name=op.f('fk_fair_person_checked_in_by_id_user'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_person')),
    )
    with op.batch_alter_table('fair_person') as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_person_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_person_enterprise_id'), ['enterprise_id'], unique=False)

    op.create_table(
        'desk_scan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('scanned_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('scanned_by_id', sa.Integer(), nullable=True),
        sa.Column('code', sa.String(length=100), nullable=False),
        sa.Column('result', sa.String(length=20), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('subject', sa.String(length=400), nullable=False),
        sa.CheckConstraint(f'result IN {SCAN_RESULTS}', name=op.f('ck_desk_scan_scan_result')),
        sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_desk_scan_fair_id_fair'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['scanned_by_id'], ['user.id'], name=op.f('fk_desk_scan_scanned_by_id_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['person_id'], ['fair_person.id'], name=op.f('fk_desk_scan_person_id_fair_person'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_scan')),
    )
    with op.batch_alter_table('desk_scan') as batch_op:
        batch_op.create_index('ix_desk_scan_desk', ['fair_id', 'scanned_by_id', 'scanned_at'], unique=False)


def downgrade():
    op.drop_table('desk_scan')
    op.drop_table('fair_person')
    with op.batch_alter_table('fair') as batch_op:
        batch_op.drop_column('people_due_on')
        batch_op.drop_column('delegates_per_buyer')
        batch_op.drop_column('staff_per_booth')
