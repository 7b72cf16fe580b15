"""The meeting this device works on, read fresh from the database on every run."""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.model import MeetingRecord
from facilitation.services import access
from facilitation.storage import Database
from ui import forms, live_sync, session
from ui.i18n import t
from ui.text import code


def explain_missing_meeting(db: Database) -> bool:
    """Whether a meeting is chosen and exists; if not, say why and what to do (pages then stop at once)."""
    url_error = session.url_error()
    if url_error:
        st.error(t("error.unknown_meeting_in_url", value=code(url_error)), icon=":material/error:")
    meeting_id = session.current_meeting_id()
    if meeting_id is None:
        no_meetings = session.current_case_id() is not None and not url_error
        st.info(t("info.case_without_meetings" if no_meetings else "info.choose_meeting"),
                icon=":material/arrow_back:")
        return False
    if not services.meeting_exists(db, meeting_id, viewer=session.viewer()):  # also: not one of theirs
        session.set_current_meeting(None)
        st.error(t("error.meeting_gone"), icon=":material/error:")
        return False
    caseworker = session.caseworker()
    if caseworker is not None and meeting_id not in session.opened_meetings():
        access.open_meeting(db, caseworker, meeting_id)  # one log line per opening, with the purpose
        session.mark_opened(meeting_id)
    return True


def meeting_or_stop(db: Database, *, follow_other_devices: bool = False) -> MeetingRecord:
    """The current meeting's record; stops the page when there is none (the router said why).

    With `follow_other_devices`, the page reruns when another device edits the meeting.
    """
    meeting_id = session.current_meeting_id()
    if meeting_id is None:
        st.stop()
    stamp = db.stamp(meeting_id)  # one indexed read; the record is loaded once per change
    if stamp is None or not services.meeting_exists(db, meeting_id, viewer=session.viewer()):
        st.error(t("error.meeting_gone"), icon=":material/error:")
        st.stop()
    record = live_sync.record_at(db.url, meeting_id, stamp)
    session.set_shown_version(meeting_id, record.meeting.version)  # the watcher reruns only for newer ones
    if follow_other_devices:
        live_sync.watch(db, meeting_id)  # first on the page, so its place never moves
    forms.show_error(forms.PAGE)
    return record


def actor(record: MeetingRecord) -> Actor:
    """Who is acting on this device: the signed-in caseworker (the gate admits no one else to the pages)."""
    caseworker = session.caseworker()
    if caseworker is None:  # pragma: no cover - the gate stops a run without a caseworker before any page
        st.stop()
    return caseworker
