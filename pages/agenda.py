"""Dagsorden: the timeboxed agenda — order, planned minutes, start and end of each item."""

from functools import partial

import streamlit as st

from facilitation import services
from facilitation.domain.clock import utcnow
from facilitation.domain.model import AgendaItem
from facilitation.domain.roles import Capability, can
from facilitation.domain.timer import meeting_clock
from ui import forms, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import t
from ui.text import md
from ui.timer_controls import item_state, timer_panel

db = database()
record = meeting_or_stop(db, follow_other_devices=True)  # the list follows the timer run from another device
mid, me = record.meeting.id, actor(record)


def save_item(item_id: int, keys: tuple[str, str]) -> None:
    """Store an item's edited title and planned minutes."""
    services.edit_agenda_item(db, me, mid, item_id, title=session.text_value(keys[0]),
                              planned_minutes=session.optional_int_value(keys[1]))


def edit_item(item: AgendaItem) -> None:
    """The edit form of one agenda item, and its remove button."""
    keys = (session.fresh_key(f"agenda.title.{item.id}", item.title),
            session.fresh_key(f"agenda.minutes.{item.id}", item.planned_minutes))
    with st.form(f"agenda_edit_{item.id}", border=False):
        st.text_input(t("field.title"), item.title, key=keys[0])
        st.number_input(t("field.planned_minutes"), 1, 600, item.planned_minutes, key=keys[1])
        forms.submit_button(f"agenda_edit_{item.id}", t("save"), partial(save_item, item.id, keys))
    forms.button(f"agenda.remove.{item.id}", t("remove"), partial(services.remove_agenda_item,
        db, me, mid, item.id), icon=":material/delete:")


st.title(t("page.agenda"))
timer_panel(db, mid)
if not can(session.device_roles(), Capability.PREPARE):
    st.stop()
st.divider()
st.subheader(t("agenda.edit"))
clock = meeting_clock(record.agenda, utcnow(), record.meeting.warn_minutes)
times = {time.item_id: time for time in clock.items}
over = round(clock.overrun_seconds / 60)
planned = t("agenda.total", minutes=clock.planned_seconds // 60)
st.caption(f"{planned} {t('agenda.total_over', minutes=over)}" if over else planned)

for index, item in enumerate(record.agenda):
    with st.container(border=True):
        title, minutes, state, buttons = st.columns([6, 2, 3, 3], vertical_alignment="center")
        title.markdown(f"**{index + 1}. {md(item.title)}**")
        minutes.markdown(t("agenda.minutes", minutes=item.planned_minutes + item.extra_minutes))
        with state:
            item_state(db, me, mid, times[item.id])
        up, down, edit = buttons.columns(3)
        with up:
            forms.button(f"agenda.up.{item.id}", "↑", partial(services.move_agenda_item,
                db, me, mid, item.id, index - 1), disabled=index == 0, help=t("move_up"))
        with down:
            forms.button(f"agenda.down.{item.id}", "↓", partial(services.move_agenda_item,
                db, me, mid, item.id, index + 1), disabled=index == len(record.agenda) - 1, help=t("move_down"))
        # Drawn only while open (opening reruns the page once): an edit form per item on every run was the page's
        # biggest part on a long agenda.
        with edit.popover("", icon=":material/edit:", help=t("edit"), key=f"agenda.edit_open.{item.id}",
                          on_change="rerun") as box:
            if box.open:
                edit_item(item)
        forms.show_error(f"agenda_edit_{item.id}")

with st.container(border=True):
    st.subheader(t("agenda.add"))
    keys_new = ("agenda.new.title", "agenda.new.minutes")
    with st.form("agenda_new", border=False):
        left, right = st.columns([4, 1])
        left.text_input(t("field.title"), key=keys_new[0])
        right.number_input(t("field.planned_minutes"), 1, 600, 10, key=keys_new[1])
        forms.submit_button("agenda_new", t("add"), lambda: services.add_agenda_item(
            db, me, mid, session.text_value(keys_new[0]), session.int_value(keys_new[1], 10)),
            clear=keys_new[:1])
    forms.show_error("agenda_new")
