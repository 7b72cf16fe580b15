"""Projektor (not signed in): its pairing code until a member pairs it, then that meeting, read-only."""

import streamlit as st

from facilitation.domain.model import MeetingRecord
from facilitation.domain.sessions import ProjectorStatus
from ui import identity, live_sync, projector_view, session
from ui.db import database
from ui.i18n import t

db = database()
projector_view.hide_chrome()


@st.fragment(run_every=2)
def waiting() -> None:
    """The code to type on a caseworker's laptop; the page moves on by itself once paired."""
    state = identity.current(db).projector
    if state is None or state.status != ProjectorStatus.WAITING:
        st.rerun(scope="app")
    st.markdown(f'<div class="mt-code"><p>{t("pairing.show_code")}</p><h1>{state.code}</h1></div>',
                unsafe_allow_html=True)


state = identity.current(db).projector
meeting_id = session.current_meeting_id()
if state is None or state.status in (ProjectorStatus.NOTHING, ProjectorStatus.EXPIRED):
    st.markdown(t("pairing.nothing"))
    st.markdown(f'<a href="/tilslut" target="_self">{t("signin.projector_link")}</a>', unsafe_allow_html=True)
elif state.status == ProjectorStatus.WAITING or meeting_id is None:
    waiting()
else:

    def render(record: MeetingRecord) -> None:
        """One tick of the projector: the chosen screen, or nothing once it is unpaired or the meeting ended."""
        now = identity.current(db).projector
        if now is None or now.meeting_id != record.meeting.id:
            st.rerun(scope="app")
        projector_view.show(db, record, live_sync.score_history(db, record))

    live_sync.follow(db, meeting_id, render)
