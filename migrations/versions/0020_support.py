"""Exhibitor support: a fair's rules (criteria, benefit, budget, precedence) and the grant a booking received.
The budget is kept in the database: CHECK (granted_vnd <= budget_vnd).

Revision ID: 0020_support
Revises: 0019_register
Create Date: 2026-12-06 22:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0020_support"
down_revision = "0019_register"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "support_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("needs_recognised_product", sa.Boolean(), nullable=False),
        sa.Column("max_employees", sa.Integer(), nullable=True),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("percent_off", sa.Integer(), nullable=False),
        sa.Column("budget_vnd", sa.Integer(), nullable=False),
        sa.Column("granted_vnd", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("percent_off BETWEEN 1 AND 100", name=op.f("ck_support_rule_percent_off")),
        sa.CheckConstraint("max_employees IS NULL OR max_employees >= 1", name=op.f("ck_support_rule_max_employees")),
        sa.CheckConstraint(
            "granted_vnd >= 0 AND granted_vnd <= budget_vnd", name=op.f("ck_support_rule_within_budget")
        ),
        sa.ForeignKeyConstraint(
            ["fair_id"], ["fair.id"], name=op.f("fk_support_rule_fair_id_fair"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_rule")),
    )
    op.create_index(op.f("ix_support_rule_fair_id"), "support_rule", ["fair_id"], unique=False)
    op.create_table(
        "support_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("reservation_id", sa.Integer(), nullable=False),
        sa.Column("amount_vnd", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_vnd > 0", name=op.f("ck_support_grant_positive")),
        sa.ForeignKeyConstraint(
            ["reservation_id"],
            ["booth_reservation.id"],
            name=op.f("fk_support_grant_reservation_id_booth_reservation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["support_rule.id"], name=op.f("fk_support_grant_rule_id_support_rule"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_grant")),
        sa.UniqueConstraint("reservation_id", name=op.f("uq_support_grant_reservation_id")),
    )
    op.create_index(op.f("ix_support_grant_rule_id"), "support_grant", ["rule_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_support_grant_rule_id"), table_name="support_grant")
    op.drop_table("support_grant")
    op.drop_index(op.f("ix_support_rule_fair_id"), table_name="support_rule")
    op.drop_table("support_rule")
