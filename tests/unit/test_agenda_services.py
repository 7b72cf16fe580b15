"""The agenda: timeboxed items, their order, the timekeeper's start and end, and the minute-taker's notes."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitation import services as s
from facilitation.domain.clock import utcnow
from facilitation.domain.model import AgendaItem
from facilitation.domain.validation import NOTES_MAX
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, positions, refused

NINE = datetime(2026, 3, 2, 9, 0, 0)
NINE_TEN = datetime(2026, 3, 2, 9, 10, 30)


def agenda(db: Database, meeting_id: int) -> list[AgendaItem]:
    """The meeting's agenda, in order."""
    return s.load_meeting(db, meeting_id, viewer=ACTOR).agenda


def titles(db: Database, meeting_id: int) -> list[str]:
    """The agenda's titles, in order."""
    return [item.title for item in agenda(db, meeting_id)]


def fill(db: Database, meeting_id: int, *names: str) -> list[int]:
    """Add ten-minute items by title; returns their ids."""
    return [s.add_agenda_item(db, ACTOR, meeting_id, name, 10) for name in names]


def test_an_item_is_added_at_the_end_with_its_planned_minutes(db: Database, meeting_id: int) -> None:
    fill(db, meeting_id, "Velkommen")
    before = db.version(meeting_id)
    item_id = s.add_agenda_item(db, ACTOR, meeting_id, " Hvad\ngår godt? ", "15")
    assert db.version(meeting_id) == before + 1
    last = agenda(db, meeting_id)[-1]
    assert (last.id, last.title, last.planned_minutes, last.position, last.notes) == (
        item_id, "Hvad går godt?", 15, 1, "",
    )
    assert (last.started_at, last.ended_at) == (None, None)


@pytest.mark.parametrize(
    ("title", "minutes", "code", "field"),
    [
        ("", 10, "empty", "title"),
        ("t" * 501, 10, "too_long", "title"),
        ("Pause", 0, "out_of_range", "planned_minutes"),
        ("Pause", 601, "out_of_range", "planned_minutes"),
        ("Pause", "et kvarter", "not_a_number", "planned_minutes"),
        ("Pause", 7.5, "not_a_number", "planned_minutes"),
    ],
)
def test_a_bad_agenda_item_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, title: str, minutes: object, code: str, field: str
) -> None:
    with refused(db, code, field=field):
        s.add_agenda_item(db, ACTOR, meeting_id, title, minutes)  # type: ignore[arg-type]


def test_the_planned_minutes_may_be_anything_from_one_to_six_hundred(db: Database, meeting_id: int) -> None:
    s.add_agenda_item(db, ACTOR, meeting_id, "Kort", 1)
    s.add_agenda_item(db, ACTOR, meeting_id, "Langt", 600)
    assert [item.planned_minutes for item in agenda(db, meeting_id)] == [1, 600]


