"""Recognised-products register: the official list's entries, and the invitations sent to its enterprises.

Revision ID: 0019_register
Revises: 0018_meeting_place
Create Date: 2026-12-06 22:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0019_register'
down_revision = '0018_meeting_place'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'register_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tax_code', sa.String(length=14), nullable=False),
        sa.Column('enterprise_id', sa.Integer(), nullable=False),
        sa.Column('product', sa.String(length=300), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=True),
        sa.Column('decision_no', sa.String(length=60), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                                name=op.f('fk_register_entry_enterprise_id_enterprise'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_register_entry_product_id_product'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_register_entry')),
        sa.UniqueConstraint('tax_code', 'product', 'decision_no', name=op.f('uq_register_entry_tax_code')),
    )
    with op.batch_alter_table('register_entry') as batch_op:
        batch_op.create_index(batch_op.f('ix_register_entry_enterprise_id'), ['enterprise_id'], unique=False)

    op.create_table(
        'register_invitation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('enterprise_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('invited_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_register_invitation_fair_id_fair'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                                name=op.f('fk_register_invitation_enterprise_id_enterprise'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['invited_by_id'], ['user.id'],
                                name=op.f('fk_register_invitation_invited_by_id_user'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_register_invitation')),
        sa.UniqueConstraint('fair_id', 'enterprise_id', name=op.f('uq_register_invitation_fair_id')),
    )
    with op.batch_alter_table('register_invitation') as batch_op:
        batch_op.create_index(batch_op.f('ix_register_invitation_enterprise_id'), ['enterprise_id'], unique=False)


def downgrade():
    op.drop_table('register_invitation')
    op.drop_table('register_entry')
