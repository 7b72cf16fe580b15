"""Measures stored on a case: members only and logged, kept by the follow-up, and what 'Mine sager' shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from facilitation import services as s
from facilitation.demo import BERG_NAME, create_demo_case
from facilitation.domain.access import Caseworker, MemberRole
from facilitation.domain.measures import follow_up_date, meeting_rule
from facilitation.domain.model import CaseType
from facilitation.domain.my_cases import only_makker, sorted_lines
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services.my_cases import my_cases, plan_follow_up
from facilitation.storage import Database
from facilitation.storage import tables as t
from tests.conftest import ACTOR
from tests.unit.caseworkers import add_caseworker, add_member, case_of_meeting


def _measure(db: Database, actor: object, case_id: int, basis: str = "sel_52", **fields: object) -> int:
    values: dict[str, object] = {"what": "Familiebehandling", "legal_basis": basis, "start": date(2026, 3, 1),
                                 "step": "preventive", **fields}
    return s.add_measure(db, actor, case_id, **values)  # type: ignore[arg-type]


def test_a_measure_is_stored_changed_and_removed_on_its_case(db: Database, meeting_id: int) -> None:
    case_id = case_of_meeting(db, meeting_id)
    goal = s.add_goal(db, ACTOR, meeting_id, "short", "Alma sover hjemme", "Sanne")
    mid = _measure(db, ACTOR, case_id, provider="Familiehuset", goal_id=goal)
    (measure,) = s.list_measures(db, case_id, viewer=ACTOR)
    assert (measure.what, measure.legal_basis.value, measure.provider, measure.goal_id) == (
        "Familiebehandling", "sel_52", "Familiehuset", goal)
    s.edit_measure(db, ACTOR, mid, end="2026-04-01", step="universal")
    assert s.list_measures(db, case_id, viewer=ACTOR)[0].end == date(2026, 4, 1)
    with pytest.raises(ValidationError):
        s.edit_measure(db, ACTOR, mid, end="2026-01-01")
    s.remove_measure(db, ACTOR, mid)
    assert s.list_measures(db, case_id, viewer=ACTOR) == ()


def test_a_measure_cannot_serve_another_case_s_goal(db: Database, meeting_id: int, other_meeting_id: int) -> None:
    goal = s.add_goal(db, ACTOR, other_meeting_id, "short", "Freja går i skole", "")
    with pytest.raises(NotFoundError):
        _measure(db, ACTOR, case_of_meeting(db, meeting_id), goal_id=goal)


def test_only_members_see_or_change_a_case_s_measures_and_every_change_is_logged(
    db: Database, meeting_id: int,
) -> None:
    case_id = case_of_meeting(db, meeting_id)
    member = replace(add_caseworker(db, "Line Bech", "line@kommune.invalid"), purpose="meeting")
    stranger = add_caseworker(db, "Ulla Frandsen", "ulla@kommune.invalid")
    add_member(db, case_id, member.id)
    mid = _measure(db, member, case_id)
    for attempt in (lambda: s.list_measures(db, case_id, viewer=stranger), lambda: _measure(db, stranger, case_id),
                    lambda: s.edit_measure(db, stranger, mid, what="x"), lambda: s.remove_measure(db, stranger, mid)):
        with pytest.raises(NotFoundError):
            attempt()
    s.edit_measure(db, member, mid, what="Familiebehandling i hjemmet")
    with db.read() as session:
        details = list(session.scalars(select(t.AccessLogRow.detail).where(t.AccessLogRow.case_id == case_id)))
    assert details == ["add_measure", "edit_measure"]


def test_the_case_s_measures_decide_the_follow_up_and_the_caseworker_can_still_override_it(
    db: Database, meeting_id: int,
) -> None:
    case_id = case_of_meeting(db, meeting_id)  # an assessment case, meeting on 2 March 2026
    s.edit_case(db, ACTOR, case_id, case_type="compensation")
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert meeting_rule(record) == (CaseType.COMPENSATION, "no_measures")
    assert follow_up_date(record) == date(2026, 6, 2)
    _measure(db, ACTOR, case_id, "sel_50")
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert meeting_rule(record) == (CaseType.ASSESSMENT, "assessment_measure")
    assert follow_up_date(record) == date(2026, 4, 13)
    s.set_follow_up_date(db, ACTOR, meeting_id, date(2026, 4, 20))
    assert follow_up_date(s.load_meeting(db, meeting_id, viewer=ACTOR)) == date(2026, 4, 20)


def test_the_follow_up_meeting_sees_the_same_measures(db: Database, meeting_id: int) -> None:
    case_id = case_of_meeting(db, meeting_id)
    _measure(db, ACTOR, case_id)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    assert [x.what for x in s.load_meeting(db, later, viewer=ACTOR).measures] == ["Familiebehandling"]


def test_a_measure_s_goal_follows_the_goal_into_every_follow_up(db: Database, meeting_id: int) -> None:
    case_id = case_of_meeting(db, meeting_id)
    goal = s.add_goal(db, ACTOR, meeting_id, "short", "Alma sover hjemme", "Sanne")
    measure = _measure(db, ACTOR, case_id, goal_id=goal)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    (copy,) = s.load_meeting(db, later, viewer=ACTOR).goals
    s.edit_goal(db, ACTOR, later, copy.id, text="Alma sover hjemme hver nat")
    seen = s.load_meeting(db, later, viewer=ACTOR).measure_goals[measure]
    assert (seen.id, seen.text) == (copy.id, "Alma sover hjemme hver nat"), "the copy in the follow-up"
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).measure_goals[measure].id == goal
    s.edit_measure(db, ACTOR, measure, goal_id=copy.id)  # chosen again in the follow-up: still the same goal
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).measure_goals[measure].id == goal
    assert s.load_meeting(db, later, viewer=ACTOR).measure_goals[measure].id == copy.id
    s.edit_measure(db, ACTOR, measure, goal_id=None)
    assert s.load_meeting(db, later, viewer=ACTOR).measure_goals == {}


DAY = date(2026, 12, 2)


def test_the_configured_ladder_decides_the_steps_and_an_older_step_is_kept_on_edit(
    db: Database, meeting_id: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id = case_of_meeting(db, meeting_id)
    old = _measure(db, ACTOR, case_id, step="foster_family")  # stored under the default ladder
    monkeypatch.setenv("MOEDETAVLEN_LADDER", "Almene tilbud;Forebyggende;Anbringelse")
    new = _measure(db, ACTOR, case_id, step="Anbringelse")
    with pytest.raises(ValidationError):
        _measure(db, ACTOR, case_id, step="preventive")
    s.edit_measure(db, ACTOR, old, what="Plejefamilie", step="foster_family")  # unchanged: kept
    with pytest.raises(ValidationError):
        s.edit_measure(db, ACTOR, new, step="institution")  # a new step must be on the ladder
    s.edit_measure(db, ACTOR, old, step="Forebyggende")
    steps = {m.id: (m.what, m.step) for m in s.list_measures(db, case_id, viewer=ACTOR)}
    assert steps == {old: ("Plejefamilie", "Forebyggende"), new: ("Familiebehandling", "Anbringelse")}


def _demo_worker(db: Database) -> Caseworker:
    create_demo_case(db, DAY)
    worker = replace(add_caseworker(db, "Demo Rådgiver", "demo@kommune.invalid"), purpose="meeting")
    for case in s.list_cases(db, viewer=ACTOR):
        add_member(db, case.id, worker.id, "makker" if case.family_name == BERG_NAME else "primary")
    return worker


def test_mine_sager_shows_the_overdue_case_first_and_the_planned_one_later(db: Database) -> None:
    worker = _demo_worker(db)
    lines = sorted_lines(my_cases(db, worker, DAY))
    assert [x.case.family_name for x in lines] == [BERG_NAME, "Familien Juhl (demo)"]
    berg, juhl = lines
    assert (berg.state, berg.role, berg.planned, berg.rule.case_type) == ("overdue", MemberRole.MAKKER, False,
                                                                          CaseType.COMPENSATION)
    assert berg.next_date == date(2026, 11, 12)  # held 16 weeks earlier (12 August) + 3 months
    assert [a.what for a in berg.open_due] == ["Søge om merudgifter til diabetesudstyr"]
    assert berg.last_scaling == 6.0
    assert (juhl.state, juhl.planned, juhl.next_date) == ("soon", True, DAY)
    assert [x.case.family_name for x in only_makker(lines)] == [BERG_NAME]
    assert [x.case.family_name for x in sorted_lines(lines, "family")] == [BERG_NAME, "Familien Juhl (demo)"]


def test_mine_sager_moves_with_the_injected_clock(db: Database) -> None:
    worker = _demo_worker(db)
    berg = next(x for x in my_cases(db, worker, date(2026, 10, 30)) if x.case.family_name == BERG_NAME)
    assert berg.state == "soon"
    berg = next(x for x in my_cases(db, worker, date(2026, 9, 1)) if x.case.family_name == BERG_NAME)
    assert berg.state == "later"


def test_planning_the_overdue_follow_up_carries_the_open_actions_and_clears_the_overdue_state(db: Database) -> None:
    worker = _demo_worker(db)
    berg = next(x for x in my_cases(db, worker, DAY) if x.case.family_name == BERG_NAME)
    new_id = plan_follow_up(db, worker, berg, DAY)
    record = s.load_meeting(db, new_id, viewer=worker)
    assert record.meeting.date == DAY
    assert [a.what for a in record.actions] == ["Søge om merudgifter til diabetesudstyr"]
    again = next(x for x in my_cases(db, worker, DAY) if x.case.family_name == BERG_NAME)
    assert (again.planned, again.state) == (True, "soon")


def test_a_stranger_has_no_cases_and_showing_the_list_is_logged(db: Database) -> None:
    worker = _demo_worker(db)
    assert my_cases(db, add_caseworker(db, "Ulla Frandsen", "ulla@kommune.invalid"), DAY) == []
    my_cases(db, worker, DAY, log=True)
    with db.read() as session:
        found = list(session.scalars(select(t.AccessLogRow.detail).where(t.AccessLogRow.caseworker_id == worker.id)))
    assert found == ["my_cases", "my_cases"]
