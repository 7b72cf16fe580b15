"""Goals followed across a case's meetings: each goal's "how far are we?" (0–10) and status, meeting by meeting.

A follow-up copies the goals still worked on (facilitation.services.follow_up), each copy remembering the goal
it continues (`carried_from_id`). A goal copied before that link existed, or typed in again, is matched with
the goal of the same term and text at the meeting before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from facilitation.domain import model as m


@dataclass(frozen=True)
class GoalStep:
    """A goal at one meeting: when, how far (None: not asked) and its status."""

    meeting_id: int
    day: date
    progress: int | None
    status: m.GoalStatus


@dataclass(frozen=True)
class GoalTrail:
    """One goal over the meetings: as it stands at its latest meeting, and every meeting it was at, oldest first."""

    goal: m.Goal
    steps: tuple[GoalStep, ...]

    @property
    def latest_progress(self) -> int | None:
        """The most recent answer to "how far are we?" (None if never asked)."""
        return next((s.progress for s in reversed(self.steps) if s.progress is not None), None)

    @property
    def first_progress(self) -> int | None:
        """The first answer to "how far are we?" (None if never asked)."""
        return next((s.progress for s in self.steps if s.progress is not None), None)

    @property
    def status(self) -> m.GoalStatus:
        """The goal's status at its latest meeting."""
        return self.goal.status


MeetingGoals = tuple[int, Sequence[m.Goal]]
"""A meeting's id and its goals; a case's meetings are given oldest first."""


def goal_chains(meetings: Sequence[MeetingGoals]) -> list[tuple[m.Goal, ...]]:
    """Each goal of the case with its copies, oldest first, one chain per goal; ordered by their latest copy.

    A copy continues the goal it was carried from (`carried_from_id`) at the meeting before, else the goal of the
    same term and text there. A goal reached or dropped at an earlier meeting ends its chain there.
    """
    earlier: dict[int, m.Goal | None] = {}  # goal id -> the goal it continues
    for before, after in zip([None, *meetings], meetings, strict=False):
        previous = {} if before is None else {g.id: g for g in before[1]}
        by_text = {} if before is None else {(g.term, g.text): g for g in before[1]}
        for goal in after[1]:
            earlier[goal.id] = previous.get(goal.carried_from_id or -1) or by_text.get((goal.term, goal.text))
    continued = {g.id for g in earlier.values() if g is not None}
    chains = []
    for _, goals in meetings:
        for goal in goals:
            if goal.id in continued:
                continue
            chain: list[m.Goal] = []
            step: m.Goal | None = goal
            while step is not None:
                chain.append(step)
                step = earlier.get(step.id)
            chains.append(tuple(reversed(chain)))
    return chains


def goal_as_of(goal_id: int, meetings: Sequence[MeetingGoals], meeting_id: int) -> m.Goal | None:
    """The goal `goal_id` as it stands at meeting `meeting_id`: its copy there, else its latest copy before, else
    (a goal first set later) its first copy; None for a goal the case does not have."""
    return _as_of({goal_id}, meetings, meeting_id).get(goal_id)


def measure_goals(
    measures: Sequence[m.Measure], meetings: Sequence[MeetingGoals], meeting_id: int,
) -> dict[int, m.Goal]:
    """Each measure's goal as it stands at meeting `meeting_id` (see goal_as_of), by measure id; none for none."""
    wanted = {x.goal_id for x in measures if x.goal_id is not None}
    found = _as_of(wanted, meetings, meeting_id) if wanted else {}
    return {x.id: found[x.goal_id] for x in measures if x.goal_id is not None and x.goal_id in found}


def _as_of(goal_ids: set[int], meetings: Sequence[MeetingGoals], meeting_id: int) -> dict[int, m.Goal]:
    """For each of `goal_ids`, its chain's copy at `meeting_id` or the latest before (else the first)."""
    order = {mid: index for index, (mid, _) in enumerate(meetings)}
    at = order.get(meeting_id, len(meetings))
    found = {}
    for chain in goal_chains(meetings):
        ids = goal_ids.intersection(goal.id for goal in chain)
        if ids:
            until = [goal for goal in chain if order.get(goal.meeting_id, 0) <= at]
            found.update(dict.fromkeys(ids, until[-1] if until else chain[0]))
    return found


def goal_trails(records: Sequence[m.MeetingRecord]) -> list[GoalTrail]:
    """Every goal of the case followed to its latest meeting; `records` oldest first, the newest goals last.

    A goal reached or dropped at an earlier meeting ends there (it is not carried forward) and is listed too.
    """
    day_of = {r.meeting.id: r.meeting.date for r in records}
    return [GoalTrail(chain[-1], tuple(GoalStep(g.meeting_id, day_of[g.meeting_id], g.progress, g.status)
                                       for g in chain))
            for chain in goal_chains([(r.meeting.id, r.goals) for r in records])]
