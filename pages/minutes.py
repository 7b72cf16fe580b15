"""Referat og aftaler: the minute-taker's console — notes per item, decisions, actions, attendance."""

import streamlit as st

from facilitation import services
from facilitation.domain.clock import utcnow
from facilitation.domain.model import Coordinator
from facilitation.domain.roles import Capability, can
from facilitation.domain.timer import meeting_clock
from ui import forms, minutes_parts, session
from ui.actions_editor import actions_editor
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, t

db = database()
record = meeting_or_stop(db, follow_other_devices=True)
mid, me = record.meeting.id, actor(record)
editable = can(session.device_roles(), Capability.TAKE_MINUTES)
value = session.text_value

st.title(t("page.minutes"))
minutes_parts.current_item_line(record)
notes_tab, actions_tab, goals_tab, people_tab = st.tabs(
    [t("minutes.notes"), t("minutes.actions"), t("minutes.goals"), t("minutes.attendance")])

with notes_tab:
    clock = meeting_clock(record.agenda, utcnow())
    minutes_parts.notes_and_decisions(db, me, record, clock.current.item_id if clock.current else None, editable)

with actions_tab:
    actions_editor(db, me, record, editable=editable)
    if editable:
        keys = ("action.what", "action.who", "action.due", session.lang_key("action.coordinator"))
        with st.form("action_new"):
            st.text_area(t("field.what"), key=keys[0], height=80)
            who, due_col, coordinator = st.columns(3)
            who.text_input(t("field.who"), key=keys[1])
            due_col.date_input(t("field.due"), value=None, key=keys[2], format="DD.MM.YYYY")
            coordinator.selectbox(t("field.coordinator"), list(Coordinator), key=keys[3],
                                  format_func=formatter("coordinator"))
            forms.submit_button("action_new", t("actions.add"), lambda: services.add_action(
                db, me, mid, value(keys[0]), value(keys[1]), session.date_value(keys[2]),
                value(keys[3], Coordinator.FAMILY)), clear=keys[:3])
        forms.show_error("action_new")

with goals_tab:
    minutes_parts.goals(db, me, record, editable)

with people_tab:
    minutes_parts.attendance(db, me, record, editable)

