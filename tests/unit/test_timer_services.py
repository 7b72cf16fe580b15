"""The timekeeper's actions store timestamps; the clock read back from them is what every device shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from facilitation import services as s
from facilitation.domain.model import MeetingStatus
from facilitation.domain.timer import Phase, meeting_clock
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import Database
from tests.conftest import ACTOR

T0 = datetime(2026, 11, 25, 13, 0, 0)


@pytest.fixture
def meeting_id(db: Database) -> int:
    """A start meeting with its default agenda."""
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    return s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))


@pytest.fixture
def other_meeting_id(db: Database) -> int:
    """Another family's meeting with its default agenda."""
    case_id = s.create_case(db, ACTOR, "Familien Østergaard", "Freja", "compensation")
    return s.create_meeting(db, ACTOR, case_id, "follow_up", date(2026, 3, 9))


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def clock(db: Database, meeting_id: int, seconds: float):  # type: ignore[no-untyped-def]
    return meeting_clock(s.load_meeting(db, meeting_id, viewer=ACTOR).agenda, at(seconds))


def agenda_ids(db: Database, meeting_id: int) -> list[int]:
    return [a.id for a in s.load_meeting(db, meeting_id, viewer=ACTOR).agenda]


def test_next_starts_the_first_item_then_moves_on(db: Database, meeting_id: int) -> None:
    first, second = agenda_ids(db, meeting_id)[:2]
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(0)) == first
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(700)) == second
    now = clock(db, meeting_id, 760)
    assert now.current is not None and now.current.item_id == second
    assert now.items[0].phase == Phase.FINISHED and now.items[0].elapsed_seconds == 700


def test_a_second_press_for_the_same_item_does_not_skip_the_next(db: Database, meeting_id: int) -> None:
    """'Start mødet' / 'Næste punkt' pressed twice for what one screen showed (a replayed callback, or the
    facilitator and the makker at once) moves once: the second press finds another item current."""
    first, second = agenda_ids(db, meeting_id)[:2]
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(0), drawn_for=None) == first
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(1), drawn_for=None) == first
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(600), drawn_for=first) == second
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(601), drawn_for=first) == second
    now = clock(db, meeting_id, 700)
    assert now.current is not None and now.current.item_id == second
    assert now.items[2].phase == Phase.NOT_STARTED


def test_added_minutes_count_once_per_drawn_button(db: Database, meeting_id: int) -> None:
    first = agenda_ids(db, meeting_id)[0]
    s.next_agenda_item(db, ACTOR, meeting_id, now=at(0))
    s.add_minutes(db, ACTOR, meeting_id, first, 5, drawn_with=0)
    s.add_minutes(db, ACTOR, meeting_id, first, 5, drawn_with=0)  # the same press again: already counted
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).agenda[0].extra_minutes == 5
    s.add_minutes(db, ACTOR, meeting_id, first, 2, drawn_with=5)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).agenda[0].extra_minutes == 7


def test_pause_and_resume_leave_the_pause_out_of_the_item_time(db: Database, meeting_id: int) -> None:
    s.next_agenda_item(db, ACTOR, meeting_id, now=at(0))
    s.pause_timer(db, ACTOR, meeting_id, now=at(100))
    assert clock(db, meeting_id, 400).current.elapsed_seconds == 100  # type: ignore[union-attr]
    s.resume_timer(db, ACTOR, meeting_id, now=at(400))
    assert clock(db, meeting_id, 450).current.elapsed_seconds == 150  # type: ignore[union-attr]


def test_ending_a_paused_item_counts_the_pause_as_pause(db: Database, meeting_id: int) -> None:
    first = agenda_ids(db, meeting_id)[0]
    s.start_agenda_item(db, ACTOR, meeting_id, first, now=at(0))
    s.pause_timer(db, ACTOR, meeting_id, now=at(60))
    s.end_agenda_item(db, ACTOR, meeting_id, first, now=at(500))
    assert clock(db, meeting_id, 900).items[0].elapsed_seconds == 60


def test_starting_another_item_ends_the_running_one(db: Database, meeting_id: int) -> None:
    first, _, third = agenda_ids(db, meeting_id)[:3]
    s.start_agenda_item(db, ACTOR, meeting_id, first, now=at(0))
    s.start_agenda_item(db, ACTOR, meeting_id, third, now=at(300))
    now = clock(db, meeting_id, 310)
    assert now.items[0].phase == Phase.FINISHED and now.current.item_id == third  # type: ignore[union-attr]


def test_reopening_a_finished_item_treats_the_gap_as_a_pause(db: Database, meeting_id: int) -> None:
    first = agenda_ids(db, meeting_id)[0]
    s.start_agenda_item(db, ACTOR, meeting_id, first, now=at(0))
    s.end_agenda_item(db, ACTOR, meeting_id, first, now=at(100))
    s.start_agenda_item(db, ACTOR, meeting_id, first, now=at(1000))
    assert clock(db, meeting_id, 1050).current.elapsed_seconds == 150  # type: ignore[union-attr]


