"""The measures editor on the meeting page: the configured ladder (MOEDETAVLEN_LADDER) and older steps."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from facilitation import services as s
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_fold, open_page
from tests.conftest import ACTOR

LADDER = "Almene tilbud;Forebyggende;Anbringelse i slægten"


def _key(at: AppTest, prefix: str) -> str:
    return next(str(w.key) for w in (*at.text_input, *at.selectbox) if w.key and str(w.key).startswith(prefix))


def test_a_measure_s_fold_draws_its_form_only_while_open(app: AppTest, db: Database) -> None:
    at = open_page(app, "meeting")
    first = s.load_meeting(db, meeting_id(at), viewer=ACTOR).measures[0]
    assert not any(str(w.key).startswith("measure.") for w in (*at.text_input, *at.selectbox)), "all folded"
    open_fold(at, f"measure.{first.id}.open")
    drawn = {str(w.key).split(".")[1] for w in at.text_input if str(w.key).startswith("measure.")}
    assert drawn == {str(first.id)}, "only the measure opened"


def test_a_configured_ladder_shows_in_the_measures_editor_and_older_steps_still_show(
    app: AppTest, db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOEDETAVLEN_LADDER", LADDER)
    at = open_fold(open_page(app, "meeting"), "measure.new.open")
    new_step = at.selectbox(key=_key(at, "measure.new.step"))
    assert list(new_step.options) == ["Almene tilbud", "Forebyggende", "Anbringelse i slægten"]
    assert new_step.value == "Forebyggende", "a new measure starts on the second step"
    case = s.load_meeting(db, meeting_id(at), viewer=ACTOR)
    older = next(m for m in case.measures if m.step == "intensive_home")  # stored under the default ladder
    open_fold(at, f"measure.{older.id}.open")
    older_step = at.selectbox(key=_key(at, f"measure.{older.id}.step"))
    assert list(older_step.options) == [*LADDER.split(";"), "Intensiv indsats i hjemmet"]
    assert older_step.value == "intensive_home"
    assert any("Intensiv indsats i hjemmet" in str(c.value) for c in at.caption)

    at.text_input(key=_key(at, "measure.new.what")).input("Ophold hos mormor")
    at.selectbox(key=_key(at, "measure.new.step")).set_value("Anbringelse i slægten")
    at.button(key="measure.new.submit").click().run()
    assert not at.exception
    assert [(m.what, m.step) for m in s.load_meeting(db, meeting_id(at), viewer=ACTOR).measures][-1] == (
        "Ophold hos mormor", "Anbringelse i slægten")
    open_fold(at, f"measure.{s.load_meeting(db, meeting_id(at), viewer=ACTOR).measures[-1].id}.open")
    assert any("Anbringelse i slægten" in str(c.value) for c in at.caption), "a configured step as written"

    at.text_input(key=_key(at, f"measure.{older.id}.what")).input("Familiebehandling, en gang om ugen")
    at.button(key=f"measure.{older.id}.submit").click().run()
    assert not at.exception
    kept = next(m for m in s.load_meeting(db, meeting_id(at), viewer=ACTOR).measures if m.id == older.id)
    assert (kept.what, kept.step) == ("Familiebehandling, en gang om ugen", "intensive_home"), "its step is kept"


def test_the_case_story_shows_a_configured_step_as_written(
    app: AppTest, db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOEDETAVLEN_LADDER", LADDER)
    at = open_page(app, "meeting")
    case_id = s.load_meeting(db, meeting_id(at), viewer=ACTOR).case.id
    s.add_measure(db, ACTOR, case_id, what="Ophold hos mormor", legal_basis="sel_52",
                  start=s.load_meeting(db, meeting_id(at), viewer=ACTOR).meeting.date, step="Anbringelse i slægten")
    at = open_page(at, "case_story")
    highest = next(str(c.value) for c in at.caption if str(c.value).startswith("Højeste trin"))
    assert highest.endswith("Intensiv indsats i hjemmet"), "a step off the configured ladder comes after its last"
    steps = [str(v) for frame in at.dataframe for v in frame.value.get("Trin på indsatstrappen", [])]
    assert "Anbringelse i slægten" in steps and "Intensiv indsats i hjemmet" in steps


def test_a_measure_s_goal_set_at_the_first_meeting_shows_and_is_chosen_in_the_follow_up(
    app: AppTest, db: Database,
) -> None:
    at = open_page(app, "meeting")
    record = s.load_meeting(db, meeting_id(at), viewer=ACTOR)
    linked = next(x for x in record.measures if x.goal_id is not None)
    assert linked.goal_id not in {g.id for g in record.goals}, "the demo links the start meeting's goal"
    copy = record.measure_goals[linked.id]
    assert copy.meeting_id == record.meeting.id, "the goal's copy in this meeting"
    open_fold(at, f"measure.{linked.id}.open")
    choice = at.selectbox(key=_key(at, f"measure.{linked.id}.goal_id"))
    assert choice.value == copy.id and list(choice.options).count(copy.text) == 1
    assert any(f"Støtter målet: {copy.text}" in str(x.value) for x in at.markdown)
    at.text_input(key=_key(at, f"measure.{linked.id}.what")).input("Familiebehandling, en gang om ugen")
    at.button(key=f"measure.{linked.id}.submit").click().run()
    assert not at.exception
    assert s.load_meeting(db, meeting_id(at), viewer=ACTOR).measure_goals[linked.id].id == copy.id

    at = open_page(at, "case_story")
    served = [str(v) for frame in at.dataframe for v in frame.value.get("Målet, indsatsen skal støtte", [])]
    assert copy.text in served
