"""Official documents: the organizer's header block (governing and issuing body, document codes, place) and the
bank's NAPAS BIN for the VietQR transfer code.

Revision ID: 0017_official_documents
Revises: 0016_fair_people
Create Date: 2026-12-06 19:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0017_official_documents'
down_revision = '0016_fair_people'
branch_labels = None
depends_on = None

COLUMNS = (
    ("bank_bin", 6, ""),
    ("document_parent_body", 200, ""),
    ("document_issuing_body", 200, ""),
    ("payment_request_code", 30, "TB-BTC"),
    ("report_code", 30, "BC-BTC"),
    ("document_place", 100, "Hà Nội"),
)


def upgrade():
    with op.batch_alter_table('fair') as batch_op:
        for name, length, default in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=default))


def downgrade():
    with op.batch_alter_table('fair') as batch_op:
        for name, _length, _default in reversed(COLUMNS):
            batch_op.drop_column(name)
