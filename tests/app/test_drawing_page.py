"""The drawing page: drawings are created, renamed, cleared and deleted; a damaged one gets a clear message.

The canvas itself is a custom component (an UnknownElement in AppTest): drawing on it is the browser test's job.
"""

from __future__ import annotations

import json

from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.model import DrawingBackground
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_page
from tests.conftest import ACTOR
from tests.support.drawings import canvas, layer


def canvases(at: AppTest) -> list[str]:
    """The keys of the canvas components on the page."""
    found: list[str] = []

    def walk(node: object) -> None:
        key = getattr(node, "key", None)
        if type(node).__name__ == "UnknownElement" and str(key).startswith("drawing.canvas."):
            found.append(str(key))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return found


def keyed(at: AppTest, prefix: str) -> str:
    """The key of the text input whose key starts with `prefix` (keys carry a fingerprint of the stored value)."""
    return next(w.key for w in at.text_input if w.key and w.key.startswith(prefix))


def test_a_meeting_without_drawings_invites_the_first_and_creates_it_on_the_board_template(
    app: AppTest, db: Database
) -> None:
    open_page(app, "drawing")
    assert any("ingen tegninger" in i.value for i in app.info)
    assert not canvases(app)
    app.text_input(key="drawing.new.name").set_value("Familiens hverdag")
    app.selectbox(key="drawing.new.background.da").set_value("board")
    app.button(key="drawing_new.submit").click().run()
    assert not app.exception, app.exception
    (drawing,) = services.list_drawings(db, meeting_id(app), viewer=ACTOR)
    assert (drawing.name, drawing.background) == ("Familiens hverdag", DrawingBackground.BOARD)
    assert app.selectbox(key="drawing.chosen").value == drawing.id
    assert len(canvases(app)) == 1


def test_a_new_drawing_without_a_name_is_refused_and_nothing_is_made(app: AppTest, db: Database) -> None:
    open_page(app, "drawing")
    app.text_input(key="drawing.new.name").set_value("   ")
    app.button(key="drawing_new.submit").click().run()
    assert any("Navn på tegningen" in e.value and "udfyldes" in e.value for e in app.error)
    assert services.list_drawings(db, meeting_id(app), viewer=ACTOR) == []


def test_the_page_opens_the_drawing_drawn_on_last_which_is_renamed_and_then_deleted(
    app: AppTest, db: Database
) -> None:
    mid = meeting_id(app)
    dreams = services.create_drawing(db, ACTOR, mid, "Drømme")
    first = services.create_drawing(db, ACTOR, mid, "Tegning 1")
    open_page(app, "drawing")
    assert app.selectbox(key="drawing.chosen").value == first
    app.text_input(key=keyed(app, f"drawing.name.{first}.")).set_value("Familiens hverdag")
    app.button(key=f"drawing_rename_{first}.submit").click().run()
    assert [d.name for d in services.list_drawings(db, mid, viewer=ACTOR)] == ["Drømme", "Familiens hverdag"]
    app.button(key=f"drawing.delete.{first}").click().run()
    assert not app.exception
    assert [d.name for d in services.list_drawings(db, mid, viewer=ACTOR)] == ["Drømme"]
    assert app.selectbox(key="drawing.chosen").value == dreams


