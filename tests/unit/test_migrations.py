"""The schema migrations: the newest matches the table definitions, and upgrading keeps every row."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from facilitation import services as s
from facilitation.storage import Database, open_database
from facilitation.storage.tables import Base
from tests.conftest import ACTOR


def test_the_migrated_database_matches_the_table_definitions(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_upgrading_from_the_first_schema_keeps_every_row_and_every_link(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        database.migrate("0001")
        with database.engine.begin() as connection:
            for sql in (
                "INSERT INTO cases VALUES (1, 'Familien Juhl', 'Alma', 'assessment', '2026-03-01 09:00:00')",
                "INSERT INTO meetings VALUES (1, 1, 'start', '2026-03-02', '', '', 'planned', 7, "
                "'2026-03-02 09:00:00', 'Line')",
                "INSERT INTO board_items VALUES (1, 1, 'danger_statement', 'Vi er bekymrede', 0, '', '', NULL)",
                "INSERT INTO board_items VALUES (2, 1, 'safety_goal', 'Altid en voksen', 0, '', '', 1)",
                "INSERT INTO goals VALUES (1, 1, 'short', 'Telefonliste', 'Familien', 0)",
                "INSERT INTO actions VALUES (1, 1, 'Ringe', 'Sanne', NULL, 'family', 'open', 1, 0)",
            ):
                connection.exec_driver_sql(sql)
        database.migrate()
        # Rebuilding `goals` must not fire the actions' ON DELETE SET NULL (foreign keys are off meanwhile).
        assert _rows(database, "SELECT id, goal_id FROM actions") == [(1, 1)]
        assert _rows(database, "SELECT id, answers_id FROM board_items ORDER BY id") == [(1, None), (2, 1)]
        assert _rows(database, "PRAGMA foreign_keys") == [(1,)], "foreign keys are on again afterwards"
        record = s.load_meeting(database, 1, viewer=ACTOR)
        assert (record.meeting.version, record.meeting.scale_question, record.meeting.show_three_houses) == (
            7, "", False,
        )
        assert [(g.text, g.safety_goal_id) for g in record.goals] == [("Telefonliste", None)]
        s.link_goal_to_safety_goal(database, "test", 1, 1, 2)
        database.migrate("0001", downgrade=True)
        assert _rows(database, "SELECT id, goal_id FROM actions") == [(1, 1)]
        assert _rows(database, "SELECT count(*) FROM goals") == [(1,)]
    finally:
        database.dispose()


def test_migrating_an_up_to_date_database_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        case_id = s.create_case(database, "test", "Familien Ny", "Ida", "assessment")
        mid = s.create_meeting(database, "test", case_id, "start", "2026-03-02")
        database.migrate()
        assert s.get_meeting(database, mid, viewer=ACTOR).version == 1
    finally:
        database.dispose()
