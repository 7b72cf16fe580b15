"""What a meeting arrives at: safety scores, goals, agreed actions and the meeting's evaluation."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation import services as s
from facilitation.domain.model import ActionStatus, Coordinator, GoalTerm
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, positions, refused


@pytest.fixture
def mother(db: Database, meeting_id: int) -> int:
    """A participant of the meeting who can give a score."""
    return s.add_participant(db, ACTOR, meeting_id, "Sanne Juhl", relation="Mor")


def goal_texts(db: Database, meeting_id: int, term: GoalTerm) -> list[str]:
    """One term's goals, in order."""
    return [g.text for g in s.load_meeting(db, meeting_id, viewer=ACTOR).goals if g.term == term]


def goal_positions(db: Database, meeting_id: int, term: GoalTerm) -> list[int]:
    """One term's goal positions, in order."""
    return positions([g for g in s.load_meeting(db, meeting_id, viewer=ACTOR).goals if g.term == term])


def action_texts(db: Database, meeting_id: int) -> list[str]:
    """The actions' 'what', in order."""
    return [a.what for a in s.load_meeting(db, meeting_id, viewer=ACTOR).actions]


# --- scores -----------------------------------------------------------------------------------


def test_recording_a_score_stores_the_number_and_reason_and_bumps_the_version(
    db: Database, meeting_id: int, mother: int
) -> None:
    before = db.version(meeting_id)
    s.record_score(db, ACTOR, meeting_id, mother, "6", "Vi har en plan nu 🙂")
    assert db.version(meeting_id) == before + 1
    (score,) = s.load_meeting(db, meeting_id, viewer=ACTOR).scores
    assert (score.participant_id, score.score, score.reason) == (mother, 6, "Vi har en plan nu 🙂")


def test_recording_a_second_score_for_the_same_person_replaces_the_first(
    db: Database, meeting_id: int, mother: int
) -> None:
    s.record_score(db, ACTOR, meeting_id, mother, 3, "Bekymret")
    before = db.version(meeting_id)
    s.record_score(db, ACTOR, meeting_id, mother, 7, "Bedre nu")
    assert db.version(meeting_id) == before + 1
    (score,) = s.load_meeting(db, meeting_id, viewer=ACTOR).scores
    assert (score.participant_id, score.score, score.reason) == (mother, 7, "Bedre nu")


def test_each_person_keeps_their_own_score(db: Database, meeting_id: int, mother: int) -> None:
    father = s.add_participant(db, ACTOR, meeting_id, "Kasper")
    s.record_score(db, ACTOR, meeting_id, mother, 6)
    s.record_score(db, ACTOR, meeting_id, father, 4)
    s.record_score(db, ACTOR, meeting_id, mother, 8)
    scores = {sc.participant_id: sc.score for sc in s.load_meeting(db, meeting_id, viewer=ACTOR).scores}
    assert scores == {mother: 8, father: 4}


def test_the_scale_runs_from_zero_to_ten(db: Database, meeting_id: int, mother: int) -> None:
    s.record_score(db, ACTOR, meeting_id, mother, 0)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).scores[0].score == 0
    s.record_score(db, ACTOR, meeting_id, mother, 10)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).scores[0].score == 10


@pytest.mark.parametrize(
    ("score", "reason", "code", "field"),
    [
        (11, "", "out_of_range", "score"),
        (-1, "", "out_of_range", "score"),
        ("6,5", "", "not_a_number", "score"),
        ("", "", "not_a_number", "score"),
        (5, "r" * 10_001, "too_long", "reason"),
    ],
)
def test_a_bad_score_is_refused_and_an_earlier_score_is_kept(
    db: Database, meeting_id: int, mother: int, score: object, reason: str, code: str, field: str
) -> None:
    s.record_score(db, ACTOR, meeting_id, mother, 5, "Første")
    with refused(db, code, field=field):
        s.record_score(db, ACTOR, meeting_id, mother, score, reason)  # type: ignore[arg-type]


