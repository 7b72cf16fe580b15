"""'Meeting N changed', told to everyone in this process who follows meeting N.

Every write to a meeting announces it (Database.announce, inside the writing transaction); the signal is
fanned out only after the commit, so a follower that reads at once sees the new state.
- SQLite: one app process is the deployment, so the commit itself publishes to this process's followers.
  Writes by another process (the command-line tools, a test) are noticed by one watcher thread per process:
  every WATCH_SECONDS it asks SQLite whether anyone committed (`PRAGMA data_version`, no table read) and
  only then reads the followed meetings' versions, publishing those that moved without this process's word.
- PostgreSQL: the transaction sends `pg_notify(CHANNEL, '<id>')`, which the server delivers at commit to
  every listening connection; each app process holds ONE listening connection (a daemon thread, started
  when the first follower subscribes) and fans what it hears out to its own followers. So two app processes
  on one database hear each other's changes. A dropped connection is reopened, and then every follower is
  told "changed" once, since a change may have been missed meanwhile.

A follower is a callback taking nothing: it must be quick and thread-safe (it is called from the writing
thread or the listener thread), e.g. `loop.call_soon_threadsafe(event.set)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select

from facilitation.storage.tables import MeetingRow

CHANNEL = "mt_meeting_changed"
WATCH_SECONDS = 0.02  # SQLite: how often the watcher asks whether another process committed (~20 µs of CPU each)
IDLE_CHECK_SECONDS = 30.0  # a silent listening connection is checked this often (a dead one raises)
RECONNECT_SECONDS = (0.5, 1.0, 2.0, 5.0)  # waits between attempts to reopen a dropped listening connection
_LOG = logging.getLogger(__name__)

Follower = Callable[[], object]  # what a follower returns is ignored


class ChangeSignal:
    """A thread-safe fan-out of 'meeting N changed' to this process's followers of meeting N."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._followers: dict[int, set[Follower]] = {}

    def subscribe(self, meeting_id: int, follower: Follower) -> Callable[[], None]:
        """Call `follower()` after every change of the meeting; returns the function that stops it."""
        with self._lock:
            self._followers.setdefault(meeting_id, set()).add(follower)
        self._started()

        def unsubscribe() -> None:
            with self._lock:
                followers = self._followers.get(meeting_id)
                if followers is not None:
                    followers.discard(follower)
                    if not followers:
                        del self._followers[meeting_id]

        return unsubscribe

    def publish(self, meeting_id: int) -> None:
        """Tell the meeting's followers it changed (each once; one failing follower does not stop the rest)."""
        with self._lock:
            followers = tuple(self._followers.get(meeting_id, ()))
        _call(followers)

    def publish_all(self) -> None:
        """Tell every follower of every meeting 'changed' (after a gap in which a change may have been missed)."""
        with self._lock:
            followers = tuple(f for group in self._followers.values() for f in group)
        _call(followers)

    def seen(self, meeting_id: int, version: int | None) -> None:
        """A follower just read the meeting at this version (a signal watching versions starts from it)."""

    def followers(self, meeting_id: int) -> int:
        """How many followers the meeting has in this process."""
        with self._lock:
            return len(self._followers.get(meeting_id, ()))

    def _started(self) -> None:
        """Hook for a signal that needs a listener before its first follower (PostgreSQL)."""

    def close(self) -> None:
        """Stop listening (the database is being disposed); followers are told nothing more."""


def _call(followers: tuple[Follower, ...]) -> None:
    for follower in followers:
        try:
            follower()
        except Exception:  # a follower's failure is its own; the others and the writer go on
            _LOG.exception("a change follower failed")


class PostgresSignal(ChangeSignal):
    """The signal on PostgreSQL: what one listening connection hears, fanned out in this process."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._engine = engine
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._stopped = threading.Event()
        self._connection: Any = None
        self.connections = 0  # how many times the listening connection was opened (tests, diagnostics)

    def close(self) -> None:
        """Stop the listening thread and close its connection (so it does not reconnect after a dispose)."""
        self._stopped.set()
        connection = self._connection
        if connection is not None:
            try:
                connection.close()  # wakes the listener out of its wait; it then sees it was stopped
            except Exception:  # already closed or broken: the listener ends on its own
                _LOG.debug("the change listener's connection was already closed", exc_info=True)

    def _started(self) -> None:
        with self._start_lock:
            if self._thread is None and not self._stopped.is_set():
                self._thread = threading.Thread(target=self._listen_forever, name="mt-change-listener", daemon=True)
                self._thread.start()

    def _connect(self) -> Any:
        """A new autocommit psycopg connection with the engine's own connection arguments."""
        import psycopg

        args, kwargs = self._engine.dialect.create_connect_args(self._engine.url)
        return psycopg.connect(*args, **kwargs, autocommit=True)

    def _listen_forever(self) -> None:
        failures = 0
        while not self._stopped.is_set():
            try:
                with self._connect() as connection:
                    self._connection = connection
                    if self._stopped.is_set():
                        return
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.connections += 1
                    if self.connections > 1:
                        self.publish_all()  # the gap while the connection was down
                    failures = 0
                    while not self._stopped.is_set():
                        for note in connection.notifies(timeout=IDLE_CHECK_SECONDS):
                            if note.payload.isdigit():
                                self.publish(int(note.payload))
                        connection.execute("SELECT 1")  # a quiet while: is the connection still alive?
            except Exception:  # the server restarted or the network dropped: reopen, and say so in the log
                if self._stopped.is_set():
                    return
                _LOG.warning("the change listener lost its connection; reconnecting", exc_info=True)
            finally:
                self._connection = None
            self._stopped.wait(RECONNECT_SECONDS[min(failures, len(RECONNECT_SECONDS) - 1)])
            failures += 1


