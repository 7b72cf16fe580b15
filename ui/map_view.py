"""The interactive network map in the app: vis-network served once, the small map page cached.

vis-network (a public library, no case data) is copied from pyvis into the app's static folder
and served by Streamlit; each map page links it, so a rerun sends ~20 KB, never ~700 KB, and
the browser keeps the library cached. The map page itself is only sent inside the meeting.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import streamlit as st

from export.map_html import library_files, render_map_html
from export.map_png import render_map_png
from facilitation import services
from facilitation.storage import Database
from ui import session
from ui.db import database_at

STATIC = Path(__file__).resolve().parent.parent / "static"
MAP_HEIGHT_PX = 720
# The projector's picture: landscape like the wall, and no wider than st.image's limit (1460 px), above which
# Streamlit resizes and re-encodes the PNG on every run: with the projector redrawing every 0.35 s, that
# re-encoding (plus the 1600×1700 portrait picture running off a 16:9 wall) was why the map came late.
PROJECTOR_PX = (1440, 1000)
PROJECTOR_DPI = 200  # names as large as their spacing allows (export/map_png.py caps them in points)


@st.cache_resource(show_spinner=False)
def _library_url() -> str:
    """Put vis-network in the static folder (once per process) and return its URL folder."""
    STATIC.mkdir(exist_ok=True)
    for name, source in library_files().items():
        target = STATIC / name
        if not target.exists() or not filecmp.cmp(source, target, shallow=False):
            shutil.copyfile(source, target)
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/" if base else "/app/static/"


@st.cache_data(max_entries=64, show_spinner=False)
def _map_page(url: str, meeting_id: int, version: int, anonymised: bool, library: str, language: str) -> str:
    """The map page of one meeting version in one language (cached: reruns that change nothing reuse it)."""
    record = services.load_meeting(database_at(url), meeting_id, viewer=session.CHECKED_READER)
    return render_map_html(record, anonymised=anonymised, height=f"{MAP_HEIGHT_PX}px", library_url=library,
                           language=language)


@st.cache_data(max_entries=16, show_spinner=False)
def _map_picture(url: str, meeting_id: int, version: int, anonymised: bool, language: str) -> bytes:
    record = services.load_meeting(database_at(url), meeting_id, viewer=session.CHECKED_READER)
    return render_map_png(record, anonymised=anonymised, language=language)


@st.cache_resource(max_entries=16, show_spinner=False)
def _projector_picture(url: str, meeting_id: int, version: int, language: str) -> bytes:
    """Shared by every session (bytes are immutable), so a redraw costs no copy and no re-render."""
    record = services.load_meeting(database_at(url), meeting_id, viewer=session.CHECKED_READER)
    width, height = PROJECTOR_PX
    return render_map_png(record, width_px=width, height_px=height, dpi=PROJECTOR_DPI, language=language)


def projector_picture(db: Database, meeting_id: int, version: int, *, language: str) -> bytes:
    """The map as the wall shows it: a landscape PNG of this meeting version, rendered once per version."""
    return _projector_picture(db.url, meeting_id, version, language)


def show_map(db: Database, meeting_id: int, version: int, *, anonymised: bool = False) -> None:
    """Draw the interactive map of this meeting version, its words in the UI language."""
    page = _map_page(db.url, meeting_id, version, anonymised, _library_url(), session.language())
    st.iframe(page, height=MAP_HEIGHT_PX + 10)


def map_picture(
    db: Database, meeting_id: int, version: int, *, anonymised: bool = False, language: str | None = None
) -> bytes:
    """The map as a PNG (for printing and the projector), its words in `language` (default: the UI's).

    A download button calls this later, outside the script run, where the session cannot be read:
    such a caller passes the language it read while the page ran.
    """
    return _map_picture(db.url, meeting_id, version, anonymised, language or session.language())
