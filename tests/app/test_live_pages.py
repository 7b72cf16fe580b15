"""The live meeting pages: projector, timekeeper and minute-taker, with the role rules."""

from __future__ import annotations

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.roles import Role
from facilitation.storage import Database
from tests.app.conftest import choose_tab, drawn_html, meeting_id, open_page
from tests.conftest import ACTOR
from ui.actions_editor import apply_changes


def html_of(at: AppTest) -> str:
    """All HTML the page drew (st.html elements and the projector's wall)."""
    return drawn_html(at)


def held_roles(at: AppTest) -> set[str]:
    """The roles the sidebar shows as held (their buttons highlighted)."""
    return {role.value for role in Role if at.sidebar.button(key=f"sidebar.role.{role.value}").proto.type == "primary"}


def as_role(at: AppTest, *roles: str) -> AppTest:
    """Hold exactly these roles, chosen by clicking their buttons in the sidebar (stored for the caseworker)."""
    for role in [*roles, *(r.value for r in Role if r.value not in roles)]:
        if (role in roles) != (role in held_roles(at)):
            at.sidebar.button(key=f"sidebar.role.{role}").click().run()
            assert not at.exception
    assert held_roles(at) == set(roles)
    return at


def test_the_projector_follows_the_screen_chosen_on_another_device(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    assert 'data-screen="agenda"' in html_of(app)
    services.set_screen(db, ACTOR, meeting_id(app), "board")
    app.run()
    html = html_of(app)
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    working_well = next(item.text for item in record.board if item.kind == "working_well")
    assert 'data-screen="board"' in html and working_well in html


def test_the_projector_shows_nothing_but_the_curtain_when_it_is_closed(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    services.set_curtain(db, ACTOR, meeting_id(app), True)
    app.run()
    html = html_of(app)
    assert 'data-testid="mt-curtain"' in html
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.participants and record.board
    assert "mt-screen" not in html
    assert not any(person.name in html for person in record.participants)
    assert not any(item.text in html for item in record.board)


def test_the_projector_has_no_inputs_at_all(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    for screen in ("agenda", "board", "safety", "scale", "houses", "map", "network", "story", "drawing", "actions"):
        services.set_screen(db, ACTOR, meeting_id(app), screen)
        app.run()
        assert not app.exception, screen
        main = app.main
        assert not (main.button or main.text_input or main.text_area or main.selectbox), screen


def test_the_network_screen_says_what_the_network_can_and_follows_an_edit(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    mid = meeting_id(app)
    services.set_screen(db, ACTOR, mid, "network")
    app.run()
    html = html_of(app)
    assert 'data-testid="mt-network"' in html and "kan måske spørges" in html
    assert "kan hjælpe med praktiske ting" in html
    friends = sum(p.sector == "friends_neighbours" for p in services.load_meeting(db, mid, viewer=ACTOR).participants)
    assert f"<span>Venner og naboer</span><b>{friends}</b>" in html
    services.add_participant(db, ACTOR, mid, "Naboen Ib", sector="friends_neighbours", supports=["company"])
    app.run()
    assert f"<span>Venner og naboer</span><b>{friends + 1}</b>" in html_of(app), "a new person is counted at once"


def test_the_story_screen_shows_how_far_each_goal_has_come_and_the_rooms_scale(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    mid = meeting_id(app)
    services.set_screen(db, ACTOR, mid, "story")
    app.run()
    html = html_of(app)
    assert 'data-testid="mt-story"' in html and "fra 0 til 5/10" in html and "fra 0 til 10/10 · Nået" in html
    goal = services.load_meeting(db, mid, viewer=ACTOR).goals[0]
    services.follow_goal(db, ACTOR, mid, goal.id, progress=7)
    app.run()
    assert "fra 0 til 7/10" in html_of(app), "a new answer reaches the wall at once"


def test_the_actions_screen_lists_every_agreed_action(app: AppTest, db: Database) -> None:
    open_page(app, "projector")
    services.set_screen(db, ACTOR, meeting_id(app), "actions")
    app.run()
    html = html_of(app)
    assert all(a.what in html for a in services.load_meeting(db, meeting_id(app), viewer=ACTOR).actions)


def test_the_timekeeper_starts_pauses_resumes_and_adds_time(app: AppTest, db: Database) -> None:
    as_role(app, "timekeeper")
    open_page(app, "agenda")
    mid = meeting_id(app)
    app.button(key="timer.next").click().run()
    first = services.load_meeting(db, mid, viewer=ACTOR).agenda[0]
    assert first.started_at is not None and first.ended_at is None
    app.button(key="timer.pause").click().run()
    assert services.load_meeting(db, mid, viewer=ACTOR).agenda[0].paused_at is not None
    app.button(key="timer.resume").click().run()
    assert services.load_meeting(db, mid, viewer=ACTOR).agenda[0].paused_at is None
    app.button(key="timer.add.5").click().run()
    assert services.load_meeting(db, mid, viewer=ACTOR).agenda[0].extra_minutes == 5
    assert [e for e in app.get("bidi_component") if e.proto.component_name == "moedetavlen_countdown"]
    assert not app.main.text_input, "the timekeeper does not edit the agenda"


def test_the_minute_taker_gets_no_timer_buttons(app: AppTest) -> None:
    as_role(app, "minute_taker")
    open_page(app, "agenda")
    assert not [b for b in app.button if b.key and b.key.startswith("timer.")]


def test_an_action_with_no_what_gets_a_clear_message(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    before = len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).actions)
    app.text_input(key="action.who").set_value("Sanne")
    app.button(key="action_new.submit").click().run()
    assert any("Hvad skal der ske?" in e.value and "udfyldes" in e.value for e in app.error)
    assert len(services.load_meeting(db, meeting_id(app), viewer=ACTOR).actions) == before
    assert app.text_input(key="action.who").value == "Sanne"


def test_an_action_due_in_the_past_is_kept_and_flagged(app: AppTest, db: Database) -> None:
    choose_tab(open_page(app, "minutes"), "Aftaler")
    mid = meeting_id(app)
    yesterday = date.today() - timedelta(days=1)
    services.add_action(db, ACTOR, mid, "Ringe til lægen", "Sanne", yesterday)
    app.run()
    table = app.data_editor[0].value
    row = table[table["what"] == "Ringe til lægen"].iloc[0]
    assert row["flag"] == "⚠ Overskredet"


def test_editor_changes_are_saved_row_by_row(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    goals = {g.id: g.text[:60] for g in record.goals}
    apply_changes(db, ACTOR, record, {"edited_rows": {0: {"status": "Udført", "who": "Mormor"}},
                                      "deleted_rows": [1]}, goals)
    after = services.load_meeting(db, mid, viewer=ACTOR).actions
    assert (after[0].status.value, after[0].who) == ("done", "Mormor")
    assert record.actions[1].id not in {a.id for a in after}
    assert len(after) == len(record.actions) - 1


def test_a_deletion_replayed_from_an_older_table_does_nothing_and_says_nothing(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)  # the table as drawn
    goals = {g.id: g.text[:60] for g in record.goals}
    apply_changes(db, ACTOR, record, {"deleted_rows": [1]}, goals)
    version = db.version(mid)
    apply_changes(db, ACTOR, record, {"deleted_rows": [1]}, goals)  # the same deletion once more
    after = services.load_meeting(db, mid, viewer=ACTOR).actions
    assert len(after) == len(record.actions) - 1, "one row gone, not two"
    assert db.version(mid) == version, "nothing stored the second time"
