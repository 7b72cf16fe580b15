"""follow-up: the next follow-up date of a meeting, a contact text per role, actions carried forward

Revision ID: 0005
Revises: 0004

Hand-written. On SQLite the meeting and role columns are plain ADD COLUMNs (nullable, or with a
string server default, so batch mode does not rebuild those tables); `actions` is rebuilt by
batch mode to get its self-referencing foreign key, which is safe because Database.migrate turns
SQLite's foreign keys off while migrating. On PostgreSQL every step is an ordinary ALTER TABLE.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("follow_up_date", sa.Date(), nullable=True))
    with op.batch_alter_table("roles") as batch_op:
        batch_op.add_column(sa.Column("contact", sa.String(500), nullable=False, server_default=""))
    with op.batch_alter_table("actions") as batch_op:
        batch_op.add_column(sa.Column("carried_from_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_actions_carried_from_id", "actions", ["carried_from_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("actions") as batch_op:
        batch_op.drop_constraint("fk_actions_carried_from_id", type_="foreignkey")
        batch_op.drop_column("carried_from_id")
    with op.batch_alter_table("roles") as batch_op:
        batch_op.drop_column("contact")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("follow_up_date")
