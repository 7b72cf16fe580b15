"""The timekeeper's actions: start, pause, resume, next item, add minutes; `now` is injectable.

Every move also sets the meeting's status from the timer: running once an item starts, ended when all are finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import EllipsisType

from facilitation.domain import model as m
from facilitation.domain import timekeeping as moves
from facilitation.domain.access import Actor
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import MINUTES_MAX, whole_number
from facilitation.storage import Database
from facilitation.storage.meeting_edit import MeetingEdit, edit


def start_agenda_item(db: Database, actor: Actor, meeting_id: int, item_id: int, now: datetime | None = None) -> None:
    """Run this item now; any other running item ends. A finished item is reopened (the gap is a pause)."""
    with edit(db, meeting_id, actor) as e:
        item = e.get(m.AgendaItem, item_id, what="agenda_item")
        _store(e, moves.start(e.items(m.AgendaItem), item, now or utcnow()))


def end_agenda_item(db: Database, actor: Actor, meeting_id: int, item_id: int, now: datetime | None = None) -> None:
    """Finish this item now (a pause in progress counts as pause)."""
    with edit(db, meeting_id, actor) as e:
        item = e.get(m.AgendaItem, item_id, what="agenda_item")
        _store(e, [moves.end(item, now or utcnow())])


def pause_timer(db: Database, actor: Actor, meeting_id: int, now: datetime | None = None) -> None:
    """Pause the running item (nothing happens when nothing runs)."""
    with edit(db, meeting_id, actor) as e:
        _store(e, moves.pause(e.items(m.AgendaItem), now or utcnow()))


def resume_timer(db: Database, actor: Actor, meeting_id: int, now: datetime | None = None) -> None:
    """Let the paused item run again."""
    with edit(db, meeting_id, actor) as e:
        _store(e, moves.resume_all(e.items(m.AgendaItem), now or utcnow()))


def next_agenda_item(
    db: Database, actor: Actor, meeting_id: int, now: datetime | None = None, *,
    drawn_for: int | None | EllipsisType = ...,
) -> int | None:
    """Finish the current item and start the next one not yet started; returns the item now current.

    `drawn_for` is the item that was current when the button was drawn (None: the meeting had not started).
    When another item is current now, the move was already made, by another device or by the same click
    replayed after an interrupted run (Streamlit calls a button's callback again then), and nothing changes:
    two presses of "Næste punkt" for one item never skip the next item.
    """
    with edit(db, meeting_id, actor) as e:
        agenda = e.items(m.AgendaItem)
        if drawn_for is not ... and moves.current_id(agenda) != drawn_for:
            e.unchanged()
            return moves.current_id(agenda)
        changed, upcoming = moves.next_item(agenda, now or utcnow())
        _store(e, changed)
        return None if upcoming is None else upcoming.id


def add_minutes(db: Database, actor: Actor, meeting_id: int, item_id: int, minutes: int | str, *,
                drawn_with: int | None = None) -> None:
    """Give an item more (or, negative, fewer) minutes than planned.

    `drawn_with` is the item's extra minutes when the button was drawn: when they have changed since, the
    click was already counted (a replayed callback, or the makker pressed the same button a moment before)
    and nothing changes.
    """
    change = whole_number(minutes, "minutes", -MINUTES_MAX, MINUTES_MAX)
    with edit(db, meeting_id, actor) as e:
        item = e.get(m.AgendaItem, item_id, what="agenda_item")
        if drawn_with is not None and item.extra_minutes != drawn_with:
            e.unchanged()
            return
        e.update(m.AgendaItem, item_id, extra_minutes=moves.extra_minutes(item, change))


def _store(e: MeetingEdit, changed: Iterable[m.AgendaItem]) -> None:
    """Store the moved items, then the meeting's status as the timer now implies (running, ended).

    A move that changed nothing (pause when nothing runs, a second "Afslut punktet") stores nothing.
    """
    stored = {item.id: item for item in e.items(m.AgendaItem)}
    moved = {item.id: item for item in changed
             if any(getattr(item, name) != getattr(stored[item.id], name) for name in moves.TIMER_FIELDS)}
    for item in moved.values():
        e.update(m.AgendaItem, item.id, **{name: getattr(item, name) for name in moves.TIMER_FIELDS})
    status = e.meeting().status
    after = moves.meeting_status([moved.get(item_id, item) for item_id, item in stored.items()], status)
    if after != status:
        e.set_meeting(status=after.value)
    elif not moved:
        e.unchanged()
