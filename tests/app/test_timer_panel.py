"""The timer panel and the agenda list on the agenda page: buttons, the ticking countdown's data, live status."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.model import MeetingStatus
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_page
from tests.conftest import ACTOR
from ui.countdown import epoch

TIMER_BUTTONS = ("timer.next", "timer.pause", "timer.end", "timer.add.1", "timer.add.2", "timer.add.5")


def countdown_of(at: AppTest) -> dict[str, Any]:
    """The data the page sent to the browser's countdown (there is exactly one)."""
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == "moedetavlen_countdown"]
    data: dict[str, Any] = json.loads(element.proto.json)
    return data


def markdown_of(at: AppTest) -> str:
    """All Markdown the page drew."""
    return "\n".join(m.value for m in at.markdown)


def test_the_facilitator_gets_every_timer_button_with_its_whole_label(app: AppTest) -> None:
    open_page(app, "agenda")
    buttons = {b.key: b for b in app.button if b.key in TIMER_BUTTONS}
    assert set(buttons) == set(TIMER_BUTTONS)
    assert [buttons[f"timer.add.{n}"].label for n in (1, 2, 5)] == ["+1 min.", "+2 min.", "+5 min."]
    assert buttons["timer.next"].label == "Start mødet"
    assert all(buttons[key].disabled for key in TIMER_BUTTONS if key != "timer.next"), "nothing runs yet"


def test_the_countdown_gets_the_stored_deadline_and_the_warning_threshold(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    assert countdown_of(app)["state"] == "idle"
    app.button(key="timer.next").click().run()
    data = countdown_of(app)
    first = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[0]
    assert first.started_at is not None
    assert data["state"] == "running" and data["title"] == first.title
    assert data["deadline"] == epoch(first.started_at) + first.planned_minutes * 60
    assert data["warn"] == services.get_meeting(db, meeting_id(app), viewer=ACTOR).warn_minutes * 60
    app.button(key="timer.add.2").click().run()
    assert countdown_of(app)["deadline"] == data["deadline"] + 120
    app.button(key="timer.pause").click().run()
    paused = countdown_of(app)
    assert (paused["state"], paused["deadline"]) == ("paused", None)
    assert 0 < paused["remaining"] <= (first.planned_minutes + 2) * 60


def test_the_countdown_data_stays_the_same_between_redraws_so_the_browser_keeps_ticking(app: AppTest) -> None:
    open_page(app, "agenda")
    app.button(key="timer.next").click().run()
    before = countdown_of(app)
    app.run()
    assert countdown_of(app) == before


def test_the_meeting_status_follows_the_timer_from_planned_to_running_to_ended(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    mid = meeting_id(app)
    assert services.get_meeting(db, mid, viewer=ACTOR).status == MeetingStatus.PLANNED
    app.button(key="timer.next").click().run()
    assert services.get_meeting(db, mid, viewer=ACTOR).status == MeetingStatus.RUNNING
    for _ in services.load_meeting(db, mid, viewer=ACTOR).agenda:
        app.button(key="timer.next").click().run()
        assert not app.exception
    assert services.get_meeting(db, mid, viewer=ACTOR).status == MeetingStatus.ENDED


def test_the_agenda_list_marks_the_running_item_and_the_finished_one(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    first, second = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[:2]
    app.button(key="timer.next").click().run()
    app.button(key="timer.next").click().run()
    text = markdown_of(app)
    assert "✓ Færdig" in text and "▶ I gang" in text
    assert app.button(key=f"agenda.start.{first.id}").label == "Start igen"
    assert not [b for b in app.button if b.key == f"agenda.start.{second.id}"], "no Start on the running item"


def test_the_agenda_list_follows_the_timer_moved_on_another_device(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    mid = meeting_id(app)
    first = services.load_meeting(db, mid, viewer=ACTOR).agenda[0]
    assert app.button(key=f"agenda.start.{first.id}").label == "Start"
    services.next_agenda_item(db, "anden enhed", mid)
    app.run()
    assert "▶ I gang" in markdown_of(app)
    assert countdown_of(app)["state"] == "running"
    services.end_agenda_item(db, "anden enhed", mid, first.id)
    app.run()
    assert "✓ Færdig" in markdown_of(app) and "▶ I gang" not in markdown_of(app)
    assert countdown_of(app)["state"] == "idle"


def test_a_stale_next_press_after_the_makker_moved_on_does_not_skip_an_item(app: AppTest, db: Database) -> None:
    """The facilitator presses 'Start mødet' on a screen drawn before the makker started the meeting."""
    open_page(app, "agenda")
    mid = meeting_id(app)
    first, second = services.load_meeting(db, mid, viewer=ACTOR).agenda[:2]
    services.next_agenda_item(db, "anden enhed", mid)  # the makker's laptop, a moment earlier
    app.button(key="timer.next").click().run()  # drawn as 'Start mødet'
    agenda = services.load_meeting(db, mid, viewer=ACTOR).agenda
    assert agenda[0].started_at is not None and agenda[0].ended_at is None, f"{first.title} still runs"
    assert agenda[1].started_at is None, f"{second.title} was not started by the stale press"
    assert app.button(key="timer.next").label == "Næste punkt"
    app.button(key="timer.add.5").click().run()
    services.add_minutes(db, "anden enhed", mid, first.id, 1)
    app.run()
    assert services.load_meeting(db, mid, viewer=ACTOR).agenda[0].extra_minutes == 6
