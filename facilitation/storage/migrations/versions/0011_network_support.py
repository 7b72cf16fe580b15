"""network support: what a person gives or receives (support kinds with direction), and "could be asked"

Revision ID: 0011
Revises: 0009

Hand-written. Plain ADD COLUMNs with constant string server defaults ("0" for false, which PostgreSQL also
reads as false): an expression default such as sa.false() makes batch mode rebuild the table on SQLite, and the
rebuilt table loses AUTOINCREMENT (tests/unit/test_ids_never_reused.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participants") as batch_op:
        batch_op.add_column(sa.Column("supports", sa.String(200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("could_be_asked", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("participants") as batch_op:
        batch_op.drop_column("could_be_asked")
        batch_op.drop_column("supports")
