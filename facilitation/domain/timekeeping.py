"""The timekeeper's moves as pure functions: which agenda items change, and how, when the timer is used.

Each function takes the agenda as it is and a moment, and returns the items that change (new values);
the clock itself (facilitation.domain.timer) is then computed from the stored timestamps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from facilitation.domain.model import AgendaItem, MeetingStatus
from facilitation.domain.validation import MINUTES_MAX, ValidationError

TIMER_FIELDS = ("started_at", "ended_at", "paused_at", "paused_seconds")
"""The stored fields the moves change."""


def start(agenda: Sequence[AgendaItem], item: AgendaItem, moment: datetime) -> tuple[AgendaItem, ...]:
    """Run `item` now; any other running item ends. A finished item is reopened (the gap is a pause)."""
    changed = [finish(other, moment) for other in running(agenda) if other.id != item.id]
    if item.started_at is None:
        changed.append(replace(item, started_at=moment, ended_at=None, paused_at=None))
    elif item.ended_at is not None:
        changed.append(replace(item, paused_seconds=item.paused_seconds + seconds(item.ended_at, moment),
                               ended_at=None))
    elif item.paused_at is not None:
        changed.append(resume(item, moment))
    return tuple(changed)


def end(item: AgendaItem, moment: datetime) -> AgendaItem:
    """The item finished now (a pause in progress counts as pause); it must have started."""
    if item.started_at is None:
        raise ValidationError("not_started", field="title")
    return item if item.ended_at is not None else finish(item, moment)


def pause(agenda: Sequence[AgendaItem], moment: datetime) -> tuple[AgendaItem, ...]:
    """The running item paused (nothing changes when nothing runs)."""
    return tuple(replace(i, paused_at=moment) for i in running(agenda) if i.paused_at is None)


def resume_all(agenda: Sequence[AgendaItem], moment: datetime) -> tuple[AgendaItem, ...]:
    """The paused item running again."""
    return tuple(resume(i, moment) for i in running(agenda) if i.paused_at is not None)


def next_item(agenda: Sequence[AgendaItem], moment: datetime) -> tuple[tuple[AgendaItem, ...], AgendaItem | None]:
    """Finish the current item and start the next one not yet started (wrapping round); None at the end."""
    items = list(agenda)
    current = next((i for i in items if i.started_at is not None and i.ended_at is None), None)
    after = items.index(current) + 1 if current is not None else 0
    changed = [] if current is None else [finish(current, moment)]
    upcoming = next((i for i in items[after:] if i.started_at is None), None)
    if upcoming is None:
        upcoming = next((i for i in items[:after] if i.started_at is None), None)
    if upcoming is not None:
        upcoming = replace(upcoming, started_at=moment)
        changed.append(upcoming)
    return tuple(changed), upcoming


def current_id(agenda: Sequence[AgendaItem]) -> int | None:
    """The item started and not ended (running or paused), first in order; None when none is."""
    return next((i.id for i in agenda if i.started_at is not None and i.ended_at is None), None)


def extra_minutes(item: AgendaItem, change: int) -> int:
    """The item's extra minutes after giving it `change` more (or fewer); its total stays 1..MINUTES_MAX."""
    total = item.planned_minutes + item.extra_minutes + change
    if not 1 <= total <= MINUTES_MAX:
        raise ValidationError("out_of_range", field="planned_minutes", low=1, high=MINUTES_MAX)
    return item.extra_minutes + change


def meeting_status(agenda: Sequence[AgendaItem], status: MeetingStatus) -> MeetingStatus:
    """The meeting's status after a timer move: ended once every item is finished, running while any item
    runs or some have started, else as it was (a meeting whose timer has not started keeps its status)."""
    if running(agenda):
        return MeetingStatus.RUNNING
    if agenda and all(i.ended_at is not None for i in agenda):
        return MeetingStatus.ENDED
    if any(i.started_at is not None for i in agenda):
        return MeetingStatus.RUNNING
    return status


def running(agenda: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Items started and not ended (running or paused)."""
    return [i for i in agenda if i.started_at is not None and i.ended_at is None]


def resume(item: AgendaItem, moment: datetime) -> AgendaItem:
    """A paused item running again from `moment`; the pause is added to its paused seconds."""
    assert item.paused_at is not None
    return replace(item, paused_seconds=item.paused_seconds + seconds(item.paused_at, moment), paused_at=None)


def finish(item: AgendaItem, moment: datetime) -> AgendaItem:
    """The item ended at `moment` (a pause in progress ends first)."""
    if item.paused_at is not None:
        item = resume(item, moment)
    return replace(item, ended_at=moment)


def seconds(start_at: datetime, end_at: datetime) -> int:
    """Whole seconds between two moments, never negative."""
    return max(0, int((end_at - start_at).total_seconds()))
