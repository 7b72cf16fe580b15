"""The interactive network map in the app: vis-network served once, the small map page cached.

vis-network (a public library, no case data) is copied from pyvis into the app's static folder
and served by Streamlit; each map page links it, so a rerun sends ~20 KB, never ~700 KB, and
the browser keeps the library cached. The map page itself is only sent inside the meeting.
"""

from __future__ import annotations

import filecmp
import hashlib
import shutil
from pathlib import Path

import streamlit as st

from facilitation import services
from facilitation.domain.model import MeetingRecord
from facilitation.domain.support import SupportKind
from facilitation.domain.validation import PEOPLE_MAX
from facilitation.storage import Database
from ui import session
from ui.db import database_at
from ui.i18n import t

STATIC = Path(__file__).resolve().parent.parent / "static"
MAP_HEIGHT_PX = 720
# The projector's picture: landscape like the wall, and no wider than st.image's limit (1460 px), above which
# Streamlit resizes and re-encodes the PNG on every run: with the projector redrawing every 0.35 s, that
# re-encoding (plus the 1600×1700 portrait picture running off a 16:9 wall) was why the map came late.
PROJECTOR_PX = (1440, 1000)
PROJECTOR_DPI = 200  # names as large as their spacing allows (export/map_png.py caps them in points)
SIDE_PX = (1400, 1488)  # the maps over time, side by side: within st.image's 1460 px, the print picture's shape


@st.cache_resource(show_spinner=False)
def _library_url() -> str:
    """Put vis-network in the static folder (once per process) and return its URL folder."""
    from export.map_html import library_files  # here, not at the top: pyvis alone took a second at start

    STATIC.mkdir(exist_ok=True)
    for name, source in library_files().items():
        target = STATIC / name
        if not target.exists() or not filecmp.cmp(source, target, shallow=False):
            shutil.copyfile(source, target)
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/" if base else "/app/static/"


def map_content(record: MeetingRecord) -> str:
    """A fingerprint of what the map shows (the child, the people, their ties): equal fingerprints, equal maps.

    The pictures are cached by it, not by the meeting's version: a board note or a timer tick changes the
    version, and re-drawing an unchanged map of hundreds of people took seconds (bench/big_meeting_bench.py).
    """
    shown = (record.meeting.id, record.case.child_names, record.participants, record.relations)
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def _record(url: str, meeting_id: int) -> MeetingRecord:
    return services.load_meeting(database_at(url), meeting_id, viewer=session.CHECKED_READER)


@st.cache_resource(max_entries=64, show_spinner=False)
def _content_at(url: str, meeting_id: int, version: int) -> tuple[str, MeetingRecord]:
    """The map's fingerprint at one version of the meeting (and the record it was read from)."""
    record = _record(url, meeting_id)
    return map_content(record), record


@st.cache_data(max_entries=64, show_spinner=False)
def _map_html(content: str, anonymised: bool, library: str, language: str, support: SupportKind | None,
              _record: MeetingRecord) -> str:
    """The map page of one map content in one language (`_record` is not part of the key: `content` is)."""
    from export.map_html import render_map_html  # pyvis and networkx load with the first map, not at start

    return render_map_html(_record, anonymised=anonymised, height=f"{MAP_HEIGHT_PX}px", library_url=library,
                           language=language, support=support)


def _map_page(url: str, meeting_id: int, version: int, anonymised: bool, library: str, language: str,
              support: SupportKind | None = None) -> str:
    """The map page of one meeting version in one language (drawn again only when the map's content changed)."""
    content, record = _content_at(url, meeting_id, version)
    return _map_html(content, anonymised, library, language, support, record)


@st.cache_data(max_entries=16, show_spinner=False)
def _map_png(content: str, anonymised: bool, language: str, _record: MeetingRecord) -> bytes:
    from export.map_png import render_map_png  # matplotlib loads with the first picture, not at start

    return render_map_png(_record, anonymised=anonymised, language=language)


def _map_picture(url: str, meeting_id: int, version: int, anonymised: bool, language: str) -> bytes:
    content, record = _content_at(url, meeting_id, version)
    return _map_png(content, anonymised, language, record)


@st.cache_resource(max_entries=16, show_spinner=False)
def _projector_png(content: str, language: str, _record: MeetingRecord) -> bytes:
    """Shared by every session (bytes are immutable), so a redraw costs no copy and no re-render."""
    width, height = PROJECTOR_PX
    from export.map_png import render_map_png  # matplotlib loads with the first picture, not at start

    return render_map_png(_record, width_px=width, height_px=height, dpi=PROJECTOR_DPI, language=language)


@st.cache_data(max_entries=16, show_spinner=False)
def _side_png(content: str, language: str, _record: MeetingRecord) -> bytes:
    width, height = SIDE_PX
    from export.map_png import render_map_png  # matplotlib loads with the first picture, not at start

    return render_map_png(_record, width_px=width, height_px=height, language=language)


def side_picture(db: Database, meeting_id: int, version: int) -> bytes:
    """The map as a PNG for a page (two side by side), narrow enough that st.image sends it as it is."""
    content, record = _content_at(db.url, meeting_id, version)
    return _side_png(content, session.language(), record)


def _projector_picture(url: str, meeting_id: int, version: int, language: str) -> bytes:
    content, record = _content_at(url, meeting_id, version)
    return _projector_png(content, language, record)


def projector_picture(db: Database, meeting_id: int, version: int, *, language: str) -> bytes:
    """The map as the wall shows it: a landscape PNG of this meeting version, rendered once per version."""
    return _projector_picture(db.url, meeting_id, version, language)


def too_big_to_draw(record: MeetingRecord) -> bool:
    """Whether the meeting has more people than a map can show (only a meeting from before the limit can)."""
    return len(record.participants) > PEOPLE_MAX


def explain_too_big(record: MeetingRecord) -> None:
    """Say why the map is not drawn, instead of drawing thousands of people for minutes."""
    st.warning(t("network.too_many_to_draw", count=len(record.participants), limit=PEOPLE_MAX),
               icon=":material/warning:")


def show_map(
    db: Database, meeting_id: int, version: int, *, anonymised: bool = False, support: SupportKind | None = None,
) -> None:
    """Draw the interactive map of this meeting version, its words in the UI language; `support` fades the rest."""
    content, record = _content_at(db.url, meeting_id, version)
    if too_big_to_draw(record):
        explain_too_big(record)
        return
    page = _map_page(db.url, meeting_id, version, anonymised, _library_url(), session.language(), support)
    st.iframe(page, height=MAP_HEIGHT_PX + 10)


def map_picture(
    db: Database, meeting_id: int, version: int, *, anonymised: bool = False, language: str | None = None
) -> bytes:
    """The map as a PNG (for printing and the projector), its words in `language` (default: the UI's).

    A download button calls this later, outside the script run, where the session cannot be read:
    such a caller passes the language it read while the page ran.
    """
    return _map_picture(db.url, meeting_id, version, anonymised, language or session.language())
