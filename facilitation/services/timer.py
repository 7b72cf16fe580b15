"""The timekeeper's actions: start, pause, resume, next item, add minutes; `now` is injectable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitation.domain.clock import utcnow
from facilitation.domain.validation import MINUTES_MAX, NotFoundError, ValidationError, whole_number
from facilitation.storage import Database
from facilitation.storage import tables as t


def start_agenda_item(db: Database, actor: str, meeting_id: int, item_id: int, now: datetime | None = None) -> None:
    """Run this item now; any other running item ends. A finished item is reopened (the gap is a pause)."""
    moment = now or utcnow()
    with db.edit(meeting_id, actor) as session:
        item = _item(session, meeting_id, item_id)
        for other in _running(session, meeting_id):
            if other.id != item.id:
                _finish(other, moment)
        if item.started_at is None:
            item.started_at, item.ended_at, item.paused_at = moment, None, None
        elif item.ended_at is not None:
            item.paused_seconds += _seconds(item.ended_at, moment)
            item.ended_at = None
        elif item.paused_at is not None:
            _resume(item, moment)


def end_agenda_item(db: Database, actor: str, meeting_id: int, item_id: int, now: datetime | None = None) -> None:
    """Finish this item now (a pause in progress counts as pause)."""
    with db.edit(meeting_id, actor) as session:
        item = _item(session, meeting_id, item_id)
        if item.started_at is None:
            raise ValidationError("not_started", field="title")
        if item.ended_at is None:
            _finish(item, now or utcnow())


def pause_timer(db: Database, actor: str, meeting_id: int, now: datetime | None = None) -> None:
    """Pause the running item (nothing happens when nothing runs)."""
    with db.edit(meeting_id, actor) as session:
        for item in _running(session, meeting_id):
            if item.paused_at is None:
                item.paused_at = now or utcnow()


def resume_timer(db: Database, actor: str, meeting_id: int, now: datetime | None = None) -> None:
    """Let the paused item run again."""
    with db.edit(meeting_id, actor) as session:
        for item in _running(session, meeting_id):
            if item.paused_at is not None:
                _resume(item, now or utcnow())


def next_agenda_item(db: Database, actor: str, meeting_id: int, now: datetime | None = None) -> int | None:
    """Finish the current item and start the next one not yet started; returns its id (None at the end)."""
    moment = now or utcnow()
    with db.edit(meeting_id, actor) as session:
        items = list(session.scalars(
            select(t.AgendaItemRow).where(t.AgendaItemRow.meeting_id == meeting_id)
            .order_by(t.AgendaItemRow.position, t.AgendaItemRow.id)
        ))
        current = next((i for i in items if i.started_at is not None and i.ended_at is None), None)
        after = items.index(current) + 1 if current is not None else 0
        if current is not None:
            _finish(current, moment)
        upcoming = next((i for i in items[after:] if i.started_at is None), None)
        if upcoming is None:
            upcoming = next((i for i in items[:after] if i.started_at is None), None)
        if upcoming is not None:
            upcoming.started_at = moment
        return None if upcoming is None else int(upcoming.id)


def add_minutes(db: Database, actor: str, meeting_id: int, item_id: int, minutes: int | str) -> None:
    """Give an item more (or, negative, fewer) minutes than planned."""
    change = whole_number(minutes, "minutes", -MINUTES_MAX, MINUTES_MAX)
    with db.edit(meeting_id, actor) as session:
        item = _item(session, meeting_id, item_id)
        total = item.planned_minutes + item.extra_minutes + change
        if not 1 <= total <= MINUTES_MAX:
            raise ValidationError("out_of_range", field="planned_minutes", low=1, high=MINUTES_MAX)
        item.extra_minutes += change


def _item(session: Session, meeting_id: int, item_id: int) -> t.AgendaItemRow:
    item = session.get(t.AgendaItemRow, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise NotFoundError("agenda_item", item_id)
    return item


def _running(session: Session, meeting_id: int) -> list[t.AgendaItemRow]:
    return list(session.scalars(select(t.AgendaItemRow).where(
        t.AgendaItemRow.meeting_id == meeting_id,
        t.AgendaItemRow.started_at.is_not(None), t.AgendaItemRow.ended_at.is_(None),
    )))


def _resume(item: t.AgendaItemRow, moment: datetime) -> None:
    assert item.paused_at is not None
    item.paused_seconds += _seconds(item.paused_at, moment)
    item.paused_at = None


def _finish(item: t.AgendaItemRow, moment: datetime) -> None:
    if item.paused_at is not None:
        _resume(item, moment)
    item.ended_at = moment


def _seconds(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds()))
