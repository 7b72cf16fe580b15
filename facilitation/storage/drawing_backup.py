"""The drawings' part of the meeting file (facilitation.storage.backup): canvas JSON as text, pictures as base64.

The canvas is kept as one JSON string, not nested JSON: pretty-printing thousands of stroke points one
per line would make the file many times bigger. The "drawings" list is optional when loading, so files
written before drawings existed still load.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select

from facilitation import pictures
from facilitation.domain import drawing as d
from facilitation.domain import model as m
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import NAME_MAX, ValidationError, choice, single_line
from facilitation.storage import Database
from facilitation.storage import tables as t


def dump_drawings(db: Database, meeting_id: int) -> list[dict[str, Any]]:
    """The meeting's drawings in their order, ready for the meeting file."""
    with db.read() as session:
        rows = session.scalars(
            select(t.DrawingRow).where(t.DrawingRow.meeting_id == meeting_id)
            .order_by(t.DrawingRow.position, t.DrawingRow.id)
        ).all()
        return [
            {
                "name": row.name, "background": row.background, "canvas": row.canvas,
                "png": _b64(row.png), "layer_png": _b64(row.layer_png), "background_png": _b64(row.background_png),
            }
            for row in rows
        ]


def store_drawing(add: Callable[[Any], Any], item: Mapping[str, Any], position: int) -> None:
    """Add one drawing of the file to the meeting being loaded (`add` sets the meeting); every value is checked."""
    paper = _picture(item.get("background_png")) or pictures.blank_picture()
    layer = _picture(item.get("layer_png")) or pictures.empty_layer()
    add(t.DrawingRow(
        name=single_line(item["name"], "drawing_name", NAME_MAX),
        background=choice(item.get("background", "blank"), m.DrawingBackground, "background").value,
        canvas=d.canvas_text(item.get("canvas", d.EMPTY_CANVAS)),
        layer_png=layer, background_png=paper, png=_picture(item.get("png")) or pictures.compose(paper, layer),
        position=position, revision=1, updated_at=utcnow(),
    ))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _picture(value: object) -> bytes | None:
    """A base64 PNG of canvas size from the file, or None when the file leaves it out."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValidationError("drawing_picture_invalid")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("drawing_picture_invalid") from None
    return pictures.checked_png(data)
