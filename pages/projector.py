"""Projektor: what the room sees — follows the facilitator's choice live, never asks anything."""

import streamlit as st

from facilitation import services
from facilitation.model import MeetingRecord
from ui import live, projector_view, session
from ui.db import database
from ui.i18n import t

db = database()
meeting_id = session.current_meeting_id()
projector_view.hide_chrome()
if meeting_id is None:
    st.stop()


@st.cache_resource(max_entries=64, show_spinner=False)
def score_history(url: str, case_id: int, meeting_id: int, version: int) -> list:  # type: ignore[type-arg]
    """The case's scores over time as of this meeting version (read once per version)."""
    meeting = services.get_meeting(db, meeting_id)
    return services.score_history(db, case_id, until=meeting.date)


def render(record: MeetingRecord) -> None:
    """One tick of the projector: the chosen screen of this meeting version."""
    history = score_history(db.url, record.case.id, record.meeting.id, record.meeting.version)
    projector_view.show(db, record, history)


live.follow(db, meeting_id, render)
st.caption(t("projector.hint"))
