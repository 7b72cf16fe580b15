"""The timekeeper's live panel: the countdown, the agenda, and the buttons that drive them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.clock import utcnow
from facilitation.domain.model import MeetingRecord
from facilitation.domain.roles import Capability, can
from facilitation.domain.timer import ItemTime, Phase, meeting_clock
from facilitation.storage import Database
from ui import forms, live_sync, session, timer_view
from ui.countdown import countdown
from ui.current import actor
from ui.i18n import t


def timer_panel(db: Database, meeting_id: int) -> None:
    """The live countdown and agenda; with the timer buttons when this device may run the timer."""
    allowed = can(session.device_roles(), Capability.RUN_TIMER)

    def render(record: MeetingRecord) -> None:
        now = utcnow()
        clock = meeting_clock(record.agenda, now, record.meeting.warn_minutes)
        left, right = st.columns([3, 2], gap="large")
        with left:
            countdown(clock, size_rem=5.0)
            if allowed:
                _buttons(db, record, clock.current.item_id if clock.current else None,
                         clock.current.phase if clock.current else None, clock.next_item_id)
        right.html(timer_view.agenda_html(record.agenda, clock, size_rem=1.1))

    live_sync.follow(db, meeting_id, render)


ADD_MINUTES = (1, 2, 5)
"""The minutes a timekeeper can give the running item with one click."""


def _buttons(
    db: Database, record: MeetingRecord, current: int | None, phase: Phase | None, upcoming: int | None
) -> None:
    """Two rows, each button wide enough for its whole label at 1280 px: moves, then added minutes."""
    me, mid = actor(record), record.meeting.id
    move, pause, end = st.columns(3)
    with move:
        label = t("timer.next") if current is not None else t("timer.start")
        forms.button("timer.next", label, partial(services.next_agenda_item, db, me, mid, drawn_for=current),
                     success="",
                     disabled=current is None and upcoming is None, type="primary", icon=":material/skip_next:",
                     width="stretch")
    with pause:
        if phase == Phase.PAUSED:
            forms.button("timer.resume", t("timer.resume"), lambda: services.resume_timer(db, me, mid), success="",
                         icon=":material/play_arrow:", width="stretch")
        else:
            forms.button("timer.pause", t("timer.pause"), lambda: services.pause_timer(db, me, mid), success="",
                         disabled=current is None, icon=":material/pause:", width="stretch")
    with end:
        forms.button("timer.end", t("timer.end"), _on_current(current, partial(services.end_agenda_item, db, me, mid)),
                     success="", disabled=current is None, icon=":material/stop:", width="stretch")
    extra = next((i.extra_minutes for i in record.agenda if i.id == current), None)
    for col, minutes in zip(st.columns(len(ADD_MINUTES)), ADD_MINUTES, strict=True):
        with col:
            forms.button(f"timer.add.{minutes}", f"+{minutes} {t('timer.min')}",
                         _on_current(current, partial(services.add_minutes, db, me, mid, minutes=minutes,
                                                      drawn_with=extra)),
                         success="", disabled=current is None, width="stretch",
                         help=t("timer.add_help", minutes=minutes))


def item_state(db: Database, me: Actor, meeting_id: int, time: ItemTime) -> None:
    """An item's place in the timer, for the agenda list: running / paused / finished, or a button to start it."""
    if time.phase in (Phase.RUNNING, Phase.PAUSED):
        word = t("agenda.running") if time.phase == Phase.RUNNING else t("timer.paused").capitalize()
        icon = "▶" if time.phase == Phase.RUNNING else "⏸"
        st.markdown(f":orange-badge[{icon} {word}]")
        return
    if time.phase == Phase.FINISHED:
        st.markdown(f":green-badge[✓ {t('agenda.done')} · {time.actual_minutes} {t('timer.min')}]")
    label, help_key = ((t("agenda.restart"), "agenda.restart_help") if time.phase == Phase.FINISHED
                       else (t("agenda.start"), "agenda.start_help"))
    forms.button(f"agenda.start.{time.item_id}", label, partial(services.start_agenda_item, db, me, meeting_id,
                 time.item_id), help=t(help_key), type="tertiary", icon=":material/play_arrow:")


def _on_current(current: int | None, act: Callable[[int], object]) -> Callable[[], object]:
    """`act` on the running item; nothing when none runs (its buttons are disabled then)."""

    def run() -> None:
        if current is not None:
            act(current)

    return run
