"""Booth sales: reservations and their booths, payments, the waitlist, fair sales settings.

Revision ID: 0002_booth_sales
Revises: 0001_foundation
Create Date: 2026-11-28 03:01:45.283955

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_booth_sales'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('waitlist_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('booth_type', sa.String(length=10), nullable=True),
    sa.Column('zone', sa.String(length=40), nullable=True),
    sa.Column('max_price_vnd', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('waiting', 'offered', 'placed', 'lapsed', 'withdrawn')", name=op.f('ck_waitlist_entry_state')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_waitlist_entry_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_waitlist_entry_fair_id_fair'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waitlist_entry'))
    )
    with op.batch_alter_table('waitlist_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waitlist_entry_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_waitlist_entry_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index('ix_waitlist_entry_fair_state', ['fair_id', 'state', 'created_at'], unique=False)

    op.create_table('booth_reservation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('zone_override_reason', sa.Text(), nullable=True),
    sa.Column('price_vnd', sa.Integer(), nullable=False),
    sa.Column('vat_percent', sa.Integer(), nullable=False),
    sa.Column('waitlist_entry_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("state <> 'held' OR expires_at IS NOT NULL", name=op.f('ck_booth_reservation_held_expires')),
    sa.CheckConstraint("state IN ('held', 'submitted', 'approved', 'rejected', 'confirmed', 'cancelled', 'expired')", name=op.f('ck_booth_reservation_state')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_booth_reservation_created_by_id_user')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_booth_reservation_decided_by_id_user')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_booth_reservation_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_booth_reservation_fair_id_fair'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['waitlist_entry_id'], ['waitlist_entry.id'], name=op.f('fk_booth_reservation_waitlist_entry_id_waitlist_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booth_reservation'))
    )
    with op.batch_alter_table('booth_reservation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booth_reservation_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_booth_reservation_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index('ix_booth_reservation_state_expires', ['state', 'expires_at'], unique=False)

    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reservation_id', sa.Integer(), nullable=False),
    sa.Column('amount_vnd', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount_vnd > 0', name=op.f('ck_payment_positive')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_payment_recorded_by_id_user')),
    sa.ForeignKeyConstraint(['reservation_id'], ['booth_reservation.id'], name=op.f('fk_payment_reservation_id_booth_reservation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_reservation_id'), ['reservation_id'], unique=False)

    op.create_table('reservation_booth',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reservation_id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['booth.id'], name=op.f('fk_reservation_booth_booth_id_booth'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reservation_id'], ['booth_reservation.id'], name=op.f('fk_reservation_booth_reservation_id_booth_reservation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservation_booth'))
    )
    with op.batch_alter_table('reservation_booth', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reservation_booth_reservation_id'), ['reservation_id'], unique=False)
        batch_op.create_index('uq_reservation_booth_active', ['booth_id'], unique=True, sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))

    with op.batch_alter_table('fair', schema=None) as batch_op:
        batch_op.add_column(sa.Column('booth_hold_minutes', sa.Integer(), nullable=False, server_default='15'))
        batch_op.add_column(sa.Column('waitlist_offer_hours', sa.Integer(), nullable=False, server_default='48'))
        batch_op.add_column(sa.Column('max_booths_per_enterprise', sa.Integer(), nullable=False, server_default='4'))
        batch_op.add_column(sa.Column('vat_percent', sa.Integer(), nullable=False, server_default='8'))
        batch_op.add_column(sa.Column('payment_days', sa.Integer(), nullable=False, server_default='14'))
        batch_op.add_column(sa.Column('organizer_name', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('organizer_address', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('bank_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('bank_account_no', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('bank_account_name', sa.String(length=200), nullable=False, server_default=''))



def downgrade():
    with op.batch_alter_table('fair', schema=None) as batch_op:
        batch_op.drop_column('bank_account_name')
        batch_op.drop_column('bank_account_no')
        batch_op.drop_column('bank_name')
        batch_op.drop_column('organizer_address')
        batch_op.drop_column('organizer_name')
        batch_op.drop_column('payment_days')
        batch_op.drop_column('vat_percent')
        batch_op.drop_column('max_booths_per_enterprise')
        batch_op.drop_column('waitlist_offer_hours')
        batch_op.drop_column('booth_hold_minutes')

    with op.batch_alter_table('reservation_booth', schema=None) as batch_op:
        batch_op.drop_index('uq_reservation_booth_active', sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))
        batch_op.drop_index(batch_op.f('ix_reservation_booth_reservation_id'))

    op.drop_table('reservation_booth')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_reservation_id'))

    op.drop_table('payment')
    with op.batch_alter_table('booth_reservation', schema=None) as batch_op:
        batch_op.drop_index('ix_booth_reservation_state_expires')
        batch_op.drop_index(batch_op.f('ix_booth_reservation_fair_id'))
        batch_op.drop_index(batch_op.f('ix_booth_reservation_enterprise_id'))

    op.drop_table('booth_reservation')
    with op.batch_alter_table('waitlist_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_waitlist_entry_fair_state')
        batch_op.drop_index(batch_op.f('ix_waitlist_entry_fair_id'))
        batch_op.drop_index(batch_op.f('ix_waitlist_entry_enterprise_id'))

    op.drop_table('waitlist_entry')
