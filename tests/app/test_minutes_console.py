"""The minute-taker's console: the tab stays, the form empties, an action may wait for its owner and date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from streamlit.proto.Block_pb2 import Block as BlockProto
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.storage import Database
from tests.app.conftest import MINUTES_TABS, choose_tab, meeting_id, open_page
from tests.app.test_live_pages import as_role
from tests.conftest import ACTOR
from ui.actions_editor import apply_changes
from ui.plan_for import plan_choices


def open_tab(at: AppTest) -> str:
    """The label of the tab the console shows (the tab container's current tab)."""
    containers = [node for node in at
                  if isinstance(getattr(node, "proto", None), BlockProto) and node.proto.HasField("tab_container")]
    assert len(containers) == 1
    labels = [tab.label for tab in at.tabs]
    return labels[containers[0].proto.tab_container.default_tab_index]


def add_action(at: AppTest, what: str, who: str = "", due: date | None = None) -> AppTest:
    """Fill in the new-action form and press "Tilføj aftale"."""
    at.text_area(key="action.what").set_value(what)
    at.text_input(key="action.who").set_value(who)
    at.date_input(key="action.due").set_value(due)
    return at.button(key="action_new.submit").click().run()


def flag_of(at: AppTest, what: str) -> str:
    """The text in the first column of an action's row."""
    table = at.data_editor[0].value
    return str(table[table["what"] == what].iloc[0]["flag"])


def test_after_an_add_the_actions_tab_stays_and_the_form_is_empty_due_date_too(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    choose_tab(app, "Aftaler")
    assert open_tab(app) == "Aftaler"
    add_action(app, "Ringe til skolen", "Birthe", date.today() + timedelta(days=7))
    assert not app.exception
    assert open_tab(app) == "Aftaler"
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).actions[-1].what == "Ringe til skolen"
    assert app.text_area(key="action.what").value == ""
    assert app.text_input(key="action.who").value == ""
    assert app.date_input(key="action.due").value is None, "the last action's date must not stay in the form"
    scripts = [node.proto.body for node in app.get("html") if "<script" in node.proto.body]
    assert scripts and "st-key-action-what" in scripts[0], "the focus goes back to 'what'"
    app.run()  # a rerun soon after (another device's edit) draws the same request: the browser runs it once
    assert [node.proto.body for node in app.get("html") if "<script" in node.proto.body] in ([], scripts)


def test_another_devices_edit_and_a_language_switch_keep_the_tab(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    choose_tab(app, "Aftaler")
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    services.save_note(db, ACTOR, record.meeting.id, record.agenda[0].id, "Skrevet på den anden computer")
    app.run()  # what ui.live_sync.watch does when the meeting changed
    assert open_tab(app) == "Aftaler"
    app.radio(key="sidebar.language").set_value("en").run()
    assert open_tab(app) == "Actions"


def test_only_the_open_console_tab_runs(app: AppTest) -> None:
    open_page(app, "minutes")  # Noter first
    assert not app.data_editor and not [w for w in app.get("button_group") if str(w.key).startswith("attendance.")]
    choose_tab(app, "Aftaler")
    assert app.data_editor and not [w for w in app.get("button_group") if str(w.key).startswith("attendance.")]
    choose_tab(app, "Fremmøde")
    assert not app.data_editor and [w for w in app.get("button_group") if str(w.key).startswith("attendance.")]


def test_an_action_without_owner_or_date_is_saved_and_flagged_not_agreed_yet(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    add_action(app, "Finde en, der kan hente Alma om tirsdagen")
    assert not app.error
    action = services.load_meeting(db, meeting_id(app), viewer=ACTOR).actions[-1]
    assert (action.what, action.who, action.due) == ("Finde en, der kan hente Alma om tirsdagen", "", None)
    assert flag_of(app, action.what) == "◔ Ikke aftalt endnu"
    add_action(app, "Ringe til PPR", "Sanne")  # an owner, no date yet: not agreed either
    assert flag_of(app, "Ringe til PPR") == "◔ Ikke aftalt endnu"


def test_overdue_is_the_first_column_of_the_table(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    services.add_action(db, ACTOR, meeting_id(app), "Ringe til lægen", "Sanne", date.today() - timedelta(days=1))
    app.run()
    assert flag_of(app, "Ringe til lægen") == "⚠ Overskredet"
    assert list(app.data_editor[0].proto.column_order)[:2] == ["flag", "what"], "seen first, at 1440 px too"


def test_a_refused_action_says_why_at_once_and_still_after_another_devices_edit(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    mid = meeting_id(app)
    before = len(services.load_meeting(db, mid, viewer=ACTOR).actions)
    add_action(app, "   ", "Sanne")
    assert any("Hvad skal der ske?" in e.value and "udfyldes" in e.value for e in app.error), "on the first try"
    record = services.load_meeting(db, mid, viewer=ACTOR)
    services.save_note(db, ACTOR, mid, record.agenda[0].id, "Skrevet på den anden computer")
    app.run()  # the rerun another device's edit causes used to wipe the message before anyone read it
    assert any("Hvad skal der ske?" in e.value for e in app.error)
    assert len(services.load_meeting(db, mid, viewer=ACTOR).actions) == before
    assert app.text_input(key="action.who").value == "Sanne", "the input is kept"
    add_action(app, "Ringe til PPR", "Sanne")
    assert not [e for e in app.error if "Hvad skal der ske?" in e.value], "answered: the message goes"


def test_the_console_shows_no_none_and_no_english(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    services.add_action(db, ACTOR, meeting_id(app), "Uden mål og dato", "", None)
    for tab in MINUTES_TABS:  # only the open tab runs: look at each
        choose_tab(app, tab)
        texts = [node.value for node in app.main if isinstance(getattr(node, "value", None), str)]
        assert "None" not in texts, tab
        choices = list(app.main.selectbox)
        assert all(w.proto.placeholder and w.proto.placeholder != "Choose an option" for w in choices), (
            f"{tab}: Streamlit's own placeholder is English")
        if tab == "Aftaler":
            assert choices
            assert app.data_editor[0].proto.placeholder == "–", "an empty cell reads '–', not 'None'"
            assert app.selectbox(key="action.coordinator.da").proto.placeholder == "Vælg …"


def countdowns(app: AppTest) -> list[Any]:
    """The ticking countdowns the page drew (the live channel is a browser element too)."""
    return [e for e in app.get("bidi_component") if e.proto.component_name == "moedetavlen_countdown"]


def test_the_makker_keeping_time_gets_the_countdown_and_the_timer_buttons_on_the_console(app: AppTest) -> None:
    as_role(app, "minute_taker", "timekeeper", "chair")
    open_page(app, "minutes")
    assert len(countdowns(app)) == 1, "the ticking countdown"
    assert {"timer.next", "timer.pause", "timer.add.1", "timer.add.2", "timer.add.5"} <= {b.key for b in app.button}
    app.button(key="timer.next").click().run()
    assert not app.exception
    assert open_tab(app) == "Noter"


def test_a_minute_taker_who_does_not_keep_time_gets_no_timer_buttons(app: AppTest) -> None:
    as_role(app, "minute_taker")
    open_page(app, "minutes")
    assert not countdowns(app)
    assert not {b.key for b in app.button} & {"timer.next", "timer.pause"}
    assert "moedetavlen_live_push" in {e.proto.component_name for e in app.get("bidi_component")}, (
        "the page follows other devices' edits by the live channel")


def test_an_action_can_be_for_an_adult_from_the_form_and_from_the_table(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    choose_tab(app, "Aftaler")
    mid = meeting_id(app)
    box = next(b for b in app.selectbox if b.label == "For hvem")
    assert "Hele familien" in box.options and "Sanne Juhl" in box.options
    box.select("person:Sanne Juhl")
    add_action(app, "Søge to stillinger om ugen", "Sanne", date.today() + timedelta(days=14))
    action = services.load_meeting(db, mid, viewer=ACTOR).actions[-1]
    assert (action.what, action.plan_for.value, action.plan_for_name) == ("Søge to stillinger om ugen", "person",
                                                                          "Sanne Juhl")
    table = app.data_editor[0].value
    assert table[table["what"] == action.what].iloc[0]["for"] == "Sanne Juhl"
    record = services.load_meeting(db, mid, viewer=ACTOR)
    row = [a.id for a in record.actions].index(action.id)
    choices = plan_choices(record)
    apply_changes(db, ACTOR, record, {"edited_rows": {row: {"for": "Hele familien"}}}, {}, choices)
    assert services.load_meeting(db, mid, viewer=ACTOR).actions[row].plan_for.value == "family"


def test_an_action_for_someone_no_longer_on_the_map_keeps_their_name(app: AppTest, db: Database) -> None:
    open_page(app, "minutes")
    mid = meeting_id(app)
    services.add_action(db, ACTOR, mid, "Finde en lejlighed", "Lars", plan_for="person", plan_for_name="Lars Ny")
    choose_tab(app, "Aftaler")
    table = app.data_editor[0].value
    assert table[table["what"] == "Finde en lejlighed"].iloc[0]["for"] == "Lars Ny"
