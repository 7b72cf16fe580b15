"""Assertions shared by the service tests: a refused edit leaves the whole database exactly as it was."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import Database
from tests.conftest import DEMO_DAY as DEMO_DAY  # defined with the shared demo fixtures


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Every row of every table (meeting versions included), read without the ORM."""
    with db.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).scalars().all()
        return {name: connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY rowid').all() for name in tables}


@contextmanager
def unchanged(db: Database, *meeting_ids: int) -> Iterator[None]:
    """The block may fail, but afterwards no row of any table (no meeting's version) has changed.

    `meeting_ids` name the meetings the test cares about (they must exist); all are compared.
    """
    assert all(db.version(mid) is not None for mid in meeting_ids)
    before = snapshot(db)
    assert before["meetings"], "the test needs at least one meeting to watch"
    yield
    assert snapshot(db) == before


@contextmanager
def refused(db: Database, code: str, *meeting_ids: int, field: str | None = None) -> Iterator[None]:
    """The block raises ValidationError with `code` (and `field`) and stores nothing."""
    with unchanged(db, *meeting_ids), pytest.raises(ValidationError) as info:
        yield
    assert info.value.code == code
    if field is not None:
        assert info.value.params["field"] == field


@contextmanager
def not_found(db: Database, *meeting_ids: int) -> Iterator[None]:
    """The block raises NotFoundError and writes nothing, to this meeting or any other."""
    with unchanged(db, *meeting_ids), pytest.raises(NotFoundError):
        yield


def positions(items: list) -> list[int]:  # type: ignore[type-arg]
    """The stored positions of a list of ordered domain items, in list order."""
    return [item.position for item in items]