def test_a_score_for_a_person_of_another_meeting_is_not_found_and_not_stored(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    stranger = s.add_participant(db, ACTOR, other_meeting_id, "Fremmed")
    with not_found(db):
        s.record_score(db, ACTOR, meeting_id, stranger, 5)
    with not_found(db):
        s.record_score(db, ACTOR, meeting_id, 9999, 5)


def test_a_score_without_a_chosen_person_is_refused_as_empty(db: Database, meeting_id: int, mother: int) -> None:
    with refused(db, "empty", field="participant"):
        s.record_score(db, ACTOR, meeting_id, None, 5)  # type: ignore[arg-type]


def test_removing_a_score_keeps_the_person(db: Database, meeting_id: int, mother: int) -> None:
    s.record_score(db, ACTOR, meeting_id, mother, 5)
    (score,) = s.load_meeting(db, meeting_id, viewer=ACTOR).scores
    before = db.version(meeting_id)
    s.remove_score(db, ACTOR, meeting_id, score.id)
    assert db.version(meeting_id) == before + 1
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert record.scores == ()
    assert [p.id for p in record.participants] == [mother]


def test_a_score_of_another_meeting_cannot_be_removed_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    theirs = s.add_participant(db, ACTOR, other_meeting_id, "Fremmed")
    s.record_score(db, ACTOR, other_meeting_id, theirs, 2)
    (score,) = s.load_meeting(db, other_meeting_id, viewer=ACTOR).scores
    with not_found(db):
        s.remove_score(db, ACTOR, meeting_id, score.id)


# --- goals ------------------------------------------------------------------------------------


def test_goals_are_ordered_within_their_term(db: Database, meeting_id: int) -> None:
    s.add_goal(db, ACTOR, meeting_id, "short", "K1")
    s.add_goal(db, ACTOR, meeting_id, "long", "L1", "Sanne")
    s.add_goal(db, ACTOR, meeting_id, "short", "K2", "Familien")
    assert goal_texts(db, meeting_id, GoalTerm.SHORT) == ["K1", "K2"]
    assert goal_texts(db, meeting_id, GoalTerm.LONG) == ["L1"]
    assert goal_positions(db, meeting_id, GoalTerm.SHORT) == [0, 1]
    assert goal_positions(db, meeting_id, GoalTerm.LONG) == [0]


@pytest.mark.parametrize(
    ("term", "text", "owner", "code", "field"),
    [
        ("medium", "Mål", "", "invalid_choice", "term"),
        ("short", " ", "", "empty", "text"),
        ("short", "x" * 10_001, "", "too_long", "text"),
        ("short", "Mål", "o" * 201, "too_long", "owner"),
    ],
)
def test_a_bad_goal_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, term: str, text: str, owner: str, code: str, field: str
) -> None:
    with refused(db, code, field=field):
        s.add_goal(db, ACTOR, meeting_id, term, text, owner)


def test_editing_a_goal_changes_its_text_and_owner_but_not_its_term(db: Database, meeting_id: int) -> None:
    goal_id = s.add_goal(db, ACTOR, meeting_id, "short", "Gammelt mål", "Sanne")
    before = db.version(meeting_id)
    s.edit_goal(db, ACTOR, meeting_id, goal_id, text="Alma har en voksen hos sig hver aften", owner="Familien",
                term="long")
    assert db.version(meeting_id) == before + 1
    (goal,) = s.load_meeting(db, meeting_id, viewer=ACTOR).goals
    assert (goal.term, goal.text, goal.owner) == (GoalTerm.SHORT, "Alma har en voksen hos sig hver aften", "Familien")


def test_moving_a_goal_from_short_to_long_term_keeps_both_terms_dense(db: Database, meeting_id: int) -> None:
    shorts = [s.add_goal(db, ACTOR, meeting_id, "short", text) for text in ("K1", "K2", "K3")]
    s.add_goal(db, ACTOR, meeting_id, "long", "L1")
    before = db.version(meeting_id)
    s.move_goal(db, ACTOR, meeting_id, shorts[0], 0, "long")
    assert db.version(meeting_id) == before + 1
    assert goal_texts(db, meeting_id, GoalTerm.SHORT) == ["K2", "K3"]
    assert goal_texts(db, meeting_id, GoalTerm.LONG) == ["K1", "L1"]
    assert goal_positions(db, meeting_id, GoalTerm.SHORT) == [0, 1]
    assert goal_positions(db, meeting_id, GoalTerm.LONG) == [0, 1]


