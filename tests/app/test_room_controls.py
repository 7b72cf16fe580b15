"""Roles stored per caseworker and meeting, and projector controls that change shared state only by a click."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.access import MemberRole
from facilitation.services import accounts, members
from facilitation.storage import Database
from tests.app.conftest import DEMO_LOGIN, ROOT, meeting_id, open_page, signed_in
from tests.app.test_live_pages import as_role, held_roles
from tests.conftest import ACTOR

MAKKER_LOGIN = {**DEMO_LOGIN, "sub": "makker-subject", "email": "makker@moedetavlen.invalid"}


def another_device(db: Database, user: dict[str, object] | None = None) -> AppTest:
    """A new browser session (a reload, a new tab, another laptop) of the same caseworker, or of `user`."""
    at = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db, user)
    at.run()
    assert not at.exception, at.exception
    return at


def title(at: AppTest) -> str:
    """The page's heading."""
    return str(at.title[0].value) if at.title else ""


@pytest.fixture
def makker(db: Database, app: AppTest) -> AppTest:
    """The demo case's makker, signed in on their own laptop."""
    worker = accounts.create_account(db, "Nadia Ebbesen", str(MAKKER_LOGIN["email"]), None)
    case_id = services.get_meeting(db, meeting_id(app), viewer=ACTOR).case_id
    members.add_member(db, ACTOR, case_id, worker.id, MemberRole.MAKKER.value)
    return another_device(db, MAKKER_LOGIN)


def test_the_primary_caseworker_leads_and_the_makker_keeps_time_takes_minutes_and_chairs(
    app: AppTest, makker: AppTest
) -> None:
    assert held_roles(app) == {"facilitator"} and title(app).startswith("Familien Juhl")  # the meeting page
    assert held_roles(makker) == {"timekeeper", "minute_taker", "chair"}
    assert title(makker) == "Referat og aftaler"  # the most important of the makker's roles: the minutes
    assert meeting_id(makker) == meeting_id(app)


def test_roles_chosen_in_the_sidebar_survive_a_reload(app: AppTest, db: Database) -> None:
    as_role(app, "minute_taker", "timekeeper")
    reloaded = another_device(db)  # a new session of the same caseworker: nothing of the old one is kept
    assert held_roles(reloaded) == {"minute_taker", "timekeeper"}
    assert title(reloaded) == "Referat og aftaler"
    open_page(reloaded, "agenda")  # the timekeeper's buttons are there too
    assert reloaded.button(key="timer.next")


def test_a_second_laptop_showing_older_roles_does_not_write_them_back(app: AppTest, db: Database) -> None:
    second = another_device(db)  # same caseworker, shows {facilitator}
    as_role(app, "facilitator", "timekeeper", "chair")
    second.sidebar.button(key="sidebar.role.minute_taker").click().run()  # adds one role to what is stored now
    assert held_roles(second) == {"facilitator", "timekeeper", "chair", "minute_taker"}
    app.run()
    assert held_roles(app) == held_roles(second)


def test_the_last_role_cannot_be_given_up(app: AppTest) -> None:
    app.sidebar.button(key="sidebar.role.facilitator").click().run()
    assert held_roles(app) == {"facilitator"}
    assert any("mindst én rolle" in str(e.value) for e in app.sidebar.error)


def test_the_curtain_button_sets_the_value_it_shows_and_a_rerun_changes_nothing(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    key = f"sidebar.curtain.{mid}"
    assert app.sidebar.button(key=key).label == "Træk gardinet for"
    second = another_device(db)
    app.sidebar.button(key=key).click().run()
    assert services.get_meeting(db, mid, viewer=ACTOR).curtain is True
    assert app.sidebar.button(key=key).label == "Træk gardinet fra"
    version = db.version(mid)
    for _ in range(3):
        second.run()
        app.run()
    assert db.version(mid) == version and services.get_meeting(db, mid, viewer=ACTOR).curtain is True
    # The second laptop had not redrawn when its person clicked "close": it stays closed, it does not flip open.
    stale = another_device(db)
    services.set_curtain(db, ACTOR, mid, False)
    stale_label = stale.sidebar.button(key=key).label
    assert stale_label == "Træk gardinet fra"
    services.set_curtain(db, ACTOR, mid, True)  # meanwhile closed again elsewhere
    stale.sidebar.button(key=key).click().run()  # the button said "open": it opens, whatever it was
    assert services.get_meeting(db, mid, viewer=ACTOR).curtain is False
    assert app.sidebar.button(key=key).label == "Træk gardinet fra"  # drawn before the stale laptop opened it
    app.sidebar.button(key=key).click().run()  # its click means "open": open it stays, it does not flip shut
    assert services.get_meeting(db, mid, viewer=ACTOR).curtain is False
    assert app.sidebar.button(key=key).label == "Træk gardinet for"


def test_a_screen_button_shows_its_screen_and_the_current_one_is_highlighted(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)

    def highlighted() -> list[str]:
        return [b.key.rsplit(".", 1)[1] for b in app.sidebar.button
                if (b.key or "").startswith(f"sidebar.screen.{mid}.") and b.proto.type == "primary"]

    assert highlighted() == ["agenda"]
    app.sidebar.button(key=f"sidebar.screen.{mid}.map").click().run()
    assert services.get_meeting(db, mid, viewer=ACTOR).screen == "map"
    assert highlighted() == ["map"]
    app.sidebar.button(key=f"sidebar.screen.{mid}.map").click().run()  # again: still the map
    assert services.get_meeting(db, mid, viewer=ACTOR).screen == "map"
    version = db.version(mid)
    app.run()
    assert db.version(mid) == version


def test_no_toggle_or_radio_in_the_sidebar_holds_shared_state(app: AppTest) -> None:
    assert not app.sidebar.toggle
    assert not app.sidebar.checkbox
    assert [radio.key for radio in app.sidebar.radio] == ["sidebar.language"]  # this browser's language only
    keys = [b.key for b in app.sidebar.button]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("page", ["meeting", "agenda", "minutes", "board", "export", "projector"])
def test_every_page_opens_for_a_device_whatever_its_roles(app: AppTest, page: str, tmp_path: Path) -> None:
    as_role(app, "chair")
    open_page(app, page)  # a page outside the chair's menu still opens (its own rules say what may be done)
    assert title(app) or page == "projector"
