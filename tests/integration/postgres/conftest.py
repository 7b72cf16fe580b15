"""A throwaway PostgreSQL server for the tests that prove DATABASE_URL=postgresql://… works.

`make test` installs Debian's postgresql; this starts its own cluster in a temporary folder on a
Unix socket (no TCP, no password) and removes it afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail(f"PostgreSQL's {name} is missing: run `make test`, which installs Debian's postgresql")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root; CI runs as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL of an empty database on a private PostgreSQL server."""
    # Not under pytest's tmp folder: that is private to root, and the server runs as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="moedetavlen-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(_as_postgres([_binary("initdb"), "-D", str(data), "-A", "trust", "-U", "moedetavlen",
                                 "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    options = f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off"
    subprocess.run(_as_postgres([_binary("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                 str(folder / "log"), "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://moedetavlen@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run(_as_postgres([_binary("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def reset(url: str) -> None:
    """Drop every table so a test starts from an empty database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()



