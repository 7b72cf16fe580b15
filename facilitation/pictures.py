"""The drawing's pictures with Pillow: checked on the way in, composed for the projector and the minute.

Kept out of the pure domain (facilitation.domain.drawing holds the rules and sizes); no web or database code.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH, PNG_MAX_BYTES
from facilitation.domain.validation import ValidationError

WHITE = (255, 255, 255, 255)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def checked_png(data: object, size: tuple[int, int] = (CANVAS_WIDTH, CANVAS_HEIGHT)) -> bytes:
    """PNG bytes of exactly `size` pixels that decode whole; anything else is refused."""
    if not isinstance(data, bytes) or not data.startswith(_PNG_SIGNATURE) or len(data) > PNG_MAX_BYTES:
        raise ValidationError("drawing_picture_invalid")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or image.size != size:  # checked before decoding: no decompression bombs
                raise ValidationError("drawing_picture_invalid")
            image.load()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        raise ValidationError("drawing_picture_invalid") from None
    return data


def blank_picture(colour: tuple[int, int, int, int] = WHITE) -> bytes:
    """A picture of canvas size in one colour (white paper, or a transparent empty layer)."""
    return _png(Image.new("RGBA", (CANVAS_WIDTH, CANVAS_HEIGHT), colour))


def empty_layer() -> bytes:
    """A transparent layer: a drawing with no strokes."""
    return blank_picture((0, 0, 0, 0))


def compose(background: bytes, layer: bytes) -> bytes:
    """The strokes laid on the background, as an opaque PNG of canvas size (the projector's picture).

    A damaged stored picture (or two of different sizes) raises ValidationError('drawing_picture_invalid').
    """
    try:
        with Image.open(io.BytesIO(background)) as paper, Image.open(io.BytesIO(layer)) as strokes:
            picture = Image.alpha_composite(paper.convert("RGBA"), strokes.convert("RGBA"))
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        raise ValidationError("drawing_picture_invalid") from None
    return _png(picture.convert("RGB"))


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)  # level 3: a quarter of the default's time, ~10 % bigger
    return buffer.getvalue()
