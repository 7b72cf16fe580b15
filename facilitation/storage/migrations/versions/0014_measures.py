"""measures: the measures (indsatser) on a case, with their legal basis and step on the intervention ladder

Revision ID: 0014
Revises: 0013

Hand-written. One new table and its index (no existing table is altered). A measure belongs to the case,
not to one meeting: every meeting of the case sees it. The goal it serves is a goal of one meeting; a deleted
goal leaves the measure without one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(500), nullable=False),
        sa.Column("legal_basis", sa.String(20), nullable=False),
        sa.Column("provider", sa.String(500), nullable=False, server_default=""),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.String(50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="SET NULL", name="fk_measures_goal_id"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("measures") as batch_op:
        batch_op.create_index("ix_measures_case_id", ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("measures") as batch_op:
        batch_op.drop_index("ix_measures_case_id")
    op.drop_table("measures")