def test_editing_an_item_changes_its_title_and_minutes_and_bumps_the_version(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    before = db.version(meeting_id)
    s.edit_agenda_item(db, ACTOR, meeting_id, item_id, title="Velkommen og præsentation 👋", planned_minutes="12")
    assert db.version(meeting_id) == before + 1
    (item,) = agenda(db, meeting_id)
    assert (item.title, item.planned_minutes) == ("Velkommen og præsentation 👋", 12)


def test_editing_an_item_with_bad_minutes_changes_nothing(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    with refused(db, "out_of_range", field="planned_minutes"):
        s.edit_agenda_item(db, ACTOR, meeting_id, item_id, title="Nyt", planned_minutes=0)


def test_moving_an_item_keeps_the_rest_of_the_agenda_in_order(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "A", "B", "C", "D", "E")
    before = db.version(meeting_id)
    s.move_agenda_item(db, ACTOR, meeting_id, ids[4], 1)
    assert db.version(meeting_id) == before + 1
    assert titles(db, meeting_id) == ["A", "E", "B", "C", "D"]
    s.move_agenda_item(db, ACTOR, meeting_id, ids[0], 4)
    assert titles(db, meeting_id) == ["E", "B", "C", "D", "A"]
    assert positions(agenda(db, meeting_id)) == [0, 1, 2, 3, 4]


def test_removing_an_item_closes_the_gap(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "A", "B", "C")
    before = db.version(meeting_id)
    s.remove_agenda_item(db, ACTOR, meeting_id, ids[0])
    assert db.version(meeting_id) == before + 1
    assert titles(db, meeting_id) == ["B", "C"]
    assert positions(agenda(db, meeting_id)) == [0, 1]


def test_removing_items_from_the_default_agenda_keeps_it_dense(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", "2026-03-02")
    full = agenda(db, mid)
    s.remove_agenda_item(db, ACTOR, mid, full[2].id)
    s.remove_agenda_item(db, ACTOR, mid, full[0].id)
    left = agenda(db, mid)
    assert [item.id for item in left] == [item.id for item in full if item.id not in (full[0].id, full[2].id)]
    assert positions(left) == list(range(len(full) - 2))


def test_starting_and_ending_an_item_records_the_given_times(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    before = db.version(meeting_id)
    s.start_agenda_item(db, ACTOR, meeting_id, item_id, now=NINE)
    s.end_agenda_item(db, ACTOR, meeting_id, item_id, now=NINE_TEN)
    assert db.version(meeting_id) == before + 2
    (item,) = agenda(db, meeting_id)
    assert (item.started_at, item.ended_at) == (NINE, NINE_TEN)


def test_restarting_an_ended_item_reopens_it_and_counts_the_gap_as_a_pause(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    s.start_agenda_item(db, ACTOR, meeting_id, item_id, now=NINE)
    s.end_agenda_item(db, ACTOR, meeting_id, item_id, now=NINE_TEN)
    s.start_agenda_item(db, ACTOR, meeting_id, item_id, now=datetime(2026, 3, 2, 9, 20))
    (item,) = agenda(db, meeting_id)
    assert (item.started_at, item.ended_at, item.paused_seconds) == (NINE, None, 570)  # 9:10:30 to 9:20


def test_starting_without_a_time_uses_the_clock(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    earliest = utcnow()
    s.start_agenda_item(db, ACTOR, meeting_id, item_id)
    latest = utcnow()
    (item,) = agenda(db, meeting_id)
    assert item.started_at is not None
    assert earliest <= item.started_at <= latest


def test_saving_a_note_stores_and_returns_the_cleaned_text(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    before = db.version(meeting_id)
    stored = s.save_note(db, ACTOR, meeting_id, item_id, "Alle præsenterede sig.\r\nAlma 👧 var med\x00.\n")
    assert stored == "Alle præsenterede sig.\nAlma 👧 var med."
    assert db.version(meeting_id) == before + 1
    assert agenda(db, meeting_id)[0].notes == stored


def test_a_note_may_be_emptied(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    s.save_note(db, ACTOR, meeting_id, item_id, "Noget")
    assert s.save_note(db, ACTOR, meeting_id, item_id, "  ") == ""
    assert agenda(db, meeting_id)[0].notes == ""


def test_notes_up_to_the_limit_are_kept_and_one_character_more_is_refused(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "Velkommen")
    s.save_note(db, ACTOR, meeting_id, item_id, "n" * NOTES_MAX)
    assert agenda(db, meeting_id)[0].notes == "n" * NOTES_MAX
    with refused(db, "too_long", field="notes"):
        s.save_note(db, ACTOR, meeting_id, item_id, "m" * (NOTES_MAX + 1))


def test_an_item_of_another_meeting_cannot_be_touched_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (theirs,) = fill(db, other_meeting_id, "Deres punkt")
    fill(db, meeting_id, "Vores punkt")
    for attempt in (
        lambda: s.edit_agenda_item(db, ACTOR, meeting_id, theirs, title="Overskrevet"),
        lambda: s.move_agenda_item(db, ACTOR, meeting_id, theirs, 0),
        lambda: s.remove_agenda_item(db, ACTOR, meeting_id, theirs),
        lambda: s.start_agenda_item(db, ACTOR, meeting_id, theirs, now=NINE),
        lambda: s.end_agenda_item(db, ACTOR, meeting_id, theirs, now=NINE),
        lambda: s.save_note(db, ACTOR, meeting_id, theirs, "Fremmed note"),
    ):
        with not_found(db):
            attempt()


def test_an_unknown_agenda_item_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db):
        s.save_note(db, ACTOR, meeting_id, 777, "note")
    with not_found(db):
        s.remove_agenda_item(db, ACTOR, meeting_id, 777)
