"""Every page loads on the demo meeting, and one add or edit on it reaches the database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.model import BoardKind
from facilitation.domain.roles import Role
from facilitation.storage import Database
from tests.app.conftest import ROOT, choose_tab, meeting_id, open_board_tab, open_fold, open_network_tab, open_page
from tests.conftest import ACTOR


def test_a_first_visit_on_an_empty_database_shows_only_the_sign_in_page_and_makes_no_demo(
    migrated_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(migrated_template, tmp_path / "moedetavlen.sqlite3")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MOEDETAVLEN_DATA_DIR", str(tmp_path))
    empty = Database(f"sqlite:///{tmp_path / 'moedetavlen.sqlite3'}")
    try:
        assert services.list_cases(empty, viewer=ACTOR) == []
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
        assert not at.exception
        assert at.title[0].value == "Log ind på Mødetavlen", "nobody signed in: the sign-in page and nothing else"
        assert services.list_cases(empty, viewer=ACTOR) == [], "`make run` makes the demo, not a stranger's visit"
    finally:
        empty.dispose()


def test_the_app_opens_on_the_demo_meeting_and_puts_it_in_the_url(app: AppTest, db: Database) -> None:
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.case.child_names in app.title[0].value
    assert app.sidebar.selectbox(key="sidebar.meeting.da").value == record.meeting.id


def test_the_meeting_page_saves_a_new_place(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    place_key = next(w.key for w in app.text_input if w.key.startswith("meeting.place."))
    app.text_input(key=place_key).set_value("Skolens mødelokale, 1. sal")
    app.button(key="meeting_details.submit").click().run()
    assert not app.exception
    assert services.get_meeting(db, mid, viewer=ACTOR).place == "Skolens mødelokale, 1. sal"


def test_the_meeting_page_gives_a_role_to_a_caseworker(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    key = next(w.key for w in app.text_input if w.key.startswith("meeting.role.timekeeper."))
    app.text_input(key=key).set_value("Nadia Ebbesen")
    app.button(key="meeting_roles.submit").click().run()
    assert services.load_meeting(db, mid, viewer=ACTOR).roles[Role.TIMEKEEPER] == "Nadia Ebbesen"


def test_the_network_page_adds_a_person(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    before = len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants)
    app.text_input(key="person.new.name").set_value("Søren Ågård")
    app.text_input(key="person.new.relation").set_value("Spejderleder")
    app.selectbox(key="person.new.sector.da").set_value("friends_neighbours")
    app.button(key="person_new.submit").click().run()
    people = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants
    assert len(people) == before + 1
    added = people[-1]
    assert (added.name, added.relation, added.sector.value) == ("Søren Ågård", "Spejderleder", "friends_neighbours")
    assert app.text_input(key="person.new.name").value == ""


def test_the_network_page_edits_a_chosen_person(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    person = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants[0]
    app.selectbox(key="network.edit_choice").set_value(person.id).run()
    key = next(w.key for w in app.text_input if w.key.startswith(f"person.edit.{person.id}.name."))
    app.text_input(key=key).set_value("Sanne J.")
    app.button(key="person_edit.submit").click().run()
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).participant(person.id).name == "Sanne J."


def test_the_agenda_page_adds_an_item_at_the_end(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    app.text_input(key="agenda.new.title").set_value("Pause")
    app.number_input(key="agenda.new.minutes").set_value(7)
    app.button(key="agenda_new.submit").click().run()
    last = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[-1]
    assert (last.title, last.planned_minutes) == ("Pause", 7)


def test_the_agenda_page_starts_an_item_and_the_timer_panel_ends_it(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    first = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[0]
    app.button(key=f"agenda.start.{first.id}").click().run()
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[0].started_at is not None
    app.button(key="timer.end").click().run()
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[0].ended_at is not None


def test_the_board_page_adds_a_worry_with_who_said_it(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    app.text_area(key="board.new.worry.text").set_value("Alma sover dårligt")
    said_by = next(w.key for w in app.selectbox if w.key.startswith("board.new.worry.said_by."))
    app.selectbox(key=said_by).set_value("Birthe Juhl")  # chosen from the people in the room
    app.button(key="board_new_worry.submit").click().run()
    worries = services.load_meeting(db, meeting_id(app), viewer=ACTOR).board_column(BoardKind.WORRY)
    assert (worries[-1].text, worries[-1].said_by) == ("Alma sover dårligt", "Birthe Juhl")
    assert any("Alma sover dårligt" in m.value for m in app.markdown)


def test_the_board_page_records_a_score(app: AppTest, db: Database) -> None:
    open_board_tab(open_page(app, "board"), "Skalering")
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    unscored = next(p for p in record.participants if p.id not in {s.participant_id for s in record.scores})
    app.selectbox(key="score.person").set_value(unscored.id)
    app.text_input(key="score.value").set_value("7")
    app.text_input(key="score.reason").set_value("Planen holder")
    app.button(key="score_new.submit").click().run()
    scores = {s.participant_id: s for s in services.load_meeting(db, meeting_id(app), viewer=ACTOR).scores}
    assert (scores[unscored.id].score, scores[unscored.id].reason) == (7, "Planen holder")


def test_the_minutes_page_saves_notes_when_the_field_is_left(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    item = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[1]
    chooser = next(w.key for w in app.selectbox if w.key.startswith("minutes.item."))
    app.selectbox(key=chooser).set_value(item.id).run()
    key = next(w.key for w in app.text_area if w.key.startswith(f"notes.{item.id}."))
    app.text_area(key=key).set_value("Formålet blev læst op.\nAlle var enige.").run()
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.agenda[1].notes == "Formålet blev læst op.\nAlle var enige."


def test_the_minutes_page_adds_an_action_with_no_date(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    mid = meeting_id(app)
    app.text_area(key="action.what").set_value("Ringe til skolen om lektiehjælp")
    app.text_input(key="action.who").set_value("Birthe")
    app.selectbox(key="action.coordinator.da").set_value("caseworker")
    app.button(key="action_new.submit").click().run()
    action = services.load_meeting(db, mid, viewer=ACTOR).actions[-1]
    assert (action.what, action.who, action.coordinator.value, action.due) == (
        "Ringe til skolen om lektiehjælp", "Birthe", "caseworker", None)


def test_the_minutes_page_adds_a_long_term_goal(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Mål")
    app.get("button_group")[0].set_value("long")
    app.text_area(key="goal.text").set_value("Alma trives i skolen")
    app.text_input(key="goal.owner").set_value("Familien")
    app.button(key="goal_new.submit").click().run()
    goal = services.load_meeting(db, meeting_id(app), viewer=ACTOR).goals[-1]
    assert (goal.term.value, goal.text, goal.owner) == ("long", "Alma trives i skolen", "Familien")


def test_switching_to_english_translates_the_page(app: AppTest) -> None:
    app.radio(key="sidebar.language").set_value("en").run()
    assert app.metric[0].label == "Present"
    open_page(app, "board")
    assert app.title[0].value == "Board"
    assert any(h.value == "What are we worried about?" for h in app.subheader)


def test_the_sidebar_s_folded_forms_are_drawn_only_while_open(app: AppTest) -> None:
    keys = {w.key for w in app.sidebar.text_input}
    assert not keys & {"new_case.family", "new_meeting.place"}, "a closed fold runs nothing"
    assert not any(k.startswith("pairing.code.") for k in keys)
    open_fold(app, "sidebar.new_case_open")
    assert "new_case.family" in {w.key for w in app.sidebar.text_input}
    assert "new_meeting.place" not in {w.key for w in app.sidebar.text_input}, "only the fold opened"


def test_a_new_case_from_the_sidebar_is_stored_and_chosen(app: AppTest, db: Database) -> None:
    cases_before = len(services.list_cases(db, viewer=ACTOR))
    open_fold(app, "sidebar.new_case_open")
    app.sidebar.text_input(key="new_case.family").set_value("Familien Østergaard")
    app.sidebar.text_input(key="new_case.child").set_value("Noah")
    app.sidebar.button(key="new_case.submit").click().run()
    cases = services.list_cases(db, viewer=ACTOR)
    assert len(cases) == cases_before + 1
    assert (cases[0].family_name, cases[0].child_names) == ("Familien Østergaard", "Noah")


def test_a_new_meeting_from_the_sidebar_gets_the_default_agenda_and_is_opened(app: AppTest, db: Database) -> None:
    case_id = services.list_cases(db, viewer=ACTOR)[0].id
    open_fold(app, "sidebar.new_meeting_open")
    app.sidebar.text_input(key="new_meeting.place").set_value("Hjemme hos familien")
    app.sidebar.button(key="new_meeting.submit").click().run()
    newest = services.list_meetings(db, case_id, viewer=ACTOR)[0]
    assert newest.place == "Hjemme hos familien"
    assert meeting_id(app) == newest.id
    assert services.load_meeting(db, newest.id, viewer=ACTOR).agenda, "a new meeting starts with the default agenda"
