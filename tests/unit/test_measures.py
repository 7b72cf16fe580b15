"""Measures on a case: the model's cadence rule for each combination, the ladder, and due/overdue by an injected day."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation.domain.cadence import Cadence, next_follow_up
from facilitation.domain.measures import (
    DEFAULT_LADDER,
    STEP_MAX,
    LegalBasis,
    Measure,
    active_measures,
    case_rule,
    due_state,
    highest_step,
    ladder_of,
    ladder_with,
    measure_values,
    step_index,
    step_words,
)
from facilitation.domain.model import CaseType
from facilitation.domain.validation import ValidationError

TODAY = date(2026, 12, 2)
B = LegalBasis


def _measure(basis: LegalBasis, *, start: date = date(2026, 1, 1), end: date | None = None,
             step: str = "preventive") -> Measure:
    return Measure(1, 1, "Familiebehandling", basis, "", start, end, None, step)


SIX_WEEKS = [
    [B.SEL_50], [B.SEL_52], [B.SEL_50, B.SEL_52], [B.SEL_41, B.SEL_50], [B.SEL_42, B.SEL_44, B.SEL_52],
    [B.SEL_41, B.SEL_11, B.SEL_52], [B.SEL_52A_1_1, B.SEL_50], [B.BL_20], [B.BL_32], [B.SEL_44, B.BL_32, B.BL_35],
]
THREE_MONTHS = [
    [B.SEL_41], [B.SEL_42], [B.SEL_44], [B.SEL_41, B.SEL_42, B.SEL_44], [B.SEL_41, B.SEL_11],
    [B.SEL_42, B.SEL_52A_1_1], [B.SEL_44, B.SEL_11, B.SEL_52A_1_1], [B.SEL_41, B.BL_35],
]


@pytest.mark.parametrize("bases", SIX_WEEKS)
def test_an_assessment_or_a_52_measure_means_every_six_weeks(bases: list[LegalBasis]) -> None:
    rule = case_rule([_measure(b) for b in bases], TODAY)
    assert rule == (CaseType.ASSESSMENT, "assessment_measure")
    assert rule.cadence == Cadence(weeks=6)


@pytest.mark.parametrize("bases", THREE_MONTHS)
def test_only_compensation_measures_with_or_without_11_or_52a_mean_every_three_months(
    bases: list[LegalBasis],
) -> None:
    rule = case_rule([_measure(b) for b in bases], TODAY, CaseType.ASSESSMENT)
    assert rule == (CaseType.COMPENSATION, "compensation_only")
    assert rule.cadence == Cadence(months=3)


@pytest.mark.parametrize("default", list(CaseType))
def test_no_measures_keep_the_case_type_given_today(default: CaseType) -> None:
    assert case_rule([], TODAY, default) == (default, "no_measures")


@pytest.mark.parametrize("bases", [[B.SEL_11], [B.SEL_52A_1_1], [B.SEL_11, B.BL_35]])
def test_only_11_or_52a_measures_give_no_cadence_of_their_own(bases: list[LegalBasis]) -> None:
    assert case_rule([_measure(b) for b in bases], TODAY, CaseType.ASSESSMENT) == (
        CaseType.ASSESSMENT, "no_rule_measures")


def test_every_legal_basis_is_in_one_combination_tested() -> None:
    assert {b for bases in SIX_WEEKS + THREE_MONTHS for b in bases} == set(LegalBasis)


def test_only_measures_active_today_count() -> None:
    ended = _measure(B.SEL_50, start=date(2026, 1, 1), end=date(2026, 12, 1))
    future = _measure(B.SEL_52, start=date(2026, 12, 3))
    running = _measure(B.SEL_41)
    assert case_rule([ended, future, running], TODAY) == (CaseType.COMPENSATION, "compensation_only")
    ends_today = _measure(B.SEL_50, end=TODAY)
    assert case_rule([ends_today], TODAY).case_type == CaseType.ASSESSMENT
    assert case_rule([ended, future], TODAY, CaseType.COMPENSATION) == (CaseType.COMPENSATION, "no_measures")


def test_the_rule_gives_the_follow_up_date_by_the_cadence() -> None:
    meeting_day = date(2026, 11, 25)
    assert next_follow_up(meeting_day, case_rule([_measure(B.SEL_50)], TODAY).case_type) == date(2027, 1, 6)
    assert next_follow_up(meeting_day, case_rule([_measure(B.SEL_44)], TODAY).case_type) == date(2027, 2, 25)


@pytest.mark.parametrize(("due", "state"), [
    (date(2026, 12, 1), "overdue"), (date(2025, 1, 1), "overdue"), (TODAY, "soon"),
    (date(2026, 12, 16), "soon"), (date(2026, 12, 17), "later"),
])
def test_due_and_overdue_by_the_day_given(due: date, state: str) -> None:
    assert due_state(due, TODAY) == state


def test_the_same_follow_up_turns_overdue_as_the_injected_clock_moves() -> None:
    due = next_follow_up(date(2026, 10, 1), CaseType.ASSESSMENT)  # 12 November 2026
    assert [due_state(due, day) for day in (date(2026, 10, 20), date(2026, 11, 1), date(2026, 11, 13))] == [
        "later", "soon", "overdue"]


def test_the_default_ladder_goes_from_universal_offers_to_an_institution() -> None:
    assert DEFAULT_LADDER[0] == "universal" and DEFAULT_LADDER[-1] == "institution"
    assert ladder_of(None) == DEFAULT_LADDER
    assert ladder_of(" almen ; forebyggende;;almen; anbringelse ") == ("almen", "forebyggende", "anbringelse")
    assert ladder_of(["a", "b"]) == ("a", "b")
    assert ladder_of(" ; ") == DEFAULT_LADDER


def test_a_configured_ladder_is_tidied_and_a_too_long_step_is_refused() -> None:
    assert ladder_of("Almene  tilbud ;\tForebyggende; almene tilbud;;Anbringelse;") == (
        "Almene tilbud", "Forebyggende", "Anbringelse")
    assert ladder_of("x" * STEP_MAX) == ("x" * STEP_MAX,)
    with pytest.raises(ValueError, match="longer than"):
        ladder_of("Almene tilbud;" + "x" * (STEP_MAX + 1))
    with pytest.raises(ValueError, match="control"):
        ladder_of(["Almene\x00tilbud"])


def test_a_step_off_the_configured_ladder_comes_after_its_last_step() -> None:
    ladder = ("Almene", "Anbringelse")
    old, new = _measure(B.SEL_52, step="foster_family"), _measure(B.SEL_11, step="Almene")
    other = _measure(B.SEL_44, step="moon")
    earlier = _measure(B.SEL_11, step="preventive")
    assert ladder_with(ladder, [new, other, old, earlier, old]) == (
        "Almene", "Anbringelse", "preventive", "foster_family", "moon"), "default steps in their own order"
    assert ladder_with(ladder, []) == ladder
    assert step_index("foster_family", ladder) == 2 and step_index("Anbringelse", ladder) == 1
    assert highest_step([new, old], TODAY, ladder) == "foster_family"
    assert highest_step([new], TODAY, ladder) == "Almene"


def test_the_highest_active_step() -> None:
    low, high = _measure(B.SEL_11, step="universal"), _measure(B.SEL_52, step="foster_family", end=date(2026, 6, 1))
    assert highest_step([low, high], date(2026, 5, 1)) == "foster_family"
    assert highest_step([low, high], TODAY) == "universal"
    assert highest_step([], TODAY) is None


def test_measure_values_are_checked() -> None:
    values = measure_values({"what": " Familiebehandling ", "legal_basis": "sel_52", "provider": "",
                             "start": "2026-11-01", "end": "", "goal_id": None, "step": "preventive"})
    assert values == {"what": "Familiebehandling", "legal_basis": "sel_52", "provider": "",
                      "start": date(2026, 11, 1), "end": None, "goal_id": None, "step": "preventive"}
    for bad in ({"legal_basis": "sel_99"}, {"step": "moon"}, {"what": ""}, {"start": "x"},
                {"start": "2026-11-02", "end": "2026-11-01"}, {"goal_id": "3"}):
        with pytest.raises(ValidationError):
            measure_values(bad)
    assert measure_values({"step": "anbringelse"}, ladder_of("almen;anbringelse")) == {"step": "anbringelse"}
    assert measure_values({"step": " Eget  trin "}, ladder=None) == {"step": "Eget trin"}, "a backup keeps its step"
    for bad_step in ("", "x" * (STEP_MAX + 1)):
        with pytest.raises(ValidationError):
            measure_values({"step": bad_step}, ladder=None)


def test_the_measures_running_on_a_day_oldest_start_first() -> None:
    later = _measure(B.SEL_52, start=date(2026, 6, 1))
    first = _measure(B.SEL_11, start=date(2026, 2, 1))
    ended = _measure(B.SEL_44, start=date(2026, 1, 1), end=date(2026, 3, 1))
    planned = _measure(B.SEL_41, start=date(2027, 1, 1))
    assert active_measures([later, ended, planned, first], TODAY) == [first, later]
    assert active_measures([], TODAY) == []


def test_a_step_in_words_default_steps_from_the_catalog_configured_ones_as_written() -> None:
    assert step_words("intensive_home") == "Intensiv indsats i hjemmet"
    assert step_words("intensive_home", "en") == "Intensive support at home"
    assert step_words("Anbringelse i slægten", "en") == "Anbringelse i slægten"