def test_clearing_after_confirmation_wipes_the_strokes(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    drawing = services.create_drawing(db, ACTOR, mid, "Drømme")
    services.save_drawing(db, ACTOR, mid, drawing, canvas(strokes=4), layer())
    open_page(app, "drawing")
    app.button(key=f"drawing.clear.{drawing}").click().run()
    assert not app.exception
    assert json.loads(services.drawing_canvas(db, mid, drawing, viewer=ACTOR)[1]) == {"objects": []}


def test_choosing_the_map_as_background_keeps_the_strokes(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    drawing = services.create_drawing(db, ACTOR, mid, "Netværket")
    services.save_drawing(db, ACTOR, mid, drawing, canvas(strokes=2), layer())
    open_page(app, "drawing")
    key = next(w.key for w in app.selectbox if w.key and w.key.startswith("drawing.background."))
    app.selectbox(key=key).set_value("map").run()
    assert not app.exception
    assert services.list_drawings(db, mid, viewer=ACTOR)[0].background == DrawingBackground.MAP
    assert json.loads(services.drawing_canvas(db, mid, drawing, viewer=ACTOR)[1]) == canvas(strokes=2)


def test_a_corrupt_drawing_says_so_and_the_rest_of_the_meeting_still_works(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    drawing = services.create_drawing(db, ACTOR, mid, "Drømme")
    services.save_drawing(db, ACTOR, mid, drawing, canvas(), layer())
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE drawings SET canvas = '{\"objects\": [' WHERE id = :id"), {"id": drawing})
    open_page(app, "drawing")
    assert any("»Drømme« er beskadiget" in e.value and "Resten af mødet" in e.value for e in app.error)
    assert not canvases(app)
    assert app.image, "the last saved picture is shown"
    app.button(key="drawing.keep_picture").click().run()
    assert not app.exception
    assert json.loads(services.drawing_canvas(db, mid, drawing, viewer=ACTOR)[1]) == {"objects": []}
    assert len(canvases(app)) == 1
    for page in ("meeting", "board", "minutes", "network", "agenda"):
        open_page(app, page)


def save_script() -> None:
    """Run the canvas's on_change callback as the component would, with what the test put in session state."""
    import base64
    import json

    import streamlit as st

    from ui import drawing_canvas, forms, session
    from ui.db import database

    mid, drawing_id = st.session_state["test.meeting"], st.session_state["test.drawing"]
    key = "drawing.canvas.test"
    session.set_canvas_mount(drawing_id, st.session_state["test.mount"])
    layer = base64.b64encode(st.session_state["test.layer"]).decode()
    st.session_state[key] = {"drawing": {"raw": json.loads(st.session_state["test.canvas"]),
                                         "data": "data:image/png;base64," + layer}}
    drawing_canvas._save(database(), "Line", mid, drawing_id, key)
    forms.show_error(drawing_canvas.ERROR_KEY)
    st.session_state["test.mount_after"] = session.canvas_mount(drawing_id)


def run_save(db: Database, drawn: dict[str, object], mount: tuple[int, int, int]) -> tuple[AppTest, int, int]:
    """The save callback run on a fresh meeting's drawing; returns the app, the meeting and the drawing."""
    case_id = services.create_case(db, ACTOR, "Familien Test", "Ida", "assessment")
    mid = services.create_meeting(db, ACTOR, case_id, "start", "2026-03-02", with_default_agenda=False)
    drawing = services.create_drawing(db, ACTOR, mid, "Drømme")
    return run_save_on(db, mid, drawing, drawn, mount), mid, drawing


def run_save_on(db: Database, mid: int, drawing: int, drawn: dict[str, object], mount: tuple[int, int, int]) -> AppTest:
    """The save callback run on an existing drawing."""
    at = AppTest.from_function(save_script, default_timeout=60)
    at.session_state["test.meeting"], at.session_state["test.drawing"] = mid, drawing
    at.session_state["test.mount"] = mount
    at.session_state["test.canvas"] = json.dumps(drawn)
    at.session_state["test.layer"] = layer()
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_stroke_is_saved_by_the_canvas_callback_and_remembered_as_this_device_s(db: Database) -> None:
    at, mid, drawing = run_save(db, canvas(strokes=1), (1, 1, 0))
    assert not at.error
    assert services.drawing_revision(db, mid, drawing, viewer=ACTOR) == 2
    assert at.session_state["test.mount_after"] == (1, 2, 0), "own saves do not reload the canvas"


def test_a_canvas_too_big_to_save_gets_a_message_beside_the_canvas_and_nothing_is_stored(db: Database) -> None:
    at, mid, drawing = run_save(db, canvas(strokes=3_000), (1, 1, 0))
    assert any("for stor til at gemme" in e.value and "højst 5 MB" in e.value for e in at.error)
    assert services.drawing_revision(db, mid, drawing, viewer=ACTOR) == 1


def test_a_stale_tab_does_not_overwrite_newer_strokes_and_is_told_and_reloaded(db: Database) -> None:
    at, mid, drawing = run_save(db, canvas(strokes=5), (1, 1, 0))  # the other tab drew five strokes
    stale = run_save_on(db, mid, drawing, canvas(strokes=1), (1, 1, 0))  # this tab still holds revision 1
    assert any("ændret på en anden skærm" in e.value for e in stale.error)
    assert len(json.loads(services.drawing_canvas(db, mid, drawing, viewer=ACTOR)[1])["objects"]) == 5
    assert stale.session_state["test.mount_after"] == (1, -1, 0), "the canvas reloads the newest on this run"


def test_the_page_speaks_english_too(app: AppTest, db: Database) -> None:
    services.create_drawing(db, ACTOR, meeting_id(app), "Dreams")
    app.radio(key="sidebar.language").set_value("en").run()
    open_page(app, "drawing")
    assert app.title[0].value == "Drawing"
    assert [o for o in app.button_group if "Freehand" in str(o.proto)], "the tools are named in English"
