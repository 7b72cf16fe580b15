"""Mødet: what this meeting is, the case it belongs to, and who holds which role."""

import streamlit as st

from facilitation import services
from facilitation.domain.dates import long_date, time_span
from facilitation.domain.model import Attendance, CaseType, MeetingKind, MeetingStatus
from facilitation.domain.roles import Role
from facilitation.domain.validation import DATE_MAX, DATE_MIN
from ui import forms, measures_editor, meeting_file, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, label, t
from ui.text import md

db = database()
record = meeting_or_stop(db)
meeting, case, me = record.meeting, record.case, actor(record)
value = session.widget_value
TIME_STEP = 300  # seconds: times of day in steps of five minutes

st.title(f"{md(case.family_name)} · {md(case.child_names)}")
when = " ".join(part for part in (long_date(meeting.date, session.language()),
                                  time_span(meeting.start_time, meeting.end_time, session.language())) if part)
st.caption(f"{label('kind', meeting.kind)} · {when} · {md(meeting.place)}")
present = sum(p.attendance == Attendance.PRESENT for p in record.participants)
columns = st.columns(4)
columns[0].metric(t("meeting.present"), f"{present} / {len(record.participants)}")
columns[1].metric(t("meeting.board_items"), len(record.board))
columns[2].metric(t("meeting.actions"), len(record.actions))
columns[3].metric(t("meeting.scores"), len(record.scores))

left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    st.subheader(t("meeting.details"))
    keys = {name: session.fresh_key(f"meeting.{name}", meeting.id, getattr(meeting, name))
            for name in ("kind", "date", "start_time", "end_time", "place", "purpose", "status")}
    with st.form("meeting_details", border=False):
        st.selectbox(t("field.kind"), list(MeetingKind), index=list(MeetingKind).index(meeting.kind),
                     key=keys["kind"], format_func=formatter("kind"))
        day, start, end = st.columns([2, 1, 1])
        day.date_input(t("field.date"), meeting.date, key=keys["date"], format="DD.MM.YYYY", min_value=DATE_MIN,
                       max_value=DATE_MAX)
        start.time_input(t("field.start_time"), meeting.start_time, key=keys["start_time"], step=TIME_STEP)
        end.time_input(t("field.end_time"), meeting.end_time, key=keys["end_time"], step=TIME_STEP)
        st.text_input(t("field.place"), meeting.place, key=keys["place"])
        st.text_area(t("field.purpose"), meeting.purpose, key=keys["purpose"], height=120)
        st.selectbox(t("field.status"), list(MeetingStatus), index=list(MeetingStatus).index(meeting.status),
                     key=keys["status"], format_func=formatter("status"))
        forms.submit_button("meeting_details", t("save"), lambda: services.edit_meeting(
            db, me, meeting.id, **{name: value(key) for name, key in keys.items()}))
    forms.show_error("meeting_details")

with right, st.container(border=True):
    st.subheader(t("meeting.roles"))
    role_keys = {role: session.fresh_key(f"meeting.role.{role.value}", record.roles.get(role)) for role in Role}

    def save_roles() -> None:
        for role, key in role_keys.items():
            if session.text_value(key) != record.roles.get(role, ""):
                services.set_role(db, me, meeting.id, role, session.text_value(key))

    with st.form("meeting_roles", border=False):
        for role, key in role_keys.items():
            st.text_input(label("role", role), record.roles.get(role, ""), key=key)
        forms.submit_button("meeting_roles", t("save"), save_roles)
    forms.show_error("meeting_roles")

with right, st.container(border=True):
    st.subheader(t("meeting.case"))
    case_keys = {name: session.fresh_key(f"case.{name}", case.id, getattr(case, name))
                 for name in ("family_name", "child_names", "case_type")}
    with st.form("case_details", border=False):
        st.text_input(t("field.family_name"), case.family_name, key=case_keys["family_name"])
        st.text_input(t("field.child_names"), case.child_names, key=case_keys["child_names"])
        st.selectbox(t("field.case_type"), list(CaseType), index=list(CaseType).index(case.case_type),
                     key=case_keys["case_type"], format_func=formatter("case_type"))
        forms.submit_button("case_details", t("save"), lambda: services.edit_case(
            db, me, case.id, **{name: session.text_value(key) for name, key in case_keys.items()}))
    forms.show_error("case_details")
    with st.popover(t("case.delete"), icon=":material/delete:"):
        st.markdown(t("case.delete_confirm", name=md(case.family_name)))
        forms.button("case.delete_yes", t("case.delete_yes"), lambda: _delete_case(case.id), type="primary")
    with st.expander(t("meeting_file.title"), icon=":material/upload_file:", key="meeting_file.open",
                     on_change="rerun") as fold:
        if fold.open:  # drawn only while open (opening reruns the page once)
            meeting_file.load_form(db, me, meeting.id)

with right, st.container(border=True):
    measures_editor.measures(db, record, me)


def _delete_case(case_id: int) -> None:
    """Delete the whole case (members only: the service checks); the log keeps only that it was deleted."""
    services.delete_case(db, me, case_id)
    session.set_current_meeting(None, None)
