"""The board page: notes in every column, pairs, scaling with its chart, Three Houses, goals, and presenting."""

from __future__ import annotations

import base64
import re

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.model import BoardKind, MeetingRecord
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_page
from tests.conftest import ACTOR


def record(app: AppTest, db: Database) -> MeetingRecord:
    """The meeting the app shows, as stored."""
    return services.load_meeting(db, meeting_id(app), viewer=ACTOR)


def key(app: AppTest, kind: str, prefix: str) -> str:
    """The key of the one widget of `kind` ('selectbox', 'button_group', ...) whose key starts with `prefix`."""
    widgets = app.get(kind) if kind == "button_group" else getattr(app, kind)
    (found,) = [w.key for w in widgets if w.key and w.key.startswith(prefix)]
    return found


def button_group(app: AppTest, prefix: str):  # type: ignore[no-untyped-def]
    """The segmented control or pills whose key starts with `prefix`."""
    return next(w for w in app.get("button_group") if w.key and w.key.startswith(prefix))


def add_note(app: AppTest, kind: str, text: str, said_by: str | None = None, category: str | None = None) -> None:
    """Fill in and submit the add form of a column."""
    app.text_area(key=f"board.new.{kind}.text").set_value(text)
    if said_by is not None:
        app.selectbox(key=key(app, "selectbox", f"board.new.{kind}.said_by.")).set_value(said_by)
    if category is not None:
        button_group(app, f"board.new.{kind}.category.").set_value(category)
    app.button(key=f"board_new_{kind}.submit").click().run()
    assert not app.exception, app.exception


TABS = {"columns": "Tre kolonner", "safety": "Bekymringsudsagn og sikkerhedsmål", "scale": "Skalering",
        "houses": "De tre huse", "goals": "Mål"}


def open_tab(app: AppTest, part: str) -> None:
    """Open a tab of the editing layout (only the open tab runs)."""
    app.session_state["board.tab.da"] = TABS[part]
    app.run()
    assert not app.exception, app.exception


def open_editor(app: AppTest, item_id: int) -> None:
    """Click a card's edit button: the editor of that note opens."""
    app.button(key=f"board.edit.{item_id}").click().run()
    assert not app.exception, app.exception


def present(app: AppTest, part: str = "columns") -> str:
    """Switch the page to the presentation layout, show one part, and return its HTML."""
    button_group(app, "board.layout.").set_value("present").run()
    if part != "columns":
        button_group(app, "board.part.").set_value(part).run()
    assert not app.exception, app.exception
    (board,) = [e.proto.body for e in app.get("html") if "mt-board" in e.proto.body]
    return board


def svg_images(html: str) -> list[str]:
    """The SVG pictures embedded in a piece of HTML, decoded."""
    return [base64.b64decode(data).decode("utf-8") for data in re.findall(r"data:image/svg\+xml;base64,([^\"]+)", html)]


