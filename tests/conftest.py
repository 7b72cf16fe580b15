"""Shared fixtures: a fresh, migrated database per test, copied from one migrated template."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitation.storage import Database, open_database


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


ACTOR = "Line Bech"
