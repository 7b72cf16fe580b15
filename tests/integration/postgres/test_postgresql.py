"""The same services, backup, concurrency and exports on PostgreSQL (DATABASE_URL=postgresql://…)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from docx import Document

from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database, default_url, open_database
from facilitation.storage.backup import dumps_meeting, loads_meeting
from facilitation.storage.tables import Base
from tests.integration.postgres.conftest import reset

pytestmark = pytest.mark.integration

ACTOR = "Line Bech"


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Database]:
    """A freshly migrated PostgreSQL database."""
    reset(postgres_url)
    database = open_database(postgres_url)
    yield database
    database.dispose()


def test_a_plain_postgres_url_is_read_with_psycopg_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://user:pw@db.internal/moedetavlen")
    assert default_url() == "postgresql+psycopg://user:pw@db.internal/moedetavlen"


def test_the_migrations_build_the_schema_the_tables_describe(pg: Database) -> None:
    with pg.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_demo_case_dumps_loads_and_dumps_identically(pg: Database) -> None:
    meeting_id = create_demo_case(pg)
    first = dumps_meeting(pg, meeting_id, viewer=ACTOR)
    copy = loads_meeting(pg, ACTOR, first)
    assert dumps_meeting(pg, copy, viewer=ACTOR) == first


def test_every_edit_bumps_the_version_and_a_refused_one_writes_nothing(pg: Database) -> None:
    meeting_id = create_demo_case(pg)
    version = pg.version(meeting_id)
    s.add_board_item(pg, ACTOR, meeting_id, "worry", "Alma sover dårligt 🌙")
    assert pg.version(meeting_id) == version + 1  # type: ignore[operator]
    with pytest.raises(ValidationError):
        s.record_score(pg, ACTOR, meeting_id, s.load_meeting(pg, meeting_id, viewer=ACTOR).participants[0].id, 11)
    assert pg.version(meeting_id) == version + 1  # type: ignore[operator]


def test_two_devices_saving_at_once_keep_every_edit(pg: Database) -> None:
    meeting_id = create_demo_case(pg)
    devices = [Database(pg.url), Database(pg.url)]
    barrier = threading.Barrier(2)

    def device(index: int) -> None:
        barrier.wait()
        for number in range(50):
            s.add_action(devices[index], f"enhed {index}", meeting_id, f"aftale {index}-{number}", "Sanne")

    threads = [threading.Thread(target=device, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for database in devices:
        database.dispose()
    actions = s.load_meeting(pg, meeting_id, viewer=ACTOR).actions
    assert {f"aftale {i}-{n}" for i in (0, 1) for n in range(50)} <= {a.what for a in actions}
    assert sorted(a.position for a in actions) == list(range(len(actions)))


def test_the_word_minute_is_made_from_postgresql(pg: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from export.minute_cli import minute_for_meeting

    meeting_id = create_demo_case(pg)
    path = tmp_path / "referat.docx"
    path.write_bytes(minute_for_meeting(pg, meeting_id, viewer=ACTOR))
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Referat og aftaler" in text
