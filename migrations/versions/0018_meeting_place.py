"""Days attended and meeting place: where the host chose to meet when it accepted a request (its booth or a
B2B table), and which enterprises answered "which days will you be at the fair?".

Revision ID: 0018_meeting_place
Revises: 0017_official_documents
Create Date: 2026-12-06 21:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018_meeting_place'
down_revision = '0017_official_documents'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('place', sa.String(length=5), nullable=True))
        batch_op.create_check_constraint('place', "place IN ('booth', 'table')")

    op.create_table('attendance_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'], name=op.f('fk_attendance_answer_answered_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_attendance_answer_enterprise_id_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_attendance_answer_fair_id_fair'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_answer')),
    sa.UniqueConstraint('fair_id', 'enterprise_id', name=op.f('uq_attendance_answer_fair_id'))
    )


def downgrade():
    op.drop_table('attendance_answer')
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_meeting_request_place'), type_='check')
        batch_op.drop_column('place')
