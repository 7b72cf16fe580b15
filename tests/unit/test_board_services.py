"""The Signs of Safety board: notes in columns, their order, and goals paired with danger statements."""

from __future__ import annotations

import pytest

from facilitation import services as s
from facilitation.domain.model import BoardItem, BoardKind
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, positions, refused


def column(db: Database, meeting_id: int, kind: BoardKind) -> list[BoardItem]:
    """One column of the board, in order."""
    return s.load_meeting(db, meeting_id, viewer=ACTOR).board_column(kind)


def texts(db: Database, meeting_id: int, kind: BoardKind) -> list[str]:
    """The texts of one column, in order."""
    return [item.text for item in column(db, meeting_id, kind)]


def fill(db: Database, meeting_id: int, kind: str, *notes: str) -> list[int]:
    """Put notes in a column; returns their ids."""
    return [s.add_board_item(db, ACTOR, meeting_id, kind, note) for note in notes]


def test_a_note_is_added_at_the_end_of_its_own_column(db: Database, meeting_id: int) -> None:
    fill(db, meeting_id, "worry", "W1", "W2")
    fill(db, meeting_id, "working_well", "G1")
    fill(db, meeting_id, "worry", "W3")
    assert texts(db, meeting_id, BoardKind.WORRY) == ["W1", "W2", "W3"]
    assert positions(column(db, meeting_id, BoardKind.WORRY)) == [0, 1, 2]
    assert positions(column(db, meeting_id, BoardKind.WORKING_WELL)) == [0]


def test_adding_a_note_stores_who_said_it_and_its_category_and_bumps_the_version(
    db: Database, meeting_id: int
) -> None:
    before = db.version(meeting_id)
    item_id = s.add_board_item(
        db, ACTOR, meeting_id, "working_well", "Mormor henter\r\nto dage", said_by=" Sanne\nJuhl ",
        category="existing_safety",
    )
    assert db.version(meeting_id) == before + 1
    (item,) = column(db, meeting_id, BoardKind.WORKING_WELL)
    assert (item.id, item.text, item.said_by, item.category) == (
        item_id, "Mormor henter\nto dage", "Sanne Juhl", "existing_safety",
    )


def test_a_note_of_ten_thousand_characters_is_stored_whole(db: Database, meeting_id: int) -> None:
    text = "æ" * 9_990 + "🙂" * 10
    s.add_board_item(db, ACTOR, meeting_id, "worry", text)
    assert texts(db, meeting_id, BoardKind.WORRY) == [text]


def test_a_note_of_ten_thousand_and_one_characters_is_refused_as_too_long(db: Database, meeting_id: int) -> None:
    with refused(db, "too_long", field="text"):
        s.add_board_item(db, ACTOR, meeting_id, "worry", "x" * 10_001)


def test_emoji_and_danish_letters_in_a_note_are_stored_intact(db: Database, meeting_id: int) -> None:
    text = "Alma 👧🏼 siger: »Jeg er glad, når mormor og Søs kommer« 💛 – æøå ÆØÅ"
    s.add_board_item(db, ACTOR, meeting_id, "working_well", text, said_by="Alma 👧🏼")
    (item,) = column(db, meeting_id, BoardKind.WORKING_WELL)
    assert (item.text, item.said_by) == (text, "Alma 👧🏼")


def test_control_characters_are_cleaned_out_before_a_note_is_stored(db: Database, meeting_id: int) -> None:
    s.add_board_item(db, ACTOR, meeting_id, "worry", "\x02Konflikter\x00 ved\x1b afleveringer\x7f\x9b")
    assert texts(db, meeting_id, BoardKind.WORRY) == ["Konflikter ved afleveringer"]


