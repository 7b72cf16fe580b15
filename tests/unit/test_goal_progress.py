"""Goals followed across meetings: linked copies, goals matched by text, goals that ended earlier."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from facilitation.domain import model as m
from facilitation.domain.goal_progress import goal_trails
from facilitation.domain.outcomes import goal_values
from facilitation.domain.validation import ValidationError

CASE = m.Case(1, "Familien Test", "Alma", m.CaseType.ASSESSMENT)


def meeting(mid: int, day: date, goals: list[m.Goal]) -> m.MeetingRecord:
    """A meeting of the case holding these goals."""
    kind = m.MeetingKind.START if mid == 1 else m.MeetingKind.FOLLOW_UP
    return m.MeetingRecord(case=CASE, meeting=m.Meeting(mid, 1, kind, day, "", "", m.MeetingStatus.ENDED, 1),
                           goals=goals)


def goal(gid: int, mid: int, text: str, progress: int | None = None, status: str = "in_progress",
         carried_from: int | None = None) -> m.Goal:
    """A short-term goal at a meeting."""
    return m.Goal(gid, mid, m.GoalTerm.SHORT, text, "Familien", 0, progress=progress,
                  status=m.GoalStatus(status), carried_from_id=carried_from)


def test_a_goal_carried_forward_twice_shows_its_progress_at_each_meeting() -> None:
    records = [
        meeting(1, date(2026, 9, 1), [goal(1, 1, "Alma sover hjemme", 2)]),
        meeting(2, date(2026, 10, 13), [goal(2, 2, "Alma sover hjemme", 5, carried_from=1)]),
        meeting(3, date(2026, 11, 24), [goal(3, 3, "Alma sover hjemme", 8, carried_from=2)]),
    ]
    (trail,) = goal_trails(records)
    assert [(s.meeting_id, s.progress) for s in trail.steps] == [(1, 2), (2, 5), (3, 8)]
    assert (trail.first_progress, trail.latest_progress, trail.status) == (2, 8, m.GoalStatus.IN_PROGRESS)


def test_an_unlinked_copy_is_matched_by_term_and_text_and_a_changed_text_is_a_new_goal() -> None:
    records = [
        meeting(1, date(2026, 9, 1), [goal(1, 1, "Mor får job", 1), goal(2, 1, "Skole hver dag", 3)]),
        meeting(2, date(2026, 10, 13), [goal(3, 2, "Mor får job", 4), goal(4, 2, "Skole hver dag, også fredag", 5)]),
    ]
    trails = {t.goal.text: [s.progress for s in t.steps] for t in goal_trails(records)}
    assert trails == {"Skole hver dag": [3], "Mor får job": [1, 4], "Skole hver dag, også fredag": [5]}


def test_a_goal_reached_at_the_second_meeting_ends_there_and_is_still_listed() -> None:
    records = [
        meeting(1, date(2026, 9, 1), [goal(1, 1, "Fast sengetid", 4), goal(2, 1, "Lektiehjælp", None)]),
        meeting(2, date(2026, 10, 13), [goal(3, 2, "Fast sengetid", 10, "achieved", 1),
                                        goal(4, 2, "Lektiehjælp", None, carried_from=2)]),
        meeting(3, date(2026, 11, 24), [goal(5, 3, "Lektiehjælp", 3, carried_from=4)]),
    ]
    trails = goal_trails(records)
    assert [(t.goal.text, t.status.value, t.latest_progress) for t in trails] == [
        ("Fast sengetid", "achieved", 10), ("Lektiehjælp", "in_progress", 3)]
    assert [s.progress for s in trails[1].steps] == [None, None, 3]
    assert trails[1].first_progress == 3


def test_no_meetings_no_trails() -> None:
    assert goal_trails([]) == []
    assert goal_trails([meeting(1, date(2026, 9, 1), [])]) == []


@pytest.mark.parametrize("progress", [-1, 11, "7.5", "mange", True])
def test_progress_is_a_whole_number_from_0_to_10(progress: object) -> None:
    with pytest.raises(ValidationError):
        goal_values({"progress": progress})


def test_progress_may_be_unasked_and_a_status_is_one_of_three() -> None:
    assert goal_values({"progress": None, "status": "achieved"}) == {"progress": None, "status": "achieved"}
    assert goal_values({"progress": "7"})["progress"] == 7
    with pytest.raises(ValidationError):
        goal_values({"status": "finished"})
    assert replace(goal(1, 1, "x"), status=m.GoalStatus.DROPPED).status == "dropped"
