"""The countdown as people see it: big digits, calm / amber / red, the agenda around it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from facilitation.domain.model import AgendaItem
from facilitation.domain.timer import Alert, MeetingClock, Phase, clock_text
from ui.i18n import t
from ui.text import h

_EPOCH = datetime(1970, 1, 1)
COLOURS = {Alert.CALM: "#1f5f8b", Alert.NEAR_END: "#b35c00", Alert.OVERRUN: "#b3261e"}
BACKGROUNDS = {Alert.CALM: "#eef4f9", Alert.NEAR_END: "#fff3e0", Alert.OVERRUN: "#fdecea"}


def countdown_html(clock: MeetingClock, *, size_rem: float = 4.0, now: datetime | None = None) -> str:
    """The current item's countdown and the meeting's time left, as escaped HTML drawn by the server.

    It shows the second it was drawn and does not tick: live screens use ui.countdown.countdown instead.
    """
    current = clock.current
    if current is None:
        state = t("timer.not_started") if not clock.started else t("timer.between_items")
        return (f'<div class="mt-timer" data-testid="mt-countdown" data-seconds="" style="padding:1rem;'
                f'border-radius:12px;background:#f4f5f7;font-size:{size_rem / 3:.2f}rem">{h(state)}</div>')
    colour, background = COLOURS[current.alert], BACKGROUNDS[current.alert]
    # The item's planned end as a UTC timestamp: the same on every device, whenever it is drawn.
    deadline = "" if now is None else f"{(now - _EPOCH).total_seconds() + current.remaining_seconds:.0f}"
    label = t("timer.over") if current.alert == Alert.OVERRUN else t("timer.left")
    paused = f' <span style="font-size:0.35em">⏸ {h(t("timer.paused"))}</span>' if current.phase == Phase.PAUSED else ""
    return (
        f'<div class="mt-timer" data-testid="mt-countdown" data-alert="{current.alert.value}" '
        f'data-seconds="{current.remaining_seconds}" data-deadline="{deadline}" '
        f'style="padding:0.8rem 1.2rem;border-radius:12px;'
        f'background:{background};color:{colour};border:3px solid {colour}">'
        f'<div style="font-size:{size_rem / 3.2:.2f}rem;font-weight:600;overflow-wrap:anywhere">'
        f"{h(current.title)}</div>"
        f'<div style="font-size:{size_rem:.2f}rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums">'
        f'{clock_text(current.remaining_seconds)}{paused}</div>'
        f'<div style="font-size:{size_rem / 4:.2f}rem">{h(label)} · {h(t("timer.meeting_left"))} '
        f'{clock_text(clock.remaining_seconds)}</div></div>'
    )


def agenda_html(agenda: Sequence[AgendaItem], clock: MeetingClock, *, size_rem: float = 1.0) -> str:
    """The agenda with planned and actual minutes, the current item marked."""
    times = {time.item_id: time for time in clock.items}
    rows = []
    for item in sorted(agenda, key=lambda a: a.position):
        time = times[item.id]
        mark = {Phase.RUNNING: "▶", Phase.PAUSED: "⏸", Phase.FINISHED: "✓"}.get(time.phase, "")
        weight = "700" if time.phase in (Phase.RUNNING, Phase.PAUSED) else "400"
        actual = f" · {time.actual_minutes} {h(t('timer.min'))}" if time.phase != Phase.NOT_STARTED else ""
        colour = COLOURS[time.alert] if time.alert != Alert.CALM else "inherit"
        rows.append(
            f'<li style="font-weight:{weight};margin:0.25em 0;overflow-wrap:anywhere">'
            f'<span style="display:inline-block;width:1.4em">{mark}</span>{h(item.title)} '
            f'<span style="color:{colour}">({time.planned_seconds // 60} {h(t("timer.min"))}{actual})'
            f"</span></li>"
        )
    return f'<ol style="list-style:none;padding:0;font-size:{size_rem}rem">{"".join(rows)}</ol>'
