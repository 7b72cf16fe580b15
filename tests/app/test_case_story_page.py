"""Sagens forløb: every meeting of the case, the scale per person and the room's median, each goal's progress."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_page
from tests.conftest import ACTOR


def frames(at: AppTest) -> list:  # type: ignore[type-arg]
    """The page's tables as pandas frames."""
    return [element.value for element in at.dataframe]


def frame_with(at: AppTest, column: str):  # type: ignore[no-untyped-def]
    """The page's table that has this column."""
    return next(frame for frame in frames(at) if column in frame.columns)


def test_the_case_story_shows_the_three_demo_meetings_the_scale_and_each_goals_progress(
    app: AppTest, db: Database,
) -> None:
    open_page(app, "case_story")
    assert app.title[0].value == "Sagens forløb"
    meetings, scale, goals = frame_with(app, "Møde"), frame_with(app, "Hvem"), frame_with(app, "Mål")
    network, measures = frame_with(app, "Venner og naboer"), frame_with(app, "Lovgrundlag")
    assert list(meetings["Møde"]) == ["Opstartsmøde", "Opfølgningsmøde", "Opfølgningsmøde"]
    assert list(meetings["Aftaler"])[0].startswith("0 udført")
    assert list(scale["Hvem"])[-1] == "Rummets median"
    sanne = scale[scale["Hvem"] == "Sanne Juhl"].iloc[0]
    assert list(sanne)[1:] == ["3", "4", "6"]
    written = goals[goals["Mål"] == "Kortsigtede mål: En skriftlig plan over, hvem Alma er hos efter skole"].iloc[0]
    assert (list(written)[2:5], written["Status"]) == (["0", "1", "10"], "Nået")
    assert list(network["Personer"]) == [13, 13, 14]
    assert list(measures["Trin på indsatstrappen"]) == ["Intensiv indsats i hjemmet", "Forebyggende indsats"]
    assert any("Højeste trin på indsatstrappen ved hvert møde:" in c.value for c in app.caption)
    assert len(app.get("imgs")) + len(app.get("image")) >= 1, "the measures on the ladder over time, as a picture"


def test_a_goal_answered_on_another_device_appears_at_once(app: AppTest, db: Database) -> None:
    open_page(app, "case_story")
    mid = meeting_id(app)
    goal = services.load_meeting(db, mid, viewer=ACTOR).goals[0]
    services.follow_goal(db, ACTOR, mid, goal.id, progress=9)
    app.run()
    goals = frame_with(app, "Mål")
    assert list(goals[goals["Mål"].str.endswith(goal.text)].iloc[0])[4] == "9"


def test_the_case_story_speaks_english_when_asked(app: AppTest) -> None:
    open_page(app, "case_story")
    app.sidebar.radio[0].set_value("en").run()
    assert app.title[0].value == "The case over time"
    assert "Meeting" in frames(app)[0].columns
