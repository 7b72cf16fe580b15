"""The app's one Database per process (thread-safe engine; a short session per service call)."""

from __future__ import annotations

import streamlit as st

from facilitation.storage import Database, default_url, open_database


@st.cache_resource(show_spinner=False)
def database_at(url: str) -> Database:
    """The database at `url`, migrated on first use in this process."""
    return open_database(url)


def database() -> Database:
    """The configured database (DATABASE_URL or the SQLite file in the data folder)."""
    return database_at(default_url())
