"""Migration 0004 adds the drawings table and takes it away again, touching nothing else."""

from __future__ import annotations

from pathlib import Path

from facilitation import services as s
from facilitation.storage import Database, open_database
from tests.conftest import ACTOR
from tests.support.drawings import canvas, layer


def _tables(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())


def test_downgrading_below_0004_drops_only_the_drawings_and_upgrading_brings_the_table_back(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        case_id = s.create_case(database, ACTOR, "Familien Juhl", "Alma", "assessment")
        mid = s.create_meeting(database, ACTOR, case_id, "start", "2026-03-02")
        drawing = s.create_drawing(database, ACTOR, mid, "Drømme")
        s.save_drawing(database, ACTOR, mid, drawing, canvas(), layer())
        database.migrate("0003", downgrade=True)
        assert "drawings" not in _tables(database)
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM meetings").scalar_one() == 1
        database.migrate()
        assert s.list_drawings(database, mid, viewer=ACTOR) == []
        s.create_drawing(database, ACTOR, mid, "Igen")
        assert [d.name for d in s.list_drawings(database, mid, viewer=ACTOR)] == ["Igen"]
    finally:
        database.dispose()
