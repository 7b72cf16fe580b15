"""Goals followed across meetings: linked copies, goals matched by text, goals that ended earlier."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from facilitation.domain import model as m
from facilitation.domain.goal_progress import goal_as_of, goal_chains, goal_trails, measure_goals
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


def _three_meetings() -> list[m.MeetingRecord]:
    """A goal carried twice (once matched by text only), one reached at the second meeting, one set at the third."""
    return [
        meeting(1, date(2026, 9, 1), [goal(1, 1, "Alma sover hjemme", 2), goal(2, 1, "Mor får job")]),
        meeting(2, date(2026, 10, 13), [goal(3, 2, "Alma sover hjemme", 5),  # no link: the same term and text
                                        goal(4, 2, "Mor får job", status="achieved", carried_from=2)]),
        meeting(3, date(2026, 11, 24), [goal(5, 3, "Alma sover hjemme", 8, carried_from=3),
                                        goal(6, 3, "Skole hver dag")]),
    ]


def _goals(records: list[m.MeetingRecord]) -> list[tuple[int, tuple[m.Goal, ...]]]:
    return [(r.meeting.id, r.goals) for r in records]


def test_a_goal_s_chain_holds_every_copy_oldest_first() -> None:
    chains = goal_chains(_goals(_three_meetings()))
    assert [[g.id for g in chain] for chain in chains] == [[2, 4], [1, 3, 5], [6]]
    assert goal_chains([]) == []


def test_a_goal_as_it_stands_at_a_meeting_is_its_copy_there_or_the_latest_before() -> None:
    meetings = _goals(_three_meetings())
    assert goal_as_of(1, meetings, 3).id == 5 and goal_as_of(5, meetings, 3).id == 5  # type: ignore[union-attr]
    assert goal_as_of(5, meetings, 2).id == 3, "seen from an earlier meeting: the copy there"  # type: ignore[union-attr]
    assert goal_as_of(2, meetings, 3).id == 4, "reached at meeting 2: as it ended"  # type: ignore[union-attr]
    assert goal_as_of(6, meetings, 1).id == 6, "set later: as first set"  # type: ignore[union-attr]
    assert goal_as_of(99, meetings, 3) is None


def test_each_measure_serves_its_goal_as_it_stands_at_the_meeting() -> None:
    meetings = _goals(_three_meetings())
    day = date(2026, 9, 1)
    served = m.Measure(10, 1, "Familiebehandling", m.LegalBasis.SEL_52, "", day, None, 1, "preventive")
    none = replace(served, id=11, goal_id=None)
    gone = replace(served, id=12, goal_id=99)
    assert {k: g.id for k, g in measure_goals([served, none, gone], meetings, 3).items()} == {10: 5}
    assert {k: g.id for k, g in measure_goals([served], meetings, 1).items()} == {10: 1}
    assert measure_goals([none], meetings, 3) == {}
