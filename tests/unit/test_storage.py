"""The one door to the database: SQLite set-up, the meeting version, and edit transactions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from facilitation import services as s
from facilitation.domain.validation import NotFoundError
from facilitation.storage import Database, default_url, open_database
from facilitation.storage import tables as t
from tests.conftest import ACTOR


class Boom(RuntimeError):
    """A failure in the middle of an edit."""


def test_the_sqlite_database_runs_in_wal_mode_with_foreign_keys_on(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_an_edit_bumps_the_version_by_one_and_records_who_edited(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    with db.edit(meeting_id, "Thomas Vinther"):
        pass
    assert db.version(meeting_id) == before + 1
    with db.read() as session:
        row = session.get(t.MeetingRow, meeting_id)
        assert row is not None
        assert row.updated_by == "Thomas Vinther"


def test_a_very_long_actor_name_is_cut_to_fit(db: Database, meeting_id: int) -> None:
    with db.edit(meeting_id, "x" * 500):
        pass
    with db.read() as session:
        assert session.scalar(select(t.MeetingRow.updated_by).where(t.MeetingRow.id == meeting_id)) == "x" * 200


def test_an_edit_of_an_unknown_meeting_raises_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as info, db.edit(404, ACTOR):
        pytest.fail("the body must not run for an unknown meeting")
    assert (info.value.what, info.value.ident) == ("meeting", 404)


def test_a_failing_edit_rolls_back_the_version_bump_and_its_writes(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    with pytest.raises(Boom), db.edit(meeting_id, ACTOR) as session:
        session.add(t.BoardItemRow(meeting_id=meeting_id, kind="worry", text="Halvt gemt", position=0))
        session.flush()
        raise Boom
    assert db.version(meeting_id) == before
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).board == ()


def test_the_version_of_an_unknown_meeting_is_none(db: Database) -> None:
    assert db.version(404) is None


def test_a_second_connection_sees_the_new_version_at_once(db: Database, meeting_id: int, data_dir: Path) -> None:
    other_device = Database(f"sqlite:///{data_dir / 'moedetavlen.sqlite3'}")
    try:
        seen = other_device.version(meeting_id)
        s.add_board_item(db, ACTOR, meeting_id, "worry", "Ny note")
        assert other_device.version(meeting_id) == seen + 1
        assert [b.text for b in s.load_meeting(other_device, meeting_id, viewer=ACTOR).board] == ["Ny note"]
    finally:
        other_device.dispose()


def test_reading_commits_nothing(db: Database, meeting_id: int) -> None:
    with db.read() as session:
        session.add(t.BoardItemRow(meeting_id=meeting_id, kind="worry", text="Kun læst", position=0))
        session.flush()
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).board == ()


def test_the_default_database_is_a_sqlite_file_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MOEDETAVLEN_DATA_DIR", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'moedetavlen.sqlite3'}"


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://u:p@host/db", "postgresql+psycopg://u:p@host/db"),
        ("postgres://u:p@host/db", "postgresql+psycopg://u:p@host/db"),
        (" postgresql+psycopg://u@host/db ", "postgresql+psycopg://u@host/db"),
        ("sqlite:////srv/m.sqlite3", "sqlite:////srv/m.sqlite3"),
    ],
)
def test_database_url_wins_and_plain_postgres_urls_use_psycopg_3(
    given: str, used: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    monkeypatch.setenv("MOEDETAVLEN_DATA_DIR", "/ignored")
    assert default_url() == used


def test_opening_a_database_in_a_new_folder_creates_it_with_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "m.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        assert path.exists()
        s.create_case(database, ACTOR, "Familien Ny", "Ida", "assessment")
        assert [c.family_name for c in s.list_cases(database, viewer=ACTOR)] == ["Familien Ny"]
    finally:
        database.dispose()


def test_a_meeting_created_after_a_deleted_one_gets_a_new_id_and_a_new_stamp(db: Database) -> None:
    from facilitation import services as s

    case_id = s.create_case(db, "test", "Familien Ny", "Ida", "assessment")
    first = s.create_meeting(db, "test", case_id, "start", "2026-03-02")
    old_stamp = db.stamp(first)
    s.delete_meeting(db, "test", first)
    again = s.create_meeting(db, "test", case_id, "start", "2026-03-02")
    assert again > first, "ids are never reused (AUTOINCREMENT, migration 0008)"
    assert db.stamp(first) is None and db.stamp(again) != old_stamp


def test_every_edit_changes_the_stamp(db: Database) -> None:
    from facilitation import services as s

    case_id = s.create_case(db, "test", "Familien Ny", "Ida", "assessment")
    meeting = s.create_meeting(db, "test", case_id, "start", "2026-03-02")
    before = db.stamp(meeting)
    s.add_board_item(db, "test", meeting, "worry", "Ny bekymring")
    assert db.stamp(meeting) != before
    assert db.stamp(999_999) is None