@pytest.mark.parametrize(
    ("kind", "text", "extra", "code", "field"),
    [
        ("worry", "", {}, "empty", "text"),
        ("worry", " \x00\n ", {}, "empty", "text"),
        ("worries", "Tekst", {}, "invalid_choice", "kind"),
        ("worry", "Tekst", {"said_by": "s" * 201}, "too_long", "said_by"),
        ("worry", "Tekst", {"category": "c" * 31}, "too_long", "category"),
    ],
)
def test_a_bad_note_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, kind: str, text: str, extra: dict[str, str], code: str, field: str
) -> None:
    with refused(db, code, field=field):
        s.add_board_item(db, ACTOR, meeting_id, kind, text, **extra)


def test_editing_a_note_changes_its_text_and_bumps_the_version(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "worry", "Gammel tekst")
    before = db.version(meeting_id)
    s.edit_board_item(db, ACTOR, meeting_id, item_id, text="Ny tekst 🙂", said_by="Kasper")
    assert db.version(meeting_id) == before + 1
    (item,) = column(db, meeting_id, BoardKind.WORRY)
    assert (item.text, item.said_by) == ("Ny tekst 🙂", "Kasper")


def test_editing_a_note_to_empty_or_too_long_text_changes_nothing(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "worry", "Behold mig")
    with refused(db, "empty", field="text"):
        s.edit_board_item(db, ACTOR, meeting_id, item_id, text="   ")
    with refused(db, "too_long", field="text"):
        s.edit_board_item(db, ACTOR, meeting_id, item_id, text="y" * 10_001, said_by="Ny")


def test_a_note_of_another_meeting_cannot_be_edited_moved_or_removed_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (theirs,) = fill(db, other_meeting_id, "worry", "Deres bekymring")
    fill(db, meeting_id, "worry", "Vores bekymring")
    with not_found(db):
        s.edit_board_item(db, ACTOR, meeting_id, theirs, text="Overskrevet")
    with not_found(db):
        s.move_board_item(db, ACTOR, meeting_id, theirs, 0, "working_well")
    with not_found(db):
        s.remove_board_item(db, ACTOR, meeting_id, theirs)


def test_an_unknown_note_id_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db):
        s.edit_board_item(db, ACTOR, meeting_id, 31337, text="x")
    with not_found(db):
        s.move_board_item(db, ACTOR, meeting_id, 31337, 0)
    with not_found(db):
        s.remove_board_item(db, ACTOR, meeting_id, 31337)


def test_reordering_a_note_within_its_column_keeps_the_others_in_order(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "worry", "A", "B", "C", "D")
    before = db.version(meeting_id)
    s.move_board_item(db, ACTOR, meeting_id, ids[1], 3)
    assert db.version(meeting_id) == before + 1
    assert texts(db, meeting_id, BoardKind.WORRY) == ["A", "C", "D", "B"]
    s.move_board_item(db, ACTOR, meeting_id, ids[3], 0)
    assert texts(db, meeting_id, BoardKind.WORRY) == ["D", "A", "C", "B"]
    assert positions(column(db, meeting_id, BoardKind.WORRY)) == [0, 1, 2, 3]


def test_moving_a_note_to_its_own_place_changes_no_order(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "worry", "A", "B", "C")
    s.move_board_item(db, ACTOR, meeting_id, ids[1], 1)
    assert texts(db, meeting_id, BoardKind.WORRY) == ["A", "B", "C"]


def test_moving_a_worry_to_working_well_keeps_both_columns_dense(db: Database, meeting_id: int) -> None:
    worries = fill(db, meeting_id, "worry", "W1", "W2", "W3")
    fill(db, meeting_id, "working_well", "G1", "G2")
    before = db.version(meeting_id)
    s.move_board_item(db, ACTOR, meeting_id, worries[1], 1, "working_well")
    assert db.version(meeting_id) == before + 1
    assert texts(db, meeting_id, BoardKind.WORRY) == ["W1", "W3"]
    assert texts(db, meeting_id, BoardKind.WORKING_WELL) == ["G1", "W2", "G2"]
    assert positions(column(db, meeting_id, BoardKind.WORRY)) == [0, 1]
    assert positions(column(db, meeting_id, BoardKind.WORKING_WELL)) == [0, 1, 2]