def test_reordering_goals_within_a_term_keeps_the_others_in_order(db: Database, meeting_id: int) -> None:
    ids = [s.add_goal(db, ACTOR, meeting_id, "short", text) for text in ("A", "B", "C")]
    s.move_goal(db, ACTOR, meeting_id, ids[2], 0)
    assert goal_texts(db, meeting_id, GoalTerm.SHORT) == ["C", "A", "B"]
    assert goal_positions(db, meeting_id, GoalTerm.SHORT) == [0, 1, 2]


def test_removing_a_goal_unlinks_its_actions_but_keeps_them(db: Database, meeting_id: int) -> None:
    goal_id = s.add_goal(db, ACTOR, meeting_id, "short", "Mål")
    kept_goal = s.add_goal(db, ACTOR, meeting_id, "short", "Andet mål")
    s.add_action(db, ACTOR, meeting_id, "Lave en ugeplan", "Sanne", goal_id=goal_id)
    s.add_action(db, ACTOR, meeting_id, "Ringe til PPR", "Rådgiver", goal_id=kept_goal)
    s.remove_goal(db, ACTOR, meeting_id, goal_id)
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert [(a.what, a.goal_id) for a in record.actions] == [("Lave en ugeplan", None), ("Ringe til PPR", kept_goal)]
    assert [(g.id, g.position) for g in record.goals] == [(kept_goal, 0)]


def test_a_goal_of_another_meeting_cannot_be_touched_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    theirs = s.add_goal(db, ACTOR, other_meeting_id, "short", "Deres mål")
    with not_found(db):
        s.edit_goal(db, ACTOR, meeting_id, theirs, text="Overskrevet")
    with not_found(db):
        s.move_goal(db, ACTOR, meeting_id, theirs, 0, "long")
    with not_found(db):
        s.remove_goal(db, ACTOR, meeting_id, theirs)


# --- actions ----------------------------------------------------------------------------------


def test_agreeing_an_action_stores_what_who_when_and_who_coordinates(db: Database, meeting_id: int) -> None:
    goal_id = s.add_goal(db, ACTOR, meeting_id, "short", "Mål")
    before = db.version(meeting_id)
    action_id = s.add_action(
        db, ACTOR, meeting_id, "Give Alma en telefonliste", " Sanne ", "2026-03-05", "caseworker", goal_id
    )
    assert db.version(meeting_id) == before + 1
    (action,) = s.load_meeting(db, meeting_id, viewer=ACTOR).actions
    assert (action.id, action.what, action.who, action.due, action.coordinator, action.status, action.goal_id) == (
        action_id, "Give Alma en telefonliste", "Sanne", date(2026, 3, 5), Coordinator.CASEWORKER,
        ActionStatus.OPEN, goal_id,
    )


@pytest.mark.parametrize("due", [None, ""])
def test_an_action_may_have_no_due_date(db: Database, meeting_id: int, due: object) -> None:
    s.add_action(db, ACTOR, meeting_id, "Holde øje", "Mormor", due)  # type: ignore[arg-type]
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).actions[0].due is None


def test_an_action_without_owner_or_date_is_stored_as_said_and_can_get_them_later(
    db: Database, meeting_id: int
) -> None:
    action_id = s.add_action(db, ACTOR, meeting_id, "Finde en, der kan hente Alma", "  ", None)
    stored = s.load_meeting(db, meeting_id, viewer=ACTOR).actions[0]
    assert (stored.id, stored.who, stored.due) == (action_id, "", None)
    s.edit_action(db, ACTOR, meeting_id, action_id, who="Mormor", due="2026-03-05")
    stored = s.load_meeting(db, meeting_id, viewer=ACTOR).actions[0]
    assert (stored.who, stored.due) == ("Mormor", date(2026, 3, 5))
    s.edit_action(db, ACTOR, meeting_id, action_id, who="")  # the owner fell through: back to not agreed
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).actions[0].who == ""


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"due": "2026-02-30"}, "invalid_date", "due"),
        ({"due": "næste uge"}, "invalid_date", "due"),
        ({"what": ""}, "empty", "what"),
        ({"what": "w" * 10_001}, "too_long", "what"),
        ({"who": "å" * 201}, "too_long", "who"),
        ({"coordinator": "school"}, "invalid_choice", "coordinator"),
    ],
)
def test_a_bad_action_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, fields: dict[str, str], code: str, field: str
) -> None:
    values = {"what": "Ringe til lægen", "who": "Sanne", "due": "2026-03-05", "coordinator": "family", **fields}
    with refused(db, code, field=field):
        s.add_action(db, ACTOR, meeting_id, **values)


