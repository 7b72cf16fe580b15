"""The sidebar: language, case and meeting choice (mirrored in the URL), this device's role."""

from __future__ import annotations

from datetime import date

import streamlit as st

from facilitation import services
from facilitation.dates import long_date
from facilitation.demo import first_meeting_or_demo
from facilitation.model import CaseType, Meeting, MeetingKind
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import label, t

CASE_KEY = "sidebar.case"
MEETING_KEY = "sidebar.meeting"


def follow_url(db: Database) -> None:
    """Make the session's meeting follow ?m=ID; an unknown id is remembered to explain it."""
    raw = session.url_meeting_param()
    current = session.current_meeting_id()
    if raw is None:
        session.set_url_error(None)
        if current is None:
            meeting_id = first_meeting_or_demo(db)
            session.set_current_meeting(meeting_id, _case_of(db, meeting_id))
        return
    if current is not None and raw == str(current):
        return
    meeting_id = int(raw) if raw.isdigit() and len(raw) < 12 else None
    if meeting_id is not None and services.meeting_exists(db, meeting_id):
        session.set_url_error(None)
        session.set_current_meeting(meeting_id, _case_of(db, meeting_id))
    else:
        session.set_url_error(raw[:40])
        session.set_current_meeting(None)


def render(db: Database) -> None:
    """Draw the sidebar controls."""
    with st.sidebar:
        st.radio(
            t("sidebar.language"), ["da", "en"], key=session.LANGUAGE, horizontal=True,
            format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
        )
        cases = services.list_cases(db)
        case_ids = [c.id for c in cases]
        names = {c.id: f"{c.family_name} · {c.child_names}" for c in cases}
        if session.current_case_id() in case_ids:
            session.prime_widget(CASE_KEY, session.current_case_id())
        case_id = st.selectbox(
            t("sidebar.case"), case_ids, key=CASE_KEY, format_func=lambda i: names[i],
            on_change=_case_chosen, args=(db,), placeholder=t("sidebar.no_case"), index=None,
        )
        if case_id is not None:
            meetings = services.list_meetings(db, case_id)
            by_id = {m.id: m for m in meetings}
            if session.current_meeting_id() in by_id:
                session.prime_widget(MEETING_KEY, session.current_meeting_id())
            st.selectbox(
                t("sidebar.meeting"), list(by_id), key=MEETING_KEY, index=None,
                format_func=lambda i: meeting_label(by_id[i]), on_change=_meeting_chosen,
                placeholder=t("sidebar.no_meeting"),
            )
        st.selectbox(
            t("sidebar.role"), session.DEVICE_ROLES, key=session.ROLE,
            format_func=lambda r: label("role", r),
        )
        with st.expander(t("sidebar.new_meeting"), icon=":material/add:"):
            if case_id is not None:
                _new_meeting_form(db, case_id)
        with st.expander(t("sidebar.new_case"), icon=":material/create_new_folder:"):
            _new_case_form(db)


def meeting_label(meeting: Meeting) -> str:
    """'Opstartsmøde · 25. november 2026'."""
    return f"{label('kind', meeting.kind)} · {long_date(meeting.date, session.language())}"


def _case_of(db: Database, meeting_id: int) -> int:
    return services.get_meeting(db, meeting_id).case_id


def _case_chosen(db: Database) -> None:
    case_id = session.widget_value(CASE_KEY)
    meetings = services.list_meetings(db, case_id) if isinstance(case_id, int) else []
    session.set_url_error(None)
    session.set_current_meeting(meetings[0].id if meetings else None, case_id)  # type: ignore[arg-type]


def _meeting_chosen() -> None:
    meeting_id = session.widget_value(MEETING_KEY)
    session.set_url_error(None)
    session.set_current_meeting(meeting_id if isinstance(meeting_id, int) else None)


def _new_case_form(db: Database) -> None:
    keys = ("new_case.family", "new_case.child", "new_case.type")

    def create() -> None:
        case_id = services.create_case(
            db, t("actor.unknown"), str(session.widget_value(keys[0], "")), str(session.widget_value(keys[1], "")),
            str(session.widget_value(keys[2], CaseType.COMPENSATION)),
        )
        session.set_current_meeting(None, case_id)

    with st.form("new_case", border=False):
        st.text_input(t("field.family_name"), key=keys[0])
        st.text_input(t("field.child_names"), key=keys[1])
        st.selectbox(t("field.case_type"), list(CaseType), key=keys[2], format_func=lambda v: label("case_type", v))
        forms.submit_button("new_case", t("sidebar.create_case"), create, clear=keys[:2])
    forms.show_error("new_case")


def _new_meeting_form(db: Database, case_id: int) -> None:
    keys = ("new_meeting.kind", "new_meeting.date", "new_meeting.place")

    def create() -> None:
        meeting_id = services.create_meeting(
            db, t("actor.unknown"), case_id, str(session.widget_value(keys[0], MeetingKind.START)),
            session.widget_value(keys[1]) or date.today(), str(session.widget_value(keys[2], "")),  # type: ignore[arg-type]
            language=session.language(),
        )
        session.set_current_meeting(meeting_id, case_id)

    with st.form("new_meeting", border=False):
        st.selectbox(t("field.kind"), list(MeetingKind), key=keys[0], format_func=lambda v: label("kind", v))
        st.date_input(t("field.date"), key=keys[1], format="DD.MM.YYYY")
        st.text_input(t("field.place"), key=keys[2])
        forms.submit_button("new_meeting", t("sidebar.create_meeting"), create, clear=keys[2:])
    forms.show_error("new_meeting")
