"""Graphic recording: what a stored drawing may hold (its pictures are checked and composed in facilitation.pictures).

A drawing is kept three ways: the canvas as Fabric.js JSON (what streamlit-drawable-canvas returns
and takes back as `initial_drawing`, so it can be edited later), the strokes as a transparent PNG
(what the browser renders), and the background picture; the picture for the projector and the
minute is the strokes laid on the background. No web or database code here.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from facilitation.domain.validation import ValidationError

CANVAS_WIDTH = 1120
CANVAS_HEIGHT = 630
CANVAS_MAX_BYTES = 5_000_000
"""The canvas JSON limit: roughly 2,000 long freehand strokes. The component sends the whole drawing on
every stroke, so a bigger one would make each stroke slow to save and to send back."""
PNG_MAX_BYTES = 8_000_000
EMPTY_CANVAS = '{"objects":[]}'

# Every kind of object the drawing tools make (Fabric.js registers each name and its lower-case form).
OBJECT_TYPES = frozenset({
    "path", "line", "rect", "circle", "ellipse", "triangle", "polygon", "polyline",
    "i-text", "itext", "text", "textbox", "labeledrect",
})
_TEXT_TYPES = frozenset({"i-text", "itext", "text", "textbox"})
_DATA_URL_PREFIX = "data:image/png;base64,"


def canvas_text(canvas: object) -> str:
    """The canvas as compact JSON text, checked: an object whose "objects" are known shapes, within the limit."""
    if isinstance(canvas, str | bytes):
        canvas = _parsed(canvas, "drawing_invalid")
    shaped = _checked_shape(canvas, "drawing_invalid")
    kept = {**shaped, "objects": [o for o in shaped["objects"] if not _empty_text(o)]}
    try:
        text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        raise ValidationError("drawing_invalid") from None
    size = len(text.encode("utf-8"))
    if size > CANVAS_MAX_BYTES:
        raise ValidationError(
            "drawing_too_large", size_mb=f"{size / 1_000_000:.1f}", limit_mb=f"{CANVAS_MAX_BYTES / 1_000_000:g}"
        )
    return text


def canvas_of(text: str) -> dict[str, Any]:
    """The stored canvas JSON as a dict; a damaged one raises ValidationError('drawing_corrupt')."""
    return _checked_shape(_parsed(text, "drawing_corrupt"), "drawing_corrupt")


def object_count(canvas: dict[str, Any]) -> int:
    """How many strokes, shapes and texts the canvas holds."""
    return len(canvas.get("objects", []))


def png_from_data_url(url: object) -> bytes:
    """The PNG bytes of a `data:image/png;base64,…` URL as the canvas component sends them."""
    if not isinstance(url, str) or not url.startswith(_DATA_URL_PREFIX):
        raise ValidationError("drawing_picture_invalid")
    if len(url) > PNG_MAX_BYTES * 4 // 3 + len(_DATA_URL_PREFIX) + 4:
        raise ValidationError("drawing_picture_invalid")
    try:
        return base64.b64decode(url[len(_DATA_URL_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("drawing_picture_invalid") from None


def _parsed(text: str | bytes, code: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise ValidationError(code) from None


def _empty_text(item: dict[str, Any]) -> bool:
    """A text placed with the text tool but never typed in (every click with the tool places one)."""
    return str(item.get("type", "")).lower() in _TEXT_TYPES and not str(item.get("text", "")).strip()


def _checked_shape(canvas: object, code: str) -> dict[str, Any]:
    """The canvas itself once it is a dict whose "objects" are known shapes; else ValidationError(code)."""
    if not isinstance(canvas, dict) or not isinstance(canvas.get("objects"), list):
        raise ValidationError(code)
    for item in canvas["objects"]:
        if not isinstance(item, dict) or str(item.get("type", "")).lower() not in OBJECT_TYPES:
            raise ValidationError(code)
    return canvas