def test_an_action_cannot_be_linked_to_a_goal_of_another_meeting(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    theirs = s.add_goal(db, ACTOR, other_meeting_id, "short", "Deres mål")
    with not_found(db):
        s.add_action(db, ACTOR, meeting_id, "Noget", "Sanne", goal_id=theirs)
    action_id = s.add_action(db, ACTOR, meeting_id, "Noget", "Sanne")
    with not_found(db):
        s.edit_action(db, ACTOR, meeting_id, action_id, goal_id=theirs)


def test_editing_an_action_marks_it_done_and_bumps_the_version(db: Database, meeting_id: int) -> None:
    goal_id = s.add_goal(db, ACTOR, meeting_id, "long", "Mål")
    action_id = s.add_action(db, ACTOR, meeting_id, "Bestille tid", "Sanne", "2026-03-10", goal_id=goal_id)
    before = db.version(meeting_id)
    s.edit_action(db, ACTOR, meeting_id, action_id, status="done", due="2026-03-12", goal_id=None)
    assert db.version(meeting_id) == before + 1
    (action,) = s.load_meeting(db, meeting_id, viewer=ACTOR).actions
    assert (action.status, action.due, action.goal_id, action.what) == (
        ActionStatus.DONE, date(2026, 3, 12), None, "Bestille tid",
    )


def test_editing_an_action_with_an_impossible_date_changes_nothing(db: Database, meeting_id: int) -> None:
    action_id = s.add_action(db, ACTOR, meeting_id, "Bestille tid", "Sanne", "2026-03-10")
    with refused(db, "invalid_date", field="due"):
        s.edit_action(db, ACTOR, meeting_id, action_id, status="done", due="2026-02-30")
    with refused(db, "invalid_choice", field="status"):
        s.edit_action(db, ACTOR, meeting_id, action_id, status="half")


def test_moving_and_removing_actions_keeps_the_list_dense(db: Database, meeting_id: int) -> None:
    ids = [s.add_action(db, ACTOR, meeting_id, what, "Sanne") for what in ("A", "B", "C", "D")]
    s.move_action(db, ACTOR, meeting_id, ids[3], 0)
    assert action_texts(db, meeting_id) == ["D", "A", "B", "C"]
    before = db.version(meeting_id)
    s.remove_action(db, ACTOR, meeting_id, ids[0])
    assert db.version(meeting_id) == before + 1
    assert action_texts(db, meeting_id) == ["D", "B", "C"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).actions) == [0, 1, 2]


def test_removing_an_action_already_gone_is_no_error_when_asked_and_stores_nothing(
    db: Database, meeting_id: int
) -> None:
    gone = s.add_action(db, ACTOR, meeting_id, "Slettet på den anden computer", "Sanne")
    s.remove_action(db, ACTOR, meeting_id, gone)
    before = db.version(meeting_id)
    s.remove_action(db, ACTOR, meeting_id, gone, gone_ok=True)  # a replayed deletion: nothing to do
    assert db.version(meeting_id) == before, "no new version for the devices"
    with not_found(db):
        s.remove_action(db, ACTOR, meeting_id, gone)  # asked plainly, it says so
    with not_found(db):
        s.remove_action(db, ACTOR, 999_999, gone, gone_ok=True)  # a meeting that is not there is still an error


