"""ids never reused: every case-content table with an integer id gets AUTOINCREMENT on SQLite

Revision ID: 0008
Revises: 0007

Hand-written. Without AUTOINCREMENT SQLite gives a new row the highest id in use plus one, so the id of
the newest meeting, once it is deleted, went to the next new meeting, and a projector left open on it
switched by itself to another family's meeting. SQLite can only add AUTOINCREMENT by rebuilding a table:
batch mode copies each table into a new one (every row, id and column kept) and swaps it in, which is
safe because Database.migrate turns SQLite's foreign keys off while migrating (and checks them after).
The copy records the highest id in sqlite_sequence, so ids go on from there. PostgreSQL's sequences
never hand out a number twice, so there is nothing to do there.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("cases", "meetings", "roles", "participants", "relations", "agenda_items", "decisions", "board_items",
          "scores", "goals", "actions", "evaluations", "drawings")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass


def upgrade() -> None:
    _rebuild(True)


def downgrade() -> None:
    _rebuild(False)
