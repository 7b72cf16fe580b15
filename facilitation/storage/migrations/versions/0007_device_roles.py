"""device roles: the roles a caseworker plays in a meeting (facilitator, timekeeper, ...), one row per role

Revision ID: 0007
Revises: 0006

Hand-written; one new table. A device's roles are device state, not case content: the meeting's JSON
backup leaves them out, and they go with the meeting or the account (ON DELETE CASCADE).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_roles",
        sa.Column("caseworker_id", sa.Integer(), sa.ForeignKey("caseworkers.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True,
                  index=True),
        sa.Column("role", sa.String(20), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("device_roles")
