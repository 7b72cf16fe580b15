"""Referat og aftaler: notes per agenda item, goals, and the agreed actions."""

import streamlit as st

from facilitation import services
from facilitation.dates import long_date
from facilitation.model import ActionStatus, Coordinator, GoalTerm
from ui import forms, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, label, t
from ui.text import md

db = database()
record = meeting_or_stop(db)
mid, me, lang = record.meeting.id, actor(record), session.language()
value = session.widget_value

st.title(t("page.minutes"))
notes_tab, goals_tab, actions_tab = st.tabs([t("minutes.notes"), t("minutes.goals"), t("minutes.actions")])

with notes_tab:
    for item in record.agenda:
        key = session.fresh_key(f"notes.{item.id}", item.notes)
        form_key = f"notes_{item.id}"
        with st.form(form_key):
            st.text_area(item.title, item.notes, key=key, height=120)
            forms.submit_button(form_key, t("save"), lambda i=item, k=key: services.save_note(
                db, me, mid, i.id, str(value(k, ""))))
        forms.show_error(form_key)

with goals_tab:
    for term in GoalTerm:
        st.subheader(label("term", term))
        for goal in (g for g in record.goals if g.term == term):
            owner = f" — _{md(goal.owner)}_" if goal.owner else ""
            st.markdown(f"- {md(goal.text)}{owner}")
    keys = (session.lang_key("goal.term"), "goal.text", "goal.owner")
    with st.form("goal_new"):
        st.segmented_control(t("field.term"), list(GoalTerm), default=GoalTerm.SHORT, key=keys[0],
                             format_func=formatter("term"))
        st.text_area(t("field.goal"), key=keys[1], height=80)
        st.text_input(t("field.owner"), key=keys[2])
        forms.submit_button("goal_new", t("add"), lambda: services.add_goal(
            db, me, mid, str(value(keys[0]) or GoalTerm.SHORT), str(value(keys[1], "")), str(value(keys[2], ""))),
            clear=keys[1:])
    forms.show_error("goal_new")

with actions_tab:
    for action in record.actions:
        due = long_date(action.due, lang) if action.due else t("actions.no_due")
        left, right = st.columns([5, 2], vertical_alignment="center")
        left.markdown(f"**{md(action.what)}**  \n{md(action.who)} · {due} · {label('coordinator', action.coordinator)}")
        status_key = session.fresh_key(f"action.status.{action.id}", action.status)
        right.selectbox(t("field.status"), list(ActionStatus), index=list(ActionStatus).index(action.status),
                        key=status_key, format_func=formatter("action_status"), label_visibility="collapsed",
                        on_change=forms.on_submit, args=(forms.PAGE, lambda a=action, k=status_key:
                                                         services.edit_action(db, me, mid, a.id, status=value(k))))
    keys_a = ("action.what", "action.who", "action.due", session.lang_key("action.coordinator"))
    with st.form("action_new"):
        st.text_area(t("field.what"), key=keys_a[0], height=80)
        who, due_col, coordinator = st.columns(3)
        who.text_input(t("field.who"), key=keys_a[1])
        due_col.date_input(t("field.due"), value=None, key=keys_a[2], format="DD.MM.YYYY")
        coordinator.selectbox(t("field.coordinator"), list(Coordinator), key=keys_a[3],
                              format_func=formatter("coordinator"))
        forms.submit_button("action_new", t("add"), lambda: services.add_action(
            db, me, mid, str(value(keys_a[0], "")), str(value(keys_a[1], "")), value(keys_a[2]),  # type: ignore[arg-type]
            str(value(keys_a[3], Coordinator.FAMILY))), clear=keys_a[:3])
    forms.show_error("action_new")
