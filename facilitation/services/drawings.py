"""Services for graphic recording: named drawings of a meeting, saved on every change.

Each change is one short transaction through `Database.edit` (bumping the meeting's version) and
bumps the drawing's own `revision`, which the projector polls. Saving checks the revision the
device started from, so a stale browser tab cannot silently overwrite newer strokes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select

from facilitation import pictures
from facilitation.domain import drawing as d
from facilitation.domain import model as m
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import NAME_MAX, NotFoundError, ValidationError, choice, single_line
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t

_SUMMARY = (
    t.DrawingRow.id, t.DrawingRow.meeting_id, t.DrawingRow.name, t.DrawingRow.position,
    t.DrawingRow.background, t.DrawingRow.revision,
)


def drawing_values(name: object, background: object, picture: bytes | None) -> dict[str, object]:
    """Checked columns of a new drawing: its name, background kind and picture (white paper when None)."""
    paper = pictures.blank_picture() if picture is None else pictures.checked_png(picture)
    return {
        "name": single_line(name, "drawing_name", NAME_MAX),
        "background": choice(background, m.DrawingBackground, "background").value,
        "canvas": d.EMPTY_CANVAS, "layer_png": pictures.empty_layer(), "background_png": paper, "png": paper,
    }


def create_drawing(
    db: Database, actor: str, meeting_id: int, name: str, background: str = "blank", picture: bytes | None = None
) -> int:
    """Start a new, empty drawing on a background; returns its id."""
    values = drawing_values(name, background, picture)
    return c.insert_row(db, actor, meeting_id, t.DrawingRow(position=None, revision=1, updated_at=utcnow(), **values))


def rename_drawing(db: Database, actor: str, meeting_id: int, drawing_id: int, name: str) -> None:
    """Give a drawing a new name."""
    c.update_row(db, actor, meeting_id, t.DrawingRow, drawing_id, name=single_line(name, "drawing_name", NAME_MAX))


def delete_drawing(db: Database, actor: str, meeting_id: int, drawing_id: int) -> None:
    """Delete a drawing with everything drawn on it."""
    c.delete_row(db, actor, meeting_id, t.DrawingRow, drawing_id)


def save_drawing(
    db: Database, actor: str, meeting_id: int, drawing_id: int, canvas: object, layer_png: bytes, *,
    expected_revision: int | None = None,
) -> int:
    """Store the canvas JSON and the strokes picture as they are now; returns the new revision.

    A canvas over the size limit is refused (`drawing_too_large`); a drawing changed elsewhere since
    `expected_revision` is refused (`drawing_changed_elsewhere`). An unchanged canvas writes nothing.
    """
    text = d.canvas_text(canvas)
    layer = pictures.checked_png(layer_png)
    with db.read() as session:
        current = session.execute(
            select(t.DrawingRow.revision, t.DrawingRow.canvas, t.DrawingRow.background_png)
            .where(t.DrawingRow.id == drawing_id, t.DrawingRow.meeting_id == meeting_id)
        ).first()
    if current is None:
        raise NotFoundError("drawings", drawing_id)
    _check_revision(current.revision, expected_revision)
    if current.canvas == text:
        return int(current.revision)
    picture = pictures.compose(current.background_png, layer)  # before the transaction: the write lock is held briefly
    with db.edit(meeting_id, actor) as session:
        row = c.owned_row(session, t.DrawingRow, meeting_id, drawing_id)
        _check_revision(row.revision, expected_revision)
        if row.revision != current.revision:  # changed meanwhile (no revision was expected): maybe a new background
            picture = pictures.compose(row.background_png, layer)
        row.canvas, row.layer_png, row.png = text, layer, picture
        return _bump(row)


def clear_drawing(db: Database, actor: str, meeting_id: int, drawing_id: int) -> int:
    """Wipe every stroke off a drawing (its name and background stay); returns the new revision."""
    with db.edit(meeting_id, actor) as session:
        row = c.owned_row(session, t.DrawingRow, meeting_id, drawing_id)
        row.canvas, row.layer_png, row.png = d.EMPTY_CANVAS, pictures.empty_layer(), row.background_png
        return _bump(row)


def set_drawing_background(
    db: Database, actor: str, meeting_id: int, drawing_id: int, background: str, picture: bytes | None = None
) -> int:
    """Put the drawing on another background (the strokes stay); returns the new revision."""
    kind = choice(background, m.DrawingBackground, "background").value
    paper = pictures.blank_picture() if picture is None else pictures.checked_png(picture)
    with db.edit(meeting_id, actor) as session:
        row = c.owned_row(session, t.DrawingRow, meeting_id, drawing_id)
        row.background, row.background_png, row.png = kind, paper, pictures.compose(paper, row.layer_png)
        return _bump(row)


def keep_picture_as_background(db: Database, actor: str, meeting_id: int, drawing_id: int) -> int:
    """Rescue a drawing whose canvas is damaged: its last picture becomes the background of an empty canvas."""
    with db.edit(meeting_id, actor) as session:
        row = c.owned_row(session, t.DrawingRow, meeting_id, drawing_id)
        paper = pictures.checked_png(row.png)
        row.background_png, row.canvas, row.layer_png = paper, d.EMPTY_CANVAS, pictures.empty_layer()
        return _bump(row)


def list_drawings(db: Database, meeting_id: int) -> list[m.Drawing]:
    """The meeting's drawings in their order (names and revisions only; no canvas, no pictures)."""
    with db.read() as session:
        rows = session.execute(
            select(*_SUMMARY).where(t.DrawingRow.meeting_id == meeting_id)
            .order_by(t.DrawingRow.position, t.DrawingRow.id)
        ).all()
    return [_drawing_of(row) for row in rows]


