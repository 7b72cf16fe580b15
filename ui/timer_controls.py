"""The timekeeper's live panel: the countdown, the agenda, and the buttons that drive them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from facilitation import services
from facilitation.domain.clock import utcnow
from facilitation.domain.model import MeetingRecord
from facilitation.domain.roles import Capability, can
from facilitation.domain.timer import Phase, meeting_clock
from facilitation.storage import Database
from ui import forms, live_sync, session, timer_view
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
            st.html(timer_view.countdown_html(clock, size_rem=5.0, now=now))
            if allowed:
                _buttons(db, record, clock.current.item_id if clock.current else None,
                         clock.current.phase if clock.current else None, clock.next_item_id)
        right.html(timer_view.agenda_html(record.agenda, clock, size_rem=1.1))

    live_sync.follow(db, meeting_id, render)


def _buttons(
    db: Database, record: MeetingRecord, current: int | None, phase: Phase | None, upcoming: int | None
) -> None:
    me, mid = actor(record), record.meeting.id
    cols = st.columns([3, 2, 1, 1, 2])
    with cols[0]:
        label = t("timer.next") if current is not None else t("timer.start")
        forms.button("timer.next", label, lambda: services.next_agenda_item(db, me, mid), success="",
                     disabled=current is None and upcoming is None, type="primary", icon=":material/skip_next:",
                     width="stretch")
    with cols[1]:
        if phase == Phase.PAUSED:
            forms.button("timer.resume", t("timer.resume"), lambda: services.resume_timer(db, me, mid), success="",
                         icon=":material/play_arrow:")
        else:
            forms.button("timer.pause", t("timer.pause"), lambda: services.pause_timer(db, me, mid), success="",
                         disabled=current is None, icon=":material/pause:")
    for col, minutes in ((cols[2], 1), (cols[3], 5)):
        with col:
            forms.button(f"timer.add.{minutes}", f"+{minutes} {t('timer.min')}",
                         _on_current(current, partial(services.add_minutes, db, me, mid, minutes=minutes)),
                         success="", disabled=current is None)
    with cols[4]:
        forms.button("timer.end", t("timer.end"), _on_current(current, partial(services.end_agenda_item, db, me, mid)),
                     success="", disabled=current is None, icon=":material/stop:")


def _on_current(current: int | None, act: Callable[[int], object]) -> Callable[[], object]:
    """`act` on the running item; nothing when none runs (its buttons are disabled then)."""

    def run() -> None:
        if current is not None:
            act(current)

    return run
