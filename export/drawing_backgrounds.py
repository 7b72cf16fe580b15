"""Pictures to draw on: the board's three columns as a template, and the network map fitted to the canvas.

Both are opaque PNGs of exactly the canvas size (facilitation.drawing), so the strokes the browser
renders lie on them pixel for pixel. Pillow only; fonts are the DejaVu faces matplotlib ships.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from export.map_png import render_map_png
from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH
from facilitation.domain.model import MeetingRecord
from facilitation.domain.words import DEFAULT

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
# Okabe-Ito colours, as on the network map: worries, what works, next steps.
COLUMN_COLOURS = ((213, 94, 0), (0, 158, 115), (0, 114, 178))
HEADER_PX = 96
MARGIN_PX = 12
TITLE_PX = 24
MAP_LIGHTEN = 0.2  # a little paler, so the strokes stand out on the map


def board_template_png(titles: Sequence[str], *, width: int = CANVAS_WIDTH, height: int = CANVAS_HEIGHT) -> bytes:
    """Three columns with their questions as headers (given in the reader's language by the caller)."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), TITLE_PX)
    column = (width - MARGIN_PX * (len(titles) + 1)) / max(1, len(titles))
    for index, (title, colour) in enumerate(zip(titles, _colours(len(titles)), strict=True)):
        left = MARGIN_PX + index * (column + MARGIN_PX)
        box = (round(left), MARGIN_PX, round(left + column), height - MARGIN_PX)
        draw.rounded_rectangle(box, radius=14, fill=_tint(colour, 0.07), outline=_tint(colour, 0.5), width=2)
        draw.rounded_rectangle((box[0], box[1], box[2], box[1] + HEADER_PX), radius=14, fill=_tint(colour, 0.2))
        lines = _wrapped(draw, title, font, column - 24)[:3]
        top = box[1] + (HEADER_PX - len(lines) * (TITLE_PX + 6)) / 2
        for number, line in enumerate(lines):
            draw.text(((box[0] + box[2]) / 2, top + number * (TITLE_PX + 6)), line, font=font,
                      fill=_shade(colour), anchor="ma")
    return _png(image)


def map_background_png(
    record: MeetingRecord, *, width: int = CANVAS_WIDTH, height: int = CANVAS_HEIGHT, language: str = DEFAULT
) -> bytes:
    """The meeting's network map as it is now (its words in `language`), whole and centred on white, paler."""
    side = height  # the map is about square: render it at the canvas height, so names stay readable
    picture = render_map_png(record, width_px=round(side * 0.94), height_px=side, dpi=150, language=language)
    return fit_picture(picture, width=width, height=height, lighten=MAP_LIGHTEN)


def fit_picture(data: bytes, *, width: int = CANVAS_WIDTH, height: int = CANVAS_HEIGHT, lighten: float = 0.0) -> bytes:
    """Any picture scaled to fit inside the canvas (aspect kept), centred on white; optionally paler."""
    with Image.open(io.BytesIO(data)) as source:
        picture = source.convert("RGBA")
    picture.thumbnail((width, height), Image.Resampling.LANCZOS)
    page = Image.new("RGBA", (width, height), "white")
    page.alpha_composite(picture, ((width - picture.width) // 2, (height - picture.height) // 2))
    if lighten:
        page = Image.blend(page, Image.new("RGBA", page.size, "white"), lighten)
    return _png(page.convert("RGB"))


def _colours(count: int) -> list[tuple[int, int, int]]:
    return [COLUMN_COLOURS[i % len(COLUMN_COLOURS)] for i in range(count)]


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """The colour mixed into white: `share` of the colour."""
    return tuple(round(255 - (255 - c) * share) for c in colour)  # type: ignore[return-value]


def _shade(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """A darker shade of the colour, for text that must be readable on its tint."""
    return tuple(round(c * 0.6) for c in colour)  # type: ignore[return-value]


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
