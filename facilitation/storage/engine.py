"""The one door to the database: engine set-up, migrations, and short transactions.

SQLite (WAL) under `data/` by default; `DATABASE_URL` selects any other database
(PostgreSQL via psycopg). Every edit of a meeting goes through `Database.edit`, which
bumps the meeting's version in the same transaction and announces the change: after the
commit, the devices following the meeting are told (facilitation/storage/change_signal.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from facilitation.domain.access import LOG_KEPT, AccessKind, Actor, Caseworker, actor_name
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import NAME_MAX, NotFoundError
from facilitation.storage import access_rows
from facilitation.storage.change_signal import CHANNEL, ChangeSignal, SqliteSignal, release_signal, signal_for
from facilitation.storage.tables import MeetingRow

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ANNOUNCED = "mt_changed_meetings"  # Session.info key: the meetings this transaction changed


def default_url() -> str:
    """DATABASE_URL if set, else a SQLite file in MOEDETAVLEN_DATA_DIR (default ./data)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Plain postgres URLs name psycopg2, which is not installed; psycopg 3 is.
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    data_dir = Path(os.environ.get("MOEDETAVLEN_DATA_DIR", PROJECT_ROOT / "data"))
    return f"sqlite:///{data_dir / 'moedetavlen.sqlite3'}"



_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]\s*$", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE)


