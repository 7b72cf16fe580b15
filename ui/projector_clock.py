"""The countdown on the wall, sized by the projection rule: big on the agenda screen, small in every other's corner.

The server draws each clock with the stored deadline in `data-deadline` (seconds since 1970, as the laptops'
countdown in ui/countdown.py gets it); `ticker()`, mounted once on the projector page, recounts them in the
browser every second and the moment a redraw replaces one (ui/assets/wall_ticker.js), so the wall agrees
with the laptops to the second however late the server's redraw lands. Colours follow `data-alert` (7:1).
"""

from __future__ import annotations

import streamlit as st

from facilitation.domain import words
from facilitation.domain.timer import Alert, ItemTime, MeetingClock, Phase, clock_text
from ui import projection as p
from ui.countdown import epoch, script
from ui.text import h

INKS = {Alert.CALM: "#17476A", Alert.NEAR_END: "#6E3700", Alert.OVERRUN: "#8A1C15"}
BACKGROUNDS = {Alert.CALM: "#EEF4F9", Alert.NEAR_END: "#FFF3E0", Alert.OVERRUN: "#FDECEA"}
TICKER_KEY = "mt-wall-ticker"

CLOCK_CSS = "".join(
    f'.mt-corner[data-alert="{alert.value}"],.mt-big-clock[data-alert="{alert.value}"]'
    f"{{color:{INKS[alert]};background:{BACKGROUNDS[alert]}}}"
    for alert in Alert
) + f"""
.mt-big-clock{{flex:none;padding:1.2vh 1.5vw;border-radius:1.2vh;border:.5vh solid currentColor;color:{p.INK};
 background:#F4F5F7}}
.mt-big-clock .mt-digits{{font-size:{p.DIGITS_VH}vh;font-weight:700;line-height:1.05;font-variant-numeric:tabular-nums}}
.mt-big-clock .mt-item-title{{font-weight:700;font-size:{p.HEADING_VH}vh}}
.st-key-{TICKER_KEY}{{display:none !important}}
"""

_TICKER = st.components.v2.component(
    "moedetavlen_wall_ticker",
    html='<div data-testid="mt-wall-ticker" hidden></div>',
    js=script("wall_ticker.js"),
    isolate_styles=False,  # it must reach the wall's clocks, which are in the page's own document
)


def ticker() -> None:
    """Mount the browser-side ticker that keeps every clock on the wall counting (once per page, outside fragments)."""
    _TICKER(key=TICKER_KEY, data={})


def _ticking(current: ItemTime, warn_minutes: int, language: str) -> str:
    """The data attributes a clock ticks by: the stored deadline while it runs (none while paused)."""
    deadline = f"{epoch(current.deadline):.3f}" if current.phase == Phase.RUNNING and current.deadline else ""
    return (f'data-mt-tick data-alert="{current.alert.value}" data-seconds="{current.remaining_seconds}" '
            f'data-deadline="{deadline}" data-warn="{warn_minutes * 60}" '
            f'data-left="{h(words.text("timer.left", language))}" data-over="{h(words.text("timer.over", language))}"')


def _label(current: ItemTime, language: str) -> str:
    key = "timer.over" if current.alert == Alert.OVERRUN else "timer.left"
    return f"<span data-mt-label>{h(words.text(key, language))}</span>"


def corner_clock_html(clock: MeetingClock, language: str) -> str:
    """The current item's time left (or over) as a small box for the title bar's corner; '' if none runs."""
    current = clock.current
    if current is None:
        return ""
    paused = f" ⏸ {h(words.text('timer.paused', language))}" if current.phase == Phase.PAUSED else ""
    return (f'<div class="mt-corner" data-testid="mt-corner-clock" {_ticking(current, clock.warn_minutes, language)}>'
            f"<b data-mt-digits>{clock_text(current.remaining_seconds)}</b>"
            f"<span>{_label(current, language)}{paused}</span></div>")


def big_clock_html(clock: MeetingClock, language: str) -> str:
    """The current item's title, its countdown in large digits and the meeting's time left; or a calm state."""
    current = clock.current
    if current is None:
        key = "timer.between_items" if clock.started else "timer.not_started"
        return (f'<div class="mt-big-clock" data-testid="mt-countdown" data-seconds="">'
                f"<p>{h(words.text(key, language))}</p></div>")
    paused = (f' <span style="font-size:{p.HEADING_VH}vh">⏸ {h(words.text("timer.paused", language))}</span>'
              if current.phase == Phase.PAUSED else "")
    meeting_deadline = f"{epoch(clock.deadline):.3f}" if clock.deadline and current.phase == Phase.RUNNING else ""
    return (
        f'<div class="mt-big-clock" data-testid="mt-countdown" {_ticking(current, clock.warn_minutes, language)}>'
        f'<p class="mt-item-title mt-clamp" style="--lines:1">{h(current.title)}</p>'
        f'<p class="mt-digits"><span data-mt-digits>{clock_text(current.remaining_seconds)}</span>{paused}</p>'
        f'<p class="mt-clamp" style="--lines:1">{_label(current, language)} · '
        f'{h(words.text("timer.meeting_left", language))} '
        f'<span data-mt-meeting data-deadline="{meeting_deadline}">{clock_text(clock.remaining_seconds)}</span>'
        "</p></div>"
    )
