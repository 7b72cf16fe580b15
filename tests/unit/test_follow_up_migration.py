"""Migration 0005: follow-up date, role contacts and carried actions added without losing a row, and undone."""

from __future__ import annotations

from pathlib import Path

from facilitation import services as s
from facilitation.storage import Database
from tests.conftest import ACTOR


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_upgrading_to_0005_keeps_every_action_and_its_goal_and_downgrading_keeps_them_too(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        database.migrate("0004")
        with database.engine.begin() as connection:
            for sql in (
                "INSERT INTO cases VALUES (1, 'Familien Juhl', 'Alma', 'assessment', '2026-03-01 09:00:00')",
                "INSERT INTO meetings (id, case_id, kind, date, place, purpose, status, version, updated_at, "
                "updated_by) VALUES (1, 1, 'start', '2026-03-02', '', '', 'planned', 7, '2026-03-02 09:00:00', 'L')",
                "INSERT INTO roles VALUES (1, 1, 'facilitator', 'Line Bech')",
                "INSERT INTO goals (id, meeting_id, term, text, owner, position) VALUES (1, 1, 'short', 'Mål', '', 0)",
                "INSERT INTO actions VALUES (1, 1, 'Ringe', 'Sanne', NULL, 'family', 'open', 1, 0)",
            ):
                connection.exec_driver_sql(sql)
        database.migrate()
        assert _rows(database, "SELECT id, goal_id, carried_from_id FROM actions") == [(1, 1, None)]
        record = s.load_meeting(database, 1, viewer=ACTOR)
        assert (record.meeting.follow_up_date, record.contacts, record.meeting.version) == (None, {}, 7)
        s.set_role_contact(database, "test", 1, "facilitator", "Tlf. 12 34 56 78")
        s.set_follow_up_date(database, "test", 1, "2026-04-13")
        later = s.create_meeting(database, "test", 1, "follow_up", "2026-04-13", with_default_agenda=False)
        s.carry_forward(database, "test", 1, later)
        assert _rows(database, "SELECT carried_from_id FROM actions WHERE meeting_id = 2") == [(1,)]
        database.migrate("0004", downgrade=True)
        assert _rows(database, "SELECT id, goal_id FROM actions ORDER BY id") == [(1, 1), (2, 2)]
        assert _rows(database, "SELECT caseworker FROM roles") == [("Line Bech",)]
        database.migrate()
        assert _rows(database, "SELECT contact FROM roles") == [("",)]
    finally:
        database.dispose()
