"""Shared fixtures: a fresh migrated database per test (copied from one template), meetings to edit, the demo backup."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.storage import Database, open_database
from facilitation.storage.backup import dumps_meeting

ACTOR = "Line Bech"

# Every hypothesis test (tests/property and the unit tests that use it): derandomized and with no example
# database, so a run in CI finds what a run here finds; no deadline, because a loaded machine is slow, not
# wrong (speed is measured in bench/).
settings.register_profile(
    "moedetavlen", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.load_profile("moedetavlen")

DEMO_DAY = date(2026, 3, 2)
"""The demo meeting's date in tests, so its due dates and backup file never change."""


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the newest schema, made once per test run."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def data_dir(tmp_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding a fresh migrated database; the app and CLI are pointed at it."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(migrated_template, folder / "moedetavlen.sqlite3")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MOEDETAVLEN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """A fresh database for one test."""
    database = Database(f"sqlite:///{data_dir / 'moedetavlen.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture
def meeting_id(db: Database) -> int:
    """A start meeting of a fresh case, without the default agenda (tests add what they need)."""
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    return s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)


@pytest.fixture
def other_meeting_id(db: Database) -> int:
    """A meeting of another family: nothing done to `meeting_id` may ever touch it."""
    case_id = s.create_case(db, ACTOR, "Familien Østergaard", "Freja", "compensation")
    return s.create_meeting(db, ACTOR, case_id, "follow_up", date(2026, 3, 9), with_default_agenda=False)


@pytest.fixture(scope="session")
def demo_text(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo meeting's backup file, made once in a database of its own."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(migrated_template, path)
    source = Database(f"sqlite:///{path}")
    try:
        return dumps_meeting(source, create_demo_meeting(source, DEMO_DAY), viewer=ACTOR)
    finally:
        source.dispose()


@pytest.fixture
def demo_data(demo_text: str) -> dict[str, Any]:
    """A fresh, editable copy of the demo meeting's backup."""
    data: dict[str, Any] = json.loads(demo_text)
    return data
