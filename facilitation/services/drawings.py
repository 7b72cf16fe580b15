"""Services for graphic recording: named drawings of a meeting, saved on every change.

Each change is one short transaction through `Database.edit` (bumping the meeting's version) and
bumps the drawing's own `revision`, which the projector polls. Saving checks the revision the
device started from, so a stale browser tab cannot silently overwrite newer strokes.
"""

from __future__ import annotations

from typing import Any

from facilitation import pictures
from facilitation.domain import drawing as d
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import NAME_MAX, ValidationError, choice, single_line
from facilitation.storage import Database, meeting_edit
from facilitation.storage import drawings as store
from facilitation.storage.meeting_edit import MeetingEdit, edit


def drawing_values(name: object, background: object, picture: bytes | None) -> dict[str, object]:
    """Checked columns of a new drawing: its name, background kind and picture (white paper when None)."""
    paper = pictures.blank_picture() if picture is None else pictures.checked_png(picture)
    return {
        "name": single_line(name, "drawing_name", NAME_MAX),
        "background": choice(background, m.DrawingBackground, "background").value,
        "canvas": d.EMPTY_CANVAS, "layer_png": pictures.empty_layer(), "background_png": paper, "png": paper,
    }


def create_drawing(
    db: Database, actor: Actor, meeting_id: int, name: str, background: str = "blank", picture: bytes | None = None
) -> int:
    """Start a new, empty drawing on a background; returns its id."""
    values = drawing_values(name, background, picture)
    return meeting_edit.insert_item(db, actor, meeting_id, m.Drawing, revision=1, updated_at=utcnow(), **values)


def rename_drawing(db: Database, actor: Actor, meeting_id: int, drawing_id: int, name: str) -> None:
    """Give a drawing a new name."""
    checked = single_line(name, "drawing_name", NAME_MAX)
    meeting_edit.update_item(db, actor, meeting_id, m.Drawing, drawing_id, name=checked)


def delete_drawing(db: Database, actor: Actor, meeting_id: int, drawing_id: int) -> None:
    """Delete a drawing with everything drawn on it."""
    meeting_edit.delete_item(db, actor, meeting_id, m.Drawing, drawing_id)


def save_drawing(
    db: Database, actor: Actor, meeting_id: int, drawing_id: int, canvas: object, layer_png: bytes, *,
    expected_revision: int | None = None,
) -> int:
    """Store the canvas JSON and the strokes picture as they are now; returns the new revision.

    A canvas over the size limit is refused (`drawing_too_large`); a drawing changed elsewhere since
    `expected_revision` is refused (`drawing_changed_elsewhere`). An unchanged canvas writes nothing.
    """
    text = d.canvas_text(canvas)
    layer = pictures.checked_png(layer_png)
    revision, canvas, background_png = store.stored(
        db, meeting_id, drawing_id, "revision", "canvas", "background_png", viewer=actor
    )
    _check_revision(revision, expected_revision)
    if canvas == text:
        return int(revision)
    picture = pictures.compose(background_png, layer)  # before the transaction: the write lock is held briefly
    with edit(db, meeting_id, actor) as e:
        now_revision, now_background = e.columns(m.Drawing, drawing_id, "revision", "background_png")
        _check_revision(now_revision, expected_revision)
        if now_revision != revision:  # changed meanwhile (no revision was expected): maybe a new background
            picture = pictures.compose(now_background, layer)
        return _save(e, drawing_id, canvas=text, layer_png=layer, png=picture)


def clear_drawing(db: Database, actor: Actor, meeting_id: int, drawing_id: int) -> int:
    """Wipe every stroke off a drawing (its name and background stay); returns the new revision."""
    with edit(db, meeting_id, actor) as e:
        (background_png,) = e.columns(m.Drawing, drawing_id, "background_png")
        return _save(e, drawing_id, canvas=d.EMPTY_CANVAS, layer_png=pictures.empty_layer(), png=background_png)


def set_drawing_background(
    db: Database, actor: Actor, meeting_id: int, drawing_id: int, background: str, picture: bytes | None = None
) -> int:
    """Put the drawing on another background (the strokes stay); returns the new revision."""
    kind = choice(background, m.DrawingBackground, "background").value
    paper = pictures.blank_picture() if picture is None else pictures.checked_png(picture)
    with edit(db, meeting_id, actor) as e:
        (layer_png,) = e.columns(m.Drawing, drawing_id, "layer_png")
        return _save(e, drawing_id, background=kind, background_png=paper, png=pictures.compose(paper, layer_png))


def keep_picture_as_background(db: Database, actor: Actor, meeting_id: int, drawing_id: int) -> int:
    """Rescue a drawing whose canvas is damaged: its last picture becomes the background of an empty canvas."""
    with edit(db, meeting_id, actor) as e:
        paper = pictures.checked_png(e.columns(m.Drawing, drawing_id, "png")[0])
        return _save(e, drawing_id, background_png=paper, canvas=d.EMPTY_CANVAS, layer_png=pictures.empty_layer())


def list_drawings(db: Database, meeting_id: int, *, viewer: Actor) -> list[m.Drawing]:
    """The meeting's drawings in their order (names and revisions only; no canvas, no pictures)."""
    return store.summaries(db, meeting_id, viewer)


def latest_drawing(db: Database, meeting_id: int, *, viewer: Actor) -> m.Drawing | None:
    """The drawing changed most recently (the one being drawn now), if the meeting has any."""
    return store.latest(db, meeting_id, viewer)


def drawing_revision(db: Database, meeting_id: int, drawing_id: int, *, viewer: Actor) -> int | None:
    """The drawing's revision (None if it is gone): one indexed read, cheap enough to poll."""
    return store.revision(db, meeting_id, drawing_id, viewer)


def drawing_canvas(db: Database, meeting_id: int, drawing_id: int, *, viewer: Actor) -> tuple[int, str]:
    """The revision and the canvas JSON text to go on drawing from (checked: a damaged one raises `drawing_corrupt`).

    Text rather than a dict: the canvas page caches it per revision, and parsed JSON takes ten times the memory.
    """
    revision, text = store.stored(db, meeting_id, drawing_id, "revision", "canvas", viewer=viewer)
    d.canvas_of(text)
    return int(revision), str(text)


def drawing_png(db: Database, meeting_id: int, drawing_id: int, *, viewer: Actor) -> tuple[int, bytes]:
    """The newest picture of the drawing (strokes on background) and its revision: for projector and minute."""
    revision, png = store.stored(db, meeting_id, drawing_id, "revision", "png", viewer=viewer)
    return int(revision), bytes(png)


def drawing_background_png(db: Database, meeting_id: int, drawing_id: int, *, viewer: Actor) -> tuple[int, bytes]:
    """The drawing's background picture, and the drawing's revision."""
    revision, png = store.stored(db, meeting_id, drawing_id, "revision", "background_png", viewer=viewer)
    return int(revision), bytes(png)


def _check_revision(stored: int, expected: int | None) -> None:
    if expected is not None and stored != expected:
        raise ValidationError("drawing_changed_elsewhere")


def _save(e: MeetingEdit, drawing_id: int, **values: Any) -> int:
    """Store the changed parts of a drawing with a new revision; returns that revision."""
    (revision,) = e.columns(m.Drawing, drawing_id, "revision")
    e.update(m.Drawing, drawing_id, revision=revision + 1, updated_at=utcnow(), **values)
    return int(revision) + 1
