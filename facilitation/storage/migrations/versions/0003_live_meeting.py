"""live meeting: what the projector shows, the privacy curtain, the timer's pauses and added time, decisions

Revision ID: 0003
Revises: 0002

Hand-written; plain ADD COLUMNs with server defaults (no table rebuild on SQLite) and one new table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("screen", sa.String(20), nullable=False, server_default="agenda"))
        batch_op.add_column(sa.Column("curtain", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("warn_minutes", sa.Integer(), nullable=False, server_default="2"))
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(sa.Column("paused_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("paused_seconds", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("extra_minutes", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agenda_items.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_decisions_meeting_id", "decisions", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_decisions_meeting_id", table_name="decisions")
    op.drop_table("decisions")
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.drop_column("extra_minutes")
        batch_op.drop_column("paused_seconds")
        batch_op.drop_column("paused_at")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("warn_minutes")
        batch_op.drop_column("curtain")
        batch_op.drop_column("screen")
