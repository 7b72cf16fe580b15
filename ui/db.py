"""The app's one Database per process (thread-safe engine; a short session per service call)."""

from __future__ import annotations

import streamlit as st

from facilitation.storage import Database, default_url, open_database


@st.cache_resource(show_spinner=False)
def _database(url: str) -> Database:
    return open_database(url)


def database() -> Database:
    """The configured database, migrated on first use in this process."""
    return _database(default_url())