class SqliteSignal(ChangeSignal):
    """The signal on SQLite: this process's commits at once, other processes' within WATCH_SECONDS."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._engine = engine
        self._known: dict[int, int | None] = {}  # the version each followed meeting was last announced at
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def committed(self, versions: dict[int, int | None]) -> None:
        """This process committed changes of these meetings (now at these versions; None: deleted): publish."""
        with self._lock:
            self._known.update(versions)
        for meeting_id in sorted(versions):
            self.publish(meeting_id)

    def seen(self, meeting_id: int, version: int | None) -> None:
        """Start watching the meeting from this version (unless the watcher already knows a version of it)."""
        with self._lock:
            self._known.setdefault(meeting_id, version)

    def _started(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch_forever, name="mt-change-watcher", daemon=True)
                self._thread.start()

    def _watch_forever(self) -> None:
        seen: object = None
        while not self._done():
            try:
                with self._engine.connect() as connection:
                    while not self._done():
                        now = connection.exec_driver_sql("PRAGMA data_version").scalar()
                        if now != seen:
                            seen = now
                            self._publish_moved(connection)
                        connection.rollback()
                        threading.Event().wait(WATCH_SECONDS)
            except Exception:  # the file is busy or was replaced: look again in a moment
                _LOG.warning("the change watcher failed; watching again", exc_info=True)
                threading.Event().wait(WATCH_SECONDS)

    def _done(self) -> bool:
        """Whether nobody follows any meeting any more: then the watcher ends (the next follower starts one)."""
        with self._start_lock, self._lock:
            if self._followers:
                return False
            self._thread = None
            return True

    def _publish_moved(self, connection: Any) -> None:
        """Publish the followed meetings whose version moved since this process last announced them."""
        with self._lock:
            followed = list(self._followers)
        if not followed:
            return
        found = dict(connection.execute(
            select(MeetingRow.id, MeetingRow.version).where(MeetingRow.id.in_(followed))).all())
        moved = []
        with self._lock:
            for meeting_id in followed:
                version = found.get(meeting_id)
                if meeting_id not in self._known:
                    self._known[meeting_id] = version  # first look: nothing to tell
                elif self._known[meeting_id] != version:
                    self._known[meeting_id] = version
                    moved.append(meeting_id)
        for meeting_id in moved:
            self.publish(meeting_id)


_SIGNALS: dict[str, ChangeSignal] = {}
_SIGNALS_LOCK = threading.Lock()
_USERS: dict[str, int] = {}  # how many Database objects hold each signal (the last dispose stops it)


def signal_for(engine: Engine) -> ChangeSignal:
    """The one signal of this process for the engine's database (every Database object of one URL shares it).

    A process-wide registry on purpose: followers and writers may hold different Database objects for the
    same database (the pages' and the stream route's), and must meet in one place.
    """
    key = engine.url.render_as_string(hide_password=False)
    with _SIGNALS_LOCK:
        found = _SIGNALS.get(key)
        if found is None:
            found = PostgresSignal(engine) if engine.dialect.name == "postgresql" else SqliteSignal(engine)
            _SIGNALS[key] = found
        _USERS[key] = _USERS.get(key, 0) + 1
        return found


def release_signal(engine: Engine) -> None:
    """One user of the engine's signal is done (Database.dispose); the last one stops it (no reconnecting)."""
    key = engine.url.render_as_string(hide_password=False)
    with _SIGNALS_LOCK:
        users = _USERS.get(key, 0) - 1
        if users > 0:
            _USERS[key] = users
            return
        _USERS.pop(key, None)
        found = _SIGNALS.pop(key, None)
    if found is not None:
        found.close()