def test_an_action_of_another_meeting_cannot_be_touched_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    theirs = s.add_action(db, ACTOR, other_meeting_id, "Deres aftale", "Dem")
    with not_found(db):
        s.edit_action(db, ACTOR, meeting_id, theirs, status="dropped")
    with not_found(db):
        s.move_action(db, ACTOR, meeting_id, theirs, 0)
    with not_found(db):
        s.remove_action(db, ACTOR, meeting_id, theirs)


# --- evaluation -------------------------------------------------------------------------------


def test_an_evaluation_answer_is_stored_with_both_numbers(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    eid = s.record_evaluation(db, ACTOR, meeting_id, "Birthe", "5", 4, "Godt at være med 💛")
    assert db.version(meeting_id) == before + 1
    (answer,) = s.load_meeting(db, meeting_id, viewer=ACTOR).evaluations
    assert (answer.id, answer.respondent, answer.heard, answer.useful, answer.comment) == (
        eid, "Birthe", 5, 4, "Godt at være med 💛",
    )


def test_an_evaluation_may_be_anonymous(db: Database, meeting_id: int) -> None:
    s.record_evaluation(db, ACTOR, meeting_id, "", 3, 3)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).evaluations[0].respondent == ""


@pytest.mark.parametrize(
    ("heard", "useful", "field"), [(0, 3, "heard"), (6, 3, "heard"), (3, 0, "useful"), (3, 6, "useful")]
)
def test_evaluation_numbers_outside_one_to_five_are_refused(
    db: Database, meeting_id: int, heard: int, useful: int, field: str
) -> None:
    with refused(db, "out_of_range", field=field):
        s.record_evaluation(db, ACTOR, meeting_id, "Birthe", heard, useful)


def test_removing_an_evaluation_answer_only_removes_that_answer(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    first = s.record_evaluation(db, ACTOR, meeting_id, "A", 4, 4)
    second = s.record_evaluation(db, ACTOR, meeting_id, "B", 2, 3)
    theirs = s.record_evaluation(db, ACTOR, other_meeting_id, "C", 5, 5)
    s.remove_evaluation(db, ACTOR, meeting_id, first)
    assert [e.id for e in s.load_meeting(db, meeting_id, viewer=ACTOR).evaluations] == [second]
    with not_found(db):
        s.remove_evaluation(db, ACTOR, meeting_id, theirs)


def test_an_action_s_text_can_be_changed_and_whom_it_is_for(db: Database, meeting_id: int) -> None:
    action_id = s.add_action(db, ACTOR, meeting_id, "Ringe til skolen", "Sanne", None)
    s.edit_action(db, ACTOR, meeting_id, action_id, what="Ringe til skolen og PPR",
                  plan_for="person", plan_for_name="Sanne Juhl")
    action = s.load_meeting(db, meeting_id, viewer=ACTOR).actions[-1]
    assert (action.what, action.plan_for.value, action.plan_for_name) == (
        "Ringe til skolen og PPR", "person", "Sanne Juhl")


def test_an_old_tables_edit_never_writes_over_a_newer_one(db: Database, meeting_id: int) -> None:
    """A table drawn before another device's edit (or replayed by Streamlit) leaves the newer fields alone."""
    action_id = s.add_action(db, ACTOR, meeting_id, "Mormor henter", "Birthe")
    drawn = next(a for a in s.load_meeting(db, meeting_id, viewer=ACTOR).actions if a.id == action_id)
    s.edit_action(db, ACTOR, meeting_id, action_id, what="Morfar henter")  # another laptop, just before
    version = s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.version
    s.edit_action(db, ACTOR, meeting_id, action_id, drawn=drawn, what="Mormor henter om fredagen")
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert [a.what for a in record.actions] == ["Morfar henter"]
    assert record.meeting.version == version  # nothing changed: no redraw on the devices either
    # The same old table's edit of a field nobody else changed is stored.
    s.edit_action(db, ACTOR, meeting_id, action_id, drawn=drawn, what="Mormor henter om fredagen", who="Bo")
    stored = s.load_meeting(db, meeting_id, viewer=ACTOR).actions[0]
    assert (stored.what, stored.who) == ("Morfar henter", "Bo")
