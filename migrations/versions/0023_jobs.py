"""Background jobs, the files they build, and the data stamps that key those files.

Revision ID: 0023_jobs
Revises: 0022_deals
Create Date: 2026-12-07 00:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0023_jobs'
down_revision = '0022_deals'
branch_labels = None
depends_on = None

SOURCES = ("auth", "booths", "enterprises", "events", "fairs", "meetings", "people", "register", "support")


def upgrade():
    op.create_table(
        'job',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('lang', sa.String(length=2), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('progress', sa.Float(), nullable=False),
        sa.Column('message', sa.String(length=300), nullable=False),
        sa.Column('result', sa.JSON(), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_job_state')),
        sa.CheckConstraint('progress >= 0 AND progress <= 1', name=op.f('ck_job_progress')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_job_user_id_user'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_job')),
    )
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.create_index('ix_job_state', ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_job_active_key', ['key'], unique=True,
                              sqlite_where=sa.text("state IN ('queued', 'running')"),
                              postgresql_where=sa.text("state IN ('queued', 'running')"))
    op.create_table(
        'stored_file',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('mimetype', sa.String(length=100), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_stored_file')),
    )
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_file_created_at'), ['created_at'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        # PDFs and uploads are compressed already: storing them as they are halves the time to write them.
        op.execute("ALTER TABLE stored_file ALTER COLUMN content SET STORAGE EXTERNAL")
    stamps = sa.table('change_stamp', sa.column('name', sa.String), sa.column('value', sa.BigInteger))
    op.bulk_insert(stamps, [{'name': f'data:{source}', 'value': 1} for source in SOURCES])


def downgrade():
    op.execute(sa.text("DELETE FROM change_stamp WHERE name LIKE 'data:%'"))
    op.drop_table('stored_file')
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.drop_index('uq_job_active_key')
        batch_op.drop_index(batch_op.f('ix_job_user_id'))
        batch_op.drop_index('ix_job_state')
    op.drop_table('job')