def latest_drawing(db: Database, meeting_id: int) -> m.Drawing | None:
    """The drawing changed most recently (the one being drawn now), if the meeting has any."""
    with db.read() as session:
        row = session.execute(
            select(*_SUMMARY).where(t.DrawingRow.meeting_id == meeting_id)
            .order_by(t.DrawingRow.updated_at.desc(), t.DrawingRow.id.desc()).limit(1)
        ).first()
    return None if row is None else _drawing_of(row)


def drawing_revision(db: Database, meeting_id: int, drawing_id: int) -> int | None:
    """The drawing's revision (None if it is gone): one indexed read, cheap enough to poll."""
    with db.engine.connect() as connection:
        return connection.execute(
            select(t.DrawingRow.revision)
            .where(t.DrawingRow.id == drawing_id, t.DrawingRow.meeting_id == meeting_id)
        ).scalar_one_or_none()


def drawing_canvas(db: Database, meeting_id: int, drawing_id: int) -> tuple[int, str]:
    """The revision and the canvas JSON text to go on drawing from (checked: a damaged one raises `drawing_corrupt`).

    Text rather than a dict: the canvas page caches it per revision, and parsed JSON takes ten times the memory.
    """
    revision, text = _columns(db, meeting_id, drawing_id, t.DrawingRow.canvas)
    d.canvas_of(text)
    return revision, text


def drawing_png(db: Database, meeting_id: int, drawing_id: int) -> tuple[int, bytes]:
    """The newest picture of the drawing (strokes on background) and its revision: for projector and minute."""
    return _columns(db, meeting_id, drawing_id, t.DrawingRow.png)


def drawing_background_png(db: Database, meeting_id: int, drawing_id: int) -> tuple[int, bytes]:
    """The drawing's background picture, and the drawing's revision."""
    return _columns(db, meeting_id, drawing_id, t.DrawingRow.background_png)


def _columns(db: Database, meeting_id: int, drawing_id: int, column: Any) -> tuple[int, Any]:
    with db.read() as session:
        row = session.execute(
            select(t.DrawingRow.revision, column)
            .where(t.DrawingRow.id == drawing_id, t.DrawingRow.meeting_id == meeting_id)
        ).first()
    if row is None:
        raise NotFoundError("drawings", drawing_id)
    return int(row[0]), row[1]


def _check_revision(stored: int, expected: int | None) -> None:
    if expected is not None and stored != expected:
        raise ValidationError("drawing_changed_elsewhere")


def _bump(row: t.DrawingRow) -> int:
    row.revision += 1
    row.updated_at = utcnow()
    return int(row.revision)


def _drawing_of(row: Row[Any]) -> m.Drawing:
    # An unknown background name (a damaged row) shows as white paper rather than breaking the list.
    known = row.background in set(m.DrawingBackground)
    background = m.DrawingBackground(row.background) if known else m.DrawingBackground.BLANK
    return m.Drawing(row.id, row.meeting_id, row.name, row.position, background, row.revision)
