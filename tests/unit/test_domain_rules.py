"""The rules that used to live in SQL, as pure functions on domain types: no database anywhere here."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, datetime, timedelta

import pytest

from facilitation.domain import board, carry_forward, outcomes, people, timekeeping
from facilitation.domain import model as m
from facilitation.domain.roles import Role
from facilitation.domain.validation import ValidationError

CASE = m.Case(1, "Familien Hansen", "Emil", m.CaseType.ASSESSMENT)
MEETING = m.Meeting(1, 1, m.MeetingKind.START, date(2026, 3, 2), "", "", m.MeetingStatus.PLANNED, 1)
T0 = datetime(2026, 3, 2, 9, 0)


def note(kind: m.BoardKind, category: str = "", item_id: int = 1) -> m.BoardItem:
    return m.BoardItem(item_id, 1, kind, "tekst", 0, category=category)


def person(pid: int, name: str, attendance: m.Attendance = m.Attendance.PRESENT) -> m.Participant:
    return m.Participant(pid, 1, name, "", m.Sector.FAMILY, 1, m.Group.FAMILY, attendance, "", pid)


def item(iid: int, *, started: datetime | None = None, ended: datetime | None = None,
         paused: datetime | None = None, paused_seconds: int = 0) -> m.AgendaItem:
    return m.AgendaItem(iid, 1, f"Punkt {iid}", 10, iid, started, ended, "", paused_at=paused,
                        paused_seconds=paused_seconds)


def test_a_worry_moved_to_what_works_loses_its_worry_category_and_its_links() -> None:
    change = board.leave_column(note(m.BoardKind.WORRY, "past_harm"), m.BoardKind.WORKING_WELL)
    assert change.category == ""
    assert change.unlink_goals and change.unlink_answers and not change.keeps_answer


def test_a_note_moved_into_a_column_where_its_category_fits_keeps_it() -> None:
    moved = note(m.BoardKind.WORRY, "strength")  # a category of the column it is moving to
    assert board.leave_column(moved, m.BoardKind.WORKING_WELL).category == "strength"


def test_a_note_moved_to_safety_goals_keeps_its_answer_and_one_moved_to_danger_statements_keeps_answers_to_it() -> None:
    assert board.leave_column(note(m.BoardKind.NEXT_STEP), m.BoardKind.SAFETY_GOAL).keeps_answer
    assert not board.leave_column(note(m.BoardKind.NEXT_STEP), m.BoardKind.DANGER_STATEMENT).unlink_answers


def test_a_category_must_suit_the_column() -> None:
    assert board.board_category("future_danger", "worry") == "future_danger"
    assert board.board_category("", "next_step") == ""
    with pytest.raises(ValidationError):
        board.board_category("strength", "worry")


def test_only_a_safety_goal_answers_and_only_a_danger_statement_is_answered() -> None:
    board.check_answers("safety_goal", "danger_statement")
    for pair in (("worry", "danger_statement"), ("safety_goal", "worry"), ("danger_statement", "safety_goal")):
        with pytest.raises(ValidationError):
            board.check_answers(*pair)


def test_said_by_offers_the_people_present_the_child_and_the_caseworkers_once_each() -> None:
    record = m.MeetingRecord(
        CASE, MEETING, roles={Role.FACILITATOR: "Line Bech", Role.CHAIR: "Line Bech"},
        participants=[person(1, "Mor"), person(2, "Far", m.Attendance.ABSENT), person(3, "Emil")],
    )
    assert board.speakers(record) == ["Mor", "Emil", "Line Bech"]


def test_an_open_action_past_its_date_is_overdue_and_a_done_one_never_is() -> None:
    action = m.Action(1, 1, "Ring skolen", "Mor", date(2026, 3, 1), m.Coordinator.FAMILY, m.ActionStatus.OPEN,
                      None, 0)
    assert outcomes.overdue(action, date(2026, 3, 2))
    assert not outcomes.overdue(action, date(2026, 3, 1))
    assert not outcomes.overdue(m.Action(**{**action.__dict__, "status": m.ActionStatus.DONE}), date(2026, 4, 1))
    assert not outcomes.overdue(m.Action(**{**action.__dict__, "due": None}), date(2026, 4, 1))


def test_an_open_action_without_owner_or_date_is_not_agreed_yet_and_a_settled_one_never_is() -> None:
    agreed = m.Action(1, 1, "Ring skolen", "Mor", date(2026, 3, 9), m.Coordinator.FAMILY, m.ActionStatus.OPEN,
                      None, 0)
    assert not outcomes.not_agreed(agreed)
    assert outcomes.not_agreed(m.Action(**{**agreed.__dict__, "who": ""}))
    assert outcomes.not_agreed(m.Action(**{**agreed.__dict__, "who": "  "}))
    assert outcomes.not_agreed(m.Action(**{**agreed.__dict__, "due": None}))
    assert not outcomes.not_agreed(m.Action(**{**agreed.__dict__, "who": "", "status": m.ActionStatus.DONE}))


def test_an_actions_flags_put_overdue_first_and_a_settled_action_has_none() -> None:
    late = m.Action(1, 1, "Ring skolen", "", date(2026, 3, 1), m.Coordinator.FAMILY, m.ActionStatus.OPEN, None, 0)
    today = date(2026, 3, 2)
    assert outcomes.action_flags(late, today) == (outcomes.ActionFlag.OVERDUE, outcomes.ActionFlag.NOT_AGREED)
    assert outcomes.action_flags(m.Action(**{**late.__dict__, "who": "Mor"}), today) == (outcomes.ActionFlag.OVERDUE,)
    assert outcomes.action_flags(m.Action(**{**late.__dict__, "status": m.ActionStatus.DROPPED}), today) == ()


def test_an_action_needs_what_but_not_who_or_when() -> None:
    values = outcomes.action_values({"what": " Finde en chauffør ", "who": "  ", "due": ""})
    assert (values["what"], values["who"], values["due"]) == ("Finde en chauffør", "", None)
    with pytest.raises(ValidationError) as refused:
        outcomes.action_values({"what": "  ", "who": "Mor"})
    assert (refused.value.code, refused.value.params["field"]) == ("empty", "what")


def test_evaluation_answers_are_1_to_5_and_their_means_are_plain_averages() -> None:
    assert outcomes.evaluation_values("Mor", "5", 1, "")["heard"] == 5
    for bad in (0, 6, "x"):
        with pytest.raises(ValidationError):
            outcomes.evaluation_values("Mor", bad, 3, "")
    answers = [m.Evaluation(1, 1, "Mor", 4, 5, ""), m.Evaluation(2, 1, "Far", 3, 2, "")]
    means = outcomes.evaluation_means(answers)
    assert means is not None and (means.count, means.heard, means.useful) == (2, 3.5, 3.5)
    assert outcomes.evaluation_means([]) is None


def test_carrying_forward_copies_goals_not_there_yet_and_open_actions_not_carried_yet() -> None:
    short, long = m.GoalTerm.SHORT, m.GoalTerm.LONG
    source = [m.Goal(1, 1, short, "Emil sover", "Mor", 0), m.Goal(2, 1, long, "Skole hver dag", "", 0)]
    target = [m.Goal(7, 2, short, "Emil sover", "Mor", 0)]
    assert carry_forward.goals_to_copy(source, target) == (source[1],)
    assert carry_forward.goal_links(source, target) == {1: 7, 2: None}
    open_, done = m.ActionStatus.OPEN, m.ActionStatus.DONE
    actions = [m.Action(i, 1, f"a{i}", "Mor", None, m.Coordinator.FAMILY, status, None, i)
               for i, status in ((1, open_), (2, done), (3, open_))]
    carried = [m.Action(9, 2, "a1", "Mor", None, m.Coordinator.FAMILY, open_, None, 0, carried_from_id=1)]
    assert [a.id for a in carry_forward.actions_to_carry(actions, carried)] == [3]


def test_the_review_item_is_added_only_when_the_agenda_lacks_it_in_either_language() -> None:
    assert carry_forward.needs_review_item([item(1)])
    review = m.AgendaItem(2, 1, "review of last meeting's actions", 15, 0, None, None, "")
    assert not carry_forward.needs_review_item([item(1), review])
    assert carry_forward.review_title("xx") == carry_forward.REVIEW_TITLES["da"]


def test_a_meeting_is_never_carried_into_itself_or_into_another_case() -> None:
    other_case = m.Meeting(2, 99, m.MeetingKind.FOLLOW_UP, date(2026, 4, 1), "", "", m.MeetingStatus.PLANNED, 1)
    with pytest.raises(ValidationError, match="copy_to_same_meeting"):
        carry_forward.check_same_case(MEETING, MEETING)
    with pytest.raises(ValidationError, match="copy_across_cases"):
        carry_forward.check_same_case(MEETING, other_case)


def test_people_are_matched_by_name_ignoring_case_and_spacing_and_ties_map_to_the_new_ids() -> None:
    plan = carry_forward.people_to_copy([person(1, "Mormor  Inge"), person(2, "Far")], [person(5, "mormor inge")])
    assert [p.name for p in plan.copies] == ["Far"] and plan.same == {1: 5}
    ties = [m.Relation(1, 1, 1, 2, "mor til", False), m.Relation(2, 1, 2, 2, "self", False)]
    added = carry_forward.ties_to_add(ties, [], {1: 5, 2: 6})
    assert [(r.from_id, r.to_id, r.kind) for r in added] == [(5, 6, "mor til")]
    assert carry_forward.ties_to_add(ties, added, {1: 5, 2: 6}) == ()


def test_a_person_is_never_tied_to_themself_and_unknown_person_fields_are_a_programming_error() -> None:
    with pytest.raises(ValidationError, match="relation_to_self"):
        people.relation_values(3, 3, "", False)
    with pytest.raises(TypeError):
        people.person_values({"shoe_size": 42})


def test_starting_an_item_ends_the_running_one_and_reopening_a_finished_item_counts_the_gap_as_pause() -> None:
    running, waiting = item(1, started=T0), item(2)
    changed = {i.id: i for i in timekeeping.start([running, waiting], waiting, T0 + timedelta(minutes=5))}
    assert changed[1].ended_at == T0 + timedelta(minutes=5) and changed[2].started_at == T0 + timedelta(minutes=5)
    finished = item(3, started=T0, ended=T0 + timedelta(minutes=10))
    (reopened,) = timekeeping.start([finished], finished, T0 + timedelta(minutes=12))
    assert reopened.ended_at is None and reopened.paused_seconds == 120


def test_pausing_and_resuming_adds_the_pause_and_next_wraps_round_to_an_unstarted_item() -> None:
    (paused,) = timekeeping.pause([item(1, started=T0)], T0 + timedelta(minutes=1))
    (resumed,) = timekeeping.resume_all([paused], T0 + timedelta(minutes=3))
    assert resumed.paused_at is None and resumed.paused_seconds == 120
    agenda = [item(1), item(2, started=T0)]
    changed, upcoming = timekeeping.next_item(agenda, T0 + timedelta(minutes=4))
    assert upcoming is not None and upcoming.id == 1 and changed[0].ended_at == T0 + timedelta(minutes=4)
    assert timekeeping.next_item([item(1, started=T0, ended=T0)], T0)[1] is None
    with pytest.raises(ValidationError, match="not_started"):
        timekeeping.end(item(1), T0)


def test_an_item_never_gets_fewer_than_one_minute() -> None:
    assert timekeeping.extra_minutes(item(1), 5) == 5
    with pytest.raises(ValidationError, match="out_of_range"):
        timekeeping.extra_minutes(item(1), -10)


def test_a_meeting_record_handed_between_sessions_cannot_be_changed_in_place() -> None:
    record = m.MeetingRecord(CASE, MEETING, roles={Role.FACILITATOR: "Line Bech"},
                             participants=[person(1, "Mor")], board=[note(m.BoardKind.WORRY)])
    with pytest.raises(AttributeError):
        record.participants.sort()  # type: ignore[attr-defined]  # the point: tuples have no sort
    with pytest.raises(TypeError):
        record.roles[Role.CHAIR] = "Someone"  # type: ignore[index]  # the point: the mapping is read-only
    with pytest.raises(FrozenInstanceError):
        record.participants = ()  # type: ignore[misc]  # the point: the record is frozen
    with pytest.raises(FrozenInstanceError):
        record.participants[0].name = "Far"  # type: ignore[misc]  # the point: so is every value in it


def test_a_cpr_like_number_is_recognised_with_or_without_its_dash_but_not_a_phone_number_or_a_date() -> None:
    from facilitation.domain.access import looks_like_cpr

    assert looks_like_cpr("Mor 010203-1234") and looks_like_cpr("0102031234") and looks_like_cpr("310199 4321")
    assert not looks_like_cpr("Tlf. 72 36 12 34") and not looks_like_cpr("2026-03-02")
    assert not looks_like_cpr("999999-1234"), "no day 99"


def test_the_meeting_runs_from_the_first_started_item_and_ends_when_every_item_is_finished() -> None:
    planned, ended = m.MeetingStatus.PLANNED, m.MeetingStatus.ENDED
    done = T0 + timedelta(minutes=10)
    assert timekeeping.meeting_status([item(1), item(2)], planned) == planned
    assert timekeeping.meeting_status([item(1, started=T0), item(2)], planned) == m.MeetingStatus.RUNNING
    assert timekeeping.meeting_status([item(1, started=T0, paused=done), item(2)], planned) == m.MeetingStatus.RUNNING
    between = [item(1, started=T0, ended=done), item(2)]
    assert timekeeping.meeting_status(between, planned) == m.MeetingStatus.RUNNING
    finished = [item(1, started=T0, ended=done), item(2, started=done, ended=done + timedelta(minutes=5))]
    assert timekeeping.meeting_status(finished, m.MeetingStatus.RUNNING) == ended


def test_reopening_an_item_of_an_ended_meeting_runs_it_again_and_an_empty_agenda_keeps_its_status() -> None:
    reopened = [item(1, started=T0, ended=T0 + timedelta(minutes=10)), item(2, started=T0 + timedelta(minutes=12))]
    assert timekeeping.meeting_status(reopened, m.MeetingStatus.ENDED) == m.MeetingStatus.RUNNING
    assert timekeeping.meeting_status([], m.MeetingStatus.PLANNED) == m.MeetingStatus.PLANNED
