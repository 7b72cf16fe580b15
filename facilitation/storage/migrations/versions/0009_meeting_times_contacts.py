"""meeting times and contacts: a meeting's start and end time, the next follow-up's time and place,
a participant's standard relation word, a caseworker's phone

Revision ID: 0009
Revises: 0007

Hand-written. Every step is a plain ADD COLUMN (nullable, or with a string server default), so batch
mode does not rebuild any table on SQLite; on PostgreSQL each is an ordinary ALTER TABLE.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("end_time", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("follow_up_start", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("follow_up_end", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("follow_up_place", sa.String(500), nullable=False, server_default=""))
    with op.batch_alter_table("participants") as batch_op:
        batch_op.add_column(sa.Column("standard_relation", sa.String(30), nullable=False, server_default=""))
    with op.batch_alter_table("caseworkers") as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("caseworkers") as batch_op:
        batch_op.drop_column("phone")
    with op.batch_alter_table("participants") as batch_op:
        batch_op.drop_column("standard_relation")
    with op.batch_alter_table("meetings") as batch_op:
        for name in ("follow_up_place", "follow_up_end", "follow_up_start", "end_time", "start_time"):
            batch_op.drop_column(name)
