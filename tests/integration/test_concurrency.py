"""Two devices saving at the same moment: row-level edits, so both keep every edit."""

from __future__ import annotations

import threading

import pytest

from facilitation import services as s
from facilitation.storage import Database
from tests.conftest import ACTOR

pytestmark = pytest.mark.integration  # two threads, two connections, 800 edits against one SQLite file

ROUNDS = 200


def test_two_sessions_saving_different_items_200_times_interleaved_lose_nothing(db: Database, meeting_id: int) -> None:
    worry = s.add_board_item(db, ACTOR, meeting_id, "worry", "start")
    strength = s.add_board_item(db, ACTOR, meeting_id, "working_well", "start")
    start_version = db.version(meeting_id)
    devices = [Database(db.url), Database(db.url)]  # two app processes / laptops, own connections
    barrier = threading.Barrier(2)
    added: dict[int, list[int]] = {0: [], 1: []}
    errors: list[BaseException] = []

    def device(index: int, item_id: int) -> None:
        try:
            barrier.wait()
            for number in range(ROUNDS):
                s.edit_board_item(devices[index], f"enhed {index}", meeting_id, item_id, text=f"{index}:{number}")
                added[index].append(
                    s.add_action(devices[index], f"enhed {index}", meeting_id, f"aftale {index}-{number}", "Sanne")
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=device, args=(0, worry)), threading.Thread(target=device, args=(1, strength))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for device_db in devices:
        device_db.dispose()

    assert not errors, errors
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    texts = {b.id: b.text for b in record.board}
    assert (texts[worry], texts[strength]) == (f"0:{ROUNDS - 1}", f"1:{ROUNDS - 1}")
    whats = {a.what for a in record.actions}
    assert {f"aftale {i}-{n}" for i in (0, 1) for n in range(ROUNDS)} <= whats
    assert sorted(a.position for a in record.actions) == list(range(len(record.actions))), "order stays dense"
    assert db.version(meeting_id) == start_version + 4 * ROUNDS  # type: ignore[operator]


def test_the_same_item_saved_by_two_devices_keeps_the_later_save(db: Database, meeting_id: int) -> None:
    item = s.add_board_item(db, ACTOR, meeting_id, "worry", "første udgave")
    laptop, projector_pc = Database(db.url), Database(db.url)
    try:
        s.edit_board_item(laptop, "laptop", meeting_id, item, text="fra laptoppen")
        s.edit_board_item(projector_pc, "projektor-pc", meeting_id, item, text="fra projektor-pc'en")
    finally:
        laptop.dispose()
        projector_pc.dispose()
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).board[0].text == "fra projektor-pc'en"
