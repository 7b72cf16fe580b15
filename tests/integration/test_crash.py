"""Proof under SIGKILL: every acknowledged edit survives a killed server and writer, and planning is all or nothing.

No test here waits for a time to pass: the children say what they have done (or that they are ready and
waiting) on stdout, and the test kills them after reading it, so the kill lands midway every time.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from facilitation import services as s
from facilitation.storage import Database, open_database
from tests.browser.conftest import _free_port, _wait_until_healthy, stop
from tests.conftest import ACTOR
from tests.integration.crash_child import PLAN_STEPS

pytestmark = pytest.mark.integration  # a real app server and child processes, killed with SIGKILL

ROOT = Path(__file__).resolve().parents[2]
WRITER_ACKS = 60  # acknowledged edits before the kill: well inside the burst, which goes on until killed
SERVER_ACKS = 5  # projector sessions the server has stored and answered for before the kill
LINE_WAIT = 120.0  # seconds a child may take to say its next line before the test gives up (a hang, not a result)


def _rows(db: Database, sql: str, *params: object) -> list[tuple[object, ...]]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql, params)]


def _sound(db: Database) -> None:
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(db, "PRAGMA foreign_key_check") == []


@contextmanager
def _child(*args: str) -> Iterator[subprocess.Popen[str]]:
    """A tests/integration/crash_child.py process talking through pipes; killed and closed afterwards."""
    process = subprocess.Popen([sys.executable, "-m", "tests.integration.crash_child", *args], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env())
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def _env(data: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if data is not None:
        env["MOEDETAVLEN_DATA_DIR"] = str(data)
    return env


def _line(process: subprocess.Popen[str]) -> str:
    """The child's next line; fails (never hangs) if it ends or says nothing for LINE_WAIT seconds."""
    assert process.stdout is not None
    found: list[str] = []
    reader = threading.Thread(target=lambda: found.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(LINE_WAIT)
    assert found and found[0], f"the child stopped talking (exit code {process.poll()})"
    return found[0].rstrip("\n")


def _kill(*processes: subprocess.Popen[object]) -> None:
    for process in processes:
        os.kill(process.pid, signal.SIGKILL)
    for process in processes:
        process.wait()


@contextmanager
def _server(data: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`streamlit run app.py` on a free port with `data` as its data folder, answering; stopped afterwards."""
    port = _free_port()
    with (data / "streamlit.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=_env(data), stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_healthy(f"http://127.0.0.1:{port}", process)
            yield process, port
        finally:
            if process.poll() is None:
                stop(process)


def _new_projector(port: int) -> str | None:
    """Ask the server for a new projector device (it stores a session, then answers); its token, or None."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/tilslut")
        response = connection.getresponse()
        cookie = response.getheader("set-cookie") or ""
    except OSError:
        return None
    finally:
        connection.close()
    if response.status != 303 or not cookie.startswith("mt_device="):
        return None
    return cookie.split(";", 1)[0].split("=", 1)[1]


def test_every_acknowledged_edit_survives_sigkill_of_the_server_and_the_writer(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'moedetavlen.sqlite3'}")
    case_id = s.create_case(db, ACTOR, "Familien Krak", "Ida", "assessment")
    meeting_id = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    acked: list[str] = []
    tokens: list[str] = []
    enough = threading.Event()
    halt = threading.Event()

    def projectors(port: int) -> None:
        while not halt.is_set():
            token = _new_projector(port)
            if token is not None:
                tokens.append(token)
            if len(tokens) >= SERVER_ACKS:
                enough.set()

    with _server(tmp_path) as (server, port):
        requests = threading.Thread(target=projectors, args=(port,), daemon=True)
        requests.start()
        with _child("writer", db.url, str(meeting_id)) as writer:
            try:
                while len(acked) < WRITER_ACKS or not enough.is_set():
                    acked.append(_line(writer))
                    assert requests.is_alive()
                _kill(server, writer)  # both at once, in the middle of the burst and of the server's requests
            finally:
                halt.set()
            assert writer.stdout is not None
            acked += [line for line in writer.stdout.read().splitlines() if line]  # said before the kill
        requests.join(60)
    assert writer.returncode == -signal.SIGKILL and server.returncode == -signal.SIGKILL
    answered = list(tokens)

    with _server(tmp_path) as (_restarted, port):  # the restart opens (and recovers) the database
        assert _new_projector(port) is not None, "the restarted server stores new sessions"
        db.dispose()
        _sound(db)
        stored = {kind: dict(_rows(db, sql, meeting_id)) for kind, sql in (
            ("board", "SELECT id, text FROM board_items WHERE meeting_id = ?"),
            ("action", "SELECT id, what FROM actions WHERE meeting_id = ?"),
            ("person", "SELECT id, name FROM participants WHERE meeting_id = ?"),
            ("note", "SELECT id, notes FROM agenda_items WHERE meeting_id = ?"),
        )}
        counts = {"board": 0, "action": 0, "person": 0, "note": 0}
        for line in acked[1:]:  # the first names the agenda item the notes go to
            kind, item_id, text = line.split(" ", 2)
            counts[kind] += 1
            if kind == "note":
                number = int(str(stored["note"][int(item_id)]).removeprefix("noter "))
                assert number >= int(text), "the notes hold the last acknowledged save (or a later one)"
            else:
                assert stored[kind].get(int(item_id)) == text, line
        assert min(counts.values()) >= WRITER_ACKS // 4 - 1
        hashes = {row[0] for row in _rows(db, "SELECT token_hash FROM auth_sessions WHERE kind = 'projector'")}
        assert len(answered) >= SERVER_ACKS
        assert {hashlib.sha256(token.encode()).hexdigest() for token in answered} <= hashes
        assert s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version > WRITER_ACKS
    db.dispose()


def _case_to_plan(db: Database) -> tuple[int, int]:
    """A case whose start meeting has two people and a tie, two goals, an open action and a done one."""
    case_id = s.create_case(db, ACTOR, "Familien Krak", "Ida", "assessment")
    first = s.plan_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    mother = s.add_participant(db, ACTOR, first, "Sanne Krak", relation="Mor")
    teacher = s.add_participant(db, ACTOR, first, "Bo Lærer", relation="Klasselærer")
    s.add_relation(db, ACTOR, first, mother, teacher)
    goal = s.add_goal(db, ACTOR, first, "short", "Ida har en voksen hos sig hver aften", "Familien")
    s.add_goal(db, ACTOR, first, "long", "Sagen kan lukkes", "Rådgiver")
    s.add_action(db, ACTOR, first, "Lave en ugeplan", "Sanne", date(2026, 3, 9), "family", goal)
    done = s.add_action(db, ACTOR, first, "Ringe til skolen", "Rådgiver")
    s.edit_action(db, ACTOR, first, done, status="done")
    return case_id, first


def _whole(db: Database, meeting_id: int) -> None:
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert [p.name for p in record.participants] == ["Sanne Krak", "Bo Lærer"]
    assert len(record.relations) == 1
    assert [g.text for g in record.goals] == ["Ida har en voksen hos sig hver aften", "Sagen kan lukkes"]
    assert [a.what for a in record.actions] == ["Lave en ugeplan"]
    assert record.actions[0].goal_id == record.goals[0].id
    assert any("aftaler" in item.title for item in record.agenda), "the review item"


@pytest.mark.parametrize("step", PLAN_STEPS)
def test_sigkill_while_planning_a_follow_up_leaves_the_whole_new_meeting_or_none_of_it(
    tmp_path: Path, step: str,
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'moedetavlen.sqlite3'}")
    try:
        case_id, first = _case_to_plan(db)
        tables = ("meetings", "participants", "relations", "goals", "actions", "agenda_items", "access_log")
        before = {table: _rows(db, f"SELECT count(*) FROM {table}")[0][0] for table in tables}
        with _child("planner", db.url, str(case_id), step) as planner:
            said = [_line(planner)]
            while said[-1] != f"ready {step}":
                said.append(_line(planner))
            _kill(planner)  # stopped inside the transaction (or, for "committed", just after it)
        db.dispose()
        _sound(db)
        meetings = [meeting.id for meeting in s.list_meetings(db, case_id, viewer=ACTOR)]
        if step == "committed":
            assert said[0].startswith("planned ")
            assert meetings == [int(said[0].split()[1]), first]
            _whole(db, meetings[0])
        else:
            assert meetings == [first], said
            after = {table: _rows(db, f"SELECT count(*) FROM {table}")[0][0] for table in tables}
            assert after == before, "not a row of the half-planned meeting is left"
            _whole(db, s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13)))  # nothing is locked
    finally:
        db.dispose()
