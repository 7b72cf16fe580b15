"""Opening a database already at the newest migration skips Alembic; anything else still migrates."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from facilitation.storage import open_database
from facilitation.storage.engine import MIGRATIONS, Database, newest_revision


def test_the_newest_revision_read_from_the_files_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert newest_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_a_database_at_the_newest_revision_is_left_alone_and_an_older_one_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert not Database(url)._at_newest()  # a new file has no version table: Alembic creates the schema
    database = open_database(url)
    assert database._at_newest()
    database.migrate("0008", downgrade=True)
    assert not database._at_newest()
    database.migrate()
    assert database._at_newest()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == newest_revision()
    database.dispose()
