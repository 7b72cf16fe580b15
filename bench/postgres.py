"""A throwaway PostgreSQL server for the cross-process figure (as tests/integration/postgres/conftest.py does):
its own cluster in a temporary folder, on a Unix socket (no TCP, no password), removed afterwards."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def available() -> bool:
    """Whether Debian's PostgreSQL server programs are installed."""
    return bool(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


def _binary(name: str) -> str:
    return sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def cluster() -> Iterator[str]:
    """A SQLAlchemy URL of an empty database on a private PostgreSQL server, stopped and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="moedetavlen-bench-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        subprocess.run(_as_postgres([_binary("initdb"), "-D", str(data), "-A", "trust", "-U", "moedetavlen",
                                     "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
        options = f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off"
        subprocess.run(_as_postgres([_binary("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                     str(folder / "log"), "start"]), check=True, capture_output=True)
        yield f"postgresql+psycopg://moedetavlen@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run(_as_postgres([_binary("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
