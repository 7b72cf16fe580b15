"""Following other devices: the server tells this page when the meeting changed, and only then it redraws.

A live part is an `st.fragment` holding the live channel (ui/live_push.py): when any device commits a change
of the meeting, the channel reruns that fragment, which reads the meeting's stamp (one indexed read) and
draws the record (loaded once per change, cached per stamp and shared by every session showing it). Between
changes nothing runs. A slow safety poll (every SAFETY_SECONDS) reruns the part anyway, in case the channel
cannot be opened (a proxy that drops WebSockets) or a change was missed. Pages with input widgets use
`watch`, which reruns the page only when the version moved, so nobody's typing is interrupted by idle reruns.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date

import streamlit as st

from facilitation import services
from facilitation.domain.model import MeetingRecord
from facilitation.domain.scaling import ScoreRound
from facilitation.services.export_data import gather_handover
from facilitation.storage import Database
from ui import live_push, session
from ui.db import database_at

# The fallback only: changes arrive by push. Tests that prove the push set it to an hour.
SAFETY_SECONDS = float(os.environ.get("MOEDETAVLEN_SAFETY_POLL_SECONDS", "20"))
RERUN_GAP_SECONDS = 2.0


@st.cache_resource(max_entries=128, show_spinner=False)
def record_at(url: str, meeting_id: int, stamp: str) -> MeetingRecord:
    """The meeting as of one stamp (Database.stamp; immutable, shared by every session showing it)."""
    return services.load_meeting(database_at(url), meeting_id, viewer=session.CHECKED_READER)


@st.cache_resource(max_entries=128, show_spinner=False)
def _history_at(url: str, case_id: int, until: date, stamp: str) -> tuple[ScoreRound, ...]:
    return tuple(services.score_history(database_at(url), case_id, until=until, viewer=session.CHECKED_READER))


@st.cache_resource(max_entries=64, show_spinner=False)
def _case_at(url: str, meeting_id: int, stamp: str) -> tuple[MeetingRecord, ...]:
    return tuple(gather_handover(database_at(url), meeting_id, viewer=session.CHECKED_READER)[0])


def case_so_far(db: Database, record: MeetingRecord) -> tuple[MeetingRecord, ...]:
    """The case's meetings up to this one, oldest first, read once per change of the meeting (the projector)."""
    return _case_at(db.url, record.meeting.id, db.stamp(record.meeting.id) or "")


def score_history(db: Database, record: MeetingRecord) -> tuple[ScoreRound, ...]:
    """The case's scaling rounds up to this meeting, read once per change of the meeting (board, projector)."""
    stamp = db.stamp(record.meeting.id) or ""
    return _history_at(db.url, record.case.id, record.meeting.date, stamp)


def follow(db: Database, meeting_id: int, render: Callable[[MeetingRecord], None], *,
           gone: Callable[[], None] | None = None) -> None:
    """Draw `render(record)` now and again whenever any device changes the meeting; `gone()` once it is deleted."""

    @st.fragment(run_every=SAFETY_SECONDS)
    def live_part() -> None:
        stamp = db.stamp(meeting_id)
        if stamp is None:  # deleted: ids are never reused, so this id never shows another meeting
            if gone is not None:
                gone()
            return
        record = record_at(db.url, meeting_id, stamp)
        listen(meeting_id, record.meeting.version, key=f"follow-{render.__qualname__}")
        render(record)

    live_part()


def listen(meeting_id: int, version: int, *, key: str, again: float | None = None) -> bool:
    """Mount the live channel in the current fragment (it reruns the fragment on a change after `version`)."""
    return live_push.listen(meeting_id, version, key=key.replace(".", "-").replace("<", "").replace(">", ""),
                            again=again)


def watch(db: Database, meeting_id: int) -> None:
    """Rerun the page when another device changed the meeting since the page was drawn.

    Call it before anything else on the page (ui.current.meeting_or_stop does): a fragment that asks
    for an app rerun must keep its place in the page, or its late messages address elements that the
    rerun moved, and the browser drops the session. At most one rerun per RERUN_GAP_SECONDS, so a
    burst of edits elsewhere never keeps a page from finishing: a change inside the gap asks the live
    channel to rerun this part again when the gap is over.
    """

    @st.fragment(run_every=SAFETY_SECONDS)
    def watcher() -> None:
        shown = session.shown_version(meeting_id) or 0
        version = db.version(meeting_id)
        wait = 0.0
        if version != shown:  # None: deleted, and the rerun says so
            wait = RERUN_GAP_SECONDS - (time.monotonic() - session.last_rerun())
            if wait <= 0:
                session.set_last_rerun(time.monotonic())
                st.rerun(scope="app")
        listen(meeting_id, shown, key="watch", again=round(wait, 2) if wait > 0 else None)

    watcher()
