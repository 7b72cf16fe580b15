"""Drawings for the tests: Fabric.js canvas JSON shaped like the component's, and stroke layers as PNG.

Each stroke and each layer is made once per test run: 3,000 strokes take seconds of pure Python to generate and a
canvas-sized PNG about 0.1 s to encode, and the drawing tests ask for them dozens of times. Strokes are handed out
as fresh copies (a test may change one); a layer is bytes, which nobody can change.
"""

from __future__ import annotations

import functools
import io
import json
import math
import random
from typing import Any

from PIL import Image, ImageDraw

from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH

RED = (200, 30, 40, 255)


def stroke(index: int, points: int = 40, seed: int = 0) -> dict[str, Any]:
    """One freehand stroke as Fabric.js 7 writes it (a Path of quadratic curves, all its default properties)."""
    fresh: dict[str, Any] = json.loads(_stroke_json(index, points, seed))  # a copy the test may change
    return fresh


@functools.cache
def _stroke_json(index: int, points: int, seed: int) -> str:
    rng = random.Random(seed * 100_003 + index)
    x, y = rng.uniform(50, CANVAS_WIDTH - 50), rng.uniform(50, CANVAS_HEIGHT - 50)
    path: list[list[Any]] = [["M", round(x, 3), round(y, 3)]]
    for step in range(points):
        angle = step / 6 + rng.uniform(-0.3, 0.3)
        nx, ny = x + 4 * math.cos(angle), y + 4 * math.sin(angle)
        path.append(["Q", round(x, 3), round(y, 3), round((x + nx) / 2, 3), round((y + ny) / 2, 3)])
        x, y = nx, ny
    path.append(["L", round(x, 3), round(y, 3)])
    return json.dumps({
        "type": "Path", "version": "7.0.0", "originX": "left", "originY": "top", "left": round(x, 2),
        "top": round(y, 2), "width": 80.5, "height": 60.25, "fill": None, "stroke": "#1F3A93", "strokeWidth": 4,
        "strokeDashArray": None, "strokeLineCap": "round", "strokeDashOffset": 0, "strokeLineJoin": "round",
        "strokeUniform": False, "strokeMiterLimit": 10, "scaleX": 1, "scaleY": 1, "angle": 0, "flipX": False,
        "flipY": False, "opacity": 1, "shadow": None, "visible": True, "backgroundColor": "", "fillRule": "nonzero",
        "paintFirst": "fill", "globalCompositeOperation": "source-over", "skewX": 0, "skewY": 0, "path": path,
    })


def canvas(strokes: int = 1, points: int = 40) -> dict[str, Any]:
    """A canvas with this many freehand strokes."""
    objects = ", ".join(_stroke_json(i, points, 0) for i in range(strokes))
    fresh: dict[str, Any] = json.loads(f'{{"version": "7.0.0", "objects": [{objects}], "background": ""}}')
    return fresh


@functools.cache
def layer(*lines: tuple[int, int, int, int], colour: tuple[int, int, int, int] = RED) -> bytes:
    """A transparent layer of canvas size with thick lines, as the browser's PNG of the strokes."""
    image = Image.new("RGBA", (CANVAS_WIDTH, CANVAS_HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for line in lines or ((100, 100, 600, 400),):
        draw.line(line, fill=colour, width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def picture(data: bytes) -> Image.Image:
    """A stored PNG opened (and fully decoded) for checking its size and pixels."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
