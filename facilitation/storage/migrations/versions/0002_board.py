"""board: scaling question and Three Houses flag per meeting; goals answer safety goals

Revision ID: 0002
Revises: 0001

Hand-written. On SQLite the two new meeting columns are plain ADD COLUMNs (a string server
default keeps batch mode from rebuilding `meetings`); `goals` is rebuilt by batch mode to get
its foreign key, which is safe because Database.migrate turns SQLite's foreign keys off while
migrating (otherwise dropping the old `goals` would null every action's goal link).
On PostgreSQL every step is an ordinary ALTER TABLE.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("scale_question", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("show_three_houses", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("goals") as batch_op:
        batch_op.add_column(sa.Column("safety_goal_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_goals_safety_goal_id", "board_items", ["safety_goal_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_goals_safety_goal_id", ["safety_goal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("goals") as batch_op:
        batch_op.drop_index("ix_goals_safety_goal_id")
        batch_op.drop_constraint("fk_goals_safety_goal_id", type_="foreignkey")
        batch_op.drop_column("safety_goal_id")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("show_three_houses")
        batch_op.drop_column("scale_question")
