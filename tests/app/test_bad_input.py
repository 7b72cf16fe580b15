"""Bad input gets a clear message in the UI, nothing crashes, and nothing saved is lost."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.model import BoardKind
from facilitation.storage import Database
from tests.app.conftest import ROOT, meeting_id, open_board_tab, open_network_tab, open_page, signed_in
from tests.conftest import ACTOR


def test_an_empty_name_is_refused_with_a_message_and_nothing_is_added(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    before = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    app.text_input(key="person.new.name").set_value("   ")
    app.button(key="person_new.submit").click().run()
    assert not app.exception
    assert any("Navn" in e.value and "udfyldes" in e.value for e in app.error)
    after = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert after.participants == before.participants
    assert after.meeting.version == before.meeting.version


def test_a_10000_character_name_is_refused_and_the_typed_text_is_kept(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    count = len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants)
    huge = "Å" * 10_000
    app.text_input(key="person.new.name").set_value(huge)
    app.button(key="person_new.submit").click().run()
    assert any("for lang" in e.value and "10000" in e.value for e in app.error)
    assert app.text_input(key="person.new.name").value == huge, "the typed text must not be lost"
    assert len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants) == count


def test_a_10000_character_board_note_is_stored_whole(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    long_text = ("Mor siger: det er svært om aftenen. " * 300)[:10_000]
    app.text_area(key="board.new.worry.text").set_value(long_text)
    app.button(key="board_new_worry.submit").click().run()
    assert not app.error
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.board_column(BoardKind.WORRY)[-1].text == long_text.strip()


def test_emoji_and_danish_letters_come_back_exactly(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    name = "Ærlige Øjvind Åberg 👵🏽🧡"
    app.text_input(key="person.new.name").set_value(name)
    app.button(key="person_new.submit").click().run()
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants[-1].name == name
    assert any(name in str(df.value.to_dict()) for df in app.dataframe)


def test_control_characters_are_removed_and_the_caseworker_is_told(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    app.text_area(key="board.new.next_step.text").set_value("Ring\x00 til\x07 mormor\x1b")
    app.button(key="board_new_next_step.submit").click().run()
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.board_column(BoardKind.NEXT_STEP)[-1].text == "Ring til mormor"
    assert any("styretegn" in toast.value for toast in app.toast)


def test_html_in_a_board_note_is_shown_as_text(app: AppTest, db: Database) -> None:
    open_page(app, "board")
    app.text_area(key="board.new.worry.text").set_value("<script>alert(1)</script> <b>fed</b>")
    app.button(key="board_new_worry.submit").click().run()
    shown = [m.value for m in app.markdown if "alert" in m.value]
    assert shown and all("<script>" not in value for value in shown), shown
    assert not any(m.allow_html for m in app.markdown if "alert" in m.value)


def test_a_score_outside_the_scale_or_not_a_number_gets_a_message(app: AppTest, db: Database) -> None:
    open_board_tab(open_page(app, "board"), "Skalering")
    before = services.load_meeting(db, meeting_id(app), viewer=ACTOR).scores
    for typed, expected in (("11", "fra 0 til 10"), ("syv", "helt tal"), ("", "helt tal")):
        app.text_input(key="score.value").set_value(typed)
        app.button(key="score_new.submit").click().run()
        assert any(expected in e.value for e in app.error), (typed, [e.value for e in app.error])
    assert services.load_meeting(db, meeting_id(app), viewer=ACTOR).scores == before


def test_an_unknown_meeting_id_in_the_url_gets_a_clear_message(db: Database) -> None:
    for raw in ("999999", "abc", "<script>"):
        at = signed_in(AppTest.from_file(str(Path(ROOT) / "app.py"), default_timeout=30), db)
        at.query_params["m"] = raw
        at.run()
        assert not at.exception
        assert any("findes ikke" in e.value for e in at.error), raw
        assert not at.title, "no meeting is shown under a wrong address"


def test_an_item_deleted_on_another_device_gives_a_message_not_a_crash(app: AppTest, db: Database) -> None:
    open_page(app, "agenda")
    item = services.load_meeting(db, meeting_id(app), viewer=ACTOR).agenda[0]
    services.remove_agenda_item(db, "other device", meeting_id(app), item.id)
    app.button(key=f"agenda.start.{item.id}").click().run()
    assert not app.exception
    assert any("findes ikke længere" in e.value for e in app.error)


def test_a_text_that_looks_like_a_cpr_number_is_saved_only_after_a_warning(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    count = len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants)
    app.text_input(key="person.new.name").set_value("Mor 010203-1234")
    app.button(key="person_new.submit").click().run()
    assert any("CPR-nummer" in e.value for e in app.error), "warned before anything is saved"
    assert len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants) == count
    app.button(key="person_new.submit").click().run()
    assert not any("CPR-nummer" in e.value for e in app.error)
    assert len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants) == count + 1, "sent again: saved"