def newest_revision() -> str | None:
    """The one head of the migration files, read as text (None if any file is not the plain one-parent form)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, parent = _REVISION.findall(source), _DOWN.findall(source)
        if len(revision) != 1 or len(parent) != 1:
            return None
        revisions.add(revision[0])
        if parent[0]:
            parents.add(parent[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def _prepare_sqlite(engine: Engine) -> None:
    db_path = engine.url.database
    if db_path and db_path != ":memory:":
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


class Database:
    """A configured database: short read transactions and one-row edit transactions."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self.engine = create_engine(self.url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            _prepare_sqlite(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.changes: ChangeSignal = signal_for(self.engine)
        self._disposed = False
        self._notify = self.engine.dialect.name == "postgresql"
        event.listen(self._sessions, "after_commit", self._after_commit)
        event.listen(self._sessions, "after_rollback", _forget_announced)

    def migrate(self, revision: str = "head", *, downgrade: bool = False) -> None:
        """Bring the schema to an Alembic revision (the newest by default); at the newest already, do nothing.

        Alembic is imported only when there is something to do: importing it took a third of the app's start.
        """
        if revision == "head" and not downgrade and self._at_newest():
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        sqlite = self.engine.dialect.name == "sqlite"
        with self.engine.connect() as connection:
            if sqlite:
                # Batch mode rebuilds a table by copying it and dropping the old one; with foreign keys
                # on, that drop would fire ON DELETE CASCADE / SET NULL in every table pointing at it.
                # The pragma only takes effect outside a transaction (SQLite's 12-step ALTER recipe).
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            try:
                with connection.begin():
                    config.attributes["connection"] = connection
                    (command.downgrade if downgrade else command.upgrade)(config, revision)
                    if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise RuntimeError("the migration left rows pointing at missing rows")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()

    def _at_newest(self) -> bool:
        """Whether the database's one Alembic revision is the newest migration file's (False when unsure)."""
        newest = newest_revision()
        if newest is None:
            return False
        try:
            with self.engine.connect() as connection:
                stored = list(connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        except SQLAlchemyError:  # a new database: no version table yet
            return False
        return stored == [newest]

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction not tied to one meeting (creating a case or meeting)."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def edit(self, meeting_id: int, actor: Actor) -> Iterator[Session]:
        """One short transaction editing a meeting; bumps its version first (taking the lock).

        A caseworker must be a member of the meeting's case (else the NotFoundError of a missing meeting),
        checked in the bump itself; their edit adds one access-log line in the same transaction. An edit
        that turned out to change nothing (`mark_unchanged`) is rolled back: no new version, nobody told.
        """
        try:
            with self._edit(meeting_id, actor) as session:
                yield session
                if session.info.pop(_UNCHANGED, False):
                    raise _Unchanged
        except _Unchanged:
            pass

    @contextmanager
    def _edit(self, meeting_id: int, actor: Actor) -> Iterator[Session]:
        now = utcnow()
        with self._sessions.begin() as session:
            bumped = session.execute(
                update(MeetingRow)
                .where(MeetingRow.id == meeting_id, access_rows.member_of_case(MeetingRow.case_id, actor))
                .values(
                    version=MeetingRow.version + 1,
                    updated_at=now,
                    updated_by=actor_name(actor)[:NAME_MAX],
                )
            )
            if bumped.rowcount != 1:  # type: ignore[attr-defined]
                raise NotFoundError("meeting", meeting_id)
            if isinstance(actor, Caseworker):
                case_id = session.scalar(select(MeetingRow.case_id).where(MeetingRow.id == meeting_id))
                access_rows.add_caseworker_line(session, now, actor, AccessKind.EDIT, case_id=case_id,
                                                meeting_id=meeting_id)
            self.announce(session, meeting_id)
            yield session

    def announce(self, session: Session, meeting_id: int) -> None:
        """Tell the meeting's followers it changed once this transaction commits (nothing if it rolls back)."""
        if self._notify:  # PostgreSQL delivers it at commit, to every process's listener (this one's too)
            session.execute(select(func.pg_notify(CHANNEL, str(meeting_id))))
        else:
            session.info.setdefault(_ANNOUNCED, set()).add(meeting_id)

    def _after_commit(self, session: Session) -> None:
        announced = session.info.pop(_ANNOUNCED, None)
        if not announced:
            return
        if isinstance(self.changes, SqliteSignal):  # with their versions, so its watcher never tells them twice
            with self.engine.connect() as connection:
                found = dict(connection.execute(
                    select(MeetingRow.id, MeetingRow.version).where(MeetingRow.id.in_(announced))).all())
            self.changes.committed({meeting_id: found.get(meeting_id) for meeting_id in announced})
        else:
            for meeting_id in sorted(announced):
                self.changes.publish(meeting_id)

    def purge_log(self, now: datetime) -> int:
        """Delete the access-log lines older than LOG_KEPT (six months) at `now`; returns how many."""
        with self.write() as session:
            return access_rows.purge_lines(session, now - LOG_KEPT)

    def stamp(self, meeting_id: int) -> str | None:
        """Version and last change time in one read: a cache key no re-used meeting id can collide with."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(MeetingRow.version, MeetingRow.updated_at).where(MeetingRow.id == meeting_id)
            ).one_or_none()
        return None if row is None else f"{row.version}@{row.updated_at.isoformat()}"

    def version(self, meeting_id: int) -> int | None:
        """The meeting's version number: one indexed read, cheap enough to poll."""
        with self.engine.connect() as connection:
            return connection.execute(
                select(MeetingRow.version).where(MeetingRow.id == meeting_id)
            ).scalar_one_or_none()

    def dispose(self) -> None:
        """Close pooled connections and stop listening for changes (tests, shutdown)."""
        if not self._disposed:
            self._disposed = True
            release_signal(self.engine)
        self.engine.dispose()


_UNCHANGED = "mt_unchanged"


class _Unchanged(Exception):
    """Raised inside an edit that changed nothing, so that its transaction is rolled back."""


def mark_unchanged(session: Session) -> None:
    """This edit changes nothing after all (a repeated press): roll it back instead of committing it."""
    session.info[_UNCHANGED] = True


def _forget_announced(session: Session) -> None:
    session.info.pop(_ANNOUNCED, None)


def open_database(url: str | None = None) -> Database:
    """A Database at `url` (or the configured one) with its schema migrated and the old access log purged."""
    database = Database(url)
    database.migrate()
    database.purge_log(utcnow())
    return database
