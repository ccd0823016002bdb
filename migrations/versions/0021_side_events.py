"""Side events, registrations and check-ins.

Revision ID: 0021_side_events
Revises: 0020_support
Create Date: 2026-12-06 22:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0021_side_events'
down_revision = '0020_support'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('side_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title_vi', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=False),
    sa.Column('description_vi', sa.Text(), nullable=False),
    sa.Column('description_en', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('lead_enterprise_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('conference', 'connection', 'workshop', 'training')", name=op.f('ck_side_event_event_kind')),
    sa.CheckConstraint('capacity >= 1', name=op.f('ck_side_event_event_capacity')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_side_event_event_times')),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_side_event_fair_id_fair'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['lead_enterprise_id'], ['enterprise.id'], name=op.f('fk_side_event_lead_enterprise_id_enterprise'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_side_event'))
    )
    op.create_index(op.f('ix_side_event_fair_id'), 'side_event', ['fair_id'], unique=False)
    op.create_table('event_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attended_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("state IN ('registered', 'waitlisted')", name=op.f('ck_event_registration_registration_state')),
    sa.CheckConstraint('(person_id IS NULL) <> (user_id IS NULL)', name=op.f('ck_event_registration_registration_who')),
    sa.ForeignKeyConstraint(['event_id'], ['side_event.id'], name=op.f('fk_event_registration_event_id_side_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_event_registration_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['fair_person.id'], name=op.f('fk_event_registration_person_id_fair_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_event_registration_user_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['attended_by_id'], ['user.id'], name=op.f('fk_event_registration_attended_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_registration')),
    sa.UniqueConstraint('event_id', 'person_id', name='uq_event_registration_person'),
    sa.UniqueConstraint('event_id', 'user_id', name='uq_event_registration_user')
    )
    op.create_index(op.f('ix_event_registration_enterprise_id'), 'event_registration', ['enterprise_id'], unique=False)
    op.create_index('ix_event_registration_line', 'event_registration', ['event_id', 'state', 'registered_at'], unique=False)


def downgrade():
    op.drop_index('ix_event_registration_line', table_name='event_registration')
    op.drop_index(op.f('ix_event_registration_enterprise_id'), table_name='event_registration')
    op.drop_table('event_registration')
    op.drop_index(op.f('ix_side_event_fair_id'), table_name='side_event')
    op.drop_table('side_event')
