"""Following other devices: poll the meeting's version (one indexed read) and redraw on change.

A polled part is an `st.fragment(run_every=...)`. The meeting record is loaded only when the
version changes (cached per version); between changes a tick costs one small SELECT and a
redraw of the same elements. Pages with input widgets use `watch`, which reruns the page only
when the version moved, so nobody's typing is interrupted by idle polling.
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
from ui import session
from ui.db import database_at

POLL_SECONDS = float(os.environ.get("MOEDETAVLEN_POLL_SECONDS", "0.35"))  # measured best: bench/sync_benchmark.py
WATCH_SECONDS = 0.5
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
           every: float = POLL_SECONDS, gone: Callable[[], None] | None = None) -> None:
    """Draw `render(record)` now and again whenever any device changes the meeting; `gone()` once it is deleted."""

    @st.fragment(run_every=every)
    def live_part() -> None:
        stamp = db.stamp(meeting_id)
        if stamp is None:  # deleted: ids are never reused, so this id never shows another meeting
            if gone is not None:
                gone()
            return
        render(record_at(db.url, meeting_id, stamp))

    live_part()


def watch(db: Database, meeting_id: int) -> None:
    """Rerun the page when another device changed the meeting since the page was drawn.

    Call it before anything else on the page (ui.current.meeting_or_stop does): a fragment that asks
    for an app rerun must keep its place in the page, or its late messages address elements that the
    rerun moved, and the browser drops the session. At most one rerun per RERUN_GAP_SECONDS, so a
    burst of edits elsewhere never keeps a page from finishing.
    """

    @st.fragment(run_every=WATCH_SECONDS)
    def watcher() -> None:
        version = db.version(meeting_id)
        if version is None or version == session.shown_version(meeting_id):
            return
        if time.monotonic() - session.last_rerun() >= RERUN_GAP_SECONDS:
            session.set_last_rerun(time.monotonic())
            st.rerun(scope="app")

    watcher()
