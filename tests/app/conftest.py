"""AppTest fixtures: the real app.py on a fresh database holding the demo case."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from facilitation.demo import DEMO_EMAIL, create_demo_account, first_meeting_or_demo
from facilitation.services import accounts, sessions
from facilitation.storage import Database
from tests.conftest import ACTOR
from ui import identity, wall_element

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_database(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the demo case exactly as app.py's first run creates it, made once per test run."""
    path = tmp_path_factory.mktemp("app-demo") / "moedetavlen.sqlite3"
    shutil.copy(migrated_template, path)
    source = Database(f"sqlite:///{path}")
    try:
        meeting_id = first_meeting_or_demo(source, viewer=ACTOR)  # the demo case, as `make run` makes it
        assert meeting_id is not None
        create_demo_account(source, meeting_id)  # the demo caseworker, its member
    finally:
        source.dispose()
    return path


@pytest.fixture
def data_dir(data_dir: Path, demo_database: Path) -> Path:
    """The test's own data folder, its database a copy of the demo case (building the demo takes ~1 s a test)."""
    shutil.copy(demo_database, data_dir / "moedetavlen.sqlite3")
    return data_dir


DEMO_LOGIN = {"is_logged_in": True, "iss": "http://idp.test", "sub": "demo-subject", "email": DEMO_EMAIL,
              "nonce": "n-1", "iat": 1_764_000_000}
"""The demo caseworker as the municipality's identity provider signs them in (AppTest seeds st.user)."""


def signed_in(at: AppTest, db: Database, user: dict[str, object] | None = None, *, purpose: str = "meeting") -> AppTest:
    """`at` signed in through the identity provider as `user` (the demo caseworker), purpose already chosen."""
    user = user or DEMO_LOGIN
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1/oauth2callback", "cookie_secret": "test-secret-0123456789",
                          "client_id": "moedetavlen", "client_secret": "test", "server_metadata_url": "http://idp.test"}
    at.user = dict(user)
    account = accounts.account_for_oidc(db, str(user["sub"]), str(user["email"]))
    if account is not None and purpose:
        login_id = identity.login_id(user)
        token = sessions.oidc_session(db, login_id, lambda: account.id)
        if token is not None:
            sessions.set_purpose(db, token, purpose)
    return at


@pytest.fixture
def app(db: Database) -> Iterator[AppTest]:
    """app.py after its first run, signed in as the demo caseworker, on a copy of the demo case."""
    at = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db)
    at.run()
    assert not at.exception
    yield at


def open_page(at: AppTest, page: str) -> AppTest:
    """Switch to pages/<page>.py and run it."""
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def meeting_id(at: AppTest) -> int:
    """The meeting the app session shows."""
    return int(at.query_params["m"][0] if isinstance(at.query_params["m"], list) else at.query_params["m"])


def open_board_tab(at: AppTest, label: str) -> AppTest:
    """Open a tab of Tavlen's editing layout by its Danish label (only the open tab runs)."""
    at.session_state["board.tab.da"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def open_fold(at: AppTest, key: str) -> AppTest:
    """Open a folded part (an expander or popover drawn only while open) by its key, as a click does, and run."""
    at.session_state[key] = True
    at.run()
    assert not at.exception, at.exception
    return at


MINUTES_TABS = {"Noter": "notes", "Aftaler": "actions", "Mål": "goals", "Fremmøde": "attendance"}


def choose_tab(at: AppTest, label: str) -> AppTest:
    """Click a console tab of Referat as the browser does (only the open tab runs): its value and callback."""
    at.session_state["minutes.tabs.da"] = label
    at.session_state["minutes.tab"] = MINUTES_TABS[label]
    return at.run()


def open_network_tab(at: AppTest, label: str) -> AppTest:
    """Open a tab of Netværk by its Danish label ("Kort", "Personer og relationer", "Over tid"); only it runs."""
    at.session_state["network.tab.da"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def drawn_html(at: AppTest, *, styles: bool = True) -> str:
    """All HTML the page drew: st.html elements and the projector's wall element (ui/wall_element.py)."""
    parts = [e.proto.body for e in at.get("html") if styles or not e.proto.body.startswith("<style>")]
    parts += [json.loads(e.proto.json)["html"] for e in at.get("bidi_component")
              if e.proto.component_name.endswith(wall_element.NAME)]
    return "\n".join(parts)
