"""Referat og aftaler: the minute-taker's console — notes per item, decisions, actions, attendance."""

from collections.abc import Callable

import streamlit as st

from facilitation.domain.clock import utcnow
from facilitation.domain.roles import Capability, can
from facilitation.domain.timer import meeting_clock
from ui import minutes_parts, session, timer_controls
from ui.actions_editor import actions_editor, new_action_form
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import t

db = database()
record = meeting_or_stop(db, follow_other_devices=True)
me = actor(record)
roles = session.device_roles()
editable = can(roles, Capability.TAKE_MINUTES)

st.title(t("page.minutes"))
if can(roles, Capability.RUN_TIMER):  # the makker keeps time while she writes
    with st.expander(t("minutes.timer"), expanded=True, icon=":material/timer:"):
        timer_controls.timer_panel(db, record.meeting.id)
else:
    minutes_parts.current_item_line(record)
tabs = minutes_parts.console_tabs()


def notes() -> None:
    """Notes and decisions, on the item running now."""
    clock = meeting_clock(record.agenda, utcnow())
    minutes_parts.notes_and_decisions(db, me, record, clock.current.item_id if clock.current else None, editable)


def actions() -> None:
    """The actions table, and the add form for the minute-taker."""
    actions_editor(db, me, record, editable=editable)
    if editable:
        new_action_form(db, me, record)
        minutes_parts.focus_when_asked()


sections: dict[str, Callable[[], None]] = {"notes": notes, "actions": actions,
                                          "goals": lambda: minutes_parts.goals(db, me, record, editable),
                                          "attendance": lambda: minutes_parts.attendance(db, me, record, editable)}
# Only the open tab runs (the tabs track their state): the big meeting's four tabs at once made every run slow.
for name, tab in tabs.items():
    if tab.open is not False:
        with tab:
            sections[name]()
