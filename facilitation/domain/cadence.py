"""The fixed follow-up cadence of the model (DESIGN.md): when a case's next follow-up meeting is due.

Compensation/support cases (SEL §41, §42, §44) are followed up every 3 months; cases with a
child-welfare assessment (§50/§52) every 6 weeks. Pure functions of dates: no clock, no database.
A month later than the 31st is the last day of the shorter month (30 November + 3 months is
28 February, or the 29th in a leap year), as people count months on a calendar.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from facilitation.domain.model import CaseType, Meeting


@dataclass(frozen=True)
class Cadence:
    """How often a case type is followed up: a number of months or of weeks (one of them is 0)."""

    months: int = 0
    weeks: int = 0


CADENCES: dict[CaseType, Cadence] = {
    CaseType.COMPENSATION: Cadence(months=3),
    CaseType.ASSESSMENT: Cadence(weeks=6),
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def next_follow_up(meeting_date: date, case_type: CaseType | str) -> date:
    """The date the next follow-up is due after a meeting held on `meeting_date`."""
    cadence = CADENCES[CaseType(case_type)]
    return add_months(meeting_date, cadence.months) + timedelta(weeks=cadence.weeks)


def follow_up_due(meeting: Meeting, case_type: CaseType | str) -> date:
    """The meeting's agreed follow-up date, or else the one the cadence gives."""
    return meeting.follow_up_date or next_follow_up(meeting.date, case_type)
