"""Property tests (hypothesis): one database per test module (the profile is in tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitation.storage import Database


@pytest.fixture(scope="module")
def module_db(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A migrated SQLite database shared by the examples of one module (each example adds its own rows)."""
    path = tmp_path_factory.mktemp("property") / "property.sqlite3"
    shutil.copy(migrated_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()
