"""The meeting this device works on, read fresh from the database on every run."""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.model import MeetingRecord, Role
from facilitation.storage import Database
from facilitation.validation import NotFoundError
from ui import session
from ui.i18n import t


def meeting_or_stop(db: Database) -> MeetingRecord:
    """The current meeting's record; shows a clear message and stops the page when there is none."""
    url_error = session.url_error()
    if url_error:
        st.error(t("error.unknown_meeting_in_url", value=url_error), icon=":material/error:")
    meeting_id = session.current_meeting_id()
    if meeting_id is None:
        st.info(t("info.choose_meeting"), icon=":material/arrow_back:")
        st.stop()
    try:
        return services.load_meeting(db, meeting_id)
    except NotFoundError:
        session.set_current_meeting(None)
        st.error(t("error.meeting_gone"), icon=":material/error:")
        st.stop()


def actor(record: MeetingRecord) -> str:
    """Who is acting on this device: the caseworker holding its role, until sign-in exists."""
    role = session.device_role()
    if role in {r.value for r in Role}:
        name = record.roles.get(Role(role))
        if name:
            return name
    return t("actor.unknown")
