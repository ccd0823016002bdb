"""Typed, quantified supply-chain relations and HS codes on categories.

An input is a material (with, optionally, how much of it goes into one unit of the output),
tooling, equipment or a service; every existing relation was a material.

Revision ID: 0013_typed_inputs
Revises: 0012_match_views
Create Date: 2026-12-06 15:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0013_typed_inputs'
down_revision = '0012_match_views'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hs', sa.String(length=6), nullable=True))
    with op.batch_alter_table('category_input', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), server_default='material', nullable=False))
        batch_op.add_column(sa.Column('per_unit_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('per_unit_unit', sa.String(length=8), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_category_input_kind'), "kind IN ('material', 'tooling', 'equipment', 'service')")
        batch_op.create_check_constraint(
            op.f('ck_category_input_per_unit'),
            "(per_unit_value IS NULL AND per_unit_unit IS NULL) OR (kind = 'material' "
            "AND per_unit_value > 0 AND per_unit_unit IS NOT NULL)")


def downgrade():
    with op.batch_alter_table('category_input', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_category_input_per_unit'), type_='check')
        batch_op.drop_constraint(op.f('ck_category_input_kind'), type_='check')
        batch_op.drop_column('per_unit_unit')
        batch_op.drop_column('per_unit_value')
        batch_op.drop_column('kind')
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.drop_column('hs')
