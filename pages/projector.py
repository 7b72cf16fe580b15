"""Projektor: what the room sees — follows the facilitator's choice live, never asks anything."""

import streamlit as st

from facilitation.domain.model import MeetingRecord
from ui import live_sync, projector_view, session
from ui.db import database

db = database()
meeting_id = session.current_meeting_id()
projector_view.hide_chrome()
if meeting_id is None:
    st.stop()


def render(record: MeetingRecord) -> None:
    """One tick of the projector: the chosen screen of this meeting version."""
    projector_view.show(db, record, live_sync.score_history(db, record))


live_sync.follow(db, meeting_id, render, gone=projector_view.meeting_gone)
