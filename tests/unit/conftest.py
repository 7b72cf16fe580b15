"""Fixtures for the domain and service tests: meetings to edit, and the demo meeting's backup file."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.storage import Database
from facilitation.storage.backup import dumps_meeting
from tests.conftest import ACTOR
from tests.unit.helpers import DEMO_DAY


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
        return dumps_meeting(source, create_demo_meeting(source, DEMO_DAY))
    finally:
        source.dispose()


@pytest.fixture
def demo_data(demo_text: str) -> dict[str, Any]:
    """A fresh, editable copy of the demo meeting's backup."""
    data: dict[str, Any] = json.loads(demo_text)
    return data