def test_moving_a_note_to_another_column_past_its_end_puts_it_last(db: Database, meeting_id: int) -> None:
    (worry,) = fill(db, meeting_id, "worry", "W1")
    fill(db, meeting_id, "next_step", "N1", "N2")
    s.move_board_item(db, ACTOR, meeting_id, worry, 50, "next_step")
    assert texts(db, meeting_id, BoardKind.WORRY) == []
    assert texts(db, meeting_id, BoardKind.NEXT_STEP) == ["N1", "N2", "W1"]
    assert positions(column(db, meeting_id, BoardKind.NEXT_STEP)) == [0, 1, 2]


def test_moving_a_note_into_an_empty_column_gives_it_position_zero(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "worry", "W1", "W2")
    s.move_board_item(db, ACTOR, meeting_id, ids[0], 3, "grey_area")
    (moved,) = column(db, meeting_id, BoardKind.GREY_AREA)
    assert (moved.id, moved.position) == (ids[0], 0)
    assert positions(column(db, meeting_id, BoardKind.WORRY)) == [0]


def test_moving_a_note_to_an_unknown_column_changes_nothing(db: Database, meeting_id: int) -> None:
    (item_id,) = fill(db, meeting_id, "worry", "W1")
    with refused(db, "invalid_choice", field="kind"):
        s.move_board_item(db, ACTOR, meeting_id, item_id, 0, "dreams")


def test_removing_a_note_closes_the_gap_in_its_column_only(db: Database, meeting_id: int) -> None:
    worries = fill(db, meeting_id, "worry", "W1", "W2", "W3")
    fill(db, meeting_id, "working_well", "G1", "G2")
    before = db.version(meeting_id)
    s.remove_board_item(db, ACTOR, meeting_id, worries[0])
    assert db.version(meeting_id) == before + 1
    assert texts(db, meeting_id, BoardKind.WORRY) == ["W2", "W3"]
    assert positions(column(db, meeting_id, BoardKind.WORRY)) == [0, 1]
    assert texts(db, meeting_id, BoardKind.WORKING_WELL) == ["G1", "G2"]


def test_a_safety_goal_is_paired_with_a_danger_statement_and_can_be_unpaired(db: Database, meeting_id: int) -> None:
    (danger,) = fill(db, meeting_id, "danger_statement", "Vi er bekymrede for ...")
    (goal,) = fill(db, meeting_id, "safety_goal", "Alma ved altid ...")
    before = db.version(meeting_id)
    s.pair_safety_goal(db, ACTOR, meeting_id, goal, danger)
    assert db.version(meeting_id) == before + 1
    assert column(db, meeting_id, BoardKind.SAFETY_GOAL)[0].answers_id == danger
    s.pair_safety_goal(db, ACTOR, meeting_id, goal, None)
    assert db.version(meeting_id) == before + 2
    assert column(db, meeting_id, BoardKind.SAFETY_GOAL)[0].answers_id is None


@pytest.mark.parametrize(
    ("goal_kind", "answer_kind"),
    [
        ("safety_goal", "worry"),
        ("safety_goal", "safety_goal"),
        ("safety_goal", "working_well"),
        ("worry", "danger_statement"),
        ("danger_statement", "danger_statement"),
        ("next_step", "danger_statement"),
    ],
)
def test_only_a_safety_goal_can_answer_and_only_a_danger_statement_can_be_answered(
    db: Database, meeting_id: int, goal_kind: str, answer_kind: str
) -> None:
    (goal,) = fill(db, meeting_id, goal_kind, "Mål?")
    (answer,) = fill(db, meeting_id, answer_kind, "Svar?")
    with not_found(db):
        s.pair_safety_goal(db, ACTOR, meeting_id, goal, answer)


