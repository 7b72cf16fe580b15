"""The timekeeper's clock as a pure function of stored timestamps and 'now'.

Every device computes the same numbers from the same rows, so the time shown is shared, and a
reload or a server restart changes nothing. An item's time runs from `started_at` to `ended_at`
(or to `paused_at` while paused, or to now), less the `paused_seconds` of earlier pauses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from facilitation.domain.model import AgendaItem


class Phase(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Alert(StrEnum):
    """Calm, amber in the last minutes, red when over time."""

    CALM = "calm"
    NEAR_END = "near_end"
    OVERRUN = "overrun"


@dataclass(frozen=True)
class ItemTime:
    """Planned and actual time of one agenda item at a moment."""

    item_id: int
    title: str
    phase: Phase
    planned_seconds: int
    elapsed_seconds: int
    alert: Alert
    deadline: datetime | None = None  # while running: the moment its plan runs out (naive UTC), else None

    @property
    def remaining_seconds(self) -> int:
        """Planned minus elapsed; negative when the item runs over."""
        return self.planned_seconds - self.elapsed_seconds

    @property
    def actual_minutes(self) -> int:
        """Elapsed time in whole minutes, rounded (for the minute's planned vs actual)."""
        return round(self.elapsed_seconds / 60)

    @property
    def overrun_seconds(self) -> int:
        """Time used beyond the plan (0 while within it)."""
        return max(0, self.elapsed_seconds - self.planned_seconds)


@dataclass(frozen=True)
class MeetingClock:
    """The whole agenda at a moment: the current item (running or paused), the totals, the warning threshold."""

    items: tuple[ItemTime, ...]
    current: ItemTime | None
    next_item_id: int | None
    warn_minutes: int = 2

    @property
    def planned_seconds(self) -> int:
        """The whole meeting's planned time, added minutes included."""
        return sum(i.planned_seconds for i in self.items)

    @property
    def elapsed_seconds(self) -> int:
        """Time spent on items so far."""
        return sum(i.elapsed_seconds for i in self.items)

    @property
    def remaining_seconds(self) -> int:
        """What is left of the planned meeting: the whole plan less all time used, so every overrun (of
        finished items too) shortens it and time saved lengthens it; negative when the meeting runs over."""
        return self.planned_seconds - self.elapsed_seconds

    @property
    def overrun_seconds(self) -> int:
        """The time items ran over their plans, added up."""
        return sum(i.overrun_seconds for i in self.items)

    @property
    def deadline(self) -> datetime | None:
        """While an item runs: the moment the meeting's plan runs out (naive UTC), else None."""
        current = self.current
        if current is None or current.deadline is None:
            return None
        return current.deadline + timedelta(seconds=self.remaining_seconds - current.remaining_seconds)

    @property
    def started(self) -> bool:
        """Whether any item has been started."""
        return any(i.phase != Phase.NOT_STARTED for i in self.items)


def phase_of(item: AgendaItem) -> Phase:
    """Where an item is: not started, running, paused or finished."""
    if item.started_at is None:
        return Phase.NOT_STARTED
    if item.ended_at is not None:
        return Phase.FINISHED
    return Phase.PAUSED if item.paused_at is not None else Phase.RUNNING


def elapsed_seconds(item: AgendaItem, now: datetime) -> int:
    """Seconds the item has run, pauses excluded."""
    if item.started_at is None:
        return 0
    end = item.ended_at or item.paused_at or now
    return max(0, int((end - item.started_at).total_seconds()) - item.paused_seconds)


def deadline_of(item: AgendaItem) -> datetime | None:
    """When a running item's plan (added minutes and earlier pauses included) runs out; None unless running.

    It depends on stored fields only, so it is the same on every device and at every redraw.
    """
    if phase_of(item) != Phase.RUNNING:
        return None
    assert item.started_at is not None
    planned = (item.planned_minutes + item.extra_minutes) * 60
    return item.started_at + timedelta(seconds=planned + item.paused_seconds)


def item_time(item: AgendaItem, now: datetime, warn_minutes: int = 2) -> ItemTime:
    """One item's time at `now`; amber within `warn_minutes` of its end, red past it."""
    planned = (item.planned_minutes + item.extra_minutes) * 60
    elapsed = elapsed_seconds(item, now)
    phase = phase_of(item)
    return ItemTime(item.id, item.title, phase, planned, elapsed, alert_of(phase, planned - elapsed, warn_minutes),
                    deadline_of(item))


def alert_of(phase: Phase, remaining_seconds: int, warn_minutes: int) -> Alert:
    """Red past the plan; amber within `warn_minutes` of its end (not once finished); calm otherwise."""
    if phase == Phase.NOT_STARTED:
        return Alert.CALM
    if remaining_seconds < 0:
        return Alert.OVERRUN
    if phase != Phase.FINISHED and remaining_seconds <= warn_minutes * 60:
        return Alert.NEAR_END
    return Alert.CALM


def meeting_clock(agenda: Sequence[AgendaItem], now: datetime, warn_minutes: int = 2) -> MeetingClock:
    """The clock of an agenda (in its order) at `now`."""
    ordered = sorted(agenda, key=lambda a: a.position)
    times = tuple(item_time(item, now, warn_minutes) for item in ordered)
    current = next((t for t in times if t.phase in (Phase.RUNNING, Phase.PAUSED)), None)
    after = 0
    if current is not None:
        after = next(i for i, t in enumerate(times) if t.item_id == current.item_id) + 1
    upcoming = next((t.item_id for t in times[after:] if t.phase == Phase.NOT_STARTED), None)
    return MeetingClock(times, current, upcoming, warn_minutes)


def clock_text(seconds: int) -> str:
    """'12:05' for time left, '+3:10' for time over (hours shown as '1:02:05')."""
    sign = "+" if seconds < 0 else ""
    total = abs(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"