def test_a_note_is_added_in_each_of_the_three_columns_with_who_said_it_and_its_category(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    add_note(app, "worry", "Alma sover dårligt om natten", "Birthe Juhl", "future_danger")
    add_note(app, "working_well", "Mads henter Alma om fredagen", "Sanne Juhl", "existing_safety")
    add_note(app, "next_step", "Sanne ringer til lægen i morgen", "Alma")
    board = record(app, db)
    added = [board.board_column(kind)[-1] for kind in (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP)]
    assert [(b.text, b.said_by, b.category) for b in added] == [
        ("Alma sover dårligt om natten", "Birthe Juhl", "future_danger"),
        ("Mads henter Alma om fredagen", "Sanne Juhl", "existing_safety"),
        ("Sanne ringer til lægen i morgen", "Alma", ""),
    ]
    shown = [m.value for m in app.markdown]
    assert all(any(b.text in value for value in shown) for b in added)
    assert app.text_area(key="board.new.worry.text").value == "", "the form is empty for the next note"
    assert app.selectbox(key=key(app, "selectbox", "board.new.worry.said_by.")).value is None


def test_a_note_s_text_and_category_are_edited_and_it_is_moved_to_another_column_and_reordered(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    worry = record(app, db).board_column(BoardKind.WORRY)[-1]
    assert not any(w.key.startswith("board.text.") for w in app.text_area), "no editor before a note is chosen"
    open_editor(app, worry.id)
    text = key(app, "text_area", f"board.text.{worry.id}.")
    app.text_area(key=text).set_value("Konflikter ved afleveringer om søndagen")
    button_group(app, f"board.category.{worry.id}.").set_value("past_harm")
    app.button(key=f"board_edit_{worry.id}.submit").click().run()
    edited = next(b for b in record(app, db).board if b.id == worry.id)
    assert (edited.text, edited.category) == ("Konflikter ved afleveringer om søndagen", "past_harm")
    assert not any(w.key.startswith("board.text.") for w in app.text_area), "saved: the editor has closed"

    open_editor(app, worry.id)
    app.selectbox(key=key(app, "selectbox", f"board.kind.{worry.id}.")).set_value("working_well").run()
    moved = record(app, db).board_column(BoardKind.WORKING_WELL)
    assert (moved[-1].id, moved[-1].category) == (worry.id, ""), "a worry's category does not follow it"
    open_editor(app, worry.id)
    app.button(key=f"board.up.{worry.id}").click().run()
    assert [b.id for b in record(app, db).board_column(BoardKind.WORKING_WELL)][-2] == worry.id
    assert [b.position for b in record(app, db).board_column(BoardKind.WORKING_WELL)] == list(range(len(moved)))


def test_a_danger_statement_is_added_and_a_safety_goal_is_added_answering_it(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    open_tab(app, "safety")
    add_note(app, "danger_statement", "Vi er bekymrede for, at Alma er alene i weekenden, hvis far drikker")
    danger = record(app, db).board_column(BoardKind.DANGER_STATEMENT)[-1]
    app.text_area(key="board.new.safety_goal.text").set_value("Alma har altid en voksen hos sig i weekenden")
    app.selectbox(key=key(app, "selectbox", "board.new.answers.")).set_value(danger.id)
    app.button(key="board_new_safety_goal.submit").click().run()
    goal = record(app, db).board_column(BoardKind.SAFETY_GOAL)[-1]
    assert (goal.text, goal.answers_id) == ("Alma har altid en voksen hos sig i weekenden", danger.id)

    open_editor(app, goal.id)
    app.selectbox(key=key(app, "selectbox", f"board.answers.{goal.id}.")).set_value(0).run()  # "— ingen —"
    assert record(app, db).board_column(BoardKind.SAFETY_GOAL)[-1].answers_id is None
    open_editor(app, goal.id)
    app.selectbox(key=key(app, "selectbox", f"board.answers.{goal.id}.")).set_value(danger.id).run()
    assert record(app, db).board_column(BoardKind.SAFETY_GOAL)[-1].answers_id == danger.id
    pairs = present(app, "safety")
    assert pairs.index("Vi er bekymrede for, at Alma er alene") < pairs.index("Alma har altid en voksen hos sig")


def test_three_scores_are_recorded_and_the_chart_shows_each_number_and_the_average(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    open_tab(app, "scale")
    mid = meeting_id(app)
    for score in record(app, db).scores:
        services.remove_score(db, "test", mid, score.id)
    people = record(app, db).participants[:3]
    for person, number, why in zip(people, ("3", "7", "8"), ("Bekymret", "Bedre", "Planen holder"), strict=True):
        app.selectbox(key="score.person").set_value(person.id)
        app.text_input(key="score.value").set_value(number)
        app.text_input(key="score.reason").set_value(why)
        app.button(key="score_new.submit").click().run()
        assert not app.error, [e.value for e in app.error]
    assert sorted(s.score for s in record(app, db).scores) == [3, 7, 8]

    (chart,) = [e.proto.body for e in app.get("html") if "mt-scores" in e.proto.body]
    alt = f"{people[0].name}: 3, {people[1].name}: 7, {people[2].name}: 8; Gennemsnit 6,0"
    assert f'alt="{alt}"' in chart
    (svg,) = svg_images(chart)
    assert re.findall(r'data-name="([^"]+)" data-score="(\d+)"', svg) == [
        (people[0].name, "3"), (people[1].name, "7"), (people[2].name, "8"),
    ]
    assert 'data-mean="6.00"' in svg
    scale = present(app, "scale")
    scores_svg, trend = svg_images(scale)
    assert 'data-score="8"' in scores_svg
    assert trend.count('class="mt-round"') == 3, "the start meeting twelve weeks ago, six weeks ago and today"


def test_the_scaling_question_is_reworded_for_this_meeting_and_set_back_to_the_default(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    open_tab(app, "scale")
    question = key(app, "text_area", "board.scale_question.")
    assert app.text_area(key=question).value.startswith("Hvor er vi i dag på en skala fra 0 til 10?")
    app.text_area(key=question).set_value("Hvor tryg er du ved Almas aftener? 0 = slet ikke, 10 = helt tryg")
    app.button(key="scale_question.submit").click().run()
    assert record(app, db).meeting.scale_question == "Hvor tryg er du ved Almas aftener? 0 = slet ikke, 10 = helt tryg"
    assert "Hvor tryg er du ved Almas aftener?" in present(app, "scale")
    button_group(app, "board.layout.").set_value("edit").run()
    open_tab(app, "scale")
    app.button(key="scale_question.default").click().run()
    assert record(app, db).meeting.scale_question == ""


def test_the_three_houses_are_filled_in_and_shown_on_the_board_only_when_chosen(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    open_tab(app, "houses")
    add_note(app, "house_dream", "At blive målmand på førsteholdet")
    assert record(app, db).board_column(BoardKind.HOUSE_DREAM)[-1].text == "At blive målmand på førsteholdet"
    assert "At blive målmand" in present(app, "houses")
    button_group(app, "board.layout.").set_value("edit").run()
    open_tab(app, "houses")
    app.button(key="board.show_houses").click().run()
    assert record(app, db).meeting.show_three_houses is False
    app.run()  # a rerun (another device's edit) writes nothing back
    assert record(app, db).meeting.show_three_houses is False
    present(app)
    assert "houses" not in button_group(app, "board.part.").options


def test_a_goal_is_added_with_an_owner_answering_a_safety_goal_and_another_is_linked(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    open_tab(app, "goals")
    safety = record(app, db).board_column(BoardKind.SAFETY_GOAL)[0]
    button_group(app, "board.goal.term.").set_value("long")
    app.text_area(key="board.goal.text").set_value("Alma bor trygt hjemme med netværket omkring sig")
    app.selectbox(key=key(app, "selectbox", "board.goal.owner.")).set_value("Familien")
    app.selectbox(key=key(app, "selectbox", "board.goal.safety.")).set_value(safety.id)
    app.button(key="board_goal_new.submit").click().run()
    goal = record(app, db).goals[-1]
    assert (goal.term.value, goal.text, goal.owner, goal.safety_goal_id) == (
        "long", "Alma bor trygt hjemme med netværket omkring sig", "Familien", safety.id,
    )
    unlinked = next(g for g in record(app, db).goals if g.safety_goal_id is None)
    app.selectbox(key=key(app, "selectbox", f"board.goal_link.{unlinked.id}.")).set_value(safety.id).run()
    assert next(g for g in record(app, db).goals if g.id == unlinked.id).safety_goal_id == safety.id
    shown = present(app, "goals")
    assert "Alma bor trygt hjemme" in shown and "Svarer på sikkerhedsmålet" in shown
    assert "Ansvarlig: Familien" in shown


def test_the_presentation_shows_the_three_columns_with_large_calm_escaped_text(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    add_note(app, "worry", "<script>alert('x')</script> <b>Mor</b> & far")
    add_note(app, "next_step", "Lang " + "ord" * 1_700)
    html = present(app)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;Mor&lt;/b&gt; &amp; far" in html
    assert "<script>alert" not in html and "<b>Mor" not in html
    for heading in ("Hvad er vi bekymrede for?", "Hvad går godt?", "Hvad skal der ske?"):
        assert heading in html
    long_note = re.search(r"Lang [ord]+…", html)
    assert long_note and len(long_note.group(0)) < 500, "a 5,000-character note is clamped with a visible '…'"
    assert "overflow-wrap:anywhere" in html
    assert not any(widget.key and widget.key.startswith("board_new_") for widget in app.button), "no editing chrome"


def test_switching_to_english_presents_the_board_in_english(app: AppTest) -> None:
    app.radio(key="sidebar.language").set_value("en").run()
    open_page(app, "board")
    html = present(app)
    assert "What are we worried about?" in html and 'lang="en"' in html
    assert "Where are we today on a scale from 0 to 10?" in present(app, "scale")


def test_an_empty_note_is_refused_with_a_message_and_an_empty_edit_keeps_the_old_text(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    before = record(app, db)
    add_note(app, "working_well", "   \n  ")
    assert any("Tekst" in e.value and "udfyldes" in e.value for e in app.error), [e.value for e in app.error]
    assert record(app, db).board == before.board
    note = before.board_column(BoardKind.WORKING_WELL)[0]
    open_editor(app, note.id)
    app.text_area(key=key(app, "text_area", f"board.text.{note.id}.")).set_value("")
    app.button(key=f"board_edit_{note.id}.submit").click().run()
    assert any("udfyldes" in e.value for e in app.error)
    assert app.text_area(key=key(app, "text_area", f"board.text.{note.id}.")).value == "", "refused: the editor stays"
    after = record(app, db)
    assert after.board == before.board and after.meeting.version == before.meeting.version


def test_a_score_below_zero_or_with_a_decimal_gets_a_clear_message_and_nothing_changes(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    open_tab(app, "scale")
    before = record(app, db).scores
    for typed, expected in (("-1", "fra 0 til 10"), ("7,5", "helt tal"), ("7.5", "helt tal"), ("10 point", "helt tal")):
        app.text_input(key="score.value").set_value(typed)
        app.button(key="score_new.submit").click().run()
        assert any(expected in e.value and "Tal (0–10)" in e.value for e in app.error), (typed, app.error)
        assert app.text_input(key="score.value").value == typed, "what was typed is kept to correct it"
    assert record(app, db).scores == before


def test_a_scaling_question_of_more_than_1000_characters_is_refused_and_kept_in_the_box(
    app: AppTest, db: Database
) -> None:
    open_page(app, "board")
    open_tab(app, "scale")
    question = key(app, "text_area", "board.scale_question.")
    app.text_area(key=question).set_value("?" * 1_001)
    app.button(key="scale_question.submit").click().run()
    assert any("for lang" in e.value for e in app.error)
    assert record(app, db).meeting.scale_question == ""


def test_a_goal_can_be_for_a_parent_and_says_so_on_its_card(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    open_tab(app, "goals")
    app.text_area(key="board.goal.text").set_value("Sanne har en praktikplads inden sommer")
    app.selectbox(key=key(app, "selectbox", "board.goal.for.")).set_value("person:Sanne Juhl")
    app.button(key="board_goal_new.submit").click().run()
    goal = record(app, db).goals[-1]
    assert (goal.text, goal.plan_for.value, goal.plan_for_name) == (
        "Sanne har en praktikplads inden sommer", "person", "Sanne Juhl")
    assert any(c.value == "For Sanne Juhl" for c in app.caption)


def test_how_far_a_goal_has_come_and_its_status_are_saved_from_its_card(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    open_tab(app, "goals")
    goal = record(app, db).goals[0]
    assert goal.progress == 5, "the demo asked today"
    assert button_group(app, f"board.goal_progress.{goal.id}.").value == 5
    button_group(app, f"board.goal_progress.{goal.id}.").set_value(6).run()
    assert not app.exception, app.exception
    assert record(app, db).goals[0].progress == 6
    button_group(app, f"board.goal_status.{goal.id}.").set_value("achieved").run()
    saved = record(app, db).goals[0]
    assert (saved.progress, saved.status.value) == (6, "achieved")
    assert button_group(app, f"board.goal_progress.{goal.id}.").value == 6, "the card shows what is stored"
    services.follow_goal(db, ACTOR, saved.meeting_id, goal.id, progress=8, status="in_progress")  # another laptop
    app.run()
    assert button_group(app, f"board.goal_progress.{goal.id}.").value == 8
    assert button_group(app, f"board.goal_status.{goal.id}.").value == "in_progress"
