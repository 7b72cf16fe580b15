"""Parts of the minute-taker's console: its tabs, live header, notes and decisions, goals, attendance."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.clock import utcnow
from facilitation.domain.model import Attendance, GoalTerm, MeetingRecord
from facilitation.domain.timer import meeting_clock
from facilitation.storage import Database
from ui import forms, paging, session
from ui.i18n import formatter, label, t
from ui.text import md

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_tab_container import TabContainer  # what st.tabs returns

TABS = ("notes", "actions", "goals", "attendance")  # catalog keys "minutes.<tab>"


def console_tabs() -> dict[str, TabContainer]:
    """The console's tabs by id; the one shown is kept over every rerun (an add, another device's edit).

    Stateful st.tabs (a key and on_change): the browser's own tab state was lost whenever a rerun
    rebuilt the tabs, which threw the minute-taker back to "Noter". The choice is kept as a language-free
    id, so switching the language keeps the tab too. The tabs' `default` never changes (it is part of their
    widget id): a new id per chosen tab made the replaced tabs send their old choice once more during another
    device's reruns, and the console flipped back to the tab just left (issue #14). The remembered tab is the
    widget's starting value instead, set once per key.
    """
    labels = {tab: t(f"minutes.{tab}") for tab in TABS}
    key = session.lang_key("minutes.tabs")
    session.start_widget_at(key, labels[session.minutes_tab(TABS[0])])
    containers = st.tabs(list(labels.values()), key=key,
                         on_change=_remember_tab, args=(key, {label: tab for tab, label in labels.items()}))
    return dict(zip(TABS, containers, strict=True))


def _remember_tab(key: str, tabs: dict[str, str]) -> None:
    """Store the tab just chosen (its label in `key`) as its id."""
    chosen = tabs.get(session.text_value(key))
    if chosen:
        session.set_minutes_tab(chosen)


def focus_when_asked() -> None:
    """Put the keyboard focus in the widget a callback asked for (session.request_focus), once per request.

    A fixed script (no user text in it). It is drawn on every run while the request is fresh, since a
    run may be cut short by another device's edit; the browser runs each request's script once, and only
    while the focus is nowhere else (the button just pressed, or the page), so it never takes the focus
    from a field someone has moved on to.
    """
    request = session.focus_request()
    if request is None:
        return
    key, number = request
    css = "st-key-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)
    st.html(f"""<script>(() => {{
  const request = "{css}:{number}";
  if (window.mtFocusDone === request) return;
  let tries = 0;
  const focus = () => {{
    const field = document.querySelector(".{css} textarea, .{css} input");
    const now = document.activeElement;
    const free = !now || now === document.body || now.tagName === "BUTTON";
    if (field && !field.disabled && field.value === "") {{
      window.mtFocusDone = request;
      if (free) field.focus();
      return;
    }}
    if (++tries < 150) setTimeout(focus, 100);
  }};
  focus();
}})();</script>""", unsafe_allow_javascript=True, width="content")


def current_item_line(record: MeetingRecord) -> None:
    """One line naming the item the timekeeper is running (the page reruns when it changes)."""
    clock = meeting_clock(record.agenda, utcnow(), record.meeting.warn_minutes)
    if clock.current is None:
        st.caption(t("timer.not_started") if not clock.started else t("timer.between_items"))
    else:
        st.caption(f"▶ **{md(clock.current.title)}**")


def notes_and_decisions(db: Database, actor: Actor, record: MeetingRecord, current: int | None, editable: bool) -> None:
    """Notes per agenda item (saved when the field is left) and the decisions under it."""
    items = {a.id: a for a in record.agenda}
    if not items:
        st.info(t("minutes.no_agenda"))
        return
    ids = list(items)
    chosen = st.selectbox(t("minutes.item"), ids, index=ids.index(current) if current in items else 0,
                          format_func={i: a.title for i, a in items.items()}.__getitem__, placeholder=t("choose"),
                          key=session.fresh_key("minutes.item", record.meeting.id, current))  # follows the timer
    item, mid = items[chosen], record.meeting.id
    key = session.fresh_key(f"notes.{item.id}", item.notes)
    st.text_area(t("minutes.notes_for", title=md(item.title)), item.notes, key=key, height=220, disabled=not editable,
                 on_change=forms.on_field_change, args=(f"notes_{item.id}", key, item.notes, lambda: services.save_note(
                     db, actor, mid, item.id, session.text_value(key))),
                 kwargs={"success": t("minutes.note_saved")}, help=t("minutes.autosave"))
    forms.show_error(f"notes_{item.id}")
    st.markdown(f"**{t('minutes.decisions')}**")
    for decision in (d for d in record.decisions if d.agenda_item_id == item.id):
        text, remove = st.columns([9, 1], vertical_alignment="center")
        text.markdown(f"- {md(decision.text)}")
        if editable:
            with remove:
                forms.button(f"decision.remove.{decision.id}", "", partial(services.remove_decision,
                    db, actor, mid, decision.id), icon=":material/delete:", help=t("remove"))
    if editable:
        new_key = f"decision.new.{item.id}"
        with st.form(f"decision_{item.id}", border=False):
            st.text_input(t("minutes.new_decision"), key=new_key)
            forms.submit_button(f"decision_{item.id}", t("add"), lambda: services.add_decision(
                db, actor, mid, session.text_value(new_key), item.id), clear=(new_key,))
        forms.show_error(f"decision_{item.id}")


def goals(db: Database, actor: Actor, record: MeetingRecord, editable: bool) -> None:
    """Short- and long-term goals with their owners, and a form to add one."""
    for term in GoalTerm:
        st.subheader(label("term", term))
        for goal in (g for g in record.goals if g.term == term):
            owner = f" — _{md(goal.owner)}_" if goal.owner else ""
            st.markdown(f"- {md(goal.text)}{owner}")
    if not editable:
        return
    keys = (session.lang_key("goal.term"), "goal.text", "goal.owner")
    value = session.text_value
    with st.form("goal_new"):
        st.segmented_control(t("field.term"), list(GoalTerm), default=GoalTerm.SHORT, key=keys[0],
                             format_func=formatter("term"))
        st.text_area(t("field.goal"), key=keys[1], height=80)
        st.text_input(t("field.owner"), key=keys[2])
        forms.submit_button("goal_new", t("add"), lambda: services.add_goal(
            db, actor, record.meeting.id, value(keys[0]) or GoalTerm.SHORT, value(keys[1]),
            value(keys[2])), clear=keys[1:])
    forms.show_error("goal_new")


ATTENDANCE_PAGE = 50  # people per page: one choice each, and a big meeting's thousands made every run slow


def attendance(db: Database, actor: Actor, record: MeetingRecord, editable: bool) -> None:
    """Who is present, absent or not invited; one choice per person, saved at once."""
    choices = list(Attendance)
    for person in paging.page_of(record.participants, "attendance", ATTENDANCE_PAGE):
        key = session.fresh_key(f"attendance.{person.id}", person.attendance)
        st.segmented_control(
            f"{person.name} · {person.relation}", choices, default=person.attendance, key=key,
            format_func=formatter("attendance"), disabled=not editable, on_change=forms.on_field_change,
            args=(forms.PAGE, key, person.attendance, partial(_save_attendance, db, actor, record.meeting.id,
                                                              person.id, key, person.attendance)),
        )
    paging.pager("attendance", len(record.participants), ATTENDANCE_PAGE)


def _save_attendance(db: Database, actor: Actor, meeting_id: int, person_id: int, key: str, stored: str) -> None:
    """Store the attendance chosen in `key` (deselecting keeps the stored one)."""
    services.edit_participant(db, actor, meeting_id, person_id, attendance=session.text_value(key) or stored)
