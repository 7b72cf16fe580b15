"""goal progress: how far each goal has come at a meeting (0–10), its status, and the goal it continues

Revision ID: 0013
Revises: 0012

Hand-written. Plain ADD COLUMNs: progress NULL (not asked), status "in_progress" (what every earlier goal was),
carried_from_id NULL (earlier copies were not linked). The foreign key makes SQLite's batch mode rebuild the
table, so the rebuilt table is asked to keep AUTOINCREMENT (0008): ids are never reused.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None
KEEP = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("goals", table_kwargs=KEEP) as batch_op:
        batch_op.add_column(sa.Column("progress", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(12), nullable=False, server_default="in_progress"))
        batch_op.add_column(sa.Column("carried_from_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_goals_carried_from_id", "goals", ["carried_from_id"], ["id"],
                                    ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("goals", table_kwargs=KEEP) as batch_op:
        batch_op.drop_constraint("fk_goals_carried_from_id", type_="foreignkey")
        batch_op.drop_column("carried_from_id")
        batch_op.drop_column("status")
        batch_op.drop_column("progress")
