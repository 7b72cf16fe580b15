"""'Mine sager': a caseworker's cases with the next follow-up, what falls due, and the last scaling. Pure rules."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from facilitation.domain.access import MemberRole
from facilitation.domain.measures import CaseRule, due_state, follow_up_date, meeting_rule
from facilitation.domain.model import Action, ActionStatus, Case, MeetingKind, MeetingRecord, MeetingStatus
from facilitation.domain.scaling import ScoreRound

SOON_DAYS = 14  # a follow-up due within this many days shows amber
ACTIONS_DAYS = 7  # open actions falling due within this many days are listed
SORTS = ("due", "family", "scaling")


@dataclass(frozen=True)
class CaseLine:
    """One case on 'Mine sager'."""

    case: Case
    role: MemberRole
    meeting_id: int  # the newest meeting of the case
    next_date: date  # the next follow-up: a meeting already planned, else the newest meeting's follow-up date
    planned: bool  # a follow-up meeting is already planned on next_date
    state: str  # overdue | soon | later (facilitation.domain.measures.due_state)
    rule: CaseRule  # the cadence and why
    last_scaling: float | None  # the room's median at the last scored meeting
    last_scaling_date: date | None
    open_due: tuple[Action, ...]  # open actions due within ACTIONS_DAYS (or already overdue)


def case_line(
    record: MeetingRecord, role: MemberRole, history: Sequence[ScoreRound], today: date,
) -> CaseLine:
    """The line of a case from its newest meeting's record and its scores over time, on `today`."""
    meeting = record.meeting
    planned = meeting.kind == MeetingKind.FOLLOW_UP and meeting.status != MeetingStatus.ENDED and meeting.date >= today
    next_date = meeting.date if planned else follow_up_date(record)
    last = history[-1] if history else None
    median = float(statistics.median(score for _, score in last.scores)) if last and last.scores else None
    limit = today + timedelta(days=ACTIONS_DAYS)
    due = tuple(sorted((a for a in record.actions if a.status == ActionStatus.OPEN and a.due and a.due <= limit),
                       key=lambda a: (a.due, a.position)))
    return CaseLine(record.case, role, meeting.id, next_date, planned, due_state(next_date, today, SOON_DAYS),
                    meeting_rule(record), median, last.date if last else None, due)


def sorted_lines(lines: Sequence[CaseLine], by: str = "due") -> list[CaseLine]:
    """The lines by next follow-up (overdue first), by family name, or by last scaling (lowest first)."""
    if by == "family":
        return sorted(lines, key=lambda x: (x.case.family_name.casefold(), x.case.id))
    if by == "scaling":
        return sorted(lines, key=lambda x: (x.last_scaling is None, x.last_scaling or 0.0, x.next_date))
    return sorted(lines, key=lambda x: (x.next_date, x.case.family_name.casefold()))


def only_makker(lines: Sequence[CaseLine]) -> list[CaseLine]:
    """The cases where the caseworker is the makker (partner), not the primary caseworker."""
    return [x for x in lines if x.role == MemberRole.MAKKER]
