"""On PostgreSQL the change signal travels by LISTEN/NOTIFY: a write in another process is heard by this one's
listener, and a listener whose connection is killed reconnects and tells its followers to look again."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitation import services as s
from facilitation.storage import Database, open_database
from facilitation.storage.change_signal import CHANNEL, PostgresSignal
from tests.integration.postgres.conftest import reset

pytestmark = pytest.mark.integration

ACTOR = "Line Bech"
ROOT = Path(__file__).resolve().parents[3]
EDIT = ("import sys\nfrom facilitation import services as s\nfrom facilitation.storage import Database\n"
        "s.add_agenda_item(Database(sys.argv[1]), 'Anden proces', int(sys.argv[2]), 'Fra en anden proces', 5)\n")


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Database]:
    """A freshly migrated PostgreSQL database."""
    reset(postgres_url)
    database = open_database(postgres_url)
    yield database
    database.dispose()


def eventually(condition: Callable[[], bool], what: str) -> None:
    """Wait (generously: the machine is shared) until `condition()` holds."""
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def edit_in_another_process(url: str, meeting_id: int) -> None:
    """Add an agenda item to the meeting from a separate Python process (another app server, a tool)."""
    subprocess.run([sys.executable, "-c", EDIT, url, str(meeting_id)], cwd=ROOT, check=True, timeout=120)


def listening(pg: Database) -> PostgresSignal:
    signal = pg.changes
    assert isinstance(signal, PostgresSignal)
    return signal


def test_a_write_in_another_process_is_heard_by_this_processs_listener(pg: Database) -> None:
    case_id = s.create_case(pg, ACTOR, "Familien Holm", "Hugo", "assessment")
    meeting_id = s.create_meeting(pg, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    other_id = s.create_meeting(pg, ACTOR, case_id, "follow_up", date(2026, 4, 2), with_default_agenda=False)
    heard, other_heard = threading.Event(), threading.Event()
    stop = pg.changes.subscribe(meeting_id, heard.set)
    stop_other = pg.changes.subscribe(other_id, other_heard.set)
    try:
        eventually(lambda: listening(pg).connections >= 1, "the listener connected")
        heard.clear()
        edit_in_another_process(pg.url, meeting_id)
        assert heard.wait(60)
        assert not other_heard.is_set()  # only the meeting that changed
    finally:
        stop()
        stop_other()


def test_a_rolled_back_write_sends_nothing(pg: Database) -> None:
    case_id = s.create_case(pg, ACTOR, "Familien Iversen", "Ida", "assessment")
    meeting_id = s.create_meeting(pg, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    calls: list[int] = []
    heard = threading.Event()
    stop = pg.changes.subscribe(meeting_id, lambda: (calls.append(1), heard.set()))
    try:
        eventually(lambda: listening(pg).connections >= 1, "the listener connected")
        with pytest.raises(RuntimeError), pg.edit(meeting_id, ACTOR):
            raise RuntimeError("the service failed half-way")
        s.set_screen(pg, ACTOR, meeting_id, "board")
        assert heard.wait(60)
        # Notifications arrive in commit order: one from the rolled-back edit would have come first.
        assert calls == [1]
    finally:
        stop()


def test_a_killed_listening_connection_reconnects_and_tells_every_follower_to_look_again(pg: Database) -> None:
    case_id = s.create_case(pg, ACTOR, "Familien Juhl", "Jens", "assessment")
    meeting_id = s.create_meeting(pg, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    heard = threading.Event()
    stop = pg.changes.subscribe(meeting_id, heard.set)
    signal = listening(pg)
    try:
        eventually(lambda: signal.connections >= 1, "the listener connected")
        before = signal.connections
        heard.clear()
        with pg.engine.begin() as connection:
            killed = connection.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = :listen"
            ), {"listen": f"LISTEN {CHANNEL}"}).scalar_one()
        assert killed >= 1
        eventually(lambda: signal.connections > before, "the listener reconnected")
        assert heard.wait(60)  # a change may have been missed while it was away: look again
        heard.clear()
        edit_in_another_process(pg.url, meeting_id)
        assert heard.wait(60)
    finally:
        stop()


def test_a_disposed_database_stops_listening_and_does_not_reconnect(postgres_url: str) -> None:
    reset(postgres_url)
    database = open_database(postgres_url)
    signal = listening(database)
    stop = signal.subscribe(1, lambda: None)
    eventually(lambda: signal.connections == 1, "the listener connected")
    listener = signal._thread  # noqa: SLF001 - the test looks at the thread it wants ended
    assert listener is not None
    database.dispose()
    listener.join(timeout=60)
    assert not listener.is_alive()
    assert signal.connections == 1  # it did not open a new connection after the dispose
    stop()
