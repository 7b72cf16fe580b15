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


def goal_trails(records: Sequence[m.MeetingRecord]) -> list[GoalTrail]:
    """Every goal of the case followed to its latest meeting; `records` oldest first, the newest goals last.

    A goal reached or dropped at an earlier meeting ends there (it is not carried forward) and is listed too.
    """
    earlier: dict[int, m.Goal | None] = {}  # goal id -> the goal it continues
    for before, after in zip([None, *records], records, strict=False):
        previous = {} if before is None else {g.id: g for g in before.goals}
        by_text = {} if before is None else {(g.term, g.text): g for g in before.goals}
        for goal in after.goals:
            earlier[goal.id] = previous.get(goal.carried_from_id or -1) or by_text.get((goal.term, goal.text))
    continued = {g.id for g in earlier.values() if g is not None}
    day_of = {r.meeting.id: r.meeting.date for r in records}
    trails = []
    for record in records:
        for goal in record.goals:
            if goal.id in continued:
                continue
            chain: list[m.Goal] = []
            step: m.Goal | None = goal
            while step is not None:
                chain.append(step)
                step = earlier.get(step.id)
            steps = tuple(GoalStep(g.meeting_id, day_of[g.meeting_id], g.progress, g.status) for g in reversed(chain))
            trails.append(GoalTrail(goal, steps))
    return trails