def test_a_safety_goal_cannot_be_paired_across_meetings(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (my_goal,) = fill(db, meeting_id, "safety_goal", "Vores mål")
    (my_danger,) = fill(db, meeting_id, "danger_statement", "Vores bekymring")
    (their_goal,) = fill(db, other_meeting_id, "safety_goal", "Deres mål")
    (their_danger,) = fill(db, other_meeting_id, "danger_statement", "Deres bekymring")
    with not_found(db):
        s.pair_safety_goal(db, ACTOR, meeting_id, my_goal, their_danger)
    with not_found(db):
        s.pair_safety_goal(db, ACTOR, meeting_id, their_goal, my_danger)


def test_removing_a_danger_statement_unpairs_its_safety_goal(db: Database, meeting_id: int) -> None:
    (danger,) = fill(db, meeting_id, "danger_statement", "Bekymring")
    (goal,) = fill(db, meeting_id, "safety_goal", "Mål")
    s.pair_safety_goal(db, ACTOR, meeting_id, goal, danger)
    s.remove_board_item(db, ACTOR, meeting_id, danger)
    (kept,) = column(db, meeting_id, BoardKind.SAFETY_GOAL)
    assert (kept.id, kept.answers_id) == (goal, None)


def test_moving_a_paired_safety_goal_to_another_column_drops_its_pairing(db: Database, meeting_id: int) -> None:
    danger = s.add_board_item(db, ACTOR, meeting_id, "danger_statement", "Vi er bekymrede for aftnerne")
    goal = s.add_board_item(db, ACTOR, meeting_id, "safety_goal", "Altid en voksen om aftenen")
    s.pair_safety_goal(db, ACTOR, meeting_id, goal, danger)
    s.move_board_item(db, ACTOR, meeting_id, goal, 0, "next_step")
    moved = next(b for b in s.load_meeting(db, meeting_id, viewer=ACTOR).board if b.id == goal)
    assert (moved.kind.value, moved.answers_id) == ("next_step", None)


def test_moving_a_danger_statement_out_of_its_column_unpairs_the_goals_answering_it(
    db: Database, meeting_id: int
) -> None:
    danger = s.add_board_item(db, ACTOR, meeting_id, "danger_statement", "Vi er bekymrede for aftnerne")
    goal = s.add_board_item(db, ACTOR, meeting_id, "safety_goal", "Altid en voksen om aftenen")
    s.pair_safety_goal(db, ACTOR, meeting_id, goal, danger)
    version = db.version(meeting_id)
    s.move_board_item(db, ACTOR, meeting_id, danger, 0, "worry")
    board = {b.id: b for b in s.load_meeting(db, meeting_id, viewer=ACTOR).board}
    assert board[goal].answers_id is None
    assert db.version(meeting_id) == version + 1, "one move is one transaction"


def test_an_edit_naming_no_fields_still_refuses_an_unknown_item(db: Database, meeting_id: int) -> None:
    with not_found(db, meeting_id):
        s.edit_board_item(db, ACTOR, meeting_id, 99_999)


# --- categories: marked within worries and what works, checked against the column -------------------


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("worry", "past_harm"), ("worry", "future_danger"), ("worry", "complicating"),
        ("working_well", "strength"), ("working_well", "existing_safety"), ("next_step", ""),
    ],
)
def test_a_note_may_carry_a_category_of_its_own_column(
    db: Database, meeting_id: int, kind: str, category: str
) -> None:
    s.add_board_item(db, ACTOR, meeting_id, kind, "Tekst", category=category)
    assert column(db, meeting_id, BoardKind(kind))[0].category == category


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("worry", "strength"), ("working_well", "past_harm"), ("next_step", "past_harm"),
        ("grey_area", "existing_safety"), ("danger_statement", "future_danger"), ("worry", "danger"),
        ("house_worry", "past_harm"),
    ],
)
def test_a_category_of_another_column_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, kind: str, category: str
) -> None:
    with refused(db, "invalid_choice", meeting_id, field="category"):
        s.add_board_item(db, ACTOR, meeting_id, kind, "Tekst", category=category)


