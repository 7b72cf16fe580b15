"""AppTest fixtures: the real app.py on a fresh database holding the demo meeting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from facilitation.storage import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(db: Database) -> Iterator[AppTest]:
    """app.py after its first run (which creates the demo meeting in the empty database)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
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
