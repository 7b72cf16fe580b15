"""A meeting holds at most PEOPLE_MAX people and BOARD_ITEMS_MAX board notes; the next one is refused in plain words."""

from __future__ import annotations

import pytest

from facilitation import services as s
from facilitation.domain import words
from facilitation.domain.validation import BOARD_ITEMS_MAX, PEOPLE_MAX, ValidationError, room_for_one_more
from facilitation.storage import Database
from tests.conftest import ACTOR


def test_the_limits_leave_room_for_a_big_meeting() -> None:
    assert PEOPLE_MAX == 500
    assert BOARD_ITEMS_MAX == 2_000


@pytest.mark.parametrize(("limit", "code"),
                         [(PEOPLE_MAX, "too_many_people"), (BOARD_ITEMS_MAX, "too_many_board_items")])
def test_one_below_the_limit_there_is_room_and_at_the_limit_there_is_none(limit: int, code: str) -> None:
    room_for_one_more(limit - 1, limit, code)
    with pytest.raises(ValidationError) as refused:
        room_for_one_more(limit, limit, code)
    assert (refused.value.code, refused.value.params) == (code, {"limit": limit})


def test_the_refusal_says_in_danish_how_many_the_meeting_can_hold() -> None:
    assert words.text("error.too_many_people", "da", limit=PEOPLE_MAX).startswith("Mødet har allerede 500 personer")
    assert "2000 noter" in words.text("error.too_many_board_items", "da", limit=BOARD_ITEMS_MAX)
    assert "cannot hold more" in words.text("error.too_many_board_items", "en", limit=BOARD_ITEMS_MAX)


def test_the_person_after_the_last_one_a_meeting_holds_is_refused_and_not_stored(
    db: Database, meeting_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("facilitation.services.people.PEOPLE_MAX", 3)
    for i in range(3):
        s.add_participant(db, ACTOR, meeting_id, f"Person {i}")
    version = s.get_meeting(db, meeting_id, viewer=ACTOR).version
    with pytest.raises(ValidationError) as refused:
        s.add_participant(db, ACTOR, meeting_id, "Person 3")
    assert (refused.value.code, refused.value.params) == ("too_many_people", {"limit": 3})
    assert [p.name for p in s.load_meeting(db, meeting_id, viewer=ACTOR).participants] == [
        "Person 0", "Person 1", "Person 2"]
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).version == version, "a refused add changes nothing"


def test_the_note_after_the_last_one_a_board_holds_is_refused_whatever_its_column(
    db: Database, meeting_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("facilitation.services.board.BOARD_ITEMS_MAX", 3)
    for kind in ("worry", "working_well", "house_dream"):
        s.add_board_item(db, ACTOR, meeting_id, kind, f"Note i {kind}")
    with pytest.raises(ValidationError) as refused:
        s.add_board_item(db, ACTOR, meeting_id, "next_step", "En note for meget")
    assert refused.value.code == "too_many_board_items"
    assert len(s.load_meeting(db, meeting_id, viewer=ACTOR).board) == 3


def test_removing_a_note_at_the_limit_makes_room_for_another(
    db: Database, meeting_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("facilitation.services.board.BOARD_ITEMS_MAX", 2)
    first = s.add_board_item(db, ACTOR, meeting_id, "worry", "Første")
    s.add_board_item(db, ACTOR, meeting_id, "worry", "Anden")
    s.remove_board_item(db, ACTOR, meeting_id, first)
    s.add_board_item(db, ACTOR, meeting_id, "worry", "Tredje")
    assert [b.text for b in s.load_meeting(db, meeting_id, viewer=ACTOR).board] == ["Anden", "Tredje"]
