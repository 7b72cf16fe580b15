"""Ids are never given twice (migration 0008): a deleted meeting's id never comes back as another meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.storage import Database
from facilitation.storage.tables import Base
from tests.conftest import ACTOR, DEMO_DAY
from tests.unit.helpers import snapshot

ID_TABLES = sorted(
    table.name for table in Base.metadata.sorted_tables
    if [column.name for column in table.primary_key.columns] == ["id"]
)


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def _content(database: Database) -> dict[str, list[object]]:
    rows = snapshot(database)
    return {name: found for name, found in rows.items() if name not in ("alembic_version", "sqlite_sequence")}


def test_every_table_with_an_integer_id_has_autoincrement_in_the_migrated_database(db: Database) -> None:
    created = dict(_rows(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    assert "meetings" in ID_TABLES and "drawings" in ID_TABLES
    assert [name for name in ID_TABLES if "AUTOINCREMENT" not in str(created[name])] == []


@pytest.mark.parametrize("table", ID_TABLES)
def test_the_table_definitions_ask_for_autoincrement(table: str) -> None:
    assert Base.metadata.tables[table].kwargs.get("sqlite_autoincrement") is True


def test_a_new_meeting_never_gets_the_id_of_the_meeting_deleted_before_it(db: Database) -> None:
    family_a = s.create_case(db, ACTOR, "Familien A", "Ida", "assessment")
    s.create_meeting(db, ACTOR, family_a, "start", date(2026, 3, 2))
    deleted = s.create_meeting(db, ACTOR, family_a, "follow_up", date(2026, 4, 2))
    s.delete_meeting(db, ACTOR, deleted)
    family_b = s.create_case(db, ACTOR, "Familien B", "Bo", "assessment")
    new = s.create_meeting(db, ACTOR, family_b, "start", date(2026, 3, 3))
    assert new > deleted
    assert not s.meeting_exists(db, deleted, viewer=ACTOR)


def test_a_deleted_case_and_its_items_leave_their_ids_unused(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien A", "Ida", "assessment")
    meeting_id = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    person = s.add_participant(db, ACTOR, meeting_id, "Mor")
    item = s.add_board_item(db, ACTOR, meeting_id, "worry", "Bekymring")
    s.delete_case(db, ACTOR, case_id)
    again = s.create_case(db, ACTOR, "Familien B", "Bo", "assessment")
    later = s.create_meeting(db, ACTOR, again, "start", date(2026, 3, 3))
    assert again > case_id and later > meeting_id
    assert s.add_participant(db, ACTOR, later, "Far") > person
    assert s.add_board_item(db, ACTOR, later, "worry", "Ny") > item


def test_upgrading_to_0008_keeps_every_row_and_every_link_and_then_never_reuses_an_id(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        database.migrate()  # the demo is written by today's code, then taken back to the schema of 0007
        demo = create_demo_meeting(database, DEMO_DAY)
        other = s.create_meeting(database, ACTOR, s.get_meeting(database, demo, viewer=ACTOR).case_id, "follow_up",
                                 date(2026, 4, 2))
        database.migrate("0007", downgrade=True)
        before = _content(database)
        assert sum(len(found) for found in before.values()) > 50, "the demo fills most tables"
        database.migrate("0008")
        assert _content(database) == before
        database.migrate()
        assert _rows(database, "PRAGMA foreign_key_check") == []
        assert _rows(database, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(database, "PRAGMA foreign_keys") == [(1,)]
        assert s.load_meeting(database, demo, viewer=ACTOR).participants, "the services read the rebuilt tables"
        s.delete_meeting(database, ACTOR, other)
        assert s.create_meeting(database, ACTOR, 1, "follow_up", date(2026, 4, 3)) > other
        database.migrate("0007", downgrade=True)
        assert len(_rows(database, "SELECT id FROM meetings")) == 2
        assert _rows(database, "PRAGMA foreign_key_check") == []
    finally:
        database.dispose()
