"""The in-process change signal: every write to a meeting tells that meeting's followers, after the commit."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from facilitation import services as s
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database
from facilitation.storage.change_signal import ChangeSignal
from tests.conftest import ACTOR


@contextmanager
def heard(db: Database, meeting_id: int) -> Iterator[list[str]]:
    """What the meeting's follower heard during the block ("changed" once per call), and the stored version then."""
    calls: list[str] = []
    stop = db.changes.subscribe(meeting_id, lambda: calls.append(f"changed at version {db.version(meeting_id)}"))
    try:
        yield calls
    finally:
        stop()


def test_an_edit_tells_the_meetings_follower_once_after_the_commit(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    assert before is not None
    with heard(db, meeting_id) as calls:
        s.set_screen(db, ACTOR, meeting_id, "board")
    assert calls == [f"changed at version {before + 1}"]  # the follower already reads the new state


def test_a_follower_of_another_meeting_hears_nothing(db: Database, meeting_id: int, other_meeting_id: int) -> None:
    with heard(db, other_meeting_id) as calls:
        s.set_screen(db, ACTOR, meeting_id, "board")
        s.add_agenda_item(db, ACTOR, meeting_id, "Velkomst", 5)
    assert calls == []


def test_a_refused_edit_is_not_announced(db: Database, meeting_id: int) -> None:
    with heard(db, meeting_id) as calls, pytest.raises(ValidationError):
        s.set_screen(db, ACTOR, meeting_id, "secret-files")
    assert calls == []


def test_a_rolled_back_edit_is_not_announced_by_the_next_commit(db: Database, meeting_id: int,
                                                                other_meeting_id: int) -> None:
    with heard(db, meeting_id) as calls:
        with pytest.raises(RuntimeError), db.edit(meeting_id, ACTOR):
            raise RuntimeError("the service failed half-way")
        with db.write():
            pass  # a later, unrelated transaction
    assert calls == []


def test_the_followers_of_every_database_object_of_one_database_hear_the_change(db: Database,
                                                                               meeting_id: int) -> None:
    other = Database(db.url)  # e.g. the stream route's own Database beside the pages'
    try:
        assert other.changes is db.changes
        with heard(other, meeting_id) as calls:
            s.set_curtain(db, ACTOR, meeting_id, True)
        assert len(calls) == 1
    finally:
        other.dispose()


def test_deleting_the_meeting_or_its_case_is_announced(db: Database, meeting_id: int) -> None:
    with heard(db, meeting_id) as calls:
        s.delete_meeting(db, ACTOR, meeting_id)
    assert len(calls) == 1
    case_id = s.create_case(db, ACTOR, "Familien Berg", "Ida", "assessment")
    second = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    with heard(db, second) as calls:
        s.delete_case(db, ACTOR, case_id)
    assert len(calls) == 1


def test_changing_the_case_is_announced_to_its_meetings(db: Database, meeting_id: int) -> None:
    case_id = s.get_meeting(db, meeting_id, viewer=ACTOR).case_id
    with heard(db, meeting_id) as calls:
        s.edit_case(db, ACTOR, case_id, family_name="Familien Hansen-Berg")
    assert len(calls) == 1


def test_unsubscribing_stops_the_calls_and_forgets_the_follower() -> None:
    signal, calls = ChangeSignal(), []
    stop = signal.subscribe(7, lambda: calls.append(7))
    signal.publish(7)
    stop()
    stop()  # twice is harmless
    signal.publish(7)
    assert calls == [7] and signal.followers(7) == 0


def test_one_failing_follower_does_not_keep_the_others_or_the_writer_from_going_on() -> None:
    signal, calls = ChangeSignal(), []

    def broken() -> None:
        raise OSError("the browser went away")

    signal.subscribe(1, broken)
    signal.subscribe(1, lambda: calls.append("second"))
    signal.publish(1)
    assert calls == ["second"]


def test_publish_all_tells_every_follower_of_every_meeting_once() -> None:
    signal, calls = ChangeSignal(), []
    signal.subscribe(1, lambda: calls.append(1))
    signal.subscribe(2, lambda: calls.append(2))
    signal.publish_all()
    assert sorted(calls) == [1, 2]


def test_followers_may_come_and_go_from_many_threads_while_changes_are_published() -> None:
    signal, heard_by = ChangeSignal(), [0] * 8
    lock = threading.Lock()

    def follower(index: int) -> Callable[[], None]:
        def call() -> None:
            with lock:
                heard_by[index] += 1
        return call

    def churn(index: int) -> None:
        for _ in range(200):
            stop = signal.subscribe(3, follower(index))
            signal.publish(3)
            stop()

    threads = [threading.Thread(target=churn, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert signal.followers(3) == 0
    assert all(count >= 200 for count in heard_by)  # each heard at least its own 200 publications
