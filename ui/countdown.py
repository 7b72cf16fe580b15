"""The countdown as a small browser component: it ticks itself every second from the stored deadline.

The server sends only what the stored timer says (the item's deadline as a UTC epoch while it runs, its
frozen time while paused, the warning threshold, the meeting's deadline), so every device shows the same
second from its own clock and no server work is done per tick. The data changes only when the timer does:
a polling fragment redrawing it with the same data leaves the element and its ticking alone.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from facilitation.domain.timer import MeetingClock, Phase
from ui.i18n import t

_ASSETS = Path(__file__).parent / "assets"
_EPOCH = datetime(1970, 1, 1)
_HTML = (
    '<div class="mt-countdown mt-timer" data-testid="mt-countdown" data-state="" data-alert="" '
    'data-deadline="" data-seconds="" role="timer" aria-live="off">'
    '<div class="mt-countdown-title"></div>'
    '<div class="mt-countdown-digits"><span class="mt-countdown-clock"></span>'
    '<span class="mt-countdown-paused"></span></div>'
    '<div class="mt-countdown-meeting"></div></div>'
)


def script(name: str) -> str:
    """A component's JavaScript with the shared clock arithmetic (assets/clock_core.js) in front of it."""
    return "".join((_ASSETS / part).read_text(encoding="utf-8") for part in ("clock_core.js", name))


_COMPONENT = st.components.v2.component(
    "moedetavlen_countdown",
    html=_HTML,
    css=(_ASSETS / "countdown.css").read_text(encoding="utf-8"),
    js=script("countdown.js"),
    isolate_styles=False,  # plain DOM, so tests and the accessibility check read it like the rest of the page
)


def epoch(moment: datetime) -> float:
    """A naive UTC datetime as seconds since 1970 (what the browser's clock counts)."""
    return round((moment - _EPOCH).total_seconds(), 3)


def countdown_data(clock: MeetingClock, *, size_rem: float = 4.0) -> dict[str, Any]:
    """What the browser needs to draw and tick the countdown; the same for every redraw until the timer changes."""
    current = clock.current
    labels = {"left": t("timer.left"), "over": t("timer.over"), "paused": t("timer.paused"),
              "meeting": t("timer.meeting_left")}
    data: dict[str, Any] = {
        "state": "idle", "size": size_rem, "warn": clock.warn_minutes * 60, "labels": labels,
        "idle": t("timer.not_started") if not clock.started else t("timer.between_items"),
        "title": "", "deadline": None, "remaining": 0, "meeting_deadline": None, "meeting_remaining": 0,
    }
    if current is None:
        return data
    running = current.phase == Phase.RUNNING and current.deadline is not None
    data.update(
        state="running" if running else "paused", title=current.title,
        deadline=epoch(current.deadline) if running and current.deadline else None,
        meeting_deadline=epoch(clock.deadline) if running and clock.deadline else None,
        # Frozen while paused; while running the browser counts from the deadlines instead.
        remaining=0 if running else current.remaining_seconds,
        meeting_remaining=0 if running else clock.remaining_seconds,
    )
    return data


def countdown(clock: MeetingClock, *, size_rem: float = 4.0, key: str = "mt-countdown") -> None:
    """Draw the ticking countdown of the current item and the meeting's time left (one per page, by `key`)."""
    _COMPONENT(key=key, data=countdown_data(clock, size_rem=size_rem))