def test_editing_a_category_is_checked_against_the_note_s_column(db: Database, meeting_id: int) -> None:
    (worry,) = fill(db, meeting_id, "worry", "Alma alene om aftenen")
    before = db.version(meeting_id)
    s.edit_board_item(db, ACTOR, meeting_id, worry, category="past_harm", text="Alma var alene om aftenen")
    assert db.version(meeting_id) == before + 1
    (item,) = column(db, meeting_id, BoardKind.WORRY)
    assert (item.text, item.category) == ("Alma var alene om aftenen", "past_harm")
    with refused(db, "invalid_choice", meeting_id, field="category"):
        s.edit_board_item(db, ACTOR, meeting_id, worry, category="strength", text="Ændret?")
    s.edit_board_item(db, ACTOR, meeting_id, worry, category="")
    assert column(db, meeting_id, BoardKind.WORRY)[0].category == ""


def test_editing_the_category_of_an_unknown_or_foreign_note_is_not_found(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (theirs,) = fill(db, other_meeting_id, "worry", "Deres")
    with not_found(db, meeting_id):
        s.edit_board_item(db, ACTOR, meeting_id, theirs, category="past_harm")
    with not_found(db, meeting_id):
        s.edit_board_item(db, ACTOR, meeting_id, 99_999, category="")


def test_moving_a_marked_worry_to_working_well_clears_the_category_that_no_longer_fits(
    db: Database, meeting_id: int
) -> None:
    worry = s.add_board_item(db, ACTOR, meeting_id, "worry", "Mormor hjælper", category="complicating")
    s.move_board_item(db, ACTOR, meeting_id, worry, 0, "working_well")
    (moved,) = column(db, meeting_id, BoardKind.WORKING_WELL)
    assert (moved.id, moved.category) == (worry, "")


def test_moving_a_marked_note_within_its_column_or_into_the_same_kind_keeps_its_category(
    db: Database, meeting_id: int
) -> None:
    first = s.add_board_item(db, ACTOR, meeting_id, "worry", "A", category="past_harm")
    fill(db, meeting_id, "worry", "B")
    s.move_board_item(db, ACTOR, meeting_id, first, 1)
    s.move_board_item(db, ACTOR, meeting_id, first, 0, "worry")
    assert [(b.text, b.category) for b in column(db, meeting_id, BoardKind.WORRY)] == [("A", "past_harm"), ("B", "")]


# --- danger statements and safety goals, added as a pair ---------------------------------------------


def test_a_safety_goal_can_be_added_already_answering_a_danger_statement_in_one_edit(
    db: Database, meeting_id: int
) -> None:
    (danger,) = fill(db, meeting_id, "danger_statement", "Vi er bekymrede for aftnerne")
    fill(db, meeting_id, "safety_goal", "Et mål uden par")
    before = db.version(meeting_id)
    goal = s.add_board_item(db, ACTOR, meeting_id, "safety_goal", "Altid en voksen", answers_id=danger)
    assert db.version(meeting_id) == before + 1
    goals = column(db, meeting_id, BoardKind.SAFETY_GOAL)
    assert [(g.id, g.answers_id, g.position) for g in goals][-1] == (goal, danger, 1)


def test_only_a_safety_goal_added_to_a_danger_statement_of_this_meeting_is_stored(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (worry,) = fill(db, meeting_id, "worry", "Bekymring")
    (danger,) = fill(db, meeting_id, "danger_statement", "Vi er bekymrede for ...")
    (theirs,) = fill(db, other_meeting_id, "danger_statement", "Deres")
    with refused(db, "invalid_choice", meeting_id, field="answers"):
        s.add_board_item(db, ACTOR, meeting_id, "next_step", "Skridt", answers_id=danger)
    with not_found(db, meeting_id):
        s.add_board_item(db, ACTOR, meeting_id, "safety_goal", "Mål", answers_id=worry)
    with not_found(db, meeting_id, other_meeting_id):
        s.add_board_item(db, ACTOR, meeting_id, "safety_goal", "Mål", answers_id=theirs)


# --- goals that answer safety goals ---------------------------------------------------------------------


def test_a_goal_is_linked_to_a_safety_goal_and_unlinked_again(db: Database, meeting_id: int) -> None:
    (safety,) = fill(db, meeting_id, "safety_goal", "Altid en voksen om aftenen")
    goal = s.add_goal(db, ACTOR, meeting_id, "short", "Telefonliste til Alma", "Familien")
    before = db.version(meeting_id)
    s.link_goal_to_safety_goal(db, ACTOR, meeting_id, goal, safety)
    assert db.version(meeting_id) == before + 1
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).goals[0].safety_goal_id == safety
    s.link_goal_to_safety_goal(db, ACTOR, meeting_id, goal, None)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).goals[0].safety_goal_id is None


