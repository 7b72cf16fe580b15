"""Reading a meeting's drawings: summaries for lists, and one drawing's canvas or pictures on demand."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.validation import NotFoundError
from facilitation.storage import access_rows, rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database

_SUMMARY = (
    t.DrawingRow.id, t.DrawingRow.meeting_id, t.DrawingRow.name, t.DrawingRow.position,
    t.DrawingRow.background, t.DrawingRow.revision,
)
STORED = ("revision", "canvas", "layer_png", "background_png", "png")
"""The stored parts of a drawing a service may read by name."""
# Every read is limited to meetings the viewer may see: another case's drawing is as missing as a deleted one.


def summaries(db: Database, meeting_id: int, viewer: Actor) -> list[m.Drawing]:
    """The meeting's drawings in their order (names and revisions only; no canvas, no pictures)."""
    with db.read() as session:
        found = session.execute(
            select(*_SUMMARY).where(t.DrawingRow.meeting_id == meeting_id, _seen_by(viewer))
            .order_by(t.DrawingRow.position, t.DrawingRow.id)
        ).all()
    return [rows.drawing_of(row) for row in found]


def latest(db: Database, meeting_id: int, viewer: Actor) -> m.Drawing | None:
    """The drawing changed most recently, if the meeting has any."""
    with db.read() as session:
        row = session.execute(
            select(*_SUMMARY).where(t.DrawingRow.meeting_id == meeting_id, _seen_by(viewer))
            .order_by(t.DrawingRow.updated_at.desc(), t.DrawingRow.id.desc()).limit(1)
        ).first()
    return None if row is None else rows.drawing_of(row)


def revision(db: Database, meeting_id: int, drawing_id: int, viewer: Actor) -> int | None:
    """The drawing's revision (None if it is gone): one indexed read, cheap enough to poll."""
    with db.engine.connect() as connection:
        return connection.execute(
            select(t.DrawingRow.revision)
            .where(t.DrawingRow.id == drawing_id, t.DrawingRow.meeting_id == meeting_id, _seen_by(viewer))
        ).scalar_one_or_none()


def stored(db: Database, meeting_id: int, drawing_id: int, *names: str, viewer: Actor) -> tuple[Any, ...]:
    """Stored parts of one drawing (of STORED) in one read, else NotFoundError."""
    columns = [getattr(t.DrawingRow, name) for name in names if name in STORED]
    with db.read() as session:
        row = session.execute(
            select(*columns)
            .where(t.DrawingRow.id == drawing_id, t.DrawingRow.meeting_id == meeting_id, _seen_by(viewer))
        ).first()
    if row is None:
        raise NotFoundError("drawings", drawing_id)
    return tuple(row)


def _seen_by(viewer: Actor) -> Any:
    return access_rows.member_of_meeting(t.DrawingRow.meeting_id, viewer)
