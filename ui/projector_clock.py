"""The countdown on the wall, sized by the projection rule: big on the agenda screen, small in every other's corner.

A variant of ui/timer_view.py's countdown_html in vh and in colours of at least 7:1; both carry the same
data attributes (data-seconds, data-deadline), so a browser-ticking countdown can take over either.
"""

from __future__ import annotations

from datetime import datetime

from facilitation.domain import words
from facilitation.domain.timer import Alert, MeetingClock, Phase, clock_text
from ui import projection as p
from ui.text import h

_EPOCH = datetime(1970, 1, 1)
INKS = {Alert.CALM: "#17476A", Alert.NEAR_END: "#6E3700", Alert.OVERRUN: "#8A1C15"}
BACKGROUNDS = {Alert.CALM: "#EEF4F9", Alert.NEAR_END: "#FFF3E0", Alert.OVERRUN: "#FDECEA"}

CLOCK_CSS = f"""
.mt-big-clock{{flex:none;padding:1.2vh 1.5vw;border-radius:1.2vh;border:.5vh solid currentColor}}
.mt-big-clock .mt-digits{{font-size:{p.DIGITS_VH}vh;font-weight:700;line-height:1.05;font-variant-numeric:tabular-nums}}
.mt-big-clock .mt-item-title{{font-weight:700;font-size:{p.HEADING_VH}vh}}
"""


def _deadline(now: datetime, remaining: int) -> str:
    return f"{(now - _EPOCH).total_seconds() + remaining:.0f}"


def corner_clock_html(clock: MeetingClock, now: datetime, language: str) -> str:
    """The current item's time left (or over) as a small box for the title bar's corner; '' if none runs."""
    current = clock.current
    if current is None:
        return ""
    words_key = "timer.over" if current.alert == Alert.OVERRUN else "timer.left"
    paused = f" ⏸ {h(words.text('timer.paused', language))}" if current.phase == Phase.PAUSED else ""
    return (f'<div class="mt-corner" data-testid="mt-corner-clock" data-alert="{current.alert.value}" '
            f'data-seconds="{current.remaining_seconds}" data-deadline="{_deadline(now, current.remaining_seconds)}" '
            f'style="color:{INKS[current.alert]};background:{BACKGROUNDS[current.alert]}">'
            f"<b>{clock_text(current.remaining_seconds)}</b><span>{h(words.text(words_key, language))}{paused}</span>"
            "</div>")


def big_clock_html(clock: MeetingClock, now: datetime, language: str) -> str:
    """The current item's title, its countdown in large digits and the meeting's time left; or a calm state."""
    current = clock.current
    if current is None:
        key = "timer.between_items" if clock.started else "timer.not_started"
        return (f'<div class="mt-big-clock" data-testid="mt-countdown" data-seconds="" style="color:{p.INK};'
                f'background:#F4F5F7"><p>{h(words.text(key, language))}</p></div>')
    over = current.alert == Alert.OVERRUN
    paused = (f' <span style="font-size:{p.HEADING_VH}vh">⏸ {h(words.text("timer.paused", language))}</span>'
              if current.phase == Phase.PAUSED else "")
    return (
        f'<div class="mt-big-clock" data-testid="mt-countdown" data-alert="{current.alert.value}" '
        f'data-seconds="{current.remaining_seconds}" data-deadline="{_deadline(now, current.remaining_seconds)}" '
        f'style="color:{INKS[current.alert]};background:{BACKGROUNDS[current.alert]}">'
        f'<p class="mt-item-title mt-clamp" style="--lines:1">{h(current.title)}</p>'
        f'<p class="mt-digits">{clock_text(current.remaining_seconds)}{paused}</p>'
        f'<p class="mt-clamp" style="--lines:1">{h(words.text("timer.over" if over else "timer.left", language))} · '
        f'{h(words.text("timer.meeting_left", language))} {clock_text(clock.remaining_seconds)}</p></div>'
    )