def test_a_goal_can_be_added_already_answering_a_safety_goal(db: Database, meeting_id: int) -> None:
    (safety,) = fill(db, meeting_id, "safety_goal", "Altid en voksen om aftenen")
    s.add_goal(db, ACTOR, meeting_id, "long", "Sanne har det godt", "Sanne", safety_goal_id=safety)
    (goal,) = s.load_meeting(db, meeting_id, viewer=ACTOR).goals
    assert (goal.term.value, goal.owner, goal.safety_goal_id) == ("long", "Sanne", safety)


@pytest.mark.parametrize("kind", ["danger_statement", "worry", "next_step", "house_dream"])
def test_a_goal_answers_only_a_safety_goal(db: Database, meeting_id: int, kind: str) -> None:
    (item,) = fill(db, meeting_id, kind, "Ikke et sikkerhedsmål")
    goal = s.add_goal(db, ACTOR, meeting_id, "short", "Mål")
    with not_found(db, meeting_id):
        s.link_goal_to_safety_goal(db, ACTOR, meeting_id, goal, item)
    with not_found(db, meeting_id):
        s.add_goal(db, ACTOR, meeting_id, "short", "Nyt mål", safety_goal_id=item)


def test_a_goal_cannot_be_linked_across_meetings_or_when_it_does_not_exist(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (mine,) = fill(db, meeting_id, "safety_goal", "Vores")
    (theirs,) = fill(db, other_meeting_id, "safety_goal", "Deres")
    my_goal = s.add_goal(db, ACTOR, meeting_id, "short", "Vores mål")
    their_goal = s.add_goal(db, ACTOR, other_meeting_id, "short", "Deres mål")
    with not_found(db, meeting_id, other_meeting_id):
        s.link_goal_to_safety_goal(db, ACTOR, meeting_id, my_goal, theirs)
    with not_found(db, meeting_id, other_meeting_id):
        s.link_goal_to_safety_goal(db, ACTOR, meeting_id, their_goal, mine)
    with not_found(db, meeting_id):
        s.link_goal_to_safety_goal(db, ACTOR, meeting_id, 99_999, mine)


def test_removing_or_moving_away_a_safety_goal_unlinks_the_goals_answering_it(db: Database, meeting_id: int) -> None:
    first, second = fill(db, meeting_id, "safety_goal", "Første", "Andet")
    goal_a = s.add_goal(db, ACTOR, meeting_id, "short", "A", safety_goal_id=first)
    goal_b = s.add_goal(db, ACTOR, meeting_id, "long", "B", safety_goal_id=second)
    s.remove_board_item(db, ACTOR, meeting_id, first)
    s.move_board_item(db, ACTOR, meeting_id, second, 0, "next_step")
    goals = {g.id: g for g in s.load_meeting(db, meeting_id, viewer=ACTOR).goals}
    assert (goals[goal_a].safety_goal_id, goals[goal_b].safety_goal_id) == (None, None)
    assert [g.text for g in goals.values()] == ["A", "B"], "the goals themselves are kept"


# --- the Three Houses -------------------------------------------------------------------------------


def test_the_three_houses_are_columns_of_their_own(db: Database, meeting_id: int) -> None:
    fill(db, meeting_id, "house_worry", "Når mor er ked af det")
    fill(db, meeting_id, "house_good", "Fodbold", "Mormor")
    fill(db, meeting_id, "house_dream", "At mor bliver glad igen")
    fill(db, meeting_id, "worry", "Voksnes bekymring")
    assert texts(db, meeting_id, BoardKind.HOUSE_GOOD) == ["Fodbold", "Mormor"]
    assert positions(column(db, meeting_id, BoardKind.HOUSE_DREAM)) == [0]
    assert texts(db, meeting_id, BoardKind.WORRY) == ["Voksnes bekymring"]


def test_showing_the_three_houses_on_the_board_is_a_per_meeting_choice(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).show_three_houses is False
    before = db.version(meeting_id)
    s.set_show_three_houses(db, ACTOR, meeting_id, True)
    assert db.version(meeting_id) == before + 1
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).show_three_houses is True
    assert s.get_meeting(db, other_meeting_id, viewer=ACTOR).show_three_houses is False
    s.set_show_three_houses(db, ACTOR, meeting_id, False)
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).show_three_houses is False


