"""The follow-up cadence: every 3 months for compensation cases, every 6 weeks for assessment cases."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation.domain.cadence import add_months, follow_up_due, next_follow_up
from facilitation.domain.model import CaseType, Meeting, MeetingKind, MeetingStatus


def test_an_assessment_case_is_followed_up_after_six_weeks() -> None:
    assert next_follow_up(date(2026, 11, 25), CaseType.ASSESSMENT) == date(2027, 1, 6)


def test_a_compensation_case_is_followed_up_after_three_months() -> None:
    assert next_follow_up(date(2026, 11, 25), CaseType.COMPENSATION) == date(2027, 2, 25)


def test_the_case_type_may_be_given_as_its_stored_text() -> None:
    assert next_follow_up(date(2026, 3, 2), "assessment") == date(2026, 4, 13)


@pytest.mark.parametrize(("meeting", "due"), [
    (date(2026, 11, 30), date(2027, 2, 28)),  # no 30 February: the last day of February
    (date(2027, 11, 30), date(2028, 2, 29)),  # 2028 is a leap year
    (date(2026, 8, 31), date(2026, 11, 30)),  # no 31 November
    (date(2026, 12, 31), date(2027, 3, 31)),  # over the new year, a month long enough
    (date(2027, 3, 31), date(2027, 6, 30)),
    (date(2099, 11, 29), date(2100, 2, 28)),  # 2100 is not a leap year
    (date(2099, 11, 30), date(2100, 2, 28)),
    (date(2023, 11, 29), date(2024, 2, 29)),
])
def test_three_months_from_a_month_end_is_the_last_day_of_a_shorter_month(meeting: date, due: date) -> None:
    assert next_follow_up(meeting, CaseType.COMPENSATION) == due


@pytest.mark.parametrize(("meeting", "due"), [
    (date(2028, 1, 18), date(2028, 2, 29)),  # six weeks land on a leap day
    (date(2027, 1, 18), date(2027, 3, 1)),
    (date(2026, 12, 31), date(2027, 2, 11)),
])
def test_six_weeks_are_always_42_days_across_month_ends_and_leap_years(meeting: date, due: date) -> None:
    assert next_follow_up(meeting, CaseType.ASSESSMENT) == due
    assert (due - meeting).days == 42


def test_add_months_counts_backwards_and_across_years() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), 24) == date(2028, 1, 15)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def _meeting(follow_up: date | None) -> Meeting:
    return Meeting(1, 1, MeetingKind.START, date(2026, 11, 25), "", "", MeetingStatus.ENDED, 1,
                   follow_up_date=follow_up)


def test_an_agreed_follow_up_date_wins_over_the_cadence() -> None:
    assert follow_up_due(_meeting(date(2027, 1, 4)), CaseType.ASSESSMENT) == date(2027, 1, 4)
    assert follow_up_due(_meeting(None), CaseType.ASSESSMENT) == date(2027, 1, 6)
