"""drawings: graphic recording, several named drawings per meeting (canvas JSON, strokes, background, picture)

Revision ID: 0004
Revises: 0003

Hand-written. One new table and its index: plain CREATE TABLE / CREATE INDEX on SQLite and PostgreSQL
alike (no existing table is altered, so SQLite's batch mode never has to rebuild one). LargeBinary is
BLOB on SQLite and BYTEA on PostgreSQL. The small columns come first: SQLite reads a row from the front,
so listing drawings does not walk the pictures' overflow pages.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drawings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("background", sa.String(20), nullable=False, server_default="blank"),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("canvas", sa.Text(), nullable=False),
        sa.Column("layer_png", sa.LargeBinary(), nullable=False),
        sa.Column("background_png", sa.LargeBinary(), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("drawings") as batch_op:
        batch_op.create_index("ix_drawings_meeting_id", ["meeting_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("drawings") as batch_op:
        batch_op.drop_index("ix_drawings_meeting_id")
    op.drop_table("drawings")
