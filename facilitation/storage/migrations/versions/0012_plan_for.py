"""plan for: whom a goal or an action is for (the child, a named person, or the family)

Revision ID: 0012
Revises: 0011

Hand-written. Plain ADD COLUMNs with server defaults ("child": what every earlier goal and action was for).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("goals", "actions"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("plan_for", sa.String(10), nullable=False, server_default="child"))
            batch_op.add_column(sa.Column("plan_for_name", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    for table in ("actions", "goals"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("plan_for_name")
            batch_op.drop_column("plan_for")