def test_added_minutes_are_stored_and_bounded(db: Database, meeting_id: int) -> None:
    first = s.load_meeting(db, meeting_id, viewer=ACTOR).agenda[0]
    s.add_minutes(db, ACTOR, meeting_id, first.id, 5)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).agenda[0].extra_minutes == 5
    with pytest.raises(ValidationError):
        s.add_minutes(db, ACTOR, meeting_id, first.id, -(first.planned_minutes + 5))


def test_every_timer_action_bumps_the_version_other_devices_poll(db: Database, meeting_id: int) -> None:
    version = db.version(meeting_id)
    s.next_agenda_item(db, ACTOR, meeting_id, now=at(0))
    s.pause_timer(db, ACTOR, meeting_id, now=at(10))
    s.resume_timer(db, ACTOR, meeting_id, now=at(20))
    assert db.version(meeting_id) == version + 3  # type: ignore[operator]


def test_the_clock_survives_a_restart_because_it_lives_in_the_database(db: Database, meeting_id: int) -> None:
    s.next_agenda_item(db, ACTOR, meeting_id, now=at(0))
    before = clock(db, meeting_id, 321)
    restarted = Database(db.url)
    try:
        after = meeting_clock(s.load_meeting(restarted, meeting_id, viewer=ACTOR).agenda, at(321))
    finally:
        restarted.dispose()
    assert before == after


def test_ending_an_item_never_started_is_refused(db: Database, meeting_id: int) -> None:
    with pytest.raises(ValidationError):
        s.end_agenda_item(db, ACTOR, meeting_id, agenda_ids(db, meeting_id)[0])


def test_timer_actions_on_another_meetings_item_are_refused(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    foreign = agenda_ids(db, other_meeting_id)[0]
    with pytest.raises(NotFoundError):
        s.start_agenda_item(db, ACTOR, meeting_id, foreign)
    assert s.load_meeting(db, other_meeting_id, viewer=ACTOR).agenda[0].started_at is None


def status(db: Database, meeting_id: int) -> MeetingStatus:
    return s.get_meeting(db, meeting_id, viewer=ACTOR).status


def test_the_meeting_is_running_from_the_first_start_and_ended_when_the_last_item_is_finished(
    db: Database, meeting_id: int
) -> None:
    assert status(db, meeting_id) == MeetingStatus.PLANNED
    s.next_agenda_item(db, ACTOR, meeting_id, now=at(0))
    assert status(db, meeting_id) == MeetingStatus.RUNNING
    for step in range(1, len(agenda_ids(db, meeting_id))):
        s.next_agenda_item(db, ACTOR, meeting_id, now=at(step * 60))
        assert status(db, meeting_id) == MeetingStatus.RUNNING
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(3600)) is None
    assert status(db, meeting_id) == MeetingStatus.ENDED


def test_ending_the_last_running_item_by_hand_ends_the_meeting_and_reopening_runs_it_again(
    db: Database, meeting_id: int
) -> None:
    ids = agenda_ids(db, meeting_id)
    for number, item_id in enumerate(ids):
        s.start_agenda_item(db, ACTOR, meeting_id, item_id, now=at(number * 60))
    s.pause_timer(db, ACTOR, meeting_id, now=at(9000))
    assert status(db, meeting_id) == MeetingStatus.RUNNING
    s.end_agenda_item(db, ACTOR, meeting_id, ids[-1], now=at(9100))
    assert status(db, meeting_id) == MeetingStatus.ENDED
    s.start_agenda_item(db, ACTOR, meeting_id, ids[0], now=at(9200))
    assert status(db, meeting_id) == MeetingStatus.RUNNING


def test_a_meeting_whose_timer_has_not_started_keeps_its_status_when_minutes_are_added(
    db: Database, meeting_id: int
) -> None:
    s.add_minutes(db, ACTOR, meeting_id, agenda_ids(db, meeting_id)[0], 5)
    s.pause_timer(db, ACTOR, meeting_id, now=at(0))
    assert status(db, meeting_id) == MeetingStatus.PLANNED


def test_a_press_that_changes_nothing_stores_no_new_version(db: Database, meeting_id: int) -> None:
    """Pause with nothing running, a replayed "Næste punkt" or "+1 min.": the devices are not told to redraw."""
    version = s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version
    s.pause_timer(db, ACTOR, meeting_id, now=at(0))  # nothing runs yet
    s.resume_timer(db, ACTOR, meeting_id, now=at(1))  # nothing paused
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version == version
    first = s.next_agenda_item(db, ACTOR, meeting_id, now=at(2), drawn_for=None)
    started = s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version
    assert started == version + 1
    assert s.next_agenda_item(db, ACTOR, meeting_id, now=at(3), drawn_for=None) == first  # the replayed press
    s.add_minutes(db, ACTOR, meeting_id, first, 1, drawn_with=0)
    s.add_minutes(db, ACTOR, meeting_id, first, 1, drawn_with=0)  # the same drawn button again
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert record.meeting.version == started + 1
    assert next(item for item in record.agenda if item.id == first).extra_minutes == 1
    s.pause_timer(db, ACTOR, meeting_id, now=at(10))
    s.pause_timer(db, ACTOR, meeting_id, now=at(11))  # a second press of "Pause"
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version == started + 2
