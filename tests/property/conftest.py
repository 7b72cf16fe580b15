"""Property tests (hypothesis): one reproducible profile, and one database per test module.

The profile is derandomized and keeps no example database, so a run in CI finds what a run here finds;
no deadline, because a loaded machine is slow, not wrong (speed is measured in bench/).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from facilitation.storage import Database

settings.register_profile(
    "moedetavlen", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.load_profile("moedetavlen")


@pytest.fixture(scope="module")
def module_db(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A migrated SQLite database shared by the examples of one module (each example adds its own rows)."""
    path = tmp_path_factory.mktemp("property") / "property.sqlite3"
    shutil.copy(migrated_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()
