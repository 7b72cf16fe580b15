"""A big meeting stays usable: long board columns are paged, and a full board refuses the next note in plain words."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from bench.big_meeting import enlarge
from facilitation import services
from facilitation.domain.model import BoardKind
from facilitation.domain.validation import BOARD_ITEMS_MAX, PEOPLE_MAX
from facilitation.storage import Database
from tests.app.conftest import choose_tab, drawn_html, meeting_id, open_network_tab, open_page
from tests.conftest import ACTOR


def edit_buttons(app: AppTest) -> list[int]:
    """The ids of the notes drawn as cards (each card has one edit button)."""
    return [int(b.key.rsplit(".", 1)[1]) for b in app.button if b.key and b.key.startswith("board.edit.")]


def worries(app: AppTest, db: Database) -> list[int]:
    """The worry column's note ids, in order."""
    return [b.id for b in services.load_meeting(db, meeting_id(app), viewer=ACTOR).board_column(BoardKind.WORRY)]


def test_a_board_of_a_thousand_notes_shows_twenty_per_column_and_a_pager(app: AppTest, db: Database) -> None:
    enlarge(db, meeting_id(app), 300, 1_000)
    open_page(app, "board")
    column = worries(app, db)
    assert len(column) > 100
    shown = edit_buttons(app)
    assert len(shown) == 3 * 20, "three columns of twenty cards, not a thousand"
    assert [i for i in shown if i in set(column)] == column[:20]
    assert f"1–20 af {len(column)}" in [c.value for c in app.caption]
    assert app.button(key="pager.worry.previous").disabled
    app.button(key="pager.worry.next").click().run()
    assert not app.exception
    assert [i for i in edit_buttons(app) if i in set(column)] == column[20:40]
    assert f"21–40 af {len(column)}" in [c.value for c in app.caption]
    assert not app.button(key="pager.worry.previous").disabled


def test_a_note_opened_on_the_second_page_is_edited_in_the_one_editor(app: AppTest, db: Database) -> None:
    enlarge(db, meeting_id(app), 0, 300)
    open_page(app, "board")
    app.button(key="pager.worry.next").click().run()
    note = worries(app, db)[25]
    app.button(key=f"board.edit.{note}").click().run()
    (text,) = [w for w in app.text_area if w.key.startswith("board.text.")]
    assert text.key.startswith(f"board.text.{note}.")
    text.set_value("Rettet på side to")
    app.button(key=f"board_edit_{note}.submit").click().run()
    assert not app.exception
    stored = services.load_meeting(db, meeting_id(app), viewer=ACTOR).board_column(BoardKind.WORRY)
    assert stored[25].text == "Rettet på side to"


def test_a_note_added_to_a_long_column_is_shown_on_the_last_page_where_it_lands(app: AppTest, db: Database) -> None:
    enlarge(db, meeting_id(app), 0, 300)
    open_page(app, "board")
    app.text_area(key="board.new.worry.text").set_value("Den allersidste bekymring")
    app.button(key="board_new_worry.submit").click().run()
    assert not app.exception
    column = worries(app, db)
    assert column[-1] in edit_buttons(app)
    assert any("Den allersidste bekymring" in m.value for m in app.markdown)
    assert app.button(key="pager.worry.next").disabled


def test_a_full_board_refuses_the_next_note_with_a_danish_message_and_keeps_the_text(
    app: AppTest, db: Database
) -> None:
    mid = meeting_id(app)
    enlarge(db, mid, 0, BOARD_ITEMS_MAX - len(services.load_meeting(db, mid, viewer=ACTOR).board))
    open_page(app, "board")
    app.text_area(key="board.new.worry.text").set_value("Én note for meget")
    app.button(key="board_new_worry.submit").click().run()
    assert any(f"Tavlen har allerede {BOARD_ITEMS_MAX} noter" in e.value for e in app.error), app.error
    assert app.text_area(key="board.new.worry.text").value == "Én note for meget", "kept, to add after a removal"
    assert len(services.load_meeting(db, mid, viewer=ACTOR).board) == BOARD_ITEMS_MAX


def test_a_meeting_with_more_people_than_a_map_can_show_says_so_instead_of_drawing(
    app: AppTest, db: Database
) -> None:
    enlarge(db, meeting_id(app), PEOPLE_MAX + 1, 0)  # only a meeting from before the limit can be this big
    open_page(app, "network")
    count = len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants)
    message = f"Kortet tegnes ikke: mødet har {count} personer, og et kort kan højst vise {PEOPLE_MAX}"
    for tab in ("Kort", "Over tid"):  # the map tab and the maps over time
        open_network_tab(app, tab)
        assert sum(message in w.value for w in app.warning) == 1, tab
        assert not app.get("iframe"), "no map page is sent"


def test_the_attendance_of_three_hundred_people_is_shown_fifty_at_a_time(app: AppTest, db: Database) -> None:
    enlarge(db, meeting_id(app), 300, 0)
    choose_tab(open_page(app, "minutes"), "Fremmøde")
    people = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants
    choices = [w for w in app.get("button_group") if w.key and w.key.startswith("attendance.")]
    assert [w.key.split(".")[1] for w in choices] == [str(p.id) for p in people[:50]]
    app.button(key="pager.attendance.next").click().run()
    assert not app.exception
    choices = [w for w in app.get("button_group") if w.key and w.key.startswith("attendance.")]
    assert [w.key.split(".")[1] for w in choices] == [str(p.id) for p in people[50:100]]
    assert f"51–100 af {len(people)}" in [c.value for c in app.caption]


def test_the_projectors_map_screen_of_a_meeting_too_big_to_draw_says_so_instead_of_hanging(
    app: AppTest, db: Database
) -> None:
    enlarge(db, meeting_id(app), PEOPLE_MAX + 1, 0)
    services.set_screen(db, ACTOR, meeting_id(app), "map")
    open_page(app, "projector")
    html = drawn_html(app)
    assert 'data-screen="map"' in html and f"et kort kan højst vise {PEOPLE_MAX}" in html
    assert not app.get("image"), "no picture of thousands of people is drawn"
