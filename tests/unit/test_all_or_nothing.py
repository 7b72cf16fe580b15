"""Every multi-row operation is one transaction: a failure midway leaves nothing of it behind."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from facilitation import services as s
from facilitation.domain import model as m
from facilitation.services import follow_up, network_copy, planning
from facilitation.services.follow_up import REVIEW_TITLES
from facilitation.storage import Database, access_rows, backup
from tests.conftest import ACTOR
from tests.unit.helpers import snapshot, unchanged


class Midway(RuntimeError):
    """The failure a test injects between two steps of an operation."""


def _fail(*_args: Any, **_kwargs: Any) -> Any:
    raise Midway("injected")


def _case_with_a_meeting(db: Database) -> tuple[int, int]:
    """A case whose start meeting has people, a tie, goals, an open action and a done one."""
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    first = s.plan_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    mother = s.add_participant(db, ACTOR, first, "Sanne Hansen", relation="Mor")
    teacher = s.add_participant(db, ACTOR, first, "Bo Lærer", relation="Klasselærer")
    s.add_relation(db, ACTOR, first, mother, teacher)
    goal = s.add_goal(db, ACTOR, first, "short", "Emil har en voksen hos sig hver aften", "Familien")
    s.add_action(db, ACTOR, first, "Lave en ugeplan", "Sanne", date(2026, 3, 9), "family", goal)
    done = s.add_action(db, ACTOR, first, "Ringe til skolen", "Rådgiver")
    s.edit_action(db, ACTOR, first, done, status="done")
    return case_id, first


@pytest.mark.parametrize("step", ["copy_network", "copy_goals", "copy_open_actions"])
def test_planning_a_follow_up_that_fails_at_any_step_leaves_no_new_meeting(
    db: Database, monkeypatch: pytest.MonkeyPatch, step: str,
) -> None:
    case_id, first = _case_with_a_meeting(db)
    monkeypatch.setattr(planning, step, _fail)
    with unchanged(db, first), pytest.raises(Midway):
        s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    assert [meeting.id for meeting in s.list_meetings(db, case_id, viewer=ACTOR)] == [first]


def test_planning_that_fails_after_the_people_were_copied_keeps_none_of_them(
    db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id, first = _case_with_a_meeting(db)
    copied: list[int] = []

    def goals_then_fail(e: Any, from_meeting_id: int) -> int:
        copied.extend(person.id for person in e.items(m.Participant))
        raise Midway("after the people, before the goals")

    monkeypatch.setattr(planning, "copy_goals", goals_then_fail)
    people_before = len(snapshot(db)["participants"])
    with pytest.raises(Midway):
        s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    assert len(copied) == 2, "the people had been copied into the new meeting when it failed"
    assert len(snapshot(db)["participants"]) == people_before


def test_the_same_plan_after_a_failed_one_is_whole(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, first = _case_with_a_meeting(db)
    with monkeypatch.context() as patch:
        patch.setattr(planning, "copy_open_actions", _fail)
        with pytest.raises(Midway):
            s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    record = s.load_meeting(db, later, viewer=ACTOR)
    assert [p.name for p in record.participants] == ["Sanne Hansen", "Bo Lærer"]
    assert len(record.relations) == 1
    assert [g.text for g in record.goals] == ["Emil har en voksen hos sig hver aften"]
    assert [a.what for a in record.actions] == ["Lave en ugeplan"]
    assert record.actions[0].goal_id == record.goals[0].id
    assert [item.title for item in record.agenda].count(REVIEW_TITLES["da"]) == 1


def test_carrying_forward_that_fails_at_the_actions_keeps_none_of_the_copied_goals(
    db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id, first = _case_with_a_meeting(db)
    later = s.create_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13), with_default_agenda=False)
    monkeypatch.setattr(follow_up, "copy_open_actions", _fail)
    with unchanged(db, first, later), pytest.raises(Midway):
        s.carry_forward(db, ACTOR, first, later)


def test_copying_the_network_that_fails_at_the_ties_keeps_none_of_the_copied_people(
    db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id, first = _case_with_a_meeting(db)
    later = s.create_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13), with_default_agenda=False)
    monkeypatch.setattr(network_copy.rules, "ties_to_add", _fail)
    with unchanged(db, first, later), pytest.raises(Midway):
        s.copy_network_forward(db, ACTOR, first, later)


def test_loading_a_backup_that_fails_at_its_last_part_stores_no_case_and_no_meeting(
    db: Database, meeting_id: int, demo_text: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backup, "store_drawing", _fail)  # the last part of a file: its drawings
    with unchanged(db, meeting_id), pytest.raises(Midway):
        backup.loads_meeting(db, ACTOR, demo_text)


def test_deleting_a_case_that_fails_after_the_delete_keeps_the_case_and_all_its_meetings(
    db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id, first = _case_with_a_meeting(db)
    s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))

    def delete_then_fail(session: Any, *_args: Any, **_kwargs: Any) -> None:
        session.flush()  # the DELETE and its cascade have run inside the transaction
        raise Midway("before the log line")

    monkeypatch.setattr(access_rows, "add_actor_line", delete_then_fail)
    with unchanged(db, first), pytest.raises(Midway):
        s.delete_case(db, ACTOR, case_id)
    assert len(s.list_meetings(db, case_id, viewer=ACTOR)) == 2