def test_showing_the_three_houses_takes_only_yes_or_no(db: Database, meeting_id: int) -> None:
    with refused(db, "invalid_choice", meeting_id, field="show_three_houses"):
        s.set_show_three_houses(db, ACTOR, meeting_id, "ja")  # type: ignore[arg-type]
    with not_found(db, meeting_id):
        s.set_show_three_houses(db, ACTOR, 99_999, True)


# --- order stays dense and stable whatever is moved -------------------------------------------------


def test_a_long_series_of_moves_keeps_every_column_dense_and_the_other_notes_in_their_order(
    db: Database, meeting_id: int
) -> None:
    ids = {kind: fill(db, meeting_id, kind, *(f"{kind[0]}{i}" for i in range(5))) for kind in ("worry", "next_step")}
    moves = [(0, 4, None), (3, 0, "next_step"), (1, 2, None), (4, 9, "next_step"), (2, 0, "worry"), (0, -3, None)]
    for source, to_index, kind in moves:
        item = ids["worry"][source]
        current = {b.id: b for b in s.load_meeting(db, meeting_id, viewer=ACTOR).board}
        kinds = (BoardKind.WORRY, BoardKind.NEXT_STEP)
        others = {k: [b.text for b in column(db, meeting_id, k) if b.id != item] for k in kinds}
        s.move_board_item(db, ACTOR, meeting_id, item, to_index, kind)
        target = BoardKind(kind) if kind else current[item].kind
        for k in (BoardKind.WORRY, BoardKind.NEXT_STEP):
            items = column(db, meeting_id, k)
            assert positions(items) == list(range(len(items))), (k, positions(items))
            assert [b.text for b in items if b.id != item] == others[k], "the other notes keep their order"
        assert item in [b.id for b in column(db, meeting_id, target)]
    assert len(column(db, meeting_id, BoardKind.WORRY)) + len(column(db, meeting_id, BoardKind.NEXT_STEP)) == 10


def test_a_negative_index_puts_a_note_first(db: Database, meeting_id: int) -> None:
    ids = fill(db, meeting_id, "worry", "A", "B", "C")
    s.move_board_item(db, ACTOR, meeting_id, ids[2], -5)
    assert texts(db, meeting_id, BoardKind.WORRY) == ["C", "A", "B"]
